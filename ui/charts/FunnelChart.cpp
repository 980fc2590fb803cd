#include "ui/charts/FunnelChart.h"

#include "ui/charts/ChartFormat.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

namespace rapport {

FunnelChart::FunnelChart(QGraphicsItem* parent)
    : QChart(parent)
    , m_steps(new QBarCategoryAxis(this))
    , m_count(new QValueAxis(this))
{
    setMargins(QMargins(4, 4, 12, 4));
    legend()->hide();
    m_count->setLabelFormat(QStringLiteral("%d"));
    addAxis(m_count, Qt::AlignBottom);
    addAxis(m_steps, Qt::AlignLeft);
}

QList<std::pair<QString, int>> FunnelChart::steps() const
{
    return {
        { tr("Sent"), m_funnel.sent },
        { tr("Accepted"), m_funnel.accepted },
        { tr("Followed up"), m_funnel.followedUp },
        { tr("Replied"), m_funnel.replied },
    };
}

void FunnelChart::setFunnel(const Funnel& funnel, const ChartPalette& colors)
{
    removeAllSeries();
    m_funnel = funnel;
    colors.style(this);
    colors.style(m_count);
    colors.style(m_steps);
    m_steps->setGridLineVisible(false);

    const QList<std::pair<QString, int>> all = steps();
    const QLocale locale;
    auto* set = new QBarSet(tr("Requests"));
    set->setColor(colors.accepted);
    set->setBorderColor(colors.accepted);
    QStringList categories;
    // Bottom row first: horizontal bars grow upwards.
    for (int step = int(all.size()) - 1; step >= 0; --step) {
        *set << all[step].second;
        QString label = QStringLiteral("%1 · %2").arg(all[step].first, locale.toString(all[step].second));
        if (step > 0 && all[step - 1].second > 0)
            label += QStringLiteral(" (%1)").arg(ChartFormat::percent(double(all[step].second) / all[step - 1].second));
        categories.append(label);
    }
    auto* bars = new QHorizontalBarSeries(this);
    bars->append(set);
    bars->setBarWidth(0.6);
    addSeries(bars);
    m_steps->setCategories(categories);
    bars->attachAxis(m_steps);
    bars->attachAxis(m_count);
    m_count->setRange(0, ChartFormat::niceAxisTop(std::max(funnel.sent, 1)));
    m_count->setTickCount(6);
    const int rows = int(all.size());
    connect(set, &QBarSet::hovered, this, [this, rows](bool status, int index) {
        if (status)
            QToolTip::showText(QCursor::pos(), toolTip(rows - 1 - index));
        else
            QToolTip::hideText();
    });
}

QString FunnelChart::toolTip(int step) const
{
    const QList<std::pair<QString, int>> all = steps();
    if (step < 0 || step >= all.size())
        return {};
    const QString meaning[] = {
        tr("Connection requests sent in the period"),
        tr("Requests accepted, whenever the answer came"),
        tr("Accepted, then sent something useful (content shared)"),
        tr("Followed up, then a message came back"),
    };
    QString text = QStringLiteral("<b>%1</b>: %2<br>%3")
                       .arg(all[step].first.toHtmlEscaped(), QLocale().toString(all[step].second),
                            meaning[step].toHtmlEscaped());
    if (step > 0 && all[step - 1].second > 0) {
        text += QStringLiteral("<br>")
            + tr("%1 of the %2 before")
                  .arg(ChartFormat::percent(double(all[step].second) / all[step - 1].second),
                       QLocale().toString(all[step - 1].second));
    }
    return text;
}

} // namespace rapport
