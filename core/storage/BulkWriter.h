#pragma once

#include "core/Result.h"
#include "core/domain/Contact.h"
#include "core/domain/Interaction.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QVariantList>

#include <functional>
#include <memory>

namespace rapport {

class Database;

// A stored contact with the identity keys stored beside it.
struct StoredContact
{
    Contact contact;
    QString profileKey;
    QString emailKey;
};

// The import's reads and writes (see Importer): what it matches records against, and its changes written many
// rows to a statement. New contacts and log entries wait in the writer until flush(); a changed contact is
// written at once. Everything runs in the caller's transaction.
class BulkWriter
{
public:
    // `now`: when the contacts it writes are updated.
    BulkWriter(Database& database, const QDateTime& now);
    ~BulkWriter();
    BulkWriter(const BulkWriter&) = delete;
    BulkWriter& operator=(const BulkWriter&) = delete;

    // The largest contact id, 0 when there are none.
    Result<qint64> lastContactId();
    // Every stored contact's id and identity keys, with the fields that identify a contact without them (names,
    // company and phone; the rest of `contact` is empty).
    using IdentityVisitor
        = std::function<void(qint64 id, const QString& profileKey, const QString& emailKey, const Contact& contact)>;
    Status readIdentities(const IdentityVisitor& visit);
    // The contacts that have an entry of `kind` logged.
    Status readContactsWith(InteractionKind kind, const std::function<void(qint64 id)>& visit);
    Result<StoredContact> load(qint64 id);
    // Those of `ids` that are stored, in no particular order, in one query: what a re-import of thousands of
    // contacts reads at a fraction of the cost of a query each.
    Result<QList<StoredContact>> load(const QList<qint64>& ids);
    // True if `contactId` has an entry of the same kind, time and text logged.
    Result<bool> isLogged(qint64 contactId, const Interaction& entry);

    // Drops the indexes whose keys a large first import inserts in random order, until restoreIndexes().
    Status deferIndexes();
    Status restoreIndexes();

    Status update(qint64 id, const Contact& contact, const QString& profileKey);
    // Queued until flush(); `id` is the new contact's (the import holds the write lock).
    void add(qint64 id, const Contact& contact, const QString& profileKey);
    void add(qint64 contactId, const Interaction& entry);
    // Inserts the queued contacts, then the queued entries.
    Status flush();

    // Runs `work` in a savepoint that is rolled back afterwards whatever it did (an import's preview), then gives
    // back the page cache's memory the rolled-back changes held.
    static Status rolledBack(Database& database, const std::function<Status()>& work);

private:
    class Statement;
    class BatchInsert;
    class DeferredIndexes;

    QSqlDatabase m_db;
    QDateTime m_now;
    std::unique_ptr<Statement> m_findEntry;
    std::unique_ptr<Statement> m_loadContact;
    std::unique_ptr<Statement> m_loadContacts;
    std::unique_ptr<Statement> m_updateContact;
    std::unique_ptr<DeferredIndexes> m_deferred;
    QList<QVariantList> m_newContacts;
    QList<QVariantList> m_newEntries;
};

} // namespace rapport
