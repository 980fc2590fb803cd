#pragma once

#include "core/io/ImportFormats.h"
#include "core/io/ImportUndo.h"
#include "ui/commands/ExecutedCommand.h"

#include <functional>

namespace rapport {

class Database;

// A whole import (one or more files) on the undo stack: undo rolls the database back to the checkpoint
// taken just before it (ImportUndo: the largest ids and the contacts merged into), redo imports again in one
// transaction (importing is idempotent). Files are read again from disk, a batch at a time, and only if they
// are the files imported (ImportSource::fingerprint); otherwise redo is refused with a message saying so.
// `changed` reloads the views once the data changed. Like every command of the window, it waits only a
// moment for another process's write lock and otherwise waits in PendingWrites.
class ImportCommand : public ExecutedCommand
{
public:
    // An import the import worker has applied already, with the checkpoint it took just before: pushing it
    // writes nothing.
    ImportCommand(Database& database, QList<ImportSource> files, ImportCheckpoint checkpoint,
                  std::function<void()> changed, const QString& text);
    // An import not made yet, of records in memory (the sample data): ExecutedCommand::push() applies it.
    ImportCommand(Database& database, QList<ParsedImport> records, std::function<void()> changed, const QString& text);

protected:
    void doRedo() override;
    void doUndo() override;

private:
    Database& m_database;
    QList<ImportSource> m_files;
    QList<ParsedImport> m_records;
    ImportCheckpoint m_checkpoint;
    std::function<void()> m_changed;
};

} // namespace rapport
