#include "core/io/formats/FormatReader.h"

#include "core/io/CsvWriter.h"

namespace rapport::formats {

Status FormatReader::prepare(const ImportOptions&, ParsedImport&)
{
    return success();
}

void FormatReader::scan(const CsvRecord&) { }

void FormatReader::finishScan(ParsedImport&) { }

QString FormatReader::skipReasonNoName() const
{
    return tr("no name: a contact needs a first or last name");
}

void FormatReader::add(RecordSink& sink, ImportRecord&& record) const
{
    if (!record.reference && record.contact.firstName.isEmpty() && record.contact.lastName.isEmpty())
        return sink.skip(record.line, skipReasonNoName());
    sink.add(std::move(record));
}

QString FormatReader::first(const CsvRecord& row, std::initializer_list<const char*> names) const
{
    for (const char* name : names) {
        if (QString value = get(row, name); !value.isEmpty())
            return value;
    }
    return {};
}

QString FormatReader::raw(const CsvRecord& row, const char* name) const
{
    const int i = m_columns.indexOf(QString::fromLatin1(name));
    return i >= 0 && i < row.fields.size() ? CsvWriter::unescapeFormula(row.fields.at(i)) : QString();
}

} // namespace rapport::formats
