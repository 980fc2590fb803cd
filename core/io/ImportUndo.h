#pragma once

#include "core/Result.h"
#include "core/domain/Contact.h"
#include "core/io/ImportFormats.h"

#include <QList>

namespace rapport {

class Database;
class Importer;
struct ImportSummary;

// A file imported, as redo needs it: read again from disk rather than kept in memory, and only if it is the
// same file (its fingerprint) as the one imported.
struct ImportSource
{
    QString path;
    ImportOptions options;
    std::optional<CsvDialect> dialect; // chosen by the user instead of the sniffed one (then read whole)
    QByteArray fingerprint; // size, modification time and SHA-1 of the file as imported
};

// The state of the database just before an import: enough to take the import back without the Importer's
// help. An import only adds contacts and entries (new ids, above the largest ones before it) and fills in
// fields of existing contacts; so undoing it deletes what lies above the recorded ids and puts the earlier
// contacts' fields back.
struct ImportCheckpoint
{
    qint64 lastContactId = 0;
    qint64 lastInteractionId = 0;
    // The contacts as they were: every one (checkpoint()), or only those the import merged into (mark() and
    // remember(), which keep undo's memory bounded by the merges and not by the database).
    QList<Contact> contacts;
};

namespace ImportUndo {

Result<ImportCheckpoint> checkpoint(Database& database);
// The largest ids only: the import then calls remember() for each stored contact before it merges into it
// (Importer::setBeforeMerge).
Result<ImportCheckpoint> mark(Database& database);
Status remember(Database& database, ImportCheckpoint& checkpoint, qint64 contactId);
// Removes what was added after `checkpoint` and restores the merged contacts, in one transaction.
// Redo is applying the same ParsedImport again: importing is idempotent.
Status rollBack(Database& database, const ImportCheckpoint& checkpoint);

// The fingerprint of the file at `path` now (read a block at a time).
Result<QByteArray> fingerprint(const QString& path);
// Imports `source` with `importer` (streamed, unless a chosen dialect has it read whole), telling `placed`
// the records placed so far (false cancels). Fails, changing nothing, when the file's fingerprint is not
// `source.fingerprint` (if it has one).
Result<ImportSummary> importFile(Importer& importer, const ImportSource& source,
                                 const std::function<bool(qint64 placed)>& placed);

} // namespace ImportUndo

} // namespace rapport
