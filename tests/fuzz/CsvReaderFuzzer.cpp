// libFuzzer target for the CSV reading path a dropped file goes through: sniffing (encoding, delimiter,
// header) then reading every row. Any crash, hang, sanitizer report or runaway allocation is a finding.
#include "core/io/CsvReader.h"
#include "core/io/CsvTable.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>
#include <iterator>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        rapport::CsvTable table(&buffer);
        if (table.open()) {
            rapport::CsvRecord row;
            while (table.next(row)) {
                if (row.fields.size() != table.header().size())
                    __builtin_trap(); // next() promises rows as wide as the header
            }
        }
    }
    // The reader alone, in every encoding and with every delimiter, straight from the bytes.
    const rapport::TextEncoding encodings[]
        = { rapport::TextEncoding::Utf8, rapport::TextEncoding::Utf16LE, rapport::TextEncoding::Utf16BE,
            rapport::TextEncoding::Windows1252, rapport::TextEncoding::ShiftJis };
    const QChar delimiters[] = { u',', u';', u'\t' };
    const std::size_t pick = size > 0 ? data[0] : 0;
    QList<rapport::CsvRecord> records;
    (void)rapport::CsvReader::readAll(bytes, encodings[pick % std::size(encodings)],
                                      delimiters[(pick / std::size(encodings)) % 3], records);
    return 0;
}
