#include "core/AppInfo.h"
#include "core/storage/Database.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

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
    parser.process(app);

    auto database = rapport::Database::open(rapport::Database::resolvePath(parser.value(QStringLiteral("db"))));
    if (!database) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Rapport cannot open its database"),
            database.error());
        return 1;
    }

    rapport::MainWindow window(**database);
    window.show();
    return app.exec();
}
