#pragma once

#include "core/Result.h"
#include "core/io/ImportFormats.h"

#include <QDateTime>

#include <functional>

namespace rapport {

class Database;

// What importing one record does (or would do).
enum class ImportAction
{
    Add, // a new contact
    Merge, // an existing contact (or one added earlier in the file) gains fields, tags or notes
    Unchanged, // the contact is already there with everything the row holds
    Skip,
};

struct ImportPreviewRow
{
    qint64 line = 0;
    ImportAction action = ImportAction::Skip;
    QString name; // the contact's full name
    int interactionsAdded = 0;
    QString reason; // for Skip
};

// A value a row brought that disagrees with its contact's: the contact's is kept (see Importer).
struct ImportConflict
{
    qint64 line = 0;
    QString field; // "name" (first and last name as one), else a contact field's snake_case name
    QString kept; // the contact's value
    QString ignored; // the row's
};

// A row without profile URL or email that was added as a new contact although one of the same name exists:
// perhaps the same person, for the user to merge (names alone never merge two contacts).
struct ImportPossibleDuplicate
{
    qint64 line = 0;
    QString name;
    qint64 contactId = 0; // the contact already of that name (the first, when several are)
};

struct ImportSummary
{
    ImportFormat format = ImportFormat::Generic;
    int contactsAdded = 0;
    int contactsMerged = 0;
    int interactionsAdded = 0;
    QList<ImportIssue> skipped; // the file's unusable rows and the records that could not be placed, in line order
    qint64 skippedCount = 0; // all of them: a streamed import lists only the first ones in `skipped`
    qint64 rowsUnchanged = 0; // records whose contact is already there with everything they hold
    QList<ImportConflict> conflicts; // in line order; a streamed import lists the first ones only
    qint64 conflictCount = 0; // all of them
    QList<ImportPossibleDuplicate> possibleDuplicates; // in line order; a streamed import lists the first ones only
    qint64 possibleDuplicateCount = 0; // all of them
    QList<ImportPreviewRow> rows; // one per record, in file order (none for a streamed import)
};

// Puts a parsed file into the database (domain: Import and export). Every record is matched by identity
// (normalized profile URL, else email) to a stored contact or one added earlier in the same file, and
// merged field by field (ContactMerge::absorb()): an empty field is filled, a value that agrees with the
// contact's (ignoring case and white space) adds nothing, and one that disagrees is left out and listed in
// the summary's conflicts with its line; a filled field is never overwritten. First and last name are one
// unit, taken together from one row when the contact has none, so two rows never make a name that belongs
// to neither. Tags are united and notes appended unless already there. A row that matches and brings
// nothing new (conflicts aside) counts as unchanged. A log entry is added unless the contact already has
// one with the same kind, time and text (and a connection's acceptance only if none is logged), so
// importing the same file twice changes nothing the second time.
//
// A row with neither profile URL nor email has no identity, and names alone never make two contacts one
// (domain: Contacts): it matches a contact of its name only when their phone numbers agree
// (Identity::phoneKey()) or when every field it carries is already that contact's (the same row imported
// before). A row of a known name that matches none is a new contact, listed as a possible duplicate of the
// first of that name for the user to merge. A row that only refers to a contact (an exported log entry, a
// message) and carries only a name is attached to the one contact of that name, if there is exactly one;
// its name is not reported as a conflict (a message names its sender as LinkedIn shows it).
//
// apply() writes everything in one transaction, all or nothing. Records are matched and written a batch at a
// time: what is kept from one batch to the next is a hash of each contact's identity keys and a few bits (and
// of its name, once a row without identity needs one), so an ImportStream's import takes memory for a batch
// and not for the file (a 222 MB file of 1.5 million rows
// peaks under 200 MB; tests/bench/import-memory.sh). preview() of a ParsedImport only reads, keeping every
// contact it touches in memory (the file is there already); preview() of a stream does what apply() does in a
// savepoint that it rolls back, so it is bounded the same way, changes nothing, and needs the write lock while
// it runs. Both can run on a worker thread with a Database opened there.
class Importer
{
public:
    explicit Importer(Database& database);

    // Progress: records placed out of all of them.
    Result<ImportSummary> preview(const ParsedImport& parsed, const QDateTime& now = QDateTime::currentDateTimeUtc());
    Result<ImportSummary> apply(const ParsedImport& parsed, const ImportProgress& progress = {},
                                const QDateTime& now = QDateTime::currentDateTimeUtc());

    // A file read as it is imported. Progress: bytes of the file read out of its size. The summary has no
    // rows and lists the first skipped rows, conflicts and possible duplicates only (their counts count all).
    Result<ImportSummary> preview(ImportStream& stream, const ImportProgress& progress = {},
                                  const QDateTime& now = QDateTime::currentDateTimeUtc());
    Result<ImportSummary> apply(ImportStream& stream, const ImportProgress& progress = {},
                                const QDateTime& now = QDateTime::currentDateTimeUtc());

    // Called once for each stored contact the import is about to change, before it changes (the contact can
    // still be read as it was): what undo needs, bounded by the contacts merged.
    void setBeforeMerge(std::function<Status(qint64 contactId)> beforeMerge) { m_beforeMerge = std::move(beforeMerge); }
    // Called after each batch of a stream with the records placed so far (exact progress in records).
    void setRecordsPlaced(std::function<void(qint64 records)> placed) { m_recordsPlaced = std::move(placed); }

private:
    enum class Mode
    {
        Preview, // in a savepoint rolled back
        Apply,
        ReadOnly, // a preview of a ParsedImport, every contact it touches kept in memory
    };
    Result<ImportSummary> run(const ParsedImport& parsed, const ImportProgress& progress, const QDateTime& now,
                              Mode mode);
    Result<ImportSummary> run(ImportStream& stream, const ImportProgress& progress, const QDateTime& now, Mode mode);
    Status inTransaction(Mode mode, const std::function<Status()>& work);

    Database& m_database;
    std::function<Status(qint64)> m_beforeMerge;
    std::function<void(qint64)> m_recordsPlaced;
};

} // namespace rapport
