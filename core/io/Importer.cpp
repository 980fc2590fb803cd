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
#include <QVarLengthArray>

#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

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
// created again after them, in the same transaction: SQLite then builds each from its sorted keys in one pass instead
// of updating random pages 30,000 times (6% of a 30,000-row import's instructions). Nothing else changes: a failure or
// a cancel rolls the drop back with everything else, and creating the unique index again still enforces it (a duplicate
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
        // SQLite sorts an index's keys in memory (temp_store = MEMORY), beside its page cache: with a small cache
        // meanwhile, the sort takes the room the cache leaves. 1.5 million rows peaked at 265 MB with the 64 MB
        // cache and at 197 MB with 4 MB, in the same time.
        auto cacheSize = sql::exec(db, QStringLiteral("PRAGMA cache_size"));
        if (!cacheSize || !cacheSize->next())
            return Error { cacheSize ? tr("Cannot read the cache size.") : cacheSize.error() };
        const qint64 cache = cacheSize->value(0).toLongLong();
        cacheSize->finish();
        if (auto shrunk = sql::exec(db, QStringLiteral("PRAGMA cache_size = -4096")); !shrunk) // 4 MB
            return Error { shrunk.error() };
        for (const QString& definition : std::as_const(m_definitions)) {
            if (auto created = sql::exec(db, definition); !created)
                return Error { created.error() };
        }
        m_definitions.clear();
        // sql: identifiers only (an integer read from SQLite)
        if (auto restored = sql::exec(db, QStringLiteral("PRAGMA cache_size = %1").arg(cache)); !restored)
            return Error { restored.error() };
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

// A contact the import touches in the batch being placed: one stored before it or added by an earlier batch
// (read from the database), or one this batch adds. Every one has its id: new contacts get theirs when they
// are made (the import holds the write lock), so that a later batch finds them in the database like any other.
struct Slot
{
    qint64 id = 0;
    bool isNew = false; // added by this batch: nothing of it is in the database yet
    Contact contact;
    QString profileKey;
    QString emailKey;
    bool changed = false;
    bool acceptedInDatabase = false;
    QList<Interaction> added; // the entries this batch adds to it

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

// Contacts by an identity key, kept as the key's 64-bit hash beside the contact's id in one open-addressed
// table (16 bytes an entry, at most 70% full, one allocation that clear() gives back): the keys of 1.5 million
// contacts take 34 to 51 MB, where QStrings in a QHash take some 150 bytes each. Two keys may share a hash, so
// a lookup gives candidates, and the caller compares each one's own key.
class KeyIndex
{
public:
    void insert(const QString& key, qint64 id)
    {
        if ((m_size + 1) * 10 > m_table.size() * 7)
            grow();
        place(hashOf(key), id);
    }

