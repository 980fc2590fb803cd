#pragma once

#include "core/Result.h"

#include <QChartView>

class QAction;

namespace rapport {

// A chart view with "Save image…" on its context menu, which writes what is shown as a PNG.
class ChartView : public QChartView
{
    Q_OBJECT

public:
    // `fileName` is what the save dialog proposes ("acceptance-rate.png").
    ChartView(QChart* chart, const QString& fileName, QWidget* parent = nullptr);

    // Writes the chart as shown, at the screen's pixel ratio, through QSaveFile, readable by the user alone
    // (0600); a target that exists and is not a regular file (a FIFO, a device) is refused.
    Status saveImage(const QString& path);
    QAction* saveImageAction() const { return m_saveImage; }

private:
    void chooseFileAndSave();

    QString m_fileName;
    QAction* m_saveImage = nullptr;
};

} // namespace rapport
