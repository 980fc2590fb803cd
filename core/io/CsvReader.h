#pragma once

#include "core/io/TextDecoder.h"

#include <QStringList>

#include <optional>

class QIODevice;

namespace rapport {

// One record as it appears in the file: its fields and the physical line it starts on (1-based).
struct CsvRecord
{
    QStringList fields;
    qint64 line = 0;

    // A line with nothing on it.
    bool isBlank() const { return fields.size() == 1 && fields.first().isEmpty(); }
};

// Why reading stopped before the end of the file.
struct CsvError
{
    qint64 line = 0;
    QString message;
};

// RFC 4180 records from a byte stream: quoted fields may hold the delimiter, doubled quotes, CR, LF and
// CRLF; lines end with LF, CRLF or CR; the last line may lack its newline. It reads the device in chunks
// and keeps only the record being read, so memory does not grow with the file.
//
// Tolerant where spreadsheets are sloppy: a quote inside an unquoted field, or text after a closing
// quote, is kept as a literal character. Fatal (next() returns false and error() says why and where):
// a quoted field still open at the end of the file, a zero character (binary data), and a field or
// record too large to be a real one, which also bounds memory on hostile input.
class CsvReader
{
public:
    static constexpr qsizetype kMaxFieldLength = 1 << 20; // characters
    static constexpr qsizetype kMaxFieldCount = 4096;

    CsvReader(QIODevice* device, TextEncoding encoding, QChar delimiter = u',');

    // Reads the next record into `record`; false at the end of the file or on a fatal error.
    bool next(CsvRecord& record);
    const std::optional<CsvError>& error() const { return m_error; }
    // Whether some bytes read so far were invalid in the encoding (each became U+FFFD).
    bool hasInvalidBytes() const { return m_decoder.hasError(); }

    // Bytes consumed from the device so far, for progress.
    qint64 bytesRead() const { return m_bytesRead; }

    // Every record of `data`, or the first fatal error.
    static std::optional<CsvError> readAll(QByteArrayView data, TextEncoding encoding, QChar delimiter,
                                           QList<CsvRecord>& records);

private:
    bool fill();
    bool peek(QChar c);
    bool fail(qint64 line, const QString& message);

    QIODevice* m_device;
    TextDecoder m_decoder;
    QChar m_delimiter;
    QString m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qint64 m_bytesRead = 0;
    bool m_atEnd = false;
    std::optional<CsvError> m_error;
};

} // namespace rapport
