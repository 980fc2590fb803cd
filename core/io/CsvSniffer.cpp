#include "core/io/CsvSniffer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QHash>
#include <QIODevice>
#include <QRegularExpression>

#include <algorithm>

namespace rapport {

namespace {

constexpr qint64 kSampleSize = 64 * 1024;
constexpr int kSampleRecords = 50;

QString tr(const char* text)
{
    return QCoreApplication::translate("CsvSniffer", text);
}

// The field count most records of the sample have, and how many have it. Blank lines are left out, and
// so are one-field records when there are others: a preamble's lines are not the table.
std::pair<qsizetype, int> modalFieldCount(const QList<CsvRecord>& records)
{
    QHash<qsizetype, int> counts;
    for (const CsvRecord& record : records) {
        if (!record.isBlank())
            ++counts[record.fields.size()];
    }
    if (counts.size() > 1)
        counts.remove(1);
    std::pair<qsizetype, int> best { 0, 0 };
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > best.second || (it.value() == best.second && it.key() > best.first))
            best = { it.key(), it.value() };
    }
    return best;
}

// The first kSampleRecords records of the sample, read one past them: the rest of the sample is not looked at.
QList<CsvRecord> sampleRecords(const QString& sample, QChar delimiter, bool truncated)
{
    QByteArray bytes = sample.toUtf8();
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, TextEncoding::Utf8, delimiter);
    QList<CsvRecord> records;
    CsvRecord record;
    while (records.size() <= kSampleRecords && reader.next(record))
        records.append(record);
    if (records.size() > kSampleRecords)
        records.resize(kSampleRecords); // the ones kept end before the sample does
    else if (truncated && records.size() > 1)
        records.removeLast(); // a sample cut from a larger file may end in the middle of its last record
    return records;
}

