#pragma once

#include "core/io/ImportFormats.h"
#include "core/io/ImportUndo.h"
#include "ui/commands/ExecutedCommand.h"

#include <functional>

namespace rapport {

class Database;

// A whole import (one or more files) on the undo stack: undo rolls the database back to the checkpoint
// taken just before it (ImportUndo), redo applies the same parsed files again in one transaction (importing
// is idempotent). `changed` reloads the views once the data changed. Like every command of the window, it
// waits only a moment for another process's write lock and otherwise waits in PendingWrites.
class ImportCommand : public ExecutedCommand
{
public:
    // An import the import worker has applied already, with the checkpoint it took just before: pushing it
    // writes nothing.
    ImportCommand(Database& database, QList<ParsedImport> files, ImportCheckpoint checkpoint,
                  std::function<void()> changed, const QString& text);
    // An import not made yet (the sample data): ExecutedCommand::push() applies it.
    ImportCommand(Database& database, QList<ParsedImport> files, std::function<void()> changed, const QString& text);

protected:
    void doRedo() override;
    void doUndo() override;

private:
    Database& m_database;
    QList<ParsedImport> m_files;
    ImportCheckpoint m_checkpoint;
    std::function<void()> m_changed;
};

} // namespace rapport
