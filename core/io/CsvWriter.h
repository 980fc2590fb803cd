#pragma once

#include <QStringList>

class QIODevice;

namespace rapport {

// Writes RFC 4180 CSV in UTF-8 without a byte order mark: comma-separated, CRLF line ends, a field quoted
// only when it holds a comma, a quote, CR or LF. Cells are made formula-safe (see escapeFormula).
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice* device);

    // False once a write has failed (the device's errorString() says why).
    bool writeRow(const QStringList& fields);

    // A cell a spreadsheet would run as a formula (one beginning with =, +, -, @, tab or CR) gets a
    // leading '. So that the export re-imports losslessly, a cell that already begins with one or more '
    // followed by such a character gets one more; unescapeFormula() removes exactly one.
    static QString escapeFormula(const QString& cell);
    static QString unescapeFormula(const QString& cell);

    static QString quoted(const QString& field);

private:
    QIODevice* m_device;
};

} // namespace rapport
