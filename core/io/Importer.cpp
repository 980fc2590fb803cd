#include "core/io/Importer.h"

#include "core/domain/Identity.h"
#include "core/domain/ProfileUrl.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QStringEncoder>

#include <algorithm>
#include <functional>
#include <memory>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Importer", text);
}

// One statement prepared once and run for every row: what makes a 30,000-row import take a fraction of a
// second. It binds values the way sql::exec does (a null QString as '') and reports errors through it.
// Its placeholders are named, :p000000, :p000001, ... (see placeholder()), and bound by name: QSqlResult
// binds a positional value by making up a name for it (QString::arg) and looking that up: six times the work
// of a bind by name, and a fifth of a whole import's.
class Statement
{
public:
    Statement(const QSqlDatabase& db, const QString& text, qsizetype parameters)
        : m_query(db)
    {
        m_query.setForwardOnly(true);
        m_prepared = m_query.prepare(text);
        for (qsizetype i = 0; i < parameters; ++i)
            m_names.append(placeholder(i));
    }

    // ":p<first>, :p<first + 1>, ..." (`count` of them).
    static QString placeholders(qsizetype first, qsizetype count)
    {
        QStringList names;
        for (qsizetype i = first; i < first + count; ++i)
            names.append(placeholder(i));
        return names.join(QStringLiteral(", "));
    }
    // Eight characters at least (":p000012"): Qt 6.4 hashes a string of fewer than 16 bytes, as the driver
    // does each name bound, 30 times slower than a longer one on the Xeons measured (180 ns against 6).
    static QString placeholder(qsizetype i) { return QStringLiteral(":p%1").arg(i, 6, 10, QLatin1Char('0')); }

    Result<QSqlQuery*> run(const QVariantList& values)
    {
        if (!m_prepared)
            return sql::errorFrom(m_query, tr("Could not prepare a query"));
        Q_ASSERT(values.size() == m_names.size());
        m_query.finish();
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QVariant& value = values.at(i);
            m_query.bindValue(m_names.at(i), isNullString(value) ? QVariant(QStringLiteral("")) : value);
        }
        if (!m_query.exec())
            return sql::errorFrom(m_query, tr("The database refused a change"));
        return &m_query;
    }

private:
    static bool isNullString(const QVariant& value)
    {
        return value.metaType() == QMetaType::fromType<QString>()
            && static_cast<const QString*>(value.constData())->isNull();
    }

    QSqlQuery m_query;
    bool m_prepared = false;
    QStringList m_names;
};

// Inserts rows many to a statement. Binding is what a row costs most after SQLite's own work (Qt wraps every
// value, SQLite converts every text to UTF-8), so the fewer values bound the faster: a column that holds the
// same value in every row (a LinkedIn export's empty phones and notes, the import's time) is bound once per
// statement and only the others once per row:
//   INSERT INTO t (a, b, c) SELECT column1, CAST(column2 AS TEXT), :p0 FROM (VALUES (:p1, :p2), (:p3, :p4), ...)
// Text is bound as UTF-8 bytes and cast back to text in SQL: Qt binds a QString as UTF-16, which SQLite then
// converts to the database's UTF-8 one character at a time (a tenth of a large import); QString::toUtf8() is
// several times faster, and a blob is bound without a copy. CAST(blob AS TEXT) takes the bytes as they are.
// A statement's row texts are encoded into one buffer and bound as views into it, not as a byte array each.
class BatchInsert
{
public:
    static constexpr int kRowsPerStatement = 64;

    // `emptyByDefault`: the columns whose default is '' (left out of the statement when every row has '').
    BatchInsert(const QSqlDatabase& db, const QString& table, const QStringList& columns,
                const QStringList& emptyByDefault)
        : m_db(db)
        , m_table(table)
        , m_columns(columns)
        , m_emptyByDefault(emptyByDefault)
    {
    }

