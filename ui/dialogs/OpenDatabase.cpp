#include "ui/dialogs/OpenDatabase.h"

#include "core/storage/Backups.h"
#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>

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
    const QString file
        = QFileDialog::getOpenFileName(parent, tr("Restore from backup"), Backups::folderFor(databasePath),
                                       tr("Rapport backups (rapport-*.sqlite);;All files (*)"));
    if (file.isEmpty())
        return {};
    const auto answer = QMessageBox::question(
        parent, tr("Restore from backup"),
        tr("Replace your data with the backup %1?\n\nA backup of your data as it is now is kept first, so this "
           "can be undone by restoring that one.")
            .arg(QFileInfo(file).fileName()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Yes ? file : QString();
}

std::unique_ptr<Database> openDatabaseInteractively(const QString& path, QWidget* parent)
{
    for (;;) {
        auto opened = Database::open(path);
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
        if (auto restored = Backups::restore(path, backup); !restored)
            QMessageBox::critical(parent, tr("Restore failed"), restored.error());
    }
}

} // namespace rapport