    // By id, the oldest first.
    QVarLengthArray<qint64, 4> candidates(const QString& key) const
    {
        QVarLengthArray<qint64, 4> ids;
        if (m_table.empty())
            return ids;
        const quint64 hash = hashOf(key);
        for (size_t i = hash % m_table.size();; i = (i + 1) % m_table.size()) {
            const Entry& entry = m_table[i];
            if (entry.hash == 0)
                break;
            if (entry.hash == hash)
                ids.append(entry.id);
        }
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    void clear()
    {
        std::vector<Entry>().swap(m_table);
        m_size = 0;
    }

private:
    struct Entry
    {
        quint64 hash = 0; // 0: empty
        qint64 id = 0;
    };

    static quint64 hashOf(const QString& key)
    {
        const quint64 hash = qHash(key, size_t(0x52617070));
        return hash == 0 ? 1 : hash;
    }

    void place(quint64 hash, qint64 id)
    {
        for (size_t i = hash % m_table.size();; i = (i + 1) % m_table.size()) {
            Entry& entry = m_table[i];
            if (entry.hash == 0) {
                entry = { hash, id };
                ++m_size;
                return;
            }
            if (entry.hash == hash && entry.id == id)
                return;
        }
    }

    void grow()
    {
        std::vector<Entry> old(std::max<size_t>(1024, m_table.size() * 3 / 2));
        old.swap(m_table);
        m_size = 0;
        for (const Entry& entry : old) {
            if (entry.hash != 0)
                place(entry.hash, entry.id);
        }
    }

    std::vector<Entry> m_table;
    size_t m_size = 0;
};

// A set of contact ids as one bit each: ids are dense (1, 2, 3...).
class IdSet
{
public:
    bool contains(qint64 id) const { return id >= 0 && quint64(id) < m_bits.size() && m_bits[quint64(id)]; }
    void insert(qint64 id)
    {
        if (quint64(id) >= m_bits.size())
            m_bits.resize(std::max<quint64>(quint64(id) + 1, m_bits.size() * 3 / 2));
        m_bits[quint64(id)] = true;
    }
    void remove(qint64 id)
    {
        if (contains(id))
            m_bits[quint64(id)] = false;
    }

private:
    std::vector<bool> m_bits;
};

// The columns a slot is read from, in order (see Plan::loadSlot()).
QStringList slotColumns()
{
    QStringList columns { QStringLiteral("id"), QStringLiteral("starred"), QStringLiteral("keep_in_touch_days"),
                          QStringLiteral("created_at"), QStringLiteral("updated_at") };
    // The text columns read as their UTF-8 bytes (sql::utf8Column()).
    for (const ContactTextField& field : kContactTextFields)
        columns.append(sql::utf8Column(QString::fromLatin1(field.name)));
    for (const char* column : { "tags", "profile_key", "email_key" })
        columns.append(sql::utf8Column(QString::fromLatin1(column)));
    return columns;
}

// Matches records to contacts, decides every change, and writes a batch of records at a time (see
// Importer::apply()): what stays in memory from one batch to the next is the identity keys' hashes, and a
// few bits per contact. Contacts are read from the database when a record matches them.
class Plan
{
public:
    Plan(Database& database, ImportFormat format, bool needNames, ImportSummary& summary, const QDateTime& now)
        : m_db(database.connection())
        , m_format(format)
        , m_needNames(needNames)
        , m_summary(summary)
        , m_now(now)
        , m_findEntry(m_db,
                      QStringLiteral("SELECT 1 FROM interactions WHERE contact_id = :p000000 "
                                     "AND occurred_at = :p000001 AND kind = :p000002 AND text = :p000003 LIMIT 1"),
                      4)
        // sql: identifiers only (the contact's column names from the code, a named placeholder)
        , m_loadContact(m_db,
                        QStringLiteral("SELECT %1 FROM contacts WHERE id = :p000000")
                            .arg(slotColumns().join(QStringLiteral(", "))),
                        1)
    {
        m_summary.format = format;
    }

