#include "ui/dialogs/FileDialogs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileIconProvider>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QHash>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QMutex>
#include <QSet>
#include <QSortFilterProxyModel>

#include <utility>

namespace rapport::FileDialogs {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("FileDialogs", text);
}

const char* const kCompanions[] = { "", "-wal", "-shm", "-journal" };

// The protected databases' files, by their absolute and canonical paths, and their names, which are
// compared first so that most rows of a folder cost no path resolution.
struct Protected
{
    QMutex mutex;
    QHash<QString, int> databases; // the path given, counted: two windows may protect one database
    QSet<QString> paths;
    QSet<QString> names;

    void rebuild()
    {
        paths.clear();
        names.clear();
        for (auto it = databases.cbegin(); it != databases.cend(); ++it) {
            const QFileInfo info(it.key());
            QStringList bases { QDir::cleanPath(info.absoluteFilePath()) };
            if (const QString canonical = info.canonicalFilePath(); !canonical.isEmpty())
                bases.append(canonical);
            for (const QString& base : std::as_const(bases)) {
                for (const char* companion : kCompanions) {
                    const QString path = base + QLatin1String(companion);
                    paths.insert(path);
                    names.insert(QFileInfo(path).fileName());
                }
            }
        }
    }
};

Protected& protectedFiles()
{
    static Protected instance;
    return instance;
}

bool isProtectedInfo(const QFileInfo& info)
{
    Protected& files = protectedFiles();
    const QMutexLocker lock(&files.mutex);
    if (files.paths.isEmpty())
        return false;
    if (!files.names.contains(info.fileName()) && !info.isSymLink())
        return false;
    if (files.paths.contains(QDir::cleanPath(info.absoluteFilePath())))
        return true;
    // Through a symlinked folder or file; a -wal that does not exist yet has no canonical path of its own.
    QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty()) {
        const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
        if (!folder.isEmpty())
            canonical = QDir(folder).filePath(info.fileName());
    }
    return !canonical.isEmpty() && files.paths.contains(canonical);
}

// Icons and types from the file's name alone. Qt's own provider asks QMimeDatabase with content sniffing,
// which opens and closes the file: for the database, its -wal or -shm, that drops SQLite's locks.
class NameOnlyIconProvider : public QFileIconProvider
{
public:
    QIcon icon(IconType type) const override { return QFileIconProvider::icon(type); }

    QIcon icon(const QFileInfo& info) const override
    {
        if (info.isDir())
            return QFileIconProvider::icon(Folder);
        const QMimeType mime = m_mime.mimeTypeForFile(info.fileName(), QMimeDatabase::MatchExtension);
        const QIcon generic = QFileIconProvider::icon(File);
        return QIcon::fromTheme(mime.iconName(), QIcon::fromTheme(mime.genericIconName(), generic));
    }

    QString type(const QFileInfo& info) const override
    {
        if (info.isDir())
            return tr("Folder");
        return m_mime.mimeTypeForFile(info.fileName(), QMimeDatabase::MatchExtension).comment();
    }

private:
    QMimeDatabase m_mime;
};

class IconProviderHolder : public QObject
{
public:
    using QObject::QObject;
    NameOnlyIconProvider provider;
};

// Hides the protected databases' files, so that they can be neither chosen nor completed.
class HideDatabaseProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override
    {
        const auto* files = qobject_cast<const QFileSystemModel*>(sourceModel());
        if (!files)
            return true;
        return !isProtectedInfo(files->fileInfo(files->index(sourceRow, 0, sourceParent)));
    }
};

// Qt's widget dialog on Unix: GTK's (and the other native ones there) read the files they list. On
// Windows a file's locks belong to its handle, so the native dialog cannot drop SQLite's.
bool mayBeNative()
{
#ifdef Q_OS_WIN
    return true;
#else
    return false;
#endif
}

// A path the user typed or chose that is one of the database's files: said, and not returned.
bool refuse(QWidget* parent, const QStringList& paths)
{
    for (const QString& path : paths) {
        if (isProtected(path)) {
            QMessageBox::warning(parent, tr("This is Rapport's database"),
                                 tr("%1 is one of the files of the database Rapport has open; choose another file.")
                                     .arg(QDir::toNativeSeparators(path)));
            return true;
        }
    }
    return false;
}

QStringList run(QWidget* parent, const QString& caption, const QString& start, const QString& filter,
                QFileDialog::FileMode mode, QFileDialog::AcceptMode accept)
{
    // Made on no folder, configured, and only then pointed at one: the folder is read with the safe provider.
    QFileDialog dialog(parent, caption);
    dialog.setFileMode(mode);
    dialog.setAcceptMode(accept);
    configure(dialog);
    dialog.setNameFilter(filter);
    const QFileInfo info(start);
    if (info.isDir()) {
        dialog.setDirectory(info.absoluteFilePath());
    } else {
        dialog.setDirectory(info.absolutePath());
        dialog.selectFile(info.fileName());
    }
    for (;;) {
        if (dialog.exec() != QDialog::Accepted)
            return {};
        const QStringList chosen = dialog.selectedFiles();
        if (!refuse(&dialog, chosen))
            return chosen;
    }
}

} // namespace

void protectDatabase(const QString& databasePath)
{
    Protected& files = protectedFiles();
    const QMutexLocker lock(&files.mutex);
    ++files.databases[databasePath];
    files.rebuild();
}

void forgetDatabase(const QString& databasePath)
{
    Protected& files = protectedFiles();
    const QMutexLocker lock(&files.mutex);
    auto found = files.databases.find(databasePath);
    if (found == files.databases.end())
        return;
    if (--found.value() == 0)
        files.databases.erase(found);
    files.rebuild();
}

bool isProtected(const QString& path)
{
    return !path.isEmpty() && isProtectedInfo(QFileInfo(path));
}

void configure(QFileDialog& dialog)
{
    if (!mayBeNative())
        dialog.setOption(QFileDialog::DontUseNativeDialog);
    // The dialog does not own its icon provider: a child made after the dialog's model outlives it.
    auto* icons = new IconProviderHolder(&dialog);
    dialog.setIconProvider(&icons->provider);
    dialog.setProxyModel(new HideDatabaseProxy(&dialog));
}

QString getOpenFileName(QWidget* parent, const QString& caption, const QString& folder, const QString& filter)
{
    const QStringList files = run(parent, caption, folder, filter, QFileDialog::ExistingFile, QFileDialog::AcceptOpen);
    return files.value(0);
}

QStringList getOpenFileNames(QWidget* parent, const QString& caption, const QString& folder, const QString& filter)
{
    return run(parent, caption, folder, filter, QFileDialog::ExistingFiles, QFileDialog::AcceptOpen);
}

QString getSaveFileName(QWidget* parent, const QString& caption, const QString& file, const QString& filter)
{
    const QStringList files = run(parent, caption, file, filter, QFileDialog::AnyFile, QFileDialog::AcceptSave);
    return files.value(0);
}

} // namespace rapport::FileDialogs
