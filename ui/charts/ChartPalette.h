#pragma once

#include <QColor>

class QAbstractAxis;
class QChart;
class QPalette;

namespace rapport {

// The colours of the Insights charts, picked from the widget palette so that they read in light and
// dark mode alike.
struct ChartPalette
{
    QColor text;
    QColor mutedText;
    QColor grid;
    QColor rate; // the acceptance-rate line and bars
    QColor interval; // the Wilson band around it
    QColor healthy; // the 30-50% band
    QColor sent;
    QColor accepted;
    QColor tooFew; // groups with too few decided requests to tell

    static ChartPalette from(const QPalette& palette);

    // A transparent background (the page shows through), the palette's text for titles and legend.
    void style(QChart* chart) const;
    void style(QAbstractAxis* axis) const;
};

} // namespace rapport
