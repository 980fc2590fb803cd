#include "core/storage/ContactArchive.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/SqlUtil.h"

namespace rapport::ContactArchive {

namespace {

// The repositories assign new ids; the row is then moved back to the id it had (SQLite lets a rowid be
// updated, and the entry has no dependants yet), so validation and columns stay the repositories' own.
Status moveId(Database& database, const QString& table, qint64 from, qint64 to)
{
    if (from == to)
        return success();
    // sql: identifiers only (the table name comes from this file's callers, never from input)
    auto moved = sql::exec(database.connection(), QStringLiteral("UPDATE %1 SET id = ? WHERE id = ?").arg(table),
                           { to, from });
    return moved ? success() : Status(Error { moved.error() });
}

} // namespace

Result<ArchivedContact> read(Database& database, qint64 contactId)
{
    auto contact = ContactRepository(database).find(contactId);
    if (!contact)
        return Error { contact.error() };
    auto log = InteractionRepository(database).forContact(contactId);
    if (!log)
        return Error { log.error() };
    return ArchivedContact { std::move(*contact), std::move(*log) };
}

Status restore(Database& database, const ArchivedContact& archived)
{
    return database.transaction([&]() -> Status {
        auto id = ContactRepository(database).add(archived.contact, archived.contact.updatedAt);
        if (!id)
            return Error { id.error() };
        if (Status moved = moveId(database, QStringLiteral("contacts"), *id, archived.contact.id); !moved)
            return moved;
        for (const Interaction& entry : archived.interactions) {
            if (Status restored = restoreInteraction(database, entry); !restored)
                return restored;
        }
        return success();
    });
}

Status restoreInteraction(Database& database, const Interaction& interaction)
{
    return database.transaction([&]() -> Status {
        auto id = InteractionRepository(database).add(interaction);
        if (!id)
            return Error { id.error() };
        return moveId(database, QStringLiteral("interactions"), *id, interaction.id);
    });
}

Status addOrRestoreInteraction(Database& database, Interaction& interaction)
{
    if (interaction.id != 0)
        return restoreInteraction(database, interaction);
    auto id = InteractionRepository(database).add(interaction);
    if (!id)
        return Error { id.error() };
    interaction.id = *id;
    return success();
}

} // namespace rapport::ContactArchive
