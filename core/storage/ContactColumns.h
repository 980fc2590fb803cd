#pragma once

#include "core/domain/Contact.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

namespace rapport::contact_columns {

// The columns of `contacts` a contact is written to and read from, and the columns of Rapport's contacts
// export: one list (ContactColumns.cpp) that the repository, the import's BulkWriter and the Exporter go by, so
// that a new field cannot be forgotten in one of them.

// Every column a contact's change writes, in the order of values(): not its id, nor when it was created.
QStringList written();
// `contact`'s values for written(), with `profileKey` its normalized profile URL (computed once by the caller).
QVariantList values(const Contact& contact, const QString& profileKey, const QDateTime& now);

// The columns a contact is read from, in the order of read(); the texts as their UTF-8 bytes (sql::utf8Column()).
QStringList selected();
// The contact in `query`'s current row, from its column `first` on (selected() at `first`).
Contact read(const QSqlQuery& query, int first = 0);

// The columns of the contacts export, in its order: the stored columns a user edits, under their names, with the
// keep-in-touch cadence as `keep_in_touch` (a cadence's key, not a number of days).
QStringList exported();

} // namespace rapport::contact_columns
