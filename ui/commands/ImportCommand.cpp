#include "ui/commands/ImportCommand.h"

#include "core/io/Importer.h"
#include "core/storage/Database.h"

#include <utility>

namespace rapport {

ImportCommand::ImportCommand(Database& database, QList<ImportSource> files, ImportCheckpoint checkpoint,
                             std::function<void()> changed, const QString& text)
    : ExecutedCommand(text, database)
    , m_database(database)
    , m_files(std::move(files))
    , m_checkpoint(std::move(checkpoint))
    , m_changed(std::move(changed))
{
    markExecuted();
}

ImportCommand::ImportCommand(Database& database, QList<ParsedImport> records, std::function<void()> changed,
                             const QString& text)
    : ExecutedCommand(text, database)
    , m_database(database)
    , m_records(std::move(records))
    , m_changed(std::move(changed))
{
}

void ImportCommand::doRedo()
{
    ImportCheckpoint point;
    // The checkpoint under the same write lock as the import: nothing another process writes comes between.
    const Status applied = m_database.transaction([&]() -> Status {
        auto taken = ImportUndo::mark(m_database);
        if (!taken)
            return Error { taken.error() };
        point = std::move(*taken);
        Importer importer(m_database);
        importer.setBeforeMerge([&](qint64 id) { return ImportUndo::remember(m_database, point, id); });
        for (const ParsedImport& records : std::as_const(m_records)) {
            if (auto summary = importer.apply(records); !summary)
                return Error { summary.error() };
        }
        for (const ImportSource& file : std::as_const(m_files)) {
            if (auto summary = ImportUndo::importFile(importer, file, {}); !summary)
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
