// The window's import of one file, off screen, for tests/bench/import-memory.sh to measure with GNU time:
// the wizard reads the file (its first rows and counts), previews it, its worker imports it, and the import
// is undone and redone as Edit ▸ Undo and Redo do (ImportCommand).
//   rapport_import_window_memory DATABASE FILE [undo]
// Prints the preview's and the import's counts; exits 1 on any failure.

#include "core/storage/Database.h"
#include "ui/commands/ImportCommand.h"
#include "ui/dialogs/ImportWizard.h"

#include <QApplication>
#include <QEventLoop>
#include <QLabel>
#include <QTextStream>

#include <cstdio>

using namespace rapport;

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.size() < 3) {
        err << "usage: rapport_import_window_memory DATABASE FILE [undo]\n";
        return 2;
    }
    auto database = Database::open(args.at(1));
    if (!database) {
        err << database.error() << '\n';
        return 1;
    }
    std::unique_ptr<ImportCommand> command;
    ImportWizard wizard(**database, { args.at(2) });
    if (!wizard.fileError(0).isEmpty()) {
        err << wizard.fileError(0) << '\n';
        return 1;
    }
    QEventLoop loop;
    QObject::connect(&wizard, &ImportWizard::imported, &loop,
                     [&](const QList<ImportSource>& files, const ImportCheckpoint& checkpoint) {
                         command = std::make_unique<ImportCommand>(**database, files, checkpoint,
                                                                   std::function<void()>(), QStringLiteral("Import"));
                         loop.quit();
                     });
    wizard.show();
    wizard.next(); // the preview: first rows and streamed counts
    out << "preview: " << wizard.findChild<QLabel*>(QStringLiteral("previewSummary"))->text() << '\n';
    out.flush();
    wizard.next(); // Import
    loop.exec();
    out << "import: " << wizard.findChild<QLabel*>(QStringLiteral("result"))->text() << '\n';
    out.flush();
    if (!command) {
        err << wizard.findChild<QLabel*>(QStringLiteral("importStatus"))->text() << '\n';
        return 1;
    }
    if (args.size() > 3 && args.at(3) == u"undo") {
        if (!command->executeUndo()) {
            err << "undo: " << command->error() << '\n';
            return 1;
        }
        out << "undone\n";
        if (!command->execute()) {
            err << "redo: " << command->error() << '\n';
            return 1;
        }
        out << "redone\n";
    }
    return 0;
}
