#include "core/io/TextDecoder.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rapport {

namespace {

// Windows-1252's 0x80-0x9F block; the five undefined bytes map to themselves, as Windows does.
constexpr std::array<char16_t, 32> kWindows1252High { {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
} };

// The length of `bytes` without the start of a UTF-8 character cut off at its end.
qsizetype wholeCharacters(QByteArrayView bytes)
{
    for (qsizetype start = std::max<qsizetype>(bytes.size() - 3, 0); start < bytes.size(); ++start) {
        if (utf8SequenceLength(bytes, start) < 0)
            return start;
    }
    return bytes.size();
}

} // namespace

int utf8SequenceLength(QByteArrayView bytes, qsizetype i)
{
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80)
        return 1;
    int length = 0;
    unsigned char low = 0x80; // the second byte's range, narrower after some leads: overlong forms,
    unsigned char high = 0xBF; // surrogates and code points past U+10FFFF are invalid
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : low;
        high = lead == 0xED ? 0x9F : high;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : low;
        high = lead == 0xF4 ? 0x8F : high;
    } else {
        return 0;
    }
    for (int k = 1; k < length; ++k) {
        if (i + k >= bytes.size())
            return -1;
        const auto byte = static_cast<unsigned char>(bytes[i + k]);
        if (k == 1 ? byte < low || byte > high : (byte & 0xC0) != 0x80)
            return 0;
    }
    return length;
}

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
    case TextEncoding::ShiftJis:
        return QStringLiteral("Shift_JIS");
    }
    return {};
}

bool TextDecoder::isAvailable(TextEncoding encoding)
{
    return encoding != TextEncoding::ShiftJis || QStringDecoder("Shift_JIS").isValid();
}

TextDecoder::TextDecoder(TextEncoding encoding)
    : m_encoding(encoding)
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
    case TextEncoding::ShiftJis:
        m_decoder.emplace("Shift_JIS"); // invalid without ICU: decode() then gives nothing (see isAvailable())
        break;
    }
}

QString TextDecoder::decode(QByteArrayView bytes)
{
    if (m_encoding == TextEncoding::Utf8) {
        // Qt 6.4 keeps a character cut at a chunk's end for the next chunk, but if that character turns out
        // invalid it also drops the next chunk's first byte (a comma, say): whole characters only go to it.
        QByteArray joined;
        if (!m_cut.isEmpty()) {
            joined = std::exchange(m_cut, {}).append(bytes);
            bytes = joined;
        }
        const qsizetype whole = wholeCharacters(bytes);
        m_cut = bytes.sliced(whole).toByteArray();
        return m_decoder->decode(bytes.first(whole));
    }
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

QString TextDecoder::finish()
{
    if (!m_cut.isEmpty()) { // UTF-8 cut off in the middle of a character
        m_cutAtEnd = true;
        return QString(std::exchange(m_cut, {}).size(), QChar::ReplacementCharacter);
    }
    // ICU's decoders keep a cut character for more bytes to come too: a line feed, which never continues a
    // character in Shift-JIS, ends it as invalid. (An odd byte at the end of UTF-16 is lost.)
    if (m_encoding != TextEncoding::ShiftJis || !m_decoder)
        return {};
    QString rest = m_decoder->decode("\n");
    rest.chop(1);
    return rest;
}

bool TextDecoder::hasError() const
{
    return m_cutAtEnd || (m_decoder && m_decoder->hasError());
}

} // namespace rapport
