#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>

#include <optional>

namespace rapport {

// The encodings a CSV file arrives in (domain: Import and export).
enum class TextEncoding
{
    Utf8,
    Utf16LE,
    Utf16BE,
    Windows1252,
    ShiftJis,
};

// "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252", "Shift_JIS": what `inspect` prints.
QString toName(TextEncoding encoding);

// The length of the valid UTF-8 sequence that starts at `bytes[i]`: 0 if none does, -1 if `bytes` ends
// before it can tell.
int utf8SequenceLength(QByteArrayView bytes, qsizetype i);

// Decodes a byte stream chunk by chunk (a character split between two chunks is kept for the next one).
// A byte order mark at the start is dropped. Windows-1252 goes through Qt's codec when this Qt build has
// one (ICU), else through a table of its 0x80-0x9F block, the rest being Latin-1. Bytes that are not
// valid in the encoding become U+FFFD and set hasError().
class TextDecoder
{
public:
    explicit TextDecoder(TextEncoding encoding);

    // Whether this Qt build can decode the encoding (Shift_JIS needs ICU).
    static bool isAvailable(TextEncoding encoding);

    QString decode(QByteArrayView bytes);
    // The end of the input: a character it ends in the middle of (a file cut short) is invalid.
    QString finish();
    bool hasError() const;

private:
    TextEncoding m_encoding;
    std::optional<QStringDecoder> m_decoder;
    QByteArray m_cut; // UTF-8: the start of a character the last chunk ended in
    bool m_cutAtEnd = false;
};

} // namespace rapport
