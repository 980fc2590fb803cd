#pragma once

#include "core/io/ImportFormats.h"
#include "core/io/ImportUndo.h"

#include <QUndoCommand>

#include <functional>

namespace rapport {

class Database;

// A whole import (one or more files) on the undo stack. It is pushed after the import worker has applied
// it, with the checkpoint taken just before: undo rolls the database back to it (ImportUndo), redo applies
// the same parsed files again in one transaction (importing is idempotent). `changed` reloads the views.
class ImportCommand : public QUndoCommand
{
public:
    ImportCommand(Database& database, QList<ParsedImport> files, ImportCheckpoint checkpoint,
                  std::function<void()> changed, const QString& text);

    QString error() const { return m_error; }

    void redo() override;
    void undo() override;

private:
    Database& m_database;
    QList<ParsedImport> m_files;
    ImportCheckpoint m_checkpoint;
    std::function<void()> m_changed;
    QString m_error;
    bool m_applied = true; // by the worker, before the push
};

} // namespace rapport
