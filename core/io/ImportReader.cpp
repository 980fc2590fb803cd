#include "core/io/ImportReader.h"

#include "core/io/CsvTable.h"
#include "core/io/CsvWriter.h"
#include "core/io/ExportArchive.h"

#include <QBuffer>

#include <algorithm>

namespace rapport::ImportReader {

namespace {

QByteArray csvLine(const QStringList& fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString& field : fields)
        quoted.append(CsvWriter::quoted(field));
    return quoted.join(u',').toUtf8() + "\r\n";
}

} // namespace

Result<ParsedImport> readFile(const QString& path, const std::optional<CsvDialect>& dialect,
                              const ImportOptions& options, const ImportProgress& progress)
{
    if (!dialect)
        return ImportFormats::readFile(path, options, progress);
    auto file = ExportArchive::openFile(path);
    if (!file)
        return Error { file.error() };
    CsvTable table(file->get());
    if (Status opened = table.open(*dialect); !opened)
        return Error { opened.error() };
    QByteArray text = csvLine(table.header());
    qint64 line = 2;
    CsvRecord record;
    while (table.next(record)) {
        for (; line < record.line; ++line)
            text += "\r\n";
        const QByteArray row = csvLine(record.fields);
        text += row;
        line += row.count('\n');
    }
    if (const auto& failure = table.error())
        return Error { failure->message };
    QBuffer buffer(&text);
    buffer.open(QIODevice::ReadOnly);
    auto parsed = ImportFormats::read(&buffer, options, progress);
    if (!parsed)
        return parsed;
    // Rows the chosen dialect could not split as the header were left out of the text: report them.
    for (const CsvError& rejected : table.rejected())
        parsed->skipped.append({ rejected.line, rejected.message });
    parsed->rowCount += table.rejected().size();
    for (const CsvError& warning : table.warnings())
        parsed->warnings.append({ warning.line, warning.message });
    std::stable_sort(parsed->skipped.begin(), parsed->skipped.end(),
                     [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
    parsed->dialect = *dialect;
    return parsed;
}

} // namespace rapport::ImportReader
