// rapport-cli's inspect and import of LinkedIn's data export as it is downloaded, a ZIP archive. What they do lives
// in core/io (ExportArchive, ArchiveImport); this file prints.
#include "app/cli/Cli.h"

#include "core/io/ArchiveImport.h"
#include "core/io/CsvTable.h"
#include "core/io/ExportArchive.h"
#include "core/storage/Database.h"
#include "core/storage/SettingsRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

// What inspect says of a CSV file in the archive: its format by its header, and its rows.
struct EntryReading
{
    std::optional<ImportFormat> format;
    qint64 rows = 0;
    QString error;
};

EntryReading readEntry(const ExportArchive& archive, const ExportArchive::Entry& entry)
{
    EntryReading reading;
    auto device = archive.openEntry(entry);
    if (!device) {
        reading.error = device.error();
        return reading;
    }
    CsvTable table(device->get());
    if (Status opened = table.open(); !opened) {
        reading.error = opened.error();
        return reading;
    }
    reading.format = ImportFormats::detect(table.header());
    CsvRecord row;
    while (table.next(row))
        ++reading.rows;
    reading.rows += table.rejected().size();
    if (const auto& failure = table.error())
        reading.error = failure->message;
    else if (Status whole = archive.verify(entry); !whole)
        reading.error = whole.error();
    return reading;
}

QJsonArray issuesJson(const QList<ImportIssue>& issues)
{
    QJsonArray array;
    for (const ImportIssue& issue : issues)
        array.append(
            QJsonObject { { QStringLiteral("line"), issue.line }, { QStringLiteral("reason"), issue.reason } });
    return array;
}

} // namespace

int Cli::inspectArchive(const QString& path)
{
    auto archive = ExportArchive::open(path);
    if (!archive)
        return fail(archive.error());
    const QList<ExportArchive::Entry> imported = (*archive)->linkedInFiles();
    const bool json = m_parser.isSet(QStringLiteral("json"));
    const QLocale locale;
    bool readable = true;
    QJsonArray files;
    if (!json) {
        m_out << tr("Archive: %1, %2 files").arg(QDir::toNativeSeparators(path)).arg((*archive)->entries().size())
              << '\n';
        m_out << (imported.isEmpty() ? tr("It holds no Connections.csv, Invitations.csv or messages.csv to import.")
                                     : tr("Imported, in this order:"))
              << '\n';
    }
    for (qsizetype i = 0; i < imported.size(); ++i) {
        const ExportArchive::Entry& entry = imported.at(i);
        const EntryReading reading = readEntry(**archive, entry);
        readable = readable && reading.error.isEmpty();
        if (json) {
            QJsonObject file { { QStringLiteral("name"), entry.name },
                               { QStringLiteral("size"), entry.size },
                               { QStringLiteral("import_order"), i + 1 },
                               { QStringLiteral("rows"), reading.rows } };
            if (reading.format)
                file.insert(QStringLiteral("format"), toKey(*reading.format));
            if (!reading.error.isEmpty())
                file.insert(QStringLiteral("error"), reading.error);
            files.append(file);
            continue;
        }
        m_out << tr("  %1. %2, %3 bytes: ").arg(i + 1).arg(entry.name, locale.toString(entry.size));
        if (reading.format)
            m_out << tr("%1, %2 rows").arg(displayName(*reading.format)).arg(reading.rows);
        if (!reading.error.isEmpty())
            m_out << (reading.format ? QStringLiteral("; ") : QString()) << reading.error;
        m_out << '\n';
    }
    QStringList others;
    for (const ExportArchive::Entry& entry : (*archive)->entries()) {
        if (ExportArchive::linkedInFormat(entry.name))
            continue;
        others.append(entry.name);
        if (json) {
            files.append(
                QJsonObject { { QStringLiteral("name"), entry.name }, { QStringLiteral("size"), entry.size } });
        }
    }
    if (json) {
        m_out << QString::fromUtf8(
            QJsonDocument(QJsonObject { { QStringLiteral("archive"), path }, { QStringLiteral("files"), files } })
                .toJson(QJsonDocument::Indented));
    } else if (!others.isEmpty()) {
        m_out << tr("Not imported: %1").arg(others.join(QStringLiteral(", "))) << '\n';
    }
    return readable && !imported.isEmpty() ? Ok : BadInput;
}