    // Every row holds a value for each column, in order, of the same type in every row. `advance` is called
    // after each row; false cancels.
    Status insert(const QList<QVariantList>& rows, const std::function<bool()>& advance)
    {
        if (rows.isEmpty())
            return success();
        // The varying columns come first (the VALUES rows' column1, column2, ...), then the constant ones.
        QList<qsizetype> varying;
        QVariantList constants;
        QStringList insertColumns;
        QStringList constantColumns;
        QStringList selected;
        QStringList constantSelected;
        for (qsizetype column = 0; column < m_columns.size(); ++column) {
            const QVariant& first = rows.first().at(column);
            const bool text = isText(first);
            const bool same = std::all_of(rows.cbegin() + 1, rows.cend(), [&](const QVariantList& row) {
                return text ? asString(row.at(column)) == asString(first) : row.at(column) == first;
            });
            // A column every row leaves empty is left to its default: SQLite has less to copy and check per row
            // (a LinkedIn export fills 7 of a contact's 14 text fields).
            // A VALUES row needs one value at least.
            const bool canBeLeftOut = column + 1 < m_columns.size() || !varying.isEmpty();
            if (same && canBeLeftOut && text && asString(first).isEmpty()
                && m_emptyByDefault.contains(m_columns.at(column)))
                continue;
            if (same && canBeLeftOut) {
                constantSelected.append(text ? castToText(Statement::placeholder(constants.size()))
                                             : Statement::placeholder(constants.size()));
                constants.append(bound(first));
                constantColumns.append(m_columns.at(column));
            } else {
                const QString name = QStringLiteral("column%1").arg(varying.size() + 1);
                selected.append(text ? castToText(name) : name);
                varying.append(column);
                insertColumns.append(m_columns.at(column));
            }
        }
        insertColumns += constantColumns;
        selected += constantSelected;

        std::unique_ptr<Statement> full;
        QVariantList values;
        // Stateless: each text is encoded on its own, as toUtf8() does.
        QStringEncoder encoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        QByteArray utf8; // the texts `values` views; the driver binds them without a copy and reads them in run()
        for (qsizetype first = 0; first < rows.size(); first += kRowsPerStatement) {
            const qsizetype count = std::min<qsizetype>(kRowsPerStatement, rows.size() - first);
            std::unique_ptr<Statement> partial;
            std::unique_ptr<Statement>& statement = count == kRowsPerStatement ? full : partial;
            if (!statement) {
                QStringList valueRows;
                for (qsizetype i = 0; i < count; ++i) {
                    valueRows.append(
                        u'(' + Statement::placeholders(constants.size() + i * varying.size(), varying.size()) + u')');
                }
                // sql: identifiers only (table and column names from the code, named placeholders)
                statement = std::make_unique<Statement>(m_db,
                                                        QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM (VALUES %4)")
                                                            .arg(m_table, insertColumns.join(QStringLiteral(", ")),
                                                                 selected.join(QStringLiteral(", ")),
                                                                 valueRows.join(QStringLiteral(", "))),
                                                        constants.size() + count * varying.size());
            }
            values = constants;
            values.reserve(constants.size() + count * varying.size());
            qsizetype space = 1; // never a null buffer, so never a null (NULL-bound) view
            for (qsizetype i = first; i < first + count; ++i) {
                for (const qsizetype column : std::as_const(varying)) {
                    if (const QVariant& value = rows.at(i).at(column); isText(value))
                        space += encoder.requiredSpace(asString(value).size());
                }
            }
            utf8 = QByteArray(space, Qt::Uninitialized);
            char* out = utf8.data();
            for (qsizetype i = first; i < first + count; ++i) {
                const QVariantList& row = rows.at(i);
                for (const qsizetype column : std::as_const(varying)) {
                    const QVariant& value = row.at(column);
                    if (!isText(value)) {
                        values.append(value);
                        continue;
                    }
                    char* const start = out;
                    out = encoder.appendToBuffer(out, asString(value));
                    if (encoder.hasError()) {
                        // A lone surrogate: the encoder writes U+FFFD where toUtf8() writes '?'; keep what it wrote.
                        encoder.resetState();
                        out = start;
                        values.append(bound(value));
                        continue;
                    }
                    values.append(QByteArray::fromRawData(start, out - start));
                }
            }
            if (auto inserted = statement->run(values); !inserted)
                return Error { inserted.error() };
            for (qsizetype i = 0; i < count; ++i) {
                if (advance && !advance())
                    return Error { tr("The import was cancelled; nothing was changed.") };
            }
        }
        return success();
    }

private:
    static bool isText(const QVariant& value) { return value.metaType() == QMetaType::fromType<QString>(); }
    static const QString& asString(const QVariant& value) { return *static_cast<const QString*>(value.constData()); }
    static QString castToText(const QString& expression) { return QStringLiteral("CAST(%1 AS TEXT)").arg(expression); }

