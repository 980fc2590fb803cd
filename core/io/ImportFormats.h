#pragma once

#include "core/Result.h"
#include "core/domain/Contact.h"
#include "core/domain/Interaction.h"
#include "core/io/CsvReader.h"
#include "core/io/CsvSniffer.h"

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QIODevice;

namespace rapport {

// The files Rapport knows by their header (domain: Import and export).
enum class ImportFormat
{
    LinkedInConnections,
    LinkedInInvitations,
    LinkedInMessages,
    Google,
    Outlook,
    RapportContacts,
    RapportInteractions,
    Generic,
};

// "linkedin-connections", "google", ...: the names the CLI and the JSON use.
QString toKey(ImportFormat format);
std::optional<ImportFormat> importFormatFromKey(QStringView key);
QString importFormatKeys();
// A translated name for people ("LinkedIn connections").
QString displayName(ImportFormat format);

// Called now and then with work done out of a total (bytes while reading, rows while applying); return
// false to cancel. Safe to call from a worker thread: it is the caller's function.
using ImportProgress = std::function<bool(qint64 done, qint64 total)>;

// Which column feeds which field of a generic file, in the header's order: pairs of (column, field).
// Fields: the contact's snake_case names (first_name, company, profile_url...), "middle_name" (kept with the
// first name), "name" for a full name split at its first space and used only when a row has no first or last
// name, "tags" (separated by ';' or ','), "starred" (yes/true/1). Several columns of one field are joined
// with spaces, except email, phone and profile_url, which take the first column with a value.
using ColumnMapping = QList<std::pair<QString, QString>>;

// What one usable row means, before any database is looked at: a contact (matched by identity when
// applied) and the log entries that belong to it. One file row may give several (a message to a group).
struct ImportRecord
{
    qint64 line = 0;
    Contact contact;
    // The row only names the contact its entries belong to (an exported log, a message): when it has no
    // profile URL or email it is found by its unique full name instead of being created again.
    bool reference = false;
    QList<Interaction> interactions; // contactId is left 0
};

// A row that cannot be used, and why.
struct ImportIssue
{
    qint64 line = 0;
    QString reason;
};

struct ImportOptions
{
    std::optional<ImportFormat> format; // detected from the header when not given
    ColumnMapping mapping; // generic files: guessed when empty
    // A guessed mapping under which every row would be skipped for one reason is refused, naming the reason
    // and the guess, unless the caller has the user review the guess first (the import wizard).
    bool reviewsGuess = false;
    QString ownName; // messages.csv: the user's own name; else the most frequent sender
};

// A file read and understood, ready to preview and apply; no database has been touched.
struct ParsedImport
{
    ImportFormat format = ImportFormat::Generic;
    CsvDialect dialect;
    QStringList header;
    ColumnMapping mapping; // the mapping used, for generic files
    QString ownName; // for messages.csv, the name taken as the user's
    qint64 rowCount = 0; // data rows in the file
    QList<ImportRecord> records;
    QList<ImportIssue> skipped; // in line order
    // Rows imported, but not quite as written: bytes invalid in the file's encoding became U+FFFD. In line order.
    QList<ImportIssue> warnings;
};

// A file read a batch of rows at a time, so that memory follows the batch and not the file (an export of
// 1.5 million connections is 200 MB of text and several GB as records). open() reads the header and checks
// it as read() does; for messages.csv without the user's name given, it reads the file once more first to
// find the most frequent sender. Each batch's skipped rows are in line order, and batches follow the file.
class ImportStream
{
public:
    ~ImportStream();
    ImportStream(const ImportStream&) = delete;
    ImportStream& operator=(const ImportStream&) = delete;

    static Result<std::unique_ptr<ImportStream>> openFile(const QString& path, const ImportOptions& options = {});
    // `device` is read from its start and must outlive the stream.
    static Result<std::unique_ptr<ImportStream>> open(QIODevice* device, const ImportOptions& options = {});

    // The file as a whole: format, dialect, header, mapping and own name; no records.
    const ParsedImport& description() const;
    // Reads up to `rows` more rows, appending their records and skipped rows to `batch` and counting them in
    // its rowCount. False once nothing is left to read, or on a fatal error (error() then says why).
    bool next(ParsedImport& batch, qsizetype rows);
    const QString& error() const;

    // Bytes of the file read so far, out of size() (0 for a sequential device), for progress.
    qint64 bytesRead() const;
    qint64 size() const;

private:
    struct Private;
    explicit ImportStream(std::unique_ptr<Private> data);
    std::unique_ptr<Private> d;
};

namespace ImportFormats {

// The format a header belongs to (column names compared case-insensitively, order and extra columns
// ignored); Generic when none fits.
ImportFormat detect(const QStringList& header);

// The fields a generic column may feed, and the best guess for each column of `header`.
QStringList mappableFields();
ColumnMapping guessMapping(const QStringList& header);
// Parses the CLI's --map "Column=field,Other column=field".
Result<ColumnMapping> parseMapping(const QString& text, const QStringList& header);
// A mapping as --map takes it: "Column=field, Other column=field".
QString mappingText(const ColumnMapping& mapping);

// Reads and interprets a whole file. Errors: unreadable, empty or binary file, a quote never closed, a
// header that does not fit the requested format, cancellation.
Result<ParsedImport> read(QIODevice* device, const ImportOptions& options = {}, const ImportProgress& progress = {});
Result<ParsedImport> readFile(const QString& path, const ImportOptions& options = {},
                              const ImportProgress& progress = {});

} // namespace ImportFormats

} // namespace rapport
