#include "ui/commands/ImportCommand.h"

#include "core/io/Importer.h"
#include "core/storage/Database.h"

#include <utility>

namespace rapport {

ImportCommand::ImportCommand(Database& database, QList<ParsedImport> files, ImportCheckpoint checkpoint,
                             std::function<void()> changed, const QString& text)
    : QUndoCommand(text)
    , m_database(database)
    , m_files(std::move(files))
    , m_checkpoint(std::move(checkpoint))
    , m_changed(std::move(changed))
{
}

void ImportCommand::redo()
{
    if (std::exchange(m_applied, true))
        return; // QUndoStack::push(): the worker has imported already
    auto point = ImportUndo::checkpoint(m_database);
    if (!point) {
        m_error = point.error();
        return;
    }
    m_checkpoint = std::move(*point);
    const Status applied = m_database.transaction([&]() -> Status {
        Importer importer(m_database);
        for (const ParsedImport& file : std::as_const(m_files)) {
            if (auto summary = importer.apply(file); !summary)
                return Error { summary.error() };
        }
        return success();
    });
    m_error = applied ? QString() : applied.error();
    if (m_changed)
        m_changed();
}

void ImportCommand::undo()
{
    const Status rolledBack = ImportUndo::rollBack(m_database, m_checkpoint);
    m_error = rolledBack ? QString() : rolledBack.error();
    m_applied = false;
    if (m_changed)
        m_changed();
}

} // namespace rapport
