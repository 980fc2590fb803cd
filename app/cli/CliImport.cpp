// rapport-cli's import and export commands: inspect, import, export, demo. Everything they do lives in
// core/io; this file parses arguments and prints.
#include "app/cli/Cli.h"

#include "core/io/CsvTable.h"
#include "core/io/DemoData.h"
#include "core/io/ExportArchive.h"
#include "core/io/Exporter.h"
#include "core/io/ImportFormats.h"
#include "core/io/Importer.h"
#include "core/storage/Database.h"
#include "core/storage/SettingsRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

void printObject(QTextStream& out, const QJsonObject& object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QString delimiterName(QChar delimiter)
{
    return delimiter == u'\t' ? QStringLiteral("\\t") : QString(delimiter);
}

QJsonArray issuesJson(const QList<ImportIssue>& issues, const char* textKey)
{
    QJsonArray array;
    for (const ImportIssue& issue : issues)
        array.append(
            QJsonObject { { QStringLiteral("line"), issue.line }, { QString::fromLatin1(textKey), issue.reason } });
    return array;
}

} // namespace

// What the import left out and what it could not tell (see Importer), as `import --json` reports them.
QJsonArray conflictsJson(const QList<ImportConflict>& conflicts)
{
    QJsonArray array;
    for (const ImportConflict& conflict : conflicts) {
        array.append(QJsonObject { { QStringLiteral("line"), conflict.line },
                                   { QStringLiteral("field"), conflict.field },
                                   { QStringLiteral("kept"), conflict.kept },
                                   { QStringLiteral("ignored"), conflict.ignored } });
    }
    return array;
}

QJsonArray possibleDuplicatesJson(const QList<ImportPossibleDuplicate>& duplicates)
{
    QJsonArray array;
    for (const ImportPossibleDuplicate& duplicate : duplicates) {
        array.append(QJsonObject { { QStringLiteral("line"), duplicate.line },
                                   { QStringLiteral("name"), duplicate.name },
                                   { QStringLiteral("contact_id"), duplicate.contactId } });
    }
    return array;
}

// The import summary's lines after the counts: rows that brought nothing new, values left out, possible
// duplicates.
void printMatches(QTextStream& out, const ImportSummary& summary)
{
    if (summary.rowsUnchanged > 0) {
        out << (summary.rowsUnchanged == 1
                    ? tr("1 row matched a contact and brought nothing new.")
                    : tr("%1 rows matched a contact and brought nothing new.").arg(summary.rowsUnchanged))
            << '\n';
    }
    if (summary.conflictCount > 0) {
        out << (summary.conflictCount == 1
                    ? tr("1 value was left out because the contact has another:")
                    : tr("%1 values were left out because the contact has others:").arg(summary.conflictCount))
            << '\n';
        for (const ImportConflict& conflict : summary.conflicts) {
            out << tr("  line %1: %2 \"%3\" kept, \"%4\" ignored")
                       .arg(conflict.line)
                       .arg(fieldLabel(conflict.field), conflict.kept, conflict.ignored)
                << '\n';
        }
        if (summary.conflictCount > summary.conflicts.size())
            out << tr("  ... and %1 more.").arg(summary.conflictCount - summary.conflicts.size()) << '\n';
    }
    if (summary.possibleDuplicateCount > 0) {
        constexpr qsizetype named = 5;
        QStringList names;
        for (const ImportPossibleDuplicate& duplicate :
             summary.possibleDuplicates.first(std::min(named, summary.possibleDuplicates.size()))) {
            names.append(tr("%1 (line %2; contact %3 has that name)")
                             .arg(duplicate.name)
                             .arg(duplicate.line)
                             .arg(duplicate.contactId));
        }
        if (summary.possibleDuplicateCount > names.size())
            names.append(tr("%1 more").arg(summary.possibleDuplicateCount - names.size()));
        out << (summary.possibleDuplicateCount == 1
                    ? tr("1 contact was added beside one of the same name; with no profile URL, email or phone to "
                         "tell, it may be the same person: %1.")
                    : tr("%1 contacts were added beside ones of the same name; with no profile URL, email or phone "
                         "to tell, they may be the same people: %2.")
                          .arg(summary.possibleDuplicateCount))
                   .arg(names.join(QStringLiteral(", ")))
            << ' ' << tr("Merge them if they are.") << '\n';
    }
}

namespace {

// A generic file's columns as --json lists them: [{column, field}], in the header's order.
QJsonArray mappingJson(const ColumnMapping& mapping)
{
    QJsonArray array;
    for (const auto& [column, field] : mapping)
        array.append(QJsonObject { { QStringLiteral("column"), column }, { QStringLiteral("field"), field } });
    return array;
}

QString guessedFormatName(const ColumnMapping& mapping)
{
    return tr("Other CSV (columns guessed: %1)").arg(ImportFormats::mappingText(mapping));
}

} // namespace

