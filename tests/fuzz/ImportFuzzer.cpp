// libFuzzer target for what the import makes of a file's rows: the bytes go through the CSV reader and every
// format class, as the importer streams them (in batches): once with the format detected, once with each
// format forced as `import --format` does, and once as a generic file with every column mapped by hand.
// Any crash, hang, sanitizer report or runaway allocation is a finding.
#include "core/io/CsvTable.h"
#include "core/io/ImportFormats.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>
#include <iterator>

namespace {

using namespace rapport;

// The file's header, as the reader finds it; empty when the reader refuses the file.
QStringList headerOf(QByteArray& bytes)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvTable table(&buffer);
    return table.open() ? table.header() : QStringList();
}

// Reads the whole file as the importer does.
void readAll(QByteArray& bytes, const ImportOptions& options)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    auto stream = ImportStream::open(&buffer, options);
    if (!stream)
        return;
    ParsedImport batch;
    while ((*stream)->next(batch, 16)) {
        for (const ImportIssue& issue : std::as_const(batch.skipped)) {
            if (issue.line < 1)
                __builtin_trap(); // every skipped row is reported with its line
        }
        batch = ParsedImport(); // memory follows the batch, not the file
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QStringList header = headerOf(bytes);
    if (header.isEmpty())
        return 0; // the reader refused the file: no format gets to see it
    readAll(bytes, {});
    for (int format = 0; format <= int(ImportFormat::Generic); ++format) {
        ImportOptions options;
        options.format = ImportFormat(format);
        readAll(bytes, options);
    }
    // Every column mapped to a field, in turn, so that each field's handling meets every column.
    static const char* const fields[]
        = { "name",        "first_name", "middle_name", "last_name", "position", "company", "location",
            "profile_url", "email",      "phone",       "tags",      "notes",    "starred" };
    ImportOptions mapped;
    mapped.format = ImportFormat::Generic;
    for (qsizetype i = 0; i < header.size(); ++i)
        mapped.mapping.append({ header.at(i), QString::fromLatin1(fields[i % std::size(fields)]) });
    readAll(bytes, mapped);
    return 0;
}
