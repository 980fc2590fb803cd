#include "app/gui/SingleInstance.h"
#include "app/gui/SystemTrayHost.h"
#include "app/gui/TrayController.h"
#include "core/AppInfo.h"
#include "core/storage/Backups.h"
#include "core/storage/Database.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/ImportWizard.h"
#include "ui/dialogs/OpenDatabase.h"
#include "ui/dialogs/RestoreBackupDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(rapport::AppInfo::name());
    QApplication::setApplicationDisplayName(rapport::AppInfo::name());
    QApplication::setApplicationVersion(rapport::AppInfo::version());
    QApplication::setDesktopFileName(QStringLiteral("io.github.rapport_crm.Rapport"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Rapport: grow your network deliberately."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({ QStringLiteral("db"),
                       QApplication::translate("main", "The database file (default: $RAPPORT_DB, else %1).")
                           .arg(rapport::Database::defaultPath()),
                       QApplication::translate("main", "path") });
    const QCommandLineOption background(
        QStringLiteral("background"),
        QApplication::translate("main", "Start in the system tray without showing the window (start at login)."));
    parser.addOption(background);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "CSV files to import (opens the import wizard)."),
                                 QApplication::translate("main", "[FILE.csv...]"));
    parser.process(app);

    const QString path = rapport::Database::resolvePath(parser.value(QStringLiteral("db")));
    QStringList files;
    for (const QString& file : parser.positionalArguments())
        files.append(QFileInfo(file).absoluteFilePath());

    // One Rapport per database: a second launch hands its files to the running one, which comes forward.
    rapport::SingleInstance instance(rapport::SingleInstance::keyFor(path));
    if (instance.sendToRunning(files))
        return 0;
    if (auto listening = instance.listen(); !listening) {
        if (instance.sendToRunning(files))
            return 0;
        qWarning("Rapport: %s", qUtf8Printable(listening.error()));
    }

    rapport::TrayController tray(std::make_unique<rapport::SystemTrayHost>());
    QPointer<rapport::MainWindow> current;
    QObject::connect(&instance, &rapport::SingleInstance::filesReceived, &app, [&](const QStringList& received) {
        if (!current) {
            files += received; // the window is not open yet: imported once it is
            return;
        }
        tray.showWindow();
        if (!received.isEmpty())
            current->openImportWizard(received);
    });

    const std::unique_ptr<rapport::Database> database = rapport::openDatabaseInteractively(path);
    if (!database)
        return 1;
    // At most one automatic backup a day; a failure is worth a word, not a refusal to start.
    const auto backup = rapport::Backups(*database).automaticBackup();

    rapport::MainWindow window(*database);
    current = &window;
    // A restore replaces the data in place, through the open connection: the window stays and reloads.
    QObject::connect(&window, &rapport::MainWindow::restoreRequested, &window, [&](const QString& file) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const auto restored = rapport::Backups(*database).restore(file);
        QApplication::restoreOverrideCursor();
        if (!restored) {
            QMessageBox::critical(&window, QApplication::translate("main", "Restore failed"), restored.error());
            return;
        }
        window.reloadAll();
        QMessageBox::information(&window, QApplication::translate("main", "Backup restored"),
                                 rapport::describeRestore(*restored));
    });
    if (!parser.isSet(background) || !tray.usesTray() || !files.isEmpty())
        window.show();
    tray.attach(*database, window);
    if (!backup)
        QMessageBox::warning(&window, QApplication::translate("main", "Automatic backup failed"), backup.error());
    if (!files.isEmpty()) {
        window.openImportWizard(files);
        files.clear();
    }
    const int code = app.exec();
    tray.detach();
    return code;
}
