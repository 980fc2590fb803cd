#include "ui/charts/ChartPalette.h"

#include "ui/views/StatusColors.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPalette>

namespace rapport {

ChartPalette ChartPalette::from(const QPalette& palette)
{
    const bool dark = StatusColors::isDark(palette);
    ChartPalette colors;
    colors.text = palette.color(QPalette::WindowText);
    colors.mutedText = palette.color(QPalette::PlaceholderText);
    colors.grid = palette.color(QPalette::Mid);
    colors.grid.setAlpha(dark ? 110 : 90);
    colors.rate = dark ? QColor(0x6c, 0xb0, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    colors.interval = colors.rate;
    colors.interval.setAlpha(dark ? 70 : 55);
    colors.healthy = dark ? QColor(0x4c, 0xc3, 0x6a, 45) : QColor(0x2e, 0xa0, 0x43, 38);
    colors.sent = dark ? QColor(0x4b, 0x55, 0x63) : QColor(0xcf, 0xd8, 0xe3);
    colors.accepted = dark ? QColor(0x3f, 0xb8, 0xaf) : QColor(0x2a, 0x9d, 0x8f);
    colors.tooFew = dark ? QColor(0x5f, 0x63, 0x68) : QColor(0xbd, 0xc1, 0xc6);
    return colors;
}

void ChartPalette::style(QChart* chart) const
{
    chart->setBackgroundVisible(false);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
}

void ChartPalette::style(QAbstractAxis* axis) const
{
    axis->setLabelsColor(text);
    axis->setTitleBrush(mutedText);
    axis->setGridLineColor(grid);
    axis->setMinorGridLineColor(grid);
    axis->setLinePenColor(grid);
}

} // namespace rapport
