#pragma once

#include "core/Result.h"
#include "core/io/ImportFormats.h"

#include <QDateTime>

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

struct ImportSummary
{
    ImportFormat format = ImportFormat::Generic;
    int contactsAdded = 0;
    int contactsMerged = 0;
    int interactionsAdded = 0;
    QList<ImportIssue> skipped; // the file's unusable rows and the records that could not be placed
    QList<ImportPreviewRow> rows; // one per record, in file order
};

// Puts a parsed file into the database (domain: Import and export). Every record is matched by identity
// (normalized profile URL, else email) to a stored contact or one added earlier in the same file, and
// merged field by field: an empty field is filled, a filled one is never overwritten, tags are united and
// notes appended unless already there. A log entry is added unless the contact already has one with the
// same kind, time and text (and a connection's acceptance only if none is logged), so importing the same
// file twice changes nothing the second time.
//
// A contact with neither profile URL nor email has no identity; it is taken to be an existing one only
// when that one also has neither and the same name, company and phone, i.e. the same row imported
// before. A row that only refers to a contact (an exported log entry) and carries only a name is attached
// to the one contact of that name, if there is exactly one.
//
// preview() only reads; apply() writes everything in one transaction, all or nothing. Both can run on a
// worker thread with a Database opened there.
class Importer
{
public:
    explicit Importer(Database& database);

    Result<ImportSummary> preview(const ParsedImport& parsed, const QDateTime& now = QDateTime::currentDateTimeUtc());
    Result<ImportSummary> apply(const ParsedImport& parsed, const ImportProgress& progress = {},
                                const QDateTime& now = QDateTime::currentDateTimeUtc());

private:
    Database& m_database;
};

} // namespace rapport
