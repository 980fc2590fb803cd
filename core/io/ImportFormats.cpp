#include "core/io/ImportFormats.h"

#include "core/io/CsvTable.h"
#include "core/io/ExportArchive.h"
#include "core/io/formats/FormatRegistry.h"

#include <QCoreApplication>
#include <QFile>

#include <array>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ImportFormats", text);
}

struct FormatNames
{
    ImportFormat format;
    const char* key;
    const char* label;
};

constexpr std::array<FormatNames, 8> kFormats { {
    { ImportFormat::LinkedInConnections, "linkedin-connections",
      QT_TRANSLATE_NOOP("ImportFormats", "LinkedIn connections (Connections.csv)") },
    { ImportFormat::LinkedInInvitations, "linkedin-invitations",
      QT_TRANSLATE_NOOP("ImportFormats", "LinkedIn invitations (Invitations.csv)") },
    { ImportFormat::LinkedInMessages, "linkedin-messages",
      QT_TRANSLATE_NOOP("ImportFormats", "LinkedIn messages (messages.csv)") },
    { ImportFormat::Google, "google", QT_TRANSLATE_NOOP("ImportFormats", "Google Contacts") },
    { ImportFormat::Outlook, "outlook", QT_TRANSLATE_NOOP("ImportFormats", "Outlook contacts") },
    { ImportFormat::RapportContacts, "rapport-contacts", QT_TRANSLATE_NOOP("ImportFormats", "Rapport contacts") },
    { ImportFormat::RapportInteractions, "rapport-interactions",
      QT_TRANSLATE_NOOP("ImportFormats", "Rapport interactions") },
    { ImportFormat::Generic, "generic", QT_TRANSLATE_NOOP("ImportFormats", "Other CSV (columns mapped by hand)") },
} };

} // namespace

struct ImportStream::Private
{
    std::unique_ptr<QIODevice> file; // openFile()'s: a file, or one inside an archive
    QIODevice* device = nullptr;
    std::optional<CsvTable> table;
    ParsedImport parsed; // the description, and the records and skipped rows of the batch being read
    std::unique_ptr<formats::FormatReader> reader;
    QString error;
    // A mapping guessed for the user, followed as the rows go: a file whose rows are all skipped for one
    // reason is refused at its end rather than imported as nothing.
    struct Guess
    {
        bool usable = false; // a row gave a record
        qint64 skipped = 0;
        QString reason; // the first row's reason to be skipped
        bool oneReason = true;
    };
    std::optional<Guess> guess;

    Status open(const ImportOptions& options);
    // Counts the batch being read against the guess; at the file's end, refuses a guess that lost every row.
    void checkGuess(bool atEnd);
    // For a reader that needs the whole file first: reads it through once, then from the start again.
    Status scan();
};

Status ImportStream::Private::open(const ImportOptions& options)
{
    table.emplace(device);
    if (Status opened = table->open(); !opened)
        return Error { opened.error() };

    parsed.dialect = table->dialect();
    parsed.header = table->header();
    const formats::Columns columns(parsed.header);
    reader = options.format ? formats::create(*options.format, columns) : formats::detect(columns);
    parsed.format = reader->format();
    if (const QStringList missing = reader->missingColumns(); !missing.isEmpty()) {
        return Error { tr("This is not a %1 file: it has no column %2 (its columns are: %3).")
                           .arg(toKey(parsed.format), missing.join(QStringLiteral(", ")),
                                parsed.header.join(QStringLiteral(", "))) };
    }
    if (Status prepared = reader->prepare(options, parsed); !prepared)
        return prepared;
    if (parsed.format == ImportFormat::Generic && options.mapping.isEmpty() && !options.reviewsGuess)
        guess = Guess(); // not emplace(): clang 14 cannot see Guess as default-constructible here
    return reader->needsScan() ? scan() : success();
}

void ImportStream::Private::checkGuess(bool atEnd)
{
    guess->usable = guess->usable || !parsed.records.isEmpty();
    for (const ImportIssue& issue : std::as_const(parsed.skipped)) {
        if (guess->skipped++ == 0)
            guess->reason = issue.reason;
        guess->oneReason = guess->oneReason && issue.reason == guess->reason;
    }
    if (atEnd && error.isEmpty() && !guess->usable && guess->skipped > 0 && guess->oneReason) {
        error = tr("Every row would be skipped, as %1, with the columns guessed as %2. Map the columns by hand.")
                    .arg(guess->reason, ImportFormats::mappingText(parsed.mapping));
    }
}

