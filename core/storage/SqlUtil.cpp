#include "core/storage/SqlUtil.h"

#include <QCoreApplication>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace rapport::sql {

Error errorFrom(const QSqlQuery& query, const QString& what)
{
    const QSqlError error = query.lastError();
    QString detail = error.databaseText();
    if (detail.isEmpty())
        detail = error.text();
    return Error { QCoreApplication::translate("Database", "%1: %2").arg(what, detail) };
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