int Cli::inspect(const QStringList& arguments)
{
    if (ExportArchive::isArchive(arguments[0]))
        return inspectArchive(arguments[0]);
    QFile file(arguments[0]);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("cannot open %1: %2").arg(arguments[0], file.errorString()));
    CsvTable table(&file);
    if (Status opened = table.open(); !opened)
        return fail(tr("%1: %2").arg(arguments[0], opened.error()));

    QJsonArray rows;
    QList<QStringList> plainRows;
    CsvRecord row;
    while (table.next(row)) {
        QJsonObject object;
        for (qsizetype i = 0; i < table.header().size(); ++i)
            object.insert(table.header().at(i), row.fields.at(i));
        rows.append(object);
        plainRows.append(row.fields);
    }
    QList<ImportIssue> errors;
    for (const CsvError& rejected : table.rejected())
        errors.append({ rejected.line, rejected.message });
    if (const auto& fatal = table.error())
        errors.append({ fatal->line, fatal->message });

    const ImportFormat format = ImportFormats::detect(table.header());
    // Another CSV's columns, as import would guess them.
    const bool generic = format == ImportFormat::Generic;
    const ColumnMapping guess = generic ? ImportFormats::guessMapping(table.header()) : ColumnMapping();
    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonObject result {
            { QStringLiteral("format"), toKey(format) },
            { QStringLiteral("encoding"), toName(table.dialect().encoding) },
            { QStringLiteral("delimiter"), QString(table.dialect().delimiter) },
            { QStringLiteral("header"), QJsonArray::fromStringList(table.header()) },
            { QStringLiteral("rows"), rows },
            { QStringLiteral("errors"), issuesJson(errors, "message") },
        };
        if (generic)
            result.insert(QStringLiteral("mapping"), mappingJson(guess));
        printObject(m_out, result);
    } else {
        m_out << tr("Format: %1").arg(generic ? guessedFormatName(guess) : displayName(format)) << '\n'
              << tr("Encoding: %1, delimiter: %2")
                     .arg(toName(table.dialect().encoding), delimiterName(table.dialect().delimiter))
              << '\n'
              << tr("Columns: %1").arg(table.header().join(QStringLiteral(", "))) << '\n'
              << tr("Rows: %1").arg(rows.size()) << '\n';
        for (const ImportIssue& error : std::as_const(errors))
            m_out << error.reason << '\n';
    }
    return table.error() ? BadInput : Ok;
}

