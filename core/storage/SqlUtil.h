#pragma once

#include "core/Result.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>

namespace rapport::sql {

// Prepares and runs `statement` with `values` bound in order. Every query goes through here, so every
// value is bound, every failure carries the driver's text, and a null QString is stored as '', never NULL.
Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& statement, std::initializer_list<QVariant> values = {});
Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& statement, const QVariantList& values);

// A text column read as its UTF-8 bytes ("CAST(column AS BLOB)"), and such a column's value decoded: Qt's
// driver reads text as UTF-16, which SQLite converts from the stored UTF-8 a character at a time (a fifth of
// reading every contact, two thirds of a re-import); decoded by Qt, it costs a fraction of that.
QString utf8Column(const QString& column);
QString utf8Text(const QSqlQuery& query, int column);

Error errorFrom(const QSqlQuery& query, const QString& what);
// What an SQLite failure means for the user ("the disk is full"), or an empty string.
QString explain(const QSqlError& error);
bool isNotADatabase(const QSqlError& error);
// What explain() says when another connection holds the write lock (SQLITE_BUSY): the one failure that
// goes away by itself.
QString busyExplanation();

} // namespace rapport::sql
