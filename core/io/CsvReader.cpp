#include "core/io/CsvReader.h"

#include <QBuffer>
#include <QCoreApplication>

#include <algorithm>

namespace rapport {

namespace {

constexpr qint64 kChunkSize = 64 * 1024;

QString tr(const char* text)
{
    return QCoreApplication::translate("CsvReader", text);
}

enum class State
{
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted, // a quote seen inside a quoted field: the end of it, or the first of a doubled pair
};

} // namespace

CsvReader::CsvReader(QIODevice* device, TextEncoding encoding, QChar delimiter)
    : m_device(device)
    , m_decoder(encoding)
    , m_delimiter(delimiter)
{
}

// Called when the buffer is used up: the next chunk's text replaces it (appended, it would be copied).
bool CsvReader::fill()
{
    Q_ASSERT(m_pos >= m_buffer.size());
    if (m_atEnd)
        return false;
    m_buffer.clear();
    m_pos = 0;
    while (m_buffer.isEmpty()) {
        const QByteArray bytes = m_device->read(kChunkSize);
        if (bytes.isEmpty()) {
            m_atEnd = true;
            // A multi-byte character cut off at the very end decodes as replacement characters.
            m_buffer = m_decoder.finish();
            return !m_buffer.isEmpty();
        }
        m_bytesRead += bytes.size();
        m_buffer = m_decoder.decode(bytes);
    }
    return true;
}

bool CsvReader::peek(QChar c)
{
    if (m_pos >= m_buffer.size() && !fill())
        return false;
    return m_buffer.at(m_pos) == c;
}

bool CsvReader::fail(qint64 line, const QString& message)
{
    m_error = CsvError { line, message };
    m_atEnd = true;
    m_buffer.clear();
    m_pos = 0;
    return false;
}

bool CsvReader::next(CsvRecord& record)
{
    if (m_error)
        return false;
    record.fields.clear();
    record.line = m_line;
    QString field;
    State state = State::FieldStart;

    auto endField = [&]() -> bool {
        record.fields.append(field);
        field.clear();
        if (record.fields.size() > kMaxFieldCount) {
            return fail(record.line,
                        tr("Line %1: more than %2 fields in one record; this does not look like a CSV file.")
                            .arg(record.line)
                            .arg(kMaxFieldCount));
        }
        return true;
    };
    // Consumes the LF of a CRLF; the line counter moves past the line break either way.
    auto lineBreak = [&](QChar c) {
        if (c == u'\r' && peek(u'\n'))
            ++m_pos;
        ++m_line;
    };

    for (;;) {
        if (m_pos >= m_buffer.size() && !fill()) {
            if (state == State::Quoted) {
                return fail(
                    record.line,
                    tr("Line %1: a quoted field starts here and is never closed (a missing \").").arg(record.line));
            }
            if (state == State::FieldStart && record.fields.isEmpty())
                return false; // the end of the file, after the last line break
            return endField();
        }
        if (state == State::Unquoted || state == State::Quoted) {
            // A run of characters that neither end nor break the field goes in at once, not one by one.
            const QChar* const data = m_buffer.constData();
            const qsizetype limit = std::min(m_buffer.size(), m_pos + (kMaxFieldLength - field.size()));
            qsizetype end = m_pos;
            while (end < limit) {
                const QChar c = data[end];
                if (c.unicode() == 0 || c == u'\n' || c == u'\r'
                    || (state == State::Unquoted ? c == m_delimiter : c == u'"'))
                    break;
                ++end;
            }
            if (end > m_pos) {
                if (field.isEmpty())
                    field = QString(data + m_pos, end - m_pos); // the usual whole field: one exact allocation
                else
                    field.append(data + m_pos, end - m_pos);
                m_pos = end;
                continue;
            }
        }
        const QChar c = m_buffer.at(m_pos++);
        if (c.unicode() == 0) {
            return fail(m_line, tr("Line %1 holds a zero byte: this is binary data, not a CSV text file.").arg(m_line));
        }
        if (field.size() >= kMaxFieldLength) {
            return fail(record.line,
                        tr("Line %1: a field longer than %2 characters; this does not look like a CSV file (or a quote "
                           "is missing).")
                            .arg(record.line)
                            .arg(kMaxFieldLength));
        }
        switch (state) {
        case State::FieldStart:
            if (c == u'"') {
                state = State::Quoted;
            } else if (c == m_delimiter) {
                if (!endField())
                    return false;
            } else if (c == u'\n' || c == u'\r') {
                lineBreak(c);
                return endField();
            } else {
                --m_pos; // taken again with the rest of its run
                state = State::Unquoted;
            }
            break;
        case State::Unquoted:
            if (c == m_delimiter) {
                if (!endField())
                    return false;
                state = State::FieldStart;
            } else if (c == u'\n' || c == u'\r') {
                lineBreak(c);
                return endField();
            } else {
                field += c;
            }
            break;
        case State::Quoted:
            if (c == u'"') {
                state = State::QuoteInQuoted;
            } else {
                field += c;
                if (c == u'\n' || (c == u'\r' && !peek(u'\n')))
                    ++m_line;
            }
            break;
        case State::QuoteInQuoted:
            if (c == u'"') {
                field += c;
                state = State::Quoted;
            } else if (c == m_delimiter) {
                if (!endField())
                    return false;
                state = State::FieldStart;
            } else if (c == u'\n' || c == u'\r') {
                lineBreak(c);
                return endField();
            } else {
                field += c;
                state = State::Unquoted;
            }
            break;
        }
    }
}

std::optional<CsvError> CsvReader::readAll(QByteArrayView data, TextEncoding encoding, QChar delimiter,
                                           QList<CsvRecord>& records)
{
    QByteArray bytes = data.toByteArray();
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, encoding, delimiter);
    CsvRecord record;
    while (reader.next(record))
        records.append(record);
    return reader.error();
}

} // namespace rapport
