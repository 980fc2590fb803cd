#include "ui/charts/ChartView.h"

#include "ui/dialogs/FileDialogs.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPixmap>
#include <QSaveFile>
#include <QStandardPaths>

namespace rapport {

ChartView::ChartView(QChart* chart, const QString& fileName, QWidget* parent)
    : QChartView(chart, parent)
    , m_fileName(fileName)
    , m_saveImage(new QAction(tr("Save image…"), this))
{
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    addAction(m_saveImage);
    connect(m_saveImage, &QAction::triggered, this, &ChartView::chooseFileAndSave);
}

Status ChartView::saveImage(const QString& path)
{
    // Written to a new file renamed over the target: a device or a pipe would be replaced by a file.
    if (const QFileInfo target(path); target.exists() && !target.isFile()) {
        return Error { tr("%1 is not a regular file: the image is saved to a file, new or existing.")
                           .arg(QDir::toNativeSeparators(path)) };
    }
    const QPixmap image = grab();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    // A chart of the user's network is as private as the database it comes from, whatever the umask.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!image.save(&file, "PNG") || !file.commit())
        return Error { tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    return success();
}

void ChartView::chooseFileAndSave()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QString path = FileDialogs::getSaveFileName(this, tr("Save Chart as Image"), QDir(folder).filePath(m_fileName),
                                                tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".png");
    if (Status saved = saveImage(path); !saved)
        QMessageBox::warning(this, tr("Cannot save the image"), saved.error());
}

} // namespace rapport
