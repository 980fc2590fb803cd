#include "ui/commands/ImportCommand.h"

#include "core/io/Importer.h"
#include "core/storage/Database.h"

#include <utility>

namespace rapport {

ImportCommand::ImportCommand(Database& database, QList<ParsedImport> files, ImportCheckpoint checkpoint,
                             std::function<void()> changed, const QString& text)
    : ImportCommand(database, std::move(files), std::move(changed), text)
{
    m_checkpoint = std::move(checkpoint);
    markExecuted();
}

ImportCommand::ImportCommand(Database& database, QList<ParsedImport> files, std::function<void()> changed,
                             const QString& text)
    : ExecutedCommand(text, database)
    , m_database(database)
    , m_files(std::move(files))
    , m_changed(std::move(changed))
{
}

void ImportCommand::doRedo()
{
    ImportCheckpoint point;
    // The checkpoint under the same write lock as the import: nothing another process writes comes between.
    const Status applied = m_database.transaction([&]() -> Status {
        auto taken = ImportUndo::checkpoint(m_database);
        if (!taken)
            return Error { taken.error() };
        point = std::move(*taken);
        Importer importer(m_database);
        for (const ParsedImport& file : std::as_const(m_files)) {
            if (auto summary = importer.apply(file); !summary)
                return Error { summary.error() };
        }
        return success();
    });
    if (!check(applied))
        return;
    m_checkpoint = std::move(point);
    if (m_changed)
        m_changed();
}

void ImportCommand::doUndo()
{
    if (check(ImportUndo::rollBack(m_database, m_checkpoint)) && m_changed)
        m_changed();
}

} // namespace rapport
