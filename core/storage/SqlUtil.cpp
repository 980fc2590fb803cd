#include "core/storage/SqlUtil.h"

#include <QCoreApplication>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace rapport::sql {

QString explain(const QSqlError& error)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("Database", text); };
    // SQLite's primary result codes (the low byte of the extended code the driver reports).
    switch (error.nativeErrorCode().toInt() & 0xff) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return busyExplanation();
    case 8: // SQLITE_READONLY
        return tr("the database file or its folder is read-only");
    case 10: // SQLITE_IOERR
        return tr("the disk could not be written (it may be full, removed or failing)");
    case 13: // SQLITE_FULL
        return tr("the disk is full");
    case 14: // SQLITE_CANTOPEN
        return tr("the file cannot be opened (check that its folder exists and may be written)");
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return tr("the file is damaged or is not a database");
    default:
        return {};
    }
}

QString utf8Column(const QString& column)
{
    return QStringLiteral("CAST(%1 AS BLOB)").arg(column);
}

QString utf8Text(const QSqlQuery& query, int column)
{
    return QString::fromUtf8(query.value(column).toByteArray());
}

Error errorFrom(const QSqlQuery& query, const QString& what)
{
    const QSqlError error = query.lastError();
    QString detail = error.databaseText();
    if (detail.isEmpty())
        detail = error.text();
    if (const QString reason = explain(error); !reason.isEmpty())
        return Error { QCoreApplication::translate("Database", "%1: %2 (%3)").arg(what, reason, detail) };
    return Error { QCoreApplication::translate("Database", "%1: %2").arg(what, detail) };
}

QString busyExplanation()
{
    return QCoreApplication::translate(
        "Database", "another program (or another Rapport) is writing to the database; try again in a moment");
}

bool isNotADatabase(const QSqlError& error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 11 || code == 26;
}

Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(statement))
        return errorFrom(query, QCoreApplication::translate("Database", "Could not prepare a query"));
    for (const QVariant& value : values) {
        // A null QString would bind as SQL NULL; our text columns hold '' for "nothing". A real NULL is
        // bound from an invalid QVariant.
        const bool nullString = value.typeId() == QMetaType::QString && value.toString().isNull();
        query.addBindValue(nullString ? QVariant(QString(u""_s)) : value);
    }
    if (!query.exec())
        return errorFrom(query, QCoreApplication::translate("Database", "The database refused a change"));
    return query;
}

Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& statement, std::initializer_list<QVariant> values)
{
    return exec(db, statement, QVariantList(values));
}

} // namespace rapport::sql
