#pragma once

#include "core/Result.h"
#include "core/domain/Contact.h"
#include "core/domain/Interaction.h"

#include <QList>

namespace rapport {

class Database;

// A contact with its whole log, as it was before a deletion: what undo brings back.
struct ArchivedContact
{
    Contact contact;
    QList<Interaction> interactions;
};

// Reads a contact for safekeeping and puts it back later under the same ids, so that every other undo
// command that names the contact or one of its entries still finds it.
namespace ContactArchive {

Result<ArchivedContact> read(Database& database, qint64 contactId);
// Restores the contact and its log with their ids and timestamps, in one transaction.
Status restore(Database& database, const ArchivedContact& archived);
// Restores one deleted log entry under its id.
Status restoreInteraction(Database& database, const Interaction& interaction);
// Logs `interaction` the first time (setting its id), and brings it back under that id after an undo: the
// redo of every command that adds a log entry.
Status addOrRestoreInteraction(Database& database, Interaction& interaction);

} // namespace ContactArchive

} // namespace rapport
