#pragma once

#include "core/Result.h"
#include "core/io/CsvReader.h"
#include "core/io/TextDecoder.h"

class QIODevice;

namespace rapport {

// How a CSV file is written, as far as it can be told from its bytes.
struct CsvDialect
{
    TextEncoding encoding = TextEncoding::Utf8;
    QChar delimiter = u',';
    // The record (0-based, counting preamble records and blank lines) that holds the column names;
    // -1 when the file has no header row and the first record is data.
    int headerRecord = 0;
};

// Guesses a file's dialect (domain: Import and export). The encoding from a byte order mark; else UTF-8
// unless the file is not UTF-8 at all (a few invalid bytes among valid multi-byte characters are damage,
// which the reader replaces with U+FFFD), then Shift-JIS for Japanese text, else Windows-1252; UTF-16
// without a mark is recognised by its zero bytes. The delimiter among comma, semicolon and tab as the one
// that splits the first records most consistently. The header as the first record with the usual field
// count (or one fewer, when the rows end with an empty field), so that a preamble (LinkedIn's "Notes:") is
// skipped, unless its cells look like data.
class CsvSniffer
{
public:
    // Reads the device from its start and rewinds it. An empty file or binary data is an error.
    static Result<CsvDialect> sniff(QIODevice* device);

    static TextEncoding encodingFromBom(QByteArrayView head, qsizetype* bomLength = nullptr);
    // `truncated`: the sample is the start of a larger file, so its last record may be cut short.
    static QChar delimiterOf(const QString& sample, bool truncated = false);
    static int headerRecordOf(const QList<CsvRecord>& records);
};

} // namespace rapport
