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
    for (int i = 0; i < records.size(); ++i) {
        const CsvRecord& record = records.at(i);
        if (record.isBlank() || record.fields.size() != usual)
            continue;
        // A spreadsheet pads the preamble's lines to the table's width: mostly empty, they are not the header.
        const auto empty = std::count_if(record.fields.cbegin(), record.fields.cend(),
                                         [](const QString& cell) { return cell.trimmed().isEmpty(); });
        if (usual > 1 && empty * 2 >= usual)
            continue;
        QStringList seen;
        for (const QString& cell : record.fields) {
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

// The length of `bytes` without a UTF-8 character cut off at its end (which the next chunk completes).
qsizetype wholeCharacters(QByteArrayView bytes)
{
    for (qsizetype start = bytes.size() - 1; start >= 0 && start >= bytes.size() - 4; --start) {
        const auto byte = static_cast<unsigned char>(bytes.at(start));
        if ((byte & 0xC0) == 0x80)
            continue; // a continuation byte: its character starts before it
        const qsizetype length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        return start + length > bytes.size() ? start : bytes.size();
    }
    return bytes.size();
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
        // Without a mark: UTF-8 if the whole file is valid UTF-8, else the Windows code page. Checked in
        // chunks, so a large file is not held in memory, and without decoding it (the reader does that once).
        QByteArray cut; // the start of a character the previous chunk ended in
        qint64 offset = 0;
        while (!device->atEnd()) {
            QByteArray chunk = device->read(kSampleSize);
            if (const qsizetype zero = chunk.indexOf('\0'); zero >= 0) {
                const qint64 line = lineAt(device, offset + zero);
                return Error { tr("Line %1 holds a zero byte: this is binary data, not a CSV text file.").arg(line) };
            }
            offset += chunk.size();
            if (!cut.isEmpty())
                chunk.prepend(cut);
            const qsizetype whole = wholeCharacters(chunk);
            if (!QByteArrayView(chunk).first(whole).isValidUtf8()) {
                dialect.encoding = TextEncoding::Windows1252;
                break;
            }
            cut = chunk.sliced(whole);
        }
        if (dialect.encoding == TextEncoding::Utf8 && !cut.isEmpty())
            dialect.encoding = TextEncoding::Windows1252; // the file ends inside a character
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