Status ImportStream::Private::scan()
{
    CsvRecord record;
    while (table->next(record))
        reader->scan(record);
    if (const auto& failure = table->error())
        return Error { failure->message };
    reader->finishScan(parsed);
    // The rows are read again for their records, from the start, in the dialect already found.
    const CsvDialect dialect = table->dialect();
    table.emplace(device);
    return table->open(dialect);
}

ImportStream::ImportStream(std::unique_ptr<Private> data)
    : d(std::move(data))
{
}

ImportStream::~ImportStream() = default;

Result<std::unique_ptr<ImportStream>> ImportStream::openFile(const QString& path, const ImportOptions& options)
{
    auto file = ExportArchive::openFile(path);
    if (!file)
        return Error { file.error() };
    auto stream = open(file->get(), options);
    if (stream)
        (*stream)->d->file = std::move(*file);
    return stream;
}

Result<std::unique_ptr<ImportStream>> ImportStream::open(QIODevice* device, const ImportOptions& options)
{
    auto data = std::make_unique<Private>();
    data->device = device;
    if (Status opened = data->open(options); !opened)
        return Error { opened.error() };
    return std::unique_ptr<ImportStream>(new ImportStream(std::move(data)));
}

const ParsedImport& ImportStream::description() const
{
    return d->parsed;
}

bool ImportStream::next(ParsedImport& batch, qsizetype rows)
{
    if (!d->error.isEmpty() || !d->table)
        return false;
    qsizetype read = 0;
    CsvRecord record;
    formats::RecordSink sink(d->parsed);
    while (read < rows && d->table->next(record)) {
        d->reader->interpret(record, sink);
        ++read;
    }
    if (const auto& failure = d->table->error())
        d->error = failure->message;
    const QList<CsvError> rejected = d->table->takeRejected();
    for (const CsvError& row : rejected)
        d->parsed.skipped.append({ row.line, row.message });
    std::stable_sort(d->parsed.skipped.begin(), d->parsed.skipped.end(),
                     [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
    for (const CsvError& row : d->table->takeWarnings())
        batch.warnings.append({ row.line, row.message });
    if (d->guess)
        d->checkGuess(read < rows);
    batch.records.append(std::move(d->parsed.records));
    batch.skipped.append(std::move(d->parsed.skipped));
    d->parsed.records.clear();
    d->parsed.skipped.clear();
    batch.rowCount += read + rejected.size();
    return d->error.isEmpty() && (read > 0 || !rejected.isEmpty());
}

const QString& ImportStream::error() const
{
    return d->error;
}

qint64 ImportStream::bytesRead() const
{
    return d->table ? d->table->bytesRead() : 0;
}

qint64 ImportStream::size() const
{
    return d->table ? d->table->size() : 0;
}

QString toKey(ImportFormat format)
{
    return QString::fromLatin1(kFormats[std::size_t(format)].key);
}

std::optional<ImportFormat> importFormatFromKey(QStringView key)
{
    for (const FormatNames& names : kFormats) {
        if (key == QLatin1StringView(names.key))
            return names.format;
    }
    return std::nullopt;
}

QString importFormatKeys()
{
    QStringList keys;
    for (const FormatNames& names : kFormats)
        keys.append(QString::fromLatin1(names.key));
    return keys.join(QStringLiteral(", "));
}

QString displayName(ImportFormat format)
{
    return QCoreApplication::translate("ImportFormats", kFormats[std::size_t(format)].label);
}

namespace ImportFormats {

ImportFormat detect(const QStringList& header)
{
    return formats::detect(formats::Columns(header))->format();
}

Result<ParsedImport> read(QIODevice* device, const ImportOptions& options, const ImportProgress& progress)
{
    auto stream = ImportStream::open(device, options);
    if (!stream)
        return Error { stream.error() };
    ParsedImport parsed = (*stream)->description();
    while ((*stream)->next(parsed, 512)) {
        if (progress && !progress((*stream)->bytesRead(), (*stream)->size()))
            return Error { tr("The import was cancelled.") };
    }
    if (!(*stream)->error().isEmpty())
        return Error { (*stream)->error() };
    if (progress && !progress((*stream)->size(), (*stream)->size()))
        return Error { tr("The import was cancelled.") };
    return parsed;
}

Result<ParsedImport> readFile(const QString& path, const ImportOptions& options, const ImportProgress& progress)
{
    auto file = ExportArchive::openFile(path);
    if (!file)
        return Error { file.error() };
    return read(file->get(), options, progress);
}

} // namespace ImportFormats

} // namespace rapport
