#include "core/io/TextDecoder.h"

#include <array>

namespace rapport {

namespace {

// Windows-1252's 0x80-0x9F block; the five undefined bytes map to themselves, as Windows does.
constexpr std::array<char16_t, 32> kWindows1252High { {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
} };

} // namespace

QString toName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case TextEncoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case TextEncoding::Windows1252:
        return QStringLiteral("Windows-1252");
    }
    return {};
}

TextDecoder::TextDecoder(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        m_decoder.emplace(QStringConverter::Utf8);
        break;
    case TextEncoding::Utf16LE:
        m_decoder.emplace(QStringConverter::Utf16LE);
        break;
    case TextEncoding::Utf16BE:
        m_decoder.emplace(QStringConverter::Utf16BE);
        break;
    case TextEncoding::Windows1252:
        if (QStringDecoder codec("Windows-1252"); codec.isValid())
            m_decoder.emplace(std::move(codec));
        break;
    }
}

QString TextDecoder::decode(QByteArrayView bytes)
{
    if (m_decoder)
        return m_decoder->decode(bytes);
    QString text(bytes.size(), Qt::Uninitialized);
    QChar* out = text.data();
    for (const char byte : bytes) {
        const auto code = static_cast<unsigned char>(byte);
        *out++ = code >= 0x80 && code < 0xA0 ? QChar(kWindows1252High[code - 0x80]) : QChar(char16_t(code));
    }
    return text;
}

bool TextDecoder::hasError() const
{
    return m_decoder && m_decoder->hasError();
}

} // namespace rapport
