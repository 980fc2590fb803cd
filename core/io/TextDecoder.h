#pragma once

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
};

// "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252": what `inspect` prints.
QString toName(TextEncoding encoding);

// Decodes a byte stream chunk by chunk (a character split between two chunks is kept for the next one).
// A byte order mark at the start is dropped. Windows-1252 goes through Qt's codec when this Qt build has
// one (ICU), else through a table of its 0x80-0x9F block, the rest being Latin-1.
class TextDecoder
{
public:
    explicit TextDecoder(TextEncoding encoding);

    QString decode(QByteArrayView bytes);
    bool hasError() const;

private:
    std::optional<QStringDecoder> m_decoder;
};

} // namespace rapport