int Cli::importArchive(const QString& path)
{
    for (const char* option : { "format", "map" }) {
        if (m_parser.isSet(QString::fromLatin1(option))) {
            return fail(tr("--%1 does not apply to an archive: each file in it is recognised by its columns")
                            .arg(QString::fromLatin1(option)),
                        BadUsage);
        }
    }
    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    ImportOptions options;
    if (auto ownName = SettingsRepository(**database).value(QStringLiteral("my_name")))
        options.ownName = *ownName;
    const bool dryRun = m_parser.isSet(QStringLiteral("dry-run"));
    auto summaries = ArchiveImport::run(**database, path, options, dryRun);
    if (!summaries)
        return fail(summaries.error());

    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonArray files;
        for (const ArchiveImport::FileSummary& file : std::as_const(*summaries)) {
            const ImportSummary& summary = file.summary;
            files.append(QJsonObject {
                { QStringLiteral("file"), file.path.mid(QDir::fromNativeSeparators(path).size() + 1) },
                { QStringLiteral("format"), toKey(summary.format) },
                { QStringLiteral("contacts_added"), summary.contactsAdded },
                { QStringLiteral("contacts_merged"), summary.contactsMerged },
                { QStringLiteral("interactions_added"), summary.interactionsAdded },
                { QStringLiteral("skipped"), issuesJson(summary.skipped) },
                { QStringLiteral("skipped_count"), summary.skippedCount },
                { QStringLiteral("contacts_unchanged"), summary.rowsUnchanged },
                { QStringLiteral("conflicts"), conflictsJson(summary.conflicts) },
                { QStringLiteral("conflict_count"), summary.conflictCount },
                { QStringLiteral("possible_duplicates"), possibleDuplicatesJson(summary.possibleDuplicates) },
                { QStringLiteral("possible_duplicate_count"), summary.possibleDuplicateCount },
            });
        }
        m_out << QString::fromUtf8(QJsonDocument(QJsonObject { { QStringLiteral("archive"), path },
                                                               { QStringLiteral("dry_run"), dryRun },
                                                               { QStringLiteral("files"), files } })
                                       .toJson(QJsonDocument::Indented));
        return Ok;
    }
    m_out << (dryRun ? tr("Would import %1 files of %2 in one transaction:")
                     : tr("Imported %1 files of %2 in one transaction:"))
                 .arg(summaries->size())
                 .arg(QDir::toNativeSeparators(path))
          << '\n';
    int addedConnections = 0;
    for (const ArchiveImport::FileSummary& file : std::as_const(*summaries)) {
        const ImportSummary& summary = file.summary;
        m_out << tr("%1 (%2): %3 contacts added, %4 merged, %5 interactions added, %6 rows skipped.")
                     .arg(file.path.section(u'/', -1), displayName(summary.format))
                     .arg(summary.contactsAdded)
                     .arg(summary.contactsMerged)
                     .arg(summary.interactionsAdded)
                     .arg(summary.skippedCount)
              << '\n';
        for (const ImportIssue& skipped : summary.skipped)
            m_out << tr("  line %1: %2").arg(skipped.line).arg(skipped.reason) << '\n';
        if (summary.skippedCount > summary.skipped.size())
            m_out << tr("  ... and %1 more rows skipped.").arg(summary.skippedCount - summary.skipped.size()) << '\n';
        printMatches(m_out, summary);
        if (summary.format == ImportFormat::LinkedInConnections)
            addedConnections += summary.contactsAdded;
    }
    if (addedConnections > 0 && !dryRun) {
        m_out << tr("Choose whom of the %1 new connections to keep in touch with: rapport-cli contacts edit ID "
                    "--keep-in-touch close (or tag them and use rapport-cli tags set-cadence TAG close).")
                     .arg(addedConnections)
              << '\n';
    }
    return Ok;
}

} // namespace rapport
