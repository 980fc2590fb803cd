#include "core/io/CsvWriter.h"

#include <QIODevice>

namespace rapport {

namespace {

bool isFormulaStart(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

// The cell starts with zero or more ' and then a formula character.
bool needsGuard(const QString& cell)
{
    qsizetype i = 0;
    while (i < cell.size() && cell.at(i) == u'\'')
        ++i;
    return i < cell.size() && isFormulaStart(cell.at(i));
}

} // namespace

CsvWriter::CsvWriter(QIODevice* device)
    : m_device(device)
{
}

QString CsvWriter::escapeFormula(const QString& cell)
{
    return needsGuard(cell) ? u'\'' + cell : cell;
}

QString CsvWriter::unescapeFormula(const QString& cell)
{
    return cell.startsWith(u'\'') && needsGuard(cell) ? cell.mid(1) : cell;
}

QString CsvWriter::quoted(const QString& field)
{
    const bool quote = field.contains(u',') || field.contains(u'"') || field.contains(u'\r') || field.contains(u'\n');
    if (!quote)
        return field;
    QString result = field;
    result.replace(u'"', QStringLiteral("\"\""));
    return u'"' + result + u'"';
}

bool CsvWriter::writeRow(const QStringList& fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += u',';
        line += quoted(escapeFormula(fields.at(i)));
    }
    line += QStringLiteral("\r\n");
    const QByteArray bytes = line.toUtf8();
    return m_device->write(bytes) == bytes.size();
}

} // namespace rapport
