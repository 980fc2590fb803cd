#include "core/io/CsvTable.h"

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CsvTable", text);
}

} // namespace

CsvTable::CsvTable(QIODevice* device)
    : m_device(device)
{
}

qint64 CsvTable::size() const
{
    return m_device->isSequential() ? 0 : m_device->size();
}

Status CsvTable::open(std::optional<CsvDialect> dialect)
{
    if (!dialect) {
        auto sniffed = CsvSniffer::sniff(m_device);
        if (!sniffed)
            return Error { sniffed.error() };
        dialect = *sniffed;
    } else if (!m_device->seek(0)) {
        return Error { tr("The file cannot be read from its start.") };
    }
    m_dialect = *dialect;
    m_reader.emplace(m_device, m_dialect.encoding, m_dialect.delimiter);

    CsvRecord record;
    for (int i = 0; i < std::max(m_dialect.headerRecord, 0); ++i) {
        if (!m_reader->next(record))
            break;
    }
    if (!m_reader->next(record)) {
        if (const auto& failure = m_reader->error())
            return Error { failure->message };
        return Error { tr("The file has no rows.") };
    }
    if (m_dialect.headerRecord < 0) {
        for (qsizetype i = 0; i < record.fields.size(); ++i)
            m_header.append(tr("Column %1").arg(i + 1));
        m_pending = record;
    } else {
        for (const QString& name : std::as_const(record.fields))
            m_header.append(name.trimmed());
        while (m_header.size() > 1 && m_header.last().isEmpty())
            m_header.removeLast();
        checkBytes(record);
    }
    return success();
}

void CsvTable::checkBytes(const CsvRecord& record)
{
    if (!m_reader->hasInvalidBytes())
        return;
    const bool replaced = std::any_of(record.fields.cbegin(), record.fields.cend(),
                                      [](const QString& field) { return field.contains(QChar::ReplacementCharacter); });
    if (replaced) {
        m_warnings.append(
            { record.line,
              tr("Line %1: invalid %2 bytes replaced with \uFFFD.").arg(record.line).arg(toName(m_dialect.encoding)) });
    }
}

bool CsvTable::next(CsvRecord& row)
{
    if (!m_reader)
        return false;
    for (;;) {
        if (m_pending) {
            row = *m_pending;
            m_pending.reset();
        } else if (!m_reader->next(row)) {
            return false;
        }
        if (row.isBlank())
            continue;
        while (row.fields.size() > m_header.size() && row.fields.last().trimmed().isEmpty())
            row.fields.removeLast();
        if (row.fields.size() == m_header.size()) {
            checkBytes(row);
            return true;
        }
        m_rejected.append({ row.line,
                            tr("Line %1 has %2 fields where the header has %3.")
                                .arg(row.line)
                                .arg(row.fields.size())
                                .arg(m_header.size()) });
    }
}

} // namespace rapport
