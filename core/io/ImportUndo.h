#pragma once

#include "core/Result.h"
#include "core/domain/Contact.h"

#include <QList>

namespace rapport {

class Database;

// The state of the database just before an import: enough to take the import back without the Importer's
// help. An import only adds contacts and entries (new ids, above the largest ones before it) and fills in
// fields of existing contacts; so undoing it deletes what lies above the recorded ids and puts the earlier
// contacts' fields back.
struct ImportCheckpoint
{
    qint64 lastContactId = 0;
    qint64 lastInteractionId = 0;
    QList<Contact> contacts; // every contact as it was: the import may merge into any of them
};

namespace ImportUndo {

Result<ImportCheckpoint> checkpoint(Database& database);
// Removes what was added after `checkpoint` and restores the merged contacts, in one transaction.
// Redo is applying the same ParsedImport again: importing is idempotent.
Status rollBack(Database& database, const ImportCheckpoint& checkpoint);

} // namespace ImportUndo

} // namespace rapport
