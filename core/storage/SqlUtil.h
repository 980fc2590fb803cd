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

Error errorFrom(const QSqlQuery& query, const QString& what);
// What an SQLite failure means for the user ("the disk is full"), or an empty string.
QString explain(const QSqlError& error);
bool isNotADatabase(const QSqlError& error);

} // namespace rapport::sql