    // Reads the identity keys of every stored contact, and who has an acceptance logged already.
    Status begin()
    {
        auto maxId = sql::exec(m_db, QStringLiteral("SELECT coalesce(max(id), 0) FROM contacts"));
        if (!maxId || !maxId->next())
            return Error { maxId ? tr("Cannot read the contacts.") : maxId.error() };
        m_lastStoredId = m_nextId = maxId->value(0).toLongLong();
        maxId->finish();

        // sql: identifiers only (column names from the code)
        auto contacts = sql::exec(
            m_db,
            QStringLiteral("SELECT id, %1, %2, %3, %4, %5, %6 FROM contacts")
                .arg(sql::utf8Column(QStringLiteral("profile_key")), sql::utf8Column(QStringLiteral("email_key")),
                     sql::utf8Column(QStringLiteral("first_name")), sql::utf8Column(QStringLiteral("last_name")),
                     sql::utf8Column(QStringLiteral("company")), sql::utf8Column(QStringLiteral("phone"))));
        if (!contacts)
            return Error { contacts.error() };
        Contact named;
        while (contacts->next()) {
            const qint64 id = contacts->value(0).toLongLong();
            const QString profileKey = sql::utf8Text(*contacts, 1);
            const QString emailKey = sql::utf8Text(*contacts, 2);
            named.firstName = sql::utf8Text(*contacts, 3);
            named.lastName = sql::utf8Text(*contacts, 4);
            named.company = sql::utf8Text(*contacts, 5);
            named.phone = sql::utf8Text(*contacts, 6);
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

    // Decides what `record` does; its changes wait in the batch until write().
    Status place(const ImportRecord& record)
    {
        ImportPreviewRow row;
        row.line = record.line;
        row.name = record.contact.fullName();
        if (Status placed = place(record, row); !placed)
            return placed;
        if (row.action == ImportAction::Skip)
            m_batchSkipped.append({ row.line, row.reason });
        else if (row.action == ImportAction::Unchanged)
            ++m_summary.rowsUnchanged;
        if (m_keepRows)
            m_summary.rows.append(row);
        return success();
    }

    qsizetype pending() const { return m_slots.size(); }

    // Writes the batch's new contacts, changes and entries, and forgets them.
    Status write(QList<ImportIssue> skippedRows = {})
    {
        skippedRows += m_batchSkipped;
        m_batchSkipped.clear();
        std::stable_sort(skippedRows.begin(), skippedRows.end(),
                         [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
        m_summary.skippedCount += skippedRows.size();
        for (ImportIssue& issue : skippedRows) {
            if (m_summary.skipped.size() >= m_maxIssues)
                break;
            m_summary.skipped.append(std::move(issue));
        }
        if (m_inMemory)
            return success();

        const qsizetype newCount
            = std::count_if(m_slots.cbegin(), m_slots.cend(), [](const Slot& slot) { return slot.isNew; });
        // Rebuilding an index reads all of its table: worth it only for a large import into a database that
        // has no contacts yet (ids start at 1), and so no log entries (they belong to a contact). The first
        // batch tells whether the import is large.
        if (!m_wroteBatch && m_lastStoredId == 0 && newCount >= kDeferIndexesFrom) {
            if (Status dropped = m_indexes.drop(m_db); !dropped)
                return dropped;
            m_deferIndexes = true;
        }
        m_wroteBatch = true;

        const QStringList columns = contactColumns();
        if (!m_updateContact) {
            QStringList assignments;
            for (const QString& column : columns)
                assignments.append(column + QStringLiteral(" = ") + Statement::placeholder(assignments.size()));
            // sql: identifiers only (kContactTextFields' column names, named placeholders)
            m_updateContact = std::make_unique<Statement>(
                m_db,
                QStringLiteral("UPDATE contacts SET %1 WHERE id = %2")
                    .arg(assignments.join(QStringLiteral(", ")), Statement::placeholder(columns.size())),
                columns.size() + 1);
        }
        QList<QVariantList> newContacts;
        newContacts.reserve(newCount);
        qsizetype entryCount = 0;
        for (const Slot& slot : std::as_const(m_slots)) {
            entryCount += slot.added.size();
            m_summary.interactionsAdded += int(slot.added.size());
            if (slot.isNew) {
                ++m_summary.contactsAdded;
                QVariantList values;
                values.reserve(columns.size() + 2);
                values.append(slot.id);
                appendContactValues(values, slot.contact, slot.profileKey, m_now);
                values.append((slot.contact.createdAt.isValid() ? slot.contact.createdAt : m_now).toMSecsSinceEpoch());
                newContacts.append(std::move(values));
                continue;
            }
            if (slot.changed) {
                // Contacts this import added earlier count as added, not merged; one merged in several batches once.
                if (slot.id <= m_lastStoredId && !m_merged.contains(slot.id)) {
                    if (m_beforeMerge && *m_beforeMerge) {
                        if (Status noted = (*m_beforeMerge)(slot.id); !noted)
                            return noted;
                    }
                    m_merged.insert(slot.id);
                    ++m_summary.contactsMerged;
                }
                QVariantList values;
                values.reserve(columns.size() + 1);
                appendContactValues(values, slot.contact, slot.profileKey, m_now);
                values.append(slot.id);
                if (auto updated = m_updateContact->run(values); !updated)
                    return Error { updated.error() };
            }
        }
        // Every text column of contacts is NOT NULL DEFAULT ''.
        QStringList contactText;
        for (const ContactTextField& field : kContactTextFields)
            contactText.append(QString::fromLatin1(field.name));
        contactText += { QStringLiteral("profile_key"), QStringLiteral("email_key"), QStringLiteral("tags") };
        BatchInsert insertContacts(
            m_db, QStringLiteral("contacts"),
            QStringList { QStringLiteral("id") } + columns + QStringList { QStringLiteral("created_at") }, contactText);
        if (Status added = insertContacts.insert(newContacts, {}); !added)
            return added;
        newContacts.clear();

        QList<QVariantList> newEntries;
        newEntries.reserve(entryCount);
        for (const Slot& slot : std::as_const(m_slots)) {
            for (const Interaction& entry : slot.added) {
                newEntries.append({ slot.id, toKey(entry.kind), entry.occurredAt.toMSecsSinceEpoch(), entry.text,
                                    entry.templateName, entry.url });
                if (entry.kind == InteractionKind::RequestAccepted)
                    m_accepted.insert(slot.id);
            }
        }
        BatchInsert insertEntries(m_db, QStringLiteral("interactions"),
                                  { QStringLiteral("contact_id"), QStringLiteral("kind"), QStringLiteral("occurred_at"),
                                    QStringLiteral("text"), QStringLiteral("template"), QStringLiteral("url") },
                                  { QStringLiteral("text"), QStringLiteral("template"), QStringLiteral("url") });
        if (Status added = insertEntries.insert(newEntries, {}); !added)
            return added;
        m_slots.clear();
        m_loaded.clear();
        return success();
    }

    // After the last write(): the indexes dropped for a large first import are made again.
    Status finish()
    {
        if (m_inMemory) {
            for (const Slot& slot : std::as_const(m_slots)) {
                if (slot.isNew)
                    ++m_summary.contactsAdded;
                else if (slot.changed && slot.id <= m_lastStoredId)
                    ++m_summary.contactsMerged;
                m_summary.interactionsAdded += int(slot.added.size());
            }
        }
        // Matching is over: the keys' memory goes back before SQLite sorts the keys of the indexes it rebuilds.
        for (KeyIndex* index : { &m_byProfile, &m_byEmail, &m_byName, &m_byRecord })
            index->clear();
        std::stable_sort(m_summary.skipped.begin(), m_summary.skipped.end(),
                         [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
        if (m_deferIndexes)
            return m_indexes.create(m_db);
        return success();
    }

    // The summary lists every row (for the wizard's preview table), or none; skipped rows up to `maxIssues`.
    void setBeforeMerge(const std::function<Status(qint64)>* beforeMerge) { m_beforeMerge = beforeMerge; }

    void setListing(bool keepRows, qsizetype maxIssues)
    {
        m_keepRows = keepRows;
        m_maxIssues = maxIssues;
    }

    // A preview of records already in memory: every contact they touch stays in memory too, and write() only
    // counts, so nothing is written and no write lock is needed.
    void setInMemory() { m_inMemory = true; }

private:
    void index(qint64 id, const QString& profileKey, const QString& emailKey, const Contact& contact)
    {
        if (!profileKey.isEmpty())
            m_byProfile.insert(profileKey, id);
        else
            m_withoutProfile.insert(id);
        if (!emailKey.isEmpty())
            m_byEmail.insert(emailKey, id);
        if (!contact.firstName.isEmpty() || !contact.lastName.isEmpty()) {
            if (m_needNames)
                m_byName.insert(nameKey(contact), id);
            if (profileKey.isEmpty() && emailKey.isEmpty())
                m_byRecord.insert(recordKey(contact), id);
        }
    }

    // The slot of the contact `record` belongs to, if any; `namesake` counts the contacts of the record's
    // name when that is how it is looked for (up to 2: one is a match, more is ambiguous).
    Result<std::optional<int>> find(const ImportRecord& record, const QString& profileKey, const QString& emailKey,
                                    int& namesakes)
    {
        namesakes = 0;
        if (!profileKey.isEmpty()) {
            for (const qint64 id : m_byProfile.candidates(profileKey)) {
                auto slot = slotOf(id);
                if (!slot)
                    return Error { slot.error() };
                if (m_slots.at(*slot).profileKey == profileKey)
                    return std::optional<int>(*slot);
            }
        }
        if (!emailKey.isEmpty()) {
            for (const qint64 id : m_byEmail.candidates(emailKey)) {
                // Two different profiles are two people, whatever their emails.
                if (!profileKey.isEmpty() && !m_withoutProfile.contains(id))
                    continue;
                auto slot = slotOf(id);
                if (!slot)
                    return Error { slot.error() };
                if (m_slots.at(*slot).emailKey == emailKey)
                    return std::optional<int>(*slot);
            }
        }
        if (!profileKey.isEmpty() || !emailKey.isEmpty())
            return std::optional<int>();
        if (record.reference) {
            const QString name = nameKey(record.contact);
            std::optional<int> named;
            for (const qint64 id : m_byName.candidates(name)) {
                auto slot = slotOf(id);
                if (!slot)
                    return Error { slot.error() };
                if (nameKey(m_slots.at(*slot).contact) != name)
                    continue;
                named = *slot;
                if (++namesakes > 1)
                    break;
            }
            return namesakes == 1 ? named : std::optional<int>();
        }
        const QString key = recordKey(record.contact);
        const auto ids = m_byRecord.candidates(key);
        // The latest of the same record.
        for (auto it = ids.crbegin(); it != ids.crend(); ++it) {
            auto slot = slotOf(*it);
            if (!slot)
                return Error { slot.error() };
            if (recordKey(m_slots.at(*slot).contact) == key)
                return std::optional<int>(*slot);
        }
        return std::optional<int>();
    }

    // The batch's slot for a contact, read from the database the first time the batch needs it.
    Result<int> slotOf(qint64 id)
    {
        if (auto it = m_loaded.constFind(id); it != m_loaded.cend())
            return it.value();
        auto query = m_loadContact.run({ id });
        if (!query)
            return Error { query.error() };
        QSqlQuery& row = **query;
        if (!row.next())
            return Error { tr("Contact %1 vanished during the import.").arg(id) };
        Slot slot;
        Contact& contact = slot.contact;
        int column = 0;
        contact.id = row.value(column++).toLongLong();
        contact.starred = row.value(column++).toInt() != 0;
        contact.keepInTouchDays = row.value(column++).toInt();
        contact.createdAt = QDateTime::fromMSecsSinceEpoch(row.value(column++).toLongLong(), Qt::UTC);
        contact.updatedAt = QDateTime::fromMSecsSinceEpoch(row.value(column++).toLongLong(), Qt::UTC);
        for (const ContactTextField& field : kContactTextFields)
            contact.*field.member = sql::utf8Text(row, column++);
        contact.tags = splitTags(sql::utf8Text(row, column++));
        slot.profileKey = sql::utf8Text(row, column++);
        slot.emailKey = sql::utf8Text(row, column++);
        row.finish();
        slot.id = contact.id;
        slot.acceptedInDatabase = m_accepted.contains(id);
        m_slots.append(std::move(slot));
        m_loaded.insert(id, int(m_slots.size() - 1));
        return int(m_slots.size() - 1);
    }

    Result<bool> alreadyLogged(const Slot& slot, const Interaction& entry)
    {
        if (slot.adds(entry))
            return true;
        // A connection is accepted once: a later export lists the same date again.
        if (m_format == ImportFormat::LinkedInConnections && entry.kind == InteractionKind::RequestAccepted) {
            if (slot.acceptedInDatabase)
                return true;
            for (const Interaction& added : slot.added) {
                if (added.kind == InteractionKind::RequestAccepted)
                    return true;
            }
        }
        if (slot.isNew)
            return false;
        auto query = m_findEntry.run({ slot.id, entry.occurredAt.toMSecsSinceEpoch(), toKey(entry.kind), entry.text });
        if (!query)
            return Error { query.error() };
        const bool found = (*query)->next();
        (*query)->finish();
        return found;
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
        int namesakes = 0;
        auto found = find(record, profileKey, emailKey, namesakes);
        if (!found)
            return Error { found.error() };
        int slotIndex = -1;
        if (*found) {
            slotIndex = **found;
            Slot& slot = m_slots[slotIndex];
            const bool hadProfile = !slot.contact.profileUrl.trimmed().isEmpty();
            const bool hadEmail = !slot.contact.email.trimmed().isEmpty();
            const bool changed = merge(slot.contact, incoming);
            slot.changed = slot.changed || changed;
            row.action = changed ? ImportAction::Merge : ImportAction::Unchanged;
            // A key it gained finds it for the rest of the file.
            if (!hadProfile && !slot.contact.profileUrl.trimmed().isEmpty()) {
                slot.profileKey = profileKey;
                m_byProfile.insert(profileKey, slot.id);
                m_withoutProfile.remove(slot.id);
            }
            if (!hadEmail && !slot.contact.email.trimmed().isEmpty()) {
                slot.emailKey = Identity::emailKey(slot.contact.email);
                m_byEmail.insert(slot.emailKey, slot.id);
            }
        } else {
            if (incoming.firstName.isEmpty() && incoming.lastName.isEmpty()) {
                row.action = ImportAction::Skip;
                row.reason = tr("no contact has this profile or email, and the row has no name to add one");
                return success();
            }
            if (record.reference && profileKey.isEmpty() && emailKey.isEmpty() && namesakes > 1) {
                row.action = ImportAction::Skip;
                row.reason = tr("several contacts are called %1; the row has no profile URL or email to tell "
                                "which one")
                                 .arg(incoming.fullName());
                return success();
            }
            Slot slot;
            slot.id = ++m_nextId;
            slot.isNew = true;
            slot.contact = incoming;
            slot.contact.id = 0;
            slot.profileKey = profileKey;
            slot.emailKey = emailKey;
            m_slots.append(std::move(slot));
            slotIndex = int(m_slots.size() - 1);
            m_loaded.insert(m_slots.at(slotIndex).id, slotIndex);
            index(m_slots.at(slotIndex).id, profileKey, emailKey, incoming);
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
    ImportFormat m_format;
    // Names identify only the rows that refer to a contact (exported log entries): the name index is built
    // for files that have such rows.
    bool m_needNames = false;
    ImportSummary& m_summary;
    QDateTime m_now;
    bool m_keepRows = true;
    bool m_inMemory = false;
    qsizetype m_maxIssues = std::numeric_limits<qsizetype>::max();
    Statement m_findEntry;
    Statement m_loadContact;
    std::unique_ptr<Statement> m_updateContact;
    const std::function<Status(qint64)>* m_beforeMerge = nullptr;
    qint64 m_lastStoredId = 0; // the largest id before the import
    qint64 m_nextId = 0;
    bool m_wroteBatch = false;
    bool m_deferIndexes = false;
    DeferredIndexes m_indexes;

    // The batch.
    QList<Slot> m_slots;
    QHash<qint64, int> m_loaded; // slot by contact id
    QList<ImportIssue> m_batchSkipped;

    // The whole import.
    KeyIndex m_byProfile;
    KeyIndex m_byEmail;
    KeyIndex m_byName;
    KeyIndex m_byRecord;
    IdSet m_withoutProfile;
    IdSet m_accepted;
    IdSet m_merged;
};

// Records placed before the batch is written: enough that the statements are long, few enough that the
// batch's contacts and records take a few MB.
constexpr qsizetype kBatchRows = 4096;
// A stream's summary lists the first skipped rows and counts the rest: a file of a million unusable rows
// must not take a million messages' memory.
constexpr qsizetype kMaxListedIssues = 1000;

} // namespace

Importer::Importer(Database& database)
    : m_database(database)
{
}

Result<ImportSummary> Importer::preview(const ParsedImport& parsed, const QDateTime& now)
{
    return run(parsed, {}, now, Mode::Preview);
}

Result<ImportSummary> Importer::apply(const ParsedImport& parsed, const ImportProgress& progress, const QDateTime& now)
{
    return run(parsed, progress, now, Mode::Apply);
}

Result<ImportSummary> Importer::preview(ImportStream& stream, const ImportProgress& progress, const QDateTime& now)
{
    return run(stream, progress, now, Mode::Preview);
}

Result<ImportSummary> Importer::apply(ImportStream& stream, const ImportProgress& progress, const QDateTime& now)
{
    return run(stream, progress, now, Mode::Apply);
}

Result<ImportSummary> Importer::run(const ParsedImport& parsed, const ImportProgress& progress, const QDateTime& now,
                                    Mode mode)
{
    ImportSummary summary;
    const bool needNames = std::any_of(parsed.records.cbegin(), parsed.records.cend(),
                                       [](const ImportRecord& record) { return record.reference; });
    // The records are in memory already: so can their preview be, which then only reads the database.
    const bool inMemory = mode == Mode::Preview;
    const Status done = inTransaction(inMemory ? Mode::ReadOnly : mode, [&]() -> Status {
        Plan plan(m_database, parsed.format, needNames, summary, now);
        if (mode == Mode::Apply)
            plan.setBeforeMerge(&m_beforeMerge);
        if (inMemory)
            plan.setInMemory();
        if (Status begun = plan.begin(); !begun)
            return begun;
        const qint64 total = parsed.records.size();
        QList<ImportIssue> skipped = parsed.skipped;
        qint64 placed = 0;
        for (const ImportRecord& record : parsed.records) {
            if (Status ok = plan.place(record); !ok)
                return ok;
            ++placed;
            if (progress && (placed == 1 || placed % 512 == 0) && !progress(placed, total))
                return Error { tr("The import was cancelled; nothing was changed.") };
            if (plan.pending() >= kBatchRows) {
                if (Status written = plan.write(std::exchange(skipped, {})); !written)
                    return written;
            }
        }
        if (Status written = plan.write(std::exchange(skipped, {})); !written)
            return written;
        if (Status finished = plan.finish(); !finished)
            return finished;
        if (progress && !progress(total, total))
            return Error { tr("The import was cancelled; nothing was changed.") };
        return success();
    });
    if (!done)
        return Error { done.error() };
    return summary;
}

Result<ImportSummary> Importer::run(ImportStream& stream, const ImportProgress& progress, const QDateTime& now,
                                    Mode mode)
{
    ImportSummary summary;
    const ImportFormat format = stream.description().format;
    // The formats whose rows refer to contacts by name (exported log entries, messages).
    const bool needNames = format == ImportFormat::LinkedInMessages || format == ImportFormat::RapportInteractions;
    const Status done = inTransaction(mode, [&]() -> Status {
        Plan plan(m_database, format, needNames, summary, now);
        plan.setListing(false, kMaxListedIssues);
        if (mode == Mode::Apply)
            plan.setBeforeMerge(&m_beforeMerge);
        if (Status begun = plan.begin(); !begun)
            return begun;
        ParsedImport batch;
        qint64 placed = 0;
        while (stream.next(batch, kBatchRows)) {
            for (const ImportRecord& record : std::as_const(batch.records)) {
                if (Status ok = plan.place(record); !ok)
                    return ok;
            }
            placed += batch.records.size();
            if (m_recordsPlaced)
                m_recordsPlaced(placed);
            batch.records.clear();
            if (Status written = plan.write(std::exchange(batch.skipped, {})); !written)
                return written;
            if (progress && !progress(stream.bytesRead(), stream.size()))
                return Error { tr("The import was cancelled; nothing was changed.") };
        }
        if (!stream.error().isEmpty())
            return Error { stream.error() };
        if (Status finished = plan.finish(); !finished)
            return finished;
        if (progress && !progress(stream.size(), stream.size()))
            return Error { tr("The import was cancelled; nothing was changed.") };
        return success();
    });
    // A preview's changes were taken back, but the connection's page cache still holds up to its size of them:
    // given back, so that a window that previews and then imports on another connection holds one cache, not two.
    if (mode == Mode::Preview)
        (void)sql::exec(m_database.connection(), QStringLiteral("PRAGMA shrink_memory"));
    if (!done)
        return Error { done.error() };
    return summary;
}

Status Importer::inTransaction(Mode mode, const std::function<Status()>& work)
{
    if (mode == Mode::Apply)
        return m_database.transaction(work);
    if (mode == Mode::ReadOnly)
        return work();
    // A preview makes the changes and takes them back: what it says is what applying would do, to the row,
    // and memory stays bounded as the import's does (a batch's contacts are read back from the database).
    // Its savepoint nests in a transaction already open, or opens one that takes the write lock at the first
    // change.
    const QSqlDatabase db = m_database.connection();
    if (auto begun = sql::exec(db, QStringLiteral("SAVEPOINT import_preview")); !begun)
        return Error { begun.error() };
    const Status result = work();
    auto rolledBack = sql::exec(db, QStringLiteral("ROLLBACK TO import_preview"));
    auto released = sql::exec(db, QStringLiteral("RELEASE import_preview"));
    if (!result)
        return result;
    if (!rolledBack)
        return Error { rolledBack.error() };
    if (!released)
        return Error { released.error() };
    return success();
}

} // namespace rapport
