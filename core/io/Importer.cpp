#include "core/io/Importer.h"

#include "core/domain/Identity.h"
#include "core/domain/ProfileUrl.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Importer", text);
}

// One statement prepared once and run for every row: what makes a 30,000-row import take a fraction of a
// second. It binds values the way sql::exec does (a null QString as '') and reports errors through it.
class Statement
{
public:
    Statement(const QSqlDatabase& db, const QString& text)
        : m_query(db)
    {
        m_query.setForwardOnly(true);
        m_prepared = m_query.prepare(text);
    }

    Result<QSqlQuery*> run(const QVariantList& values)
    {
        if (!m_prepared)
            return sql::errorFrom(m_query, tr("Could not prepare a query"));
        m_query.finish();
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QVariant& value = values.at(i);
            const bool nullString = value.typeId() == QMetaType::QString && value.toString().isNull();
            m_query.bindValue(int(i), nullString ? QVariant(QStringLiteral("")) : value);
        }
        if (!m_query.exec())
            return sql::errorFrom(m_query, tr("The database refused a change"));
        return &m_query;
    }

private:
    QSqlQuery m_query;
    bool m_prepared = false;
};

QStringList contactColumns()
{
    QStringList columns;
    for (const ContactTextField& field : kContactTextFields)
        columns.append(QString::fromLatin1(field.name));
    return columns
        + QStringList { QStringLiteral("profile_key"), QStringLiteral("email_key"), QStringLiteral("tags"),
                        QStringLiteral("starred"), QStringLiteral("updated_at") };
}

// A slot's identity keys are computed once, when it is matched; normalizing a URL is not free.
QVariantList contactValues(const Contact& contact, const QString& profileKey, const QDateTime& now)
{
    QVariantList values;
    values.reserve(qsizetype(kContactTextFields.size()) + 6);
    for (const ContactTextField& field : kContactTextFields)
        values.append((contact.*field.member).trimmed());
    values << profileKey << Identity::emailKey(contact.email) << joinTags(contact.tags) << (contact.starred ? 1 : 0)
           << now.toMSecsSinceEpoch();
    return values;
}

QString nameKey(const Contact& contact)
{
    return contact.fullName().simplified().toCaseFolded();
}

QString recordKey(const Contact& contact)
{
    return nameKey(contact) + u'\x1f' + contact.company.trimmed().toCaseFolded() + u'\x1f'
        + contact.phone.trimmed().toCaseFolded();
}

QString entryKey(const Interaction& entry)
{
    return toKey(entry.kind) + u'\x1f' + QString::number(entry.occurredAt.toMSecsSinceEpoch()) + u'\x1f' + entry.text;
}

// Fills `into`'s empty fields from `from`; tags united, notes appended. True if anything changed.
bool merge(Contact& into, const Contact& from)
{
    bool changed = false;
    for (const ContactTextField& field : kContactTextFields) {
        QString& mine = into.*field.member;
        const QString theirs = (from.*field.member).trimmed();
        if (theirs.isEmpty())
            continue;
        if (field.member == &Contact::notes) {
            if (!mine.contains(theirs)) {
                mine = mine.trimmed().isEmpty() ? theirs : mine + QStringLiteral("\n\n") + theirs;
                changed = true;
            }
        } else if (mine.trimmed().isEmpty()) {
            mine = theirs;
            changed = true;
        }
    }
    const QStringList tags = normalizedTags(into.tags + from.tags);
    if (tags.size() != normalizedTags(into.tags).size()) {
        into.tags = tags;
        changed = true;
    }
    if (from.starred && !into.starred) {
        into.starred = true;
        changed = true;
    }
    return changed;
}

// A contact the import touches: one stored (id > 0) or one it adds.
struct Slot
{
    qint64 id = 0;
    Contact contact;
    QString profileKey;
    bool changed = false;
    bool acceptedInDatabase = false;
    QSet<QString> entries; // keys of the entries this import adds to it
    QList<Interaction> added;
};

// Matches records to contacts and decides every change, reading the database but never writing it.
class Plan
{
public:
    Plan(Database& database, const ParsedImport& parsed)
        : m_db(database.connection())
        , m_parsed(parsed)
        , m_findContact(m_db,
                        QStringLiteral("SELECT %1, tags, starred, created_at, updated_at FROM contacts WHERE id = ?")
                            .arg(textColumns().join(QStringLiteral(", "))))
        , m_findEntry(m_db,
                      QStringLiteral("SELECT 1 FROM interactions WHERE contact_id = ? AND occurred_at = ? AND kind = ? "
                                     "AND text = ? LIMIT 1"))
    {
    }

