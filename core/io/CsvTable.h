#pragma once

#include "core/Result.h"
#include "core/io/CsvReader.h"
#include "core/io/CsvSniffer.h"

#include <optional>
#include <utility>

class QIODevice;

namespace rapport {

// A CSV file read as a table: the dialect sniffed (or given), the preamble skipped, the header read,
// then data rows one at a time. A row whose field count differs from the header's is rejected with its
// line number (trailing empty fields are forgiven, and so are the header's: Thunderbird ends every line
// with a comma); blank lines are skipped. A row holding bytes invalid in the file's encoding is read with
// U+FFFD in their place, and reported with a warning.
class CsvTable
{
public:
    explicit CsvTable(QIODevice* device);

    // Sniffs the dialect unless one is given, and reads up to the first data row.
    Status open(std::optional<CsvDialect> dialect = std::nullopt);

    const CsvDialect& dialect() const { return m_dialect; }
    // Trimmed column names; "Column 1", "Column 2"... for a file without a header row.
    const QStringList& header() const { return m_header; }

    // The next data row; false at the end or on a fatal error (see error()).
    bool next(CsvRecord& row);
    const QList<CsvError>& rejected() const { return m_rejected; }
    // The rows rejected since the last call, forgotten here: a reader of a large file takes them as it goes.
    QList<CsvError> takeRejected() { return std::exchange(m_rejected, {}); }
    // Rows read, but not quite as written (the header's line too): the same, taken as they come.
    const QList<CsvError>& warnings() const { return m_warnings; }
    QList<CsvError> takeWarnings() { return std::exchange(m_warnings, {}); }
    const std::optional<CsvError>& error() const { return m_reader ? m_reader->error() : m_openError; }

    qint64 bytesRead() const { return m_reader ? m_reader->bytesRead() : 0; }
    qint64 size() const;

private:
    void checkBytes(const CsvRecord& record);

    QIODevice* m_device;
    CsvDialect m_dialect;
    QStringList m_header;
    std::optional<CsvReader> m_reader;
    std::optional<CsvRecord> m_pending;
    QList<CsvError> m_rejected;
    QList<CsvError> m_warnings;
    std::optional<CsvError> m_openError;
};

} // namespace rapport