int Cli::importFile(const QStringList& arguments)
{
    if (ExportArchive::isArchive(arguments[0]))
        return importArchive(arguments[0]);
    ImportOptions options;
    if (m_parser.isSet(QStringLiteral("format"))) {
        options.format = importFormatFromKey(m_parser.value(QStringLiteral("format")));
        if (!options.format) {
            return fail(tr("unknown format \"%1\"; use one of: %2")
                            .arg(m_parser.value(QStringLiteral("format")), importFormatKeys()),
                        BadUsage);
        }
    }
    if (m_parser.isSet(QStringLiteral("map"))) {
        if (options.format && *options.format != ImportFormat::Generic)
            return fail(tr("--map applies to the generic format only"), BadUsage);
        options.format = ImportFormat::Generic;
        // The mapping names columns, so the header is read first.
        QFile file(arguments[0]);
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("cannot open %1: %2").arg(arguments[0], file.errorString()));
        CsvTable table(&file);
        if (Status opened = table.open(); !opened)
            return fail(tr("%1: %2").arg(arguments[0], opened.error()));
        auto mapping = ImportFormats::parseMapping(m_parser.value(QStringLiteral("map")), table.header());
        if (!mapping)
            return fail(mapping.error());
        options.mapping = *mapping;
    }

    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    auto ownName = SettingsRepository(**database).value(QStringLiteral("my_name"));
    if (ownName)
        options.ownName = *ownName;
    // Read as it is imported: memory stays that of a batch of rows whatever the file's size.
    auto stream = ImportStream::openFile(arguments[0], options);
    if (!stream)
        return fail(tr("%1: %2").arg(arguments[0], stream.error()));

    const bool dryRun = m_parser.isSet(QStringLiteral("dry-run"));
    Importer importer(**database);
    auto summary = dryRun ? importer.preview(**stream) : importer.apply(**stream);
    if (!summary)
        return fail(tr("%1: %2").arg(arguments[0], summary.error()));

    // LinkedIn's connections come without a keep-in-touch cadence (domain: Keep in touch); the user chooses.
    const int addedConnections = summary->format == ImportFormat::LinkedInConnections ? summary->contactsAdded : 0;
    // Another CSV's columns: as --map gave them, or guessed from the header.
    const bool generic = summary->format == ImportFormat::Generic;
    const bool guessed = generic && !m_parser.isSet(QStringLiteral("map"));
    const ColumnMapping& mapping = (*stream)->description().mapping;
    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonObject result {
            { QStringLiteral("format"), toKey(summary->format) },
            { QStringLiteral("dry_run"), dryRun },
            { QStringLiteral("contacts_added"), summary->contactsAdded },
            { QStringLiteral("contacts_merged"), summary->contactsMerged },
            { QStringLiteral("added_connections"), addedConnections },
            { QStringLiteral("interactions_added"), summary->interactionsAdded },
            { QStringLiteral("skipped"), issuesJson(summary->skipped, "reason") },
            { QStringLiteral("skipped_count"), summary->skippedCount },
            { QStringLiteral("contacts_unchanged"), summary->rowsUnchanged },
            { QStringLiteral("conflicts"), conflictsJson(summary->conflicts) },
            { QStringLiteral("conflict_count"), summary->conflictCount },
            { QStringLiteral("possible_duplicates"), possibleDuplicatesJson(summary->possibleDuplicates) },
            { QStringLiteral("possible_duplicate_count"), summary->possibleDuplicateCount },
        };
        if (generic) {
            result.insert(QStringLiteral("mapping"), mappingJson(mapping));
            result.insert(QStringLiteral("mapping_guessed"), guessed);
        }
        printObject(m_out, result);
        return Ok;
    }
    m_out << (dryRun ? tr("Would import %1: %2 contacts added, %3 merged, %4 interactions added, %5 rows skipped.")
                     : tr("Imported %1: %2 contacts added, %3 merged, %4 interactions added, %5 rows skipped."))
                 .arg(guessed ? guessedFormatName(mapping) : displayName(summary->format))
                 .arg(summary->contactsAdded)
                 .arg(summary->contactsMerged)
                 .arg(summary->interactionsAdded)
                 .arg(summary->skippedCount)
          << '\n';
    for (const ImportIssue& skipped : std::as_const(summary->skipped))
        m_out << tr("  line %1: %2").arg(skipped.line).arg(skipped.reason) << '\n';
    if (summary->skippedCount > summary->skipped.size())
        m_out << tr("  ... and %1 more rows skipped.").arg(summary->skippedCount - summary->skipped.size()) << '\n';
    printMatches(m_out, *summary);
    if (addedConnections > 0 && !dryRun) {
        m_out << (addedConnections == 1 ? tr("1 connection imported.")
                                        : tr("%1 connections imported.").arg(addedConnections))
              << u' '
              << tr("Choose whom to keep in touch with: rapport-cli contacts edit ID --keep-in-touch close (or tag "
                    "them and use rapport-cli tags set-cadence TAG close).")
              << '\n';
    }
    return Ok;
}

int Cli::exportData(const QStringList& arguments)
{
    const QString what = arguments[0];
    if (what != u"contacts" && what != u"interactions")
        return fail(tr("export what? \"contacts\" or \"interactions\", not \"%1\"").arg(what), BadUsage);
    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    Exporter exporter(**database);
    auto written
        = what == u"contacts" ? exporter.exportContacts(arguments[1]) : exporter.exportInteractions(arguments[1]);
    if (!written)
        return fail(written.error());
    m_out << (what == u"contacts" ? tr("Exported %1 contacts to %2.") : tr("Exported %1 interactions to %2."))
                 .arg(*written)
                 .arg(arguments[1])
          << '\n';
    return Ok;
}

int Cli::demo(const QStringList&)
{
    bool ok = false;
    const int count = m_parser.value(QStringLiteral("contacts")).toInt(&ok);
    if (!m_parser.isSet(QStringLiteral("contacts")) || !ok || count <= 0 || count > 1000000)
        return fail(tr("demo needs --contacts N, a number from 1 to 1000000"), BadUsage);
    quint32 seed = 1;
    if (m_parser.isSet(QStringLiteral("seed"))) {
        seed = m_parser.value(QStringLiteral("seed")).toUInt(&ok);
        if (!ok)
            return fail(tr("--seed \"%1\" is not a whole number").arg(m_parser.value(QStringLiteral("seed"))),
                        BadUsage);
    }
    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    const ParsedImport sample = DemoData::generate(count, seed, QDateTime::currentDateTimeUtc().date());
    auto summary = Importer(**database).apply(sample);
    if (!summary)
        return fail(summary.error());
    m_out << tr("Added %1 sample contacts (%2 merged) with %3 interactions.")
                 .arg(summary->contactsAdded)
                 .arg(summary->contactsMerged)
                 .arg(summary->interactionsAdded)
          << '\n';
    return Ok;
}

} // namespace rapport