    // A text as its UTF-8 bytes, never a null QByteArray (Qt binds that as NULL, and the columns are NOT NULL).
    static QVariant bound(const QVariant& value)
    {
        if (!isText(value))
            return value;
        QByteArray utf8 = asString(value).toUtf8();
        return utf8.isNull() ? QVariant(QByteArray("", 0)) : QVariant(std::move(utf8));
    }

    QSqlDatabase m_db;
    QString m_table;
    QStringList m_columns;
    QStringList m_emptyByDefault;
};

// The indexes whose keys a large first import inserts in random order (profile keys, emails, dates, the
// planner's order of contacts; the others grow at their end, as ids do) are dropped before the rows go in and
// created again after them, in the same transaction: SQLite then builds each from its sorted keys in one pass instead of updating random pages
// 30,000 times (6% of a 30,000-row import's instructions). Nothing else changes: a failure or a cancel rolls
// the drop back with everything else, and creating the unique index again still enforces it (a duplicate
// fails the statement, so the import). The definitions are read from the schema, so a migration that changes
// one is followed.
class DeferredIndexes
{
public:
    Status drop(const QSqlDatabase& db)
    {
        auto indexes = sql::exec(db,
                                 QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                                "name IN (?, ?, ?, ?) AND sql IS NOT NULL ORDER BY name"),
                                 { QStringLiteral("contacts_profile_key"), QStringLiteral("contacts_email_key"),
                                   QStringLiteral("contacts_priority"), QStringLiteral("interactions_kind") });
        if (!indexes)
            return Error { indexes.error() };
        QStringList names;
        while (indexes->next()) {
            names.append(indexes->value(0).toString());
            m_definitions.append(indexes->value(1).toString());
        }
        indexes->finish();
        for (const QString& name : std::as_const(names)) {
            // sql: identifiers only (one of the index names above)
            if (auto dropped = sql::exec(db, QStringLiteral("DROP INDEX %1").arg(name)); !dropped)
                return Error { dropped.error() };
        }
        return success();
    }

    // Creates them again, from the schema's own CREATE INDEX text.
    Status create(const QSqlDatabase& db)
    {
        for (const QString& definition : std::as_const(m_definitions)) {
            if (auto created = sql::exec(db, definition); !created)
                return Error { created.error() };
        }
        m_definitions.clear();
        return success();
    }

private:
    QStringList m_definitions;
};

// Below this many new rows, keeping the indexes up to date row by row costs less than building them again
// (a round number, not a measured one: rebuilding reads the whole table, the gain is small even at 30,000).
constexpr qsizetype kDeferIndexesFrom = 1000;

QStringList contactColumns()
{
    QStringList columns;
    for (const ContactTextField& field : kContactTextFields)
        columns.append(QString::fromLatin1(field.name));
    return columns
        + QStringList {
              QStringLiteral("profile_key"), QStringLiteral("email_key"),          QStringLiteral("tags"),
              QStringLiteral("starred"),     QStringLiteral("keep_in_touch_days"), QStringLiteral("updated_at")
          };
}

