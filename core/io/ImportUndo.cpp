#include "core/io/ImportUndo.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCoreApplication>
#include <QHash>

namespace rapport::ImportUndo {

namespace {

Result<qint64> largestId(Database& database, const QString& table)
{
    // sql: identifiers only (the table name comes from this file, never from input)
    auto query = sql::exec(database.connection(), QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(table));
    if (!query)
        return Error { query.error() };
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

} // namespace

Result<ImportCheckpoint> checkpoint(Database& database)
{
    ImportCheckpoint point;
    auto lastContact = largestId(database, QStringLiteral("contacts"));
    if (!lastContact)
        return Error { lastContact.error() };
    auto lastInteraction = largestId(database, QStringLiteral("interactions"));
    if (!lastInteraction)
        return Error { lastInteraction.error() };
    auto contacts = ContactRepository(database).all();
    if (!contacts)
        return Error { contacts.error() };
    point.lastContactId = *lastContact;
    point.lastInteractionId = *lastInteraction;
    point.contacts = std::move(*contacts);
    return point;
}

Status rollBack(Database& database, const ImportCheckpoint& checkpoint)
{
    return database.transaction([&]() -> Status {
        // The entries first: some of them belong to contacts that stay.
        auto entries = sql::exec(database.connection(), QStringLiteral("DELETE FROM interactions WHERE id > ?"),
                                 { checkpoint.lastInteractionId });
        if (!entries)
            return Error { entries.error() };
        auto added = sql::exec(database.connection(), QStringLiteral("DELETE FROM contacts WHERE id > ?"),
                               { checkpoint.lastContactId });
        if (!added)
            return Error { added.error() };
        ContactRepository repository(database);
        auto current = repository.all();
        if (!current)
            return Error { current.error() };
        QHash<qint64, const Contact*> now;
        now.reserve(current->size());
        for (const Contact& contact : std::as_const(*current))
            now.insert(contact.id, &contact);
        for (const Contact& before : checkpoint.contacts) {
            const Contact* after = now.value(before.id);
            if (after && *after == before)
                continue;
            if (!after)
                return Error { QCoreApplication::translate(
                                   "ImportUndo",
                                   "The contact %1 was deleted since the import, which can no longer be undone.")
                                   .arg(before.fullName()) };
            if (Status restored = repository.update(before, before.updatedAt); !restored)
                return restored;
        }
        return success();
    });
}

} // namespace rapport::ImportUndo