    Status build(ImportSummary& summary)
    {
        summary.format = m_parsed.format;
        summary.skipped = m_parsed.skipped;
        if (Status loaded = loadIndex(); !loaded)
            return loaded;
        for (const ImportRecord& record : m_parsed.records) {
            ImportPreviewRow row;
            row.line = record.line;
            row.name = record.contact.fullName();
            if (Status placed = place(record, row); !placed)
                return placed;
            if (row.action == ImportAction::Skip)
                summary.skipped.append({ row.line, row.reason });
            summary.rows.append(row);
        }
        for (const Slot& slot : m_slots) {
            if (slot.id == 0)
                ++summary.contactsAdded;
            else if (slot.changed)
                ++summary.contactsMerged;
            summary.interactionsAdded += int(slot.added.size());
        }
        std::stable_sort(summary.skipped.begin(), summary.skipped.end(),
                         [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
        return success();
    }

    const QList<Slot>& slots() const { return m_slots; }
    QList<Slot>& slots() { return m_slots; }

private:
    static QStringList textColumns()
    {
        QStringList columns { QStringLiteral("id") };
        for (const ContactTextField& field : kContactTextFields)
            columns.append(QString::fromLatin1(field.name));
        return columns;
    }

    // One scan of the contacts for their identity keys, and one of the acceptances already logged.
    Status loadIndex()
    {
        auto contacts = sql::exec(
            m_db,
            QStringLiteral("SELECT id, profile_key, email_key, first_name, last_name, company, phone FROM contacts"));
        if (!contacts)
            return Error { contacts.error() };
        while (contacts->next()) {
            const qint64 id = contacts->value(0).toLongLong();
            const QString profileKey = contacts->value(1).toString();
            const QString emailKey = contacts->value(2).toString();
            Contact named;
            named.firstName = contacts->value(3).toString();
            named.lastName = contacts->value(4).toString();
            named.company = contacts->value(5).toString();
            named.phone = contacts->value(6).toString();
            index(id, profileKey, emailKey, named);
        }
        auto accepted = sql::exec(m_db, QStringLiteral("SELECT DISTINCT contact_id FROM interactions WHERE kind = ?"),
                                  { toKey(InteractionKind::RequestAccepted) });
        if (!accepted)
            return Error { accepted.error() };
        while (accepted->next())
            m_accepted.insert(accepted->value(0).toLongLong());
        return success();
    }

    // Refs: a stored contact's id (> 0), or -(slot + 1) for one this import adds.
    void index(qint64 ref, const QString& profileKey, const QString& emailKey, const Contact& contact)
    {
        if (!profileKey.isEmpty())
            m_byProfile.insert(profileKey, ref);
        else
            m_withoutProfile.insert(ref);
        if (!emailKey.isEmpty())
            m_byEmail[emailKey].append(ref);
        if (!contact.firstName.isEmpty() || !contact.lastName.isEmpty()) {
            m_byName[nameKey(contact)].append(ref);
            if (profileKey.isEmpty() && emailKey.isEmpty())
                m_byRecord.insert(recordKey(contact), ref);
        }
    }

    std::optional<qint64> find(const ImportRecord& record, const QString& profileKey, const QString& emailKey) const
    {
        if (!profileKey.isEmpty()) {
            if (auto it = m_byProfile.constFind(profileKey); it != m_byProfile.cend())
                return it.value();
        }
        if (!emailKey.isEmpty()) {
            // Two different profiles are two people, whatever their emails.
            for (const qint64 ref : m_byEmail.value(emailKey)) {
                if (profileKey.isEmpty() || m_withoutProfile.contains(ref))
                    return ref;
            }
        }
        if (!profileKey.isEmpty() || !emailKey.isEmpty())
            return std::nullopt;
        if (record.reference) {
            const QList<qint64> named = m_byName.value(nameKey(record.contact));
            if (named.size() == 1)
                return named.first();
            return std::nullopt;
        }
        if (auto it = m_byRecord.constFind(recordKey(record.contact)); it != m_byRecord.cend())
            return it.value();
        return std::nullopt;
    }

    Result<int> slotOf(qint64 ref)
    {
        if (ref < 0)
            return int(-ref - 1);
        if (auto it = m_loaded.constFind(ref); it != m_loaded.cend())
            return it.value();
        auto query = m_findContact.run({ ref });
        if (!query)
            return Error { query.error() };
        if (!(*query)->next())
            return Error { tr("Contact %1 vanished during the import.").arg(ref) };
        Slot slot;
        slot.id = ref;
        Contact& contact = slot.contact;
        int column = 0;
        contact.id = (*query)->value(column++).toLongLong();
        for (const ContactTextField& field : kContactTextFields)
            contact.*field.member = (*query)->value(column++).toString();
        contact.tags = splitTags((*query)->value(column++).toString());
        contact.starred = (*query)->value(column++).toInt() != 0;
        contact.createdAt = QDateTime::fromMSecsSinceEpoch((*query)->value(column++).toLongLong(), Qt::UTC);
        contact.updatedAt = QDateTime::fromMSecsSinceEpoch((*query)->value(column++).toLongLong(), Qt::UTC);
        slot.acceptedInDatabase = m_accepted.contains(ref);
        slot.profileKey = ProfileUrl::normalize(contact.profileUrl);
        m_slots.append(slot);
        m_loaded.insert(ref, int(m_slots.size() - 1));
        return int(m_slots.size() - 1);
    }

    Result<bool> alreadyLogged(const Slot& slot, const Interaction& entry)
    {
        if (slot.entries.contains(entryKey(entry)))
            return true;
        // A connection is accepted once: a later export lists the same date again.
        if (m_parsed.format == ImportFormat::LinkedInConnections && entry.kind == InteractionKind::RequestAccepted) {
            if (slot.acceptedInDatabase)
                return true;
            for (const Interaction& added : slot.added) {
                if (added.kind == InteractionKind::RequestAccepted)
                    return true;
            }
        }
        if (slot.id == 0)
            return false;
        auto query = m_findEntry.run({ slot.id, entry.occurredAt.toMSecsSinceEpoch(), toKey(entry.kind), entry.text });
        if (!query)
            return Error { query.error() };
        return (*query)->next();
    }

    Status place(const ImportRecord& record, ImportPreviewRow& row)
    {
        const Contact& incoming = record.contact;
        if (const QString problem = ProfileUrl::validate(incoming.profileUrl); !problem.isEmpty()) {
            row.action = ImportAction::Skip;
            row.reason = tr("Profile URL: %1").arg(problem);
            return success();
        }
        const QString profileKey = ProfileUrl::normalize(incoming.profileUrl);
        const QString emailKey = Identity::emailKey(incoming.email);
        int slotIndex = -1;
        if (const auto ref = find(record, profileKey, emailKey)) {
            auto found = slotOf(*ref);
            if (!found)
                return Error { found.error() };
            slotIndex = *found;
            Slot& slot = m_slots[slotIndex];
            const bool hadProfile = !slot.contact.profileUrl.trimmed().isEmpty();
            const bool hadEmail = !slot.contact.email.trimmed().isEmpty();
            const bool changed = merge(slot.contact, incoming);
            slot.changed = slot.changed || changed;
            row.action = changed ? ImportAction::Merge : ImportAction::Unchanged;
            // A key it gained finds it for the rest of the file.
            const qint64 selfRef = slot.id > 0 ? slot.id : -(slotIndex + 1);
            if (!hadProfile && !slot.contact.profileUrl.trimmed().isEmpty()) {
                slot.profileKey = profileKey;
                m_byProfile.insert(profileKey, selfRef);
                m_withoutProfile.remove(selfRef);
            }
            if (!hadEmail && !slot.contact.email.trimmed().isEmpty())
                m_byEmail[Identity::emailKey(slot.contact.email)].append(selfRef);
        } else {
            if (incoming.firstName.isEmpty() && incoming.lastName.isEmpty()) {
                row.action = ImportAction::Skip;
                row.reason = tr("no contact has this profile or email, and the row has no name to add one");
                return success();
            }
            if (record.reference && profileKey.isEmpty() && emailKey.isEmpty()
                && m_byName.value(nameKey(incoming)).size() > 1) {
                row.action = ImportAction::Skip;
                row.reason = tr("several contacts are called %1; the row has no profile URL or email to tell "
                                "which one")
                                 .arg(incoming.fullName());
                return success();
            }
            Slot slot;
            slot.contact = incoming;
            slot.contact.id = 0;
            slot.profileKey = profileKey;
            m_slots.append(slot);
            slotIndex = int(m_slots.size() - 1);
            index(-(slotIndex + 1), profileKey, emailKey, incoming);
            row.action = ImportAction::Add;
        }
        for (const Interaction& entry : record.interactions) {
            Slot& slot = m_slots[slotIndex];
            auto logged = alreadyLogged(slot, entry);
            if (!logged)
                return Error { logged.error() };
            if (*logged)
                continue;
            slot.entries.insert(entryKey(entry));
            slot.added.append(entry);
            ++row.interactionsAdded;
        }
        if (row.action == ImportAction::Unchanged && row.interactionsAdded > 0)
            row.action = ImportAction::Merge;
        return success();
    }

    QSqlDatabase m_db;
    const ParsedImport& m_parsed;
    Statement m_findContact;
    Statement m_findEntry;
    QList<Slot> m_slots;
    QHash<qint64, int> m_loaded;
    QHash<QString, qint64> m_byProfile;
    QSet<qint64> m_withoutProfile;
    QHash<QString, QList<qint64>> m_byEmail;
    QHash<QString, QList<qint64>> m_byName;
    QHash<QString, qint64> m_byRecord;
    QSet<qint64> m_accepted;
};

} // namespace

Importer::Importer(Database& database)
    : m_database(database)
{
}

Result<ImportSummary> Importer::preview(const ParsedImport& parsed, const QDateTime&)
{
    ImportSummary summary;
    Plan plan(m_database, parsed);
    if (Status built = plan.build(summary); !built)
        return Error { built.error() };
    return summary;
}

Result<ImportSummary> Importer::apply(const ParsedImport& parsed, const ImportProgress& progress, const QDateTime& now)
{
    ImportSummary summary;
    const Status done = m_database.transaction([&]() -> Status {
        Plan plan(m_database, parsed);
        if (Status built = plan.build(summary); !built)
            return built;
        const QSqlDatabase db = m_database.connection();
        const QStringList columns = contactColumns();
        Statement insertContact(
            db,
            QStringLiteral("INSERT INTO contacts (%1, created_at) VALUES (%2?)")
                .arg(columns.join(QStringLiteral(", ")), QStringLiteral("?, ").repeated(columns.size())));
        QStringList assignments;
        for (const QString& column : columns)
            assignments.append(column + QStringLiteral(" = ?"));
        Statement updateContact(
            db, QStringLiteral("UPDATE contacts SET %1 WHERE id = ?").arg(assignments.join(QStringLiteral(", "))));
        Statement insertEntry(
            db,
            QStringLiteral("INSERT INTO interactions (contact_id, kind, occurred_at, text, template, url) "
                           "VALUES (?, ?, ?, ?, ?, ?)"));

        QList<Slot>& slots = plan.slots();
        const qint64 total = slots.size();
        for (qint64 i = 0; i < total; ++i) {
            Slot& slot = slots[i];
            if (slot.id == 0) {
                QVariantList values = contactValues(slot.contact, slot.profileKey, now);
                values.append((slot.contact.createdAt.isValid() ? slot.contact.createdAt : now).toMSecsSinceEpoch());
                auto inserted = insertContact.run(values);
                if (!inserted)
                    return Error { inserted.error() };
                slot.id = (*inserted)->lastInsertId().toLongLong();
            } else if (slot.changed) {
                QVariantList values = contactValues(slot.contact, slot.profileKey, now);
                values.append(slot.id);
                if (auto updated = updateContact.run(values); !updated)
                    return Error { updated.error() };
            }
            for (const Interaction& entry : std::as_const(slot.added)) {
                auto inserted = insertEntry.run({ slot.id, toKey(entry.kind), entry.occurredAt.toMSecsSinceEpoch(),
                                                  entry.text, entry.templateName, entry.url });
                if (!inserted)
                    return Error { inserted.error() };
            }
            if (progress && (i % 256 == 0 || i + 1 == total) && !progress(i + 1, total))
                return Error { tr("The import was cancelled; nothing was changed.") };
        }
        return success();
    });
    if (!done)
        return Error { done.error() };
    return summary;
}

} // namespace rapport