// A slot's identity keys are computed once, when it is matched; normalizing a URL is not free.
void appendContactValues(QVariantList& values, const Contact& contact, const QString& profileKey, const QDateTime& now)
{
    for (const ContactTextField& field : kContactTextFields)
        values.append((contact.*field.member).trimmed());
    values << profileKey << Identity::emailKey(contact.email) << joinTags(contact.tags) << (contact.starred ? 1 : 0)
           << contact.keepInTouchDays << now.toMSecsSinceEpoch();
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

// What makes two log entries the same (see Importer).
struct EntryKey
{
    InteractionKind kind;
    qint64 occurredAt;
    QString text;

    explicit EntryKey(const Interaction& entry)
        : kind(entry.kind)
        , occurredAt(entry.occurredAt.toMSecsSinceEpoch())
        , text(entry.text)
    {
    }

    friend bool operator==(const EntryKey& a, const EntryKey& b)
    {
        return a.kind == b.kind && a.occurredAt == b.occurredAt && a.text == b.text;
    }

    friend size_t qHash(const EntryKey& key, size_t seed = 0)
    {
        return qHashMulti(seed, int(key.kind), key.occurredAt, key.text);
    }
};

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
    if (from.keepInTouchDays > 0 && into.keepInTouchDays == 0) {
        into.keepInTouchDays = from.keepInTouchDays;
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
    QList<Interaction> added; // the entries this import adds to it

    bool adds(const Interaction& entry) const
    {
        // Most records give a contact one or two entries: compared one by one, without a set for each of
        // 30,000 contacts. A long conversation's are looked up in a set, built once they are many.
        if (added.size() < kSetFrom) {
            const EntryKey key(entry);
            return std::any_of(added.cbegin(), added.cend(), [&](const Interaction& other) {
                return other.kind == key.kind && other.text == key.text
                    && other.occurredAt.toMSecsSinceEpoch() == key.occurredAt;
            });
        }
        if (m_keys.isEmpty()) {
            for (const Interaction& other : std::as_const(added))
                m_keys.insert(EntryKey(other));
        }
        return m_keys.contains(EntryKey(entry));
    }
    void add(const Interaction& entry)
    {
        added.append(entry);
        if (!m_keys.isEmpty())
            m_keys.insert(EntryKey(entry));
    }

private:
    static constexpr qsizetype kSetFrom = 16;
    mutable QSet<EntryKey> m_keys; // `added`'s, once they are kSetFrom or more
};

// Matches records to contacts and decides every change, reading the database but never writing it.
class Plan
{
public:
    Plan(Database& database, const ParsedImport& parsed)
        : m_db(database.connection())
        , m_parsed(parsed)
        , m_needNames(std::any_of(parsed.records.cbegin(), parsed.records.cend(),
                                  [](const ImportRecord& record) { return record.reference; }))
        , m_findEntry(m_db,
                      QStringLiteral("SELECT 1 FROM interactions WHERE contact_id = :p000000 "
                                     "AND occurred_at = :p000001 AND kind = :p000002 AND text = :p000003 LIMIT 1"),
                      4)
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
    // The text columns read as their UTF-8 bytes (sql::utf8Column()).
    static QStringList textColumns()
    {
        QStringList columns;
        for (const ContactTextField& field : kContactTextFields)
            columns.append(sql::utf8Column(QString::fromLatin1(field.name)));
        for (const char* column : { "tags", "profile_key", "email_key" })
            columns.append(sql::utf8Column(QString::fromLatin1(column)));
        return columns;
    }

    // One scan of the contacts and one of the acceptances already logged, instead of a query per row: a
    // re-import of a large file matches every row and must not cost more than the first import. Memory grows
    // with the number of contacts, which a personal network keeps in the tens of thousands.
    Status loadIndex()
    {
        // sql: identifiers only (kContactTextFields' column names)
        auto contacts = sql::exec(
            m_db,
            QStringLiteral("SELECT id, starred, keep_in_touch_days, created_at, updated_at, %1 FROM contacts")
                .arg(textColumns().join(QStringLiteral(", "))));
        if (!contacts)
            return Error { contacts.error() };
        while (contacts->next()) {
            Slot slot;
            Contact& contact = slot.contact;
            int column = 0;
            contact.id = contacts->value(column++).toLongLong();
            contact.starred = contacts->value(column++).toInt() != 0;
            contact.keepInTouchDays = contacts->value(column++).toInt();
            contact.createdAt = QDateTime::fromMSecsSinceEpoch(contacts->value(column++).toLongLong(), Qt::UTC);
            contact.updatedAt = QDateTime::fromMSecsSinceEpoch(contacts->value(column++).toLongLong(), Qt::UTC);
            for (const ContactTextField& field : kContactTextFields)
                contact.*field.member = sql::utf8Text(*contacts, column++);
            contact.tags = splitTags(sql::utf8Text(*contacts, column++));
            slot.id = contact.id;
            slot.profileKey = sql::utf8Text(*contacts, column++);
            const QString emailKey = sql::utf8Text(*contacts, column++);
            index(slot.id, slot.profileKey, emailKey, contact);
            m_stored.insert(slot.id, std::move(slot));
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
            if (m_needNames)
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
        auto stored = m_stored.find(ref);
        if (stored == m_stored.end())
            return Error { tr("Contact %1 vanished during the import.").arg(ref) };
        Slot slot = std::move(stored.value());
        m_stored.erase(stored);
        slot.acceptedInDatabase = m_accepted.contains(ref);
        m_slots.append(std::move(slot));
        m_loaded.insert(ref, int(m_slots.size() - 1));
        return int(m_slots.size() - 1);
    }

    Result<bool> alreadyLogged(const Slot& slot, const Interaction& entry)
    {
        if (slot.adds(entry))
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
        const ProfileUrl::Checked url = ProfileUrl::check(incoming.profileUrl);
        if (!url.problem.isEmpty()) {
            row.action = ImportAction::Skip;
            row.reason = tr("Profile URL: %1").arg(url.problem);
            return success();
        }
        const QString& profileKey = url.key;
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
            m_slots.append(std::move(slot));
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
            slot.add(entry);
            ++row.interactionsAdded;
        }
        if (row.action == ImportAction::Unchanged && row.interactionsAdded > 0)
            row.action = ImportAction::Merge;
        return success();
    }

    QSqlDatabase m_db;
    const ParsedImport& m_parsed;
    // Names identify only the rows that refer to a contact (exported log entries): the name index is built
    // for files that have such rows.
    bool m_needNames = false;
    Statement m_findEntry;
    QList<Slot> m_slots;
    QHash<qint64, int> m_loaded;
    QHash<qint64, Slot> m_stored; // stored contacts not yet touched by this import
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
        QList<Slot>& slots = plan.slots();
        qint64 entryCount = 0;
        for (const Slot& slot : std::as_const(slots))
            entryCount += slot.added.size();
        const qint64 total = slots.size() + entryCount;
        qint64 doneCount = 0;
        auto advance = [&](qint64 rows) {
            const qint64 before = doneCount;
            doneCount += rows;
            return !progress || (before > 0 && before / 512 == doneCount / 512) || progress(doneCount, total);
        };
        const QString cancelled = tr("The import was cancelled; nothing was changed.");

        // New contacts get their ids here (the transaction holds the write lock), so that their rows and
        // their entries can go in as multi-row inserts.
        auto maxId = sql::exec(db, QStringLiteral("SELECT coalesce(max(id), 0) FROM contacts"));
        if (!maxId || !maxId->next())
            return Error { maxId ? tr("Cannot read the contacts.") : maxId.error() };
        qint64 nextId = maxId->value(0).toLongLong();
        maxId->finish();
        // Rebuilding an index reads all of its table: worth it only for a large import into a database that
        // has no contacts yet (ids start at 1), and so no log entries (they belong to a contact).
        const bool emptyDatabase = nextId == 0;
        const auto newCount
            = std::count_if(slots.cbegin(), slots.cend(), [](const Slot& slot) { return slot.id == 0; });
        DeferredIndexes indexes;
        const bool deferIndexes = emptyDatabase && newCount >= kDeferIndexesFrom;
        if (deferIndexes) {
            if (Status dropped = indexes.drop(db); !dropped)
                return dropped;
        }

        const QStringList columns = contactColumns();
        QStringList assignments;
        for (const QString& column : columns)
            assignments.append(column + QStringLiteral(" = ") + Statement::placeholder(assignments.size()));
        // sql: identifiers only (kContactTextFields' column names, named placeholders)
        Statement updateContact(
            db,
            QStringLiteral("UPDATE contacts SET %1 WHERE id = %2")
                .arg(assignments.join(QStringLiteral(", ")), Statement::placeholder(columns.size())),
            columns.size() + 1);
        QList<QVariantList> newContacts;
        for (Slot& slot : slots) {
            if (slot.id == 0) {
                slot.id = ++nextId;
                QVariantList values;
                values.reserve(columns.size() + 2);
                values.append(slot.id);
                appendContactValues(values, slot.contact, slot.profileKey, now);
                values.append((slot.contact.createdAt.isValid() ? slot.contact.createdAt : now).toMSecsSinceEpoch());
                newContacts.append(std::move(values));
                continue;
            }
            if (slot.changed) {
                QVariantList values;
                values.reserve(columns.size() + 1);
                appendContactValues(values, slot.contact, slot.profileKey, now);
                values.append(slot.id);
                if (auto updated = updateContact.run(values); !updated)
                    return Error { updated.error() };
            }
            if (!advance(1))
                return Error { cancelled };
        }
        // Every text column of contacts is NOT NULL DEFAULT ''.
        QStringList contactText;
        for (const ContactTextField& field : kContactTextFields)
            contactText.append(QString::fromLatin1(field.name));
        contactText += { QStringLiteral("profile_key"), QStringLiteral("email_key"), QStringLiteral("tags") };
        BatchInsert insertContacts(
            db, QStringLiteral("contacts"),
            QStringList { QStringLiteral("id") } + columns + QStringList { QStringLiteral("created_at") }, contactText);
        if (Status added = insertContacts.insert(newContacts, [&] { return advance(1); }); !added)
            return added;
        newContacts.clear();

        QList<QVariantList> newEntries;
        newEntries.reserve(entryCount);
        for (const Slot& slot : std::as_const(slots)) {
            for (const Interaction& entry : slot.added)
                newEntries.append({ slot.id, toKey(entry.kind), entry.occurredAt.toMSecsSinceEpoch(), entry.text,
                                    entry.templateName, entry.url });
        }
        BatchInsert insertEntries(db, QStringLiteral("interactions"),
                                  { QStringLiteral("contact_id"), QStringLiteral("kind"), QStringLiteral("occurred_at"),
                                    QStringLiteral("text"), QStringLiteral("template"), QStringLiteral("url") },
                                  { QStringLiteral("text"), QStringLiteral("template"), QStringLiteral("url") });
        if (Status added = insertEntries.insert(newEntries, [&] { return advance(1); }); !added)
            return added;
        if (deferIndexes) {
            if (Status created = indexes.create(db); !created)
                return created;
        }
        if (progress && !progress(total, total))
            return Error { cancelled };
        return success();
    });
    if (!done)
        return Error { done.error() };
    return summary;
}

} // namespace rapport