bool looksLikeData(const QString& cell)
{
    static const QRegularExpression data(
        QStringLiteral(
            R"(^\s*([-+]?[\d.,\s/:]+|\S+@\S+\.\S+|https?://.*|www\..*|(?:[\w-]+\.)+(?:com|org|net)/.*)\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    return data.match(cell).hasMatch();
}

} // namespace

TextEncoding CsvSniffer::encodingFromBom(QByteArrayView head, qsizetype* bomLength)
{
    auto found = [&](TextEncoding encoding, qsizetype length) {
        if (bomLength)
            *bomLength = length;
        return encoding;
    };
    if (head.startsWith("\xEF\xBB\xBF"))
        return found(TextEncoding::Utf8, 3);
    if (head.startsWith("\xFF\xFE"))
        return found(TextEncoding::Utf16LE, 2);
    if (head.startsWith("\xFE\xFF"))
        return found(TextEncoding::Utf16BE, 2);
    // UTF-16 without a mark: text in Latin script has a zero in every other byte.
    const qsizetype pairs = std::min<qsizetype>(head.size() / 2, 256);
    if (pairs >= 2) {
        int zeroHigh = 0;
        int zeroLow = 0;
        for (qsizetype i = 0; i < pairs; ++i) {
            zeroLow += head[2 * i] == 0 && head[2 * i + 1] != 0;
            zeroHigh += head[2 * i + 1] == 0 && head[2 * i] != 0;
        }
        if (zeroHigh * 10 >= pairs * 9)
            return found(TextEncoding::Utf16LE, 0);
        if (zeroLow * 10 >= pairs * 9)
            return found(TextEncoding::Utf16BE, 0);
    }
    return found(TextEncoding::Utf8, 0);
}

QChar CsvSniffer::delimiterOf(const QString& sample, bool truncated)
{
    QChar best = u',';
    std::pair<qsizetype, int> bestScore { 1, 0 };
    for (const QChar candidate : { QChar(u','), QChar(u';'), QChar(u'\t') }) {
        const auto score = modalFieldCount(sampleRecords(sample, candidate, truncated));
        if (score.first < 2)
            continue;
        if (score.second > bestScore.second || (score.second == bestScore.second && score.first > bestScore.first)) {
            best = candidate;
            bestScore = score;
        }
    }
    return best;
}

int CsvSniffer::headerRecordOf(const QList<CsvRecord>& records)
{
    const qsizetype usual = modalFieldCount(records).first;
    // Thunderbird and Google's "Outlook CSV" end every data row with a comma, the header too or not: the
    // header may then name one column fewer than the rows have.
    qsizetype usualRows = 0;
    qsizetype endingEmpty = 0;
    for (const CsvRecord& record : records) {
        if (record.fields.size() == usual) {
            ++usualRows;
            endingEmpty += record.fields.last().trimmed().isEmpty();
        }
    }
    const bool trailingComma = endingEmpty * 2 > usualRows;
    for (int i = 0; i < records.size(); ++i) {
        const CsvRecord& record = records.at(i);
        QStringList names = record.fields;
        while (names.size() > 1 && names.last().trimmed().isEmpty())
            names.removeLast();
        const bool fits
            = record.fields.size() == usual || names.size() == usual || (trailingComma && names.size() == usual - 1);
        if (record.isBlank() || !fits)
            continue;
        // A spreadsheet pads the preamble's lines to the table's width: mostly empty, they are not the header.
        const auto empty = std::count_if(record.fields.cbegin(), record.fields.cend(),
                                         [](const QString& cell) { return cell.trimmed().isEmpty(); });
        if (record.fields.size() > 1 && empty * 2 >= record.fields.size())
            continue;
        QStringList seen;
        for (const QString& cell : std::as_const(names)) {
            const QString name = cell.trimmed();
            if (name.isEmpty() || looksLikeData(name) || seen.contains(name, Qt::CaseInsensitive))
                return -1;
            seen.append(name);
        }
        return i;
    }
    return records.isEmpty() ? 0 : -1;
}

namespace {

// How well a file's bytes fit UTF-8, counted a chunk at a time.
struct Utf8Census
{
    qint64 characters = 0; // valid multi-byte sequences
    qint64 invalid = 0; // bytes that are part of none
    QByteArray cut; // a sequence begun at the end of the last chunk, which the next one may complete

    void add(QByteArray chunk)
    {
        chunk.prepend(cut);
        cut.clear();
        if (chunk.isValidUtf8()) { // the usual case, checked fast
            characters += std::count_if(chunk.cbegin(), chunk.cend(),
                                        [](char byte) { return static_cast<unsigned char>(byte) >= 0xC0; });
            return;
        }
        for (qsizetype i = 0; i < chunk.size();) {
            const int length = utf8SequenceLength(chunk, i);
            if (length < 0) {
                cut = chunk.sliced(i);
                break;
            }
            invalid += length == 0;
            characters += length > 1;
            i += std::max(length, 1);
        }
    }
    void finish() { invalid += cut.size(); } // the file ends inside a character

    // A file that is UTF-8 apart from a few damaged characters (a name cut in the middle of one) is UTF-8;
    // in a file written in a legacy code page, nearly every non-ASCII byte is invalid UTF-8.
    bool isUtf8() const { return invalid == 0 || characters > invalid; }
};

// Whether a file that is not UTF-8 is Japanese text in Shift-JIS rather than Windows-1252: every byte fits
// Shift-JIS (a lead byte 0x81-0x9F or 0xE0-0xEF followed by a trail byte 0x40-0xFC other than 0x7F, else
// a single byte other than 0x80, 0xA0 and 0xF0-0xFF) and some pairs are kana (lead 0x82 or 0x83), which
// Japanese text is full of and Windows-1252 text virtually never forms ("‚" or "ƒ" before a letter).
bool isShiftJis(QIODevice* device)
{
    if (!device->seek(0))
        return false;
    int lead = 0; // a lead byte waiting for its trail byte
    qint64 kana = 0;
    while (!device->atEnd()) {
        const QByteArray chunk = device->read(kSampleSize);
        if (chunk.isEmpty())
            break;
        for (const char c : chunk) {
            const auto byte = static_cast<unsigned char>(c);
            if (lead) {
                if (byte < 0x40 || byte == 0x7F || byte > 0xFC)
                    return false;
                kana += (lead == 0x82 && byte >= 0x9F && byte <= 0xF1) || (lead == 0x83 && byte <= 0x96);
                lead = 0;
            } else if ((byte >= 0x81 && byte <= 0x9F) || (byte >= 0xE0 && byte <= 0xEF)) {
                lead = byte;
            } else if (byte == 0x80 || byte == 0xA0 || byte >= 0xF0) {
                return false;
            }
        }
    }
    return lead == 0 && kana > 0;
}

// The line the byte at `offset` is on, for the error message (read again: a zero byte is rare).
qint64 lineAt(QIODevice* device, qint64 offset)
{
    qint64 line = 1;
    if (!device->seek(0))
        return line;
    while (offset > 0) {
        const QByteArray chunk = device->read(std::min<qint64>(offset, 1 << 16));
        if (chunk.isEmpty())
            break;
        line += chunk.count('\n');
        offset -= chunk.size();
    }
    return line;
}

// The encoding of a file without a byte order mark, read through to its end in chunks (so that a large file
// is not held in memory) without decoding it (the reader does that once).
Result<TextEncoding> unmarkedEncoding(QIODevice* device)
{
    Utf8Census census;
    qint64 offset = 0;
    while (!device->atEnd()) {
        const QByteArray chunk = device->read(kSampleSize);
        if (chunk.isEmpty())
            break;
        if (const qsizetype zero = chunk.indexOf('\0'); zero >= 0) {
            const qint64 line = lineAt(device, offset + zero);
            return Error { tr("Line %1 holds a zero byte: this is binary data, not a CSV text file.").arg(line) };
        }
        offset += chunk.size();
        census.add(chunk);
    }
    census.finish();
    if (census.isUtf8())
        return TextEncoding::Utf8;
    return isShiftJis(device) ? TextEncoding::ShiftJis : TextEncoding::Windows1252;
}

} // namespace

Result<CsvDialect> CsvSniffer::sniff(QIODevice* device)
{
    if (!device->seek(0))
        return Error { tr("The file cannot be read from its start.") };
    const QByteArray head = device->peek(kSampleSize);
    if (head.isEmpty())
        return Error { tr("The file is empty.") };

    CsvDialect dialect;
    qsizetype bomLength = 0;
    dialect.encoding = encodingFromBom(head, &bomLength);
    const bool marked = bomLength > 0 || dialect.encoding != TextEncoding::Utf8;
    if (!marked) {
        auto encoding = unmarkedEncoding(device);
        if (!encoding)
            return Error { encoding.error() };
        dialect.encoding = *encoding;
    }
    if (!TextDecoder::isAvailable(dialect.encoding)) {
        return Error { tr("The file is encoded in %1, which this build of Rapport cannot read: save it as UTF-8 "
                          "and open it again.")
                           .arg(toName(dialect.encoding)) };
    }

    TextDecoder decoder(dialect.encoding);
    const QString sample = decoder.decode(head);
    if (sample.trimmed().isEmpty())
        return Error { tr("The file holds no text.") };
    const bool truncated = head.size() == kSampleSize;
    dialect.delimiter = delimiterOf(sample, truncated);
    const QList<CsvRecord> records = sampleRecords(sample, dialect.delimiter, truncated);
    if (truncated && records.size() < kSampleRecords) {
        // Records so long that the sample holds only a few of them: the header may lie beyond it, behind a
        // field too long to be a real one (a 50 MB cell in LinkedIn's preamble made the preamble the header).
        // What the reader makes of the first records says what is wrong, in place of a guess.
        if (!device->seek(0))
            return Error { tr("The file cannot be read from its start.") };
        CsvReader reader(device, dialect.encoding, dialect.delimiter);
        CsvRecord record;
        for (int i = 0; i <= kSampleRecords && reader.next(record); ++i) { }
        if (const auto& failure = reader.error())
            return Error { failure->message };
    }
    dialect.headerRecord = headerRecordOf(records);
    if (!device->seek(0))
        return Error { tr("The file cannot be read from its start.") };
    return dialect;
}

} // namespace rapport
