#include "ui/dialogs/OpenDatabase.h"

#include "core/storage/Backups.h"
#include "core/storage/Database.h"
#include "ui/dialogs/RestoreBackupDialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("OpenDatabase", text);
}

bool hasBackups(const QString& databasePath)
{
    return !Backups::listFor(databasePath).isEmpty();
}

} // namespace

QString chooseBackupToRestore(const QString& databasePath, QWidget* parent)
{
    RestoreBackupDialog dialog(databasePath, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedBackup() : QString();
}

std::unique_ptr<Database> openDatabaseInteractively(const QString& path, QWidget* parent)
{
    for (;;) {
        // Only the default location is made with its folders: a --db in a folder that is not there is a typo.
        auto opened
            = Database::open(path,
                             QFileInfo(path).absoluteFilePath() == QFileInfo(Database::defaultPath()).absoluteFilePath()
                                 ? Database::Create::FileAndFolders
                                 : Database::Create::File);
        if (opened)
            return std::move(opened).value();

        QMessageBox box(QMessageBox::Critical, tr("Rapport cannot open its database"), opened.error(),
                        QMessageBox::NoButton, parent);
        box.setInformativeText(
            hasBackups(path)
                ? tr("The file was not changed. You can restore it from one of its backups, or quit and "
                     "start Rapport with another file (--db).")
                : tr("The file was not changed, and it has no backups. Start Rapport with another file (--db), "
                     "or move this one away to start afresh."));
        QPushButton* restore
            = hasBackups(path) ? box.addButton(tr("Restore from Backup…"), QMessageBox::AcceptRole) : nullptr;
        box.addButton(QMessageBox::Close);
        box.exec();
        if (!restore || box.clickedButton() != restore)
            return nullptr;
        const QString backup = chooseBackupToRestore(path, parent);
        if (backup.isEmpty())
            continue;
        if (auto restored = Backups::restoreUnopenable(path, backup); !restored)
            QMessageBox::critical(parent, tr("Restore failed"), restored.error());
    }
}

} // namespace rapport
