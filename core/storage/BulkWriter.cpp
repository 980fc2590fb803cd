#include "core/storage/BulkWriter.h"

#include "core/storage/ContactColumns.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QStringEncoder>

#include <algorithm>
#include <utility>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("BulkWriter", text);
}

} // namespace

// One statement prepared once and run for every row: what makes a 30,000-row import take a fraction of a
// second. It binds values the way sql::exec does (a null QString as '') and reports errors through it.
// Its placeholders are named, :p000000, :p000001, ... (see placeholder()), and bound by name: QSqlResult
// binds a positional value by making up a name for it (QString::arg) and looking that up: six times the work
// of a bind by name, and a fifth of a whole import's.
class BulkWriter::Statement
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
class BulkWriter::BatchInsert
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
class BulkWriter::DeferredIndexes
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

BulkWriter::BulkWriter(Database& database, const QDateTime& now)
    : m_db(database.connection())
    , m_now(now)
{
}

BulkWriter::~BulkWriter() = default;

Result<qint64> BulkWriter::lastContactId()
{
    auto maxId = sql::exec(m_db, QStringLiteral("SELECT coalesce(max(id), 0) FROM contacts"));
    if (!maxId || !maxId->next())
        return Error { maxId ? tr("Cannot read the contacts.") : maxId.error() };
    return maxId->value(0).toLongLong();
}

Status BulkWriter::readIdentities(const IdentityVisitor& visit)
{
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
        named.firstName = sql::utf8Text(*contacts, 3);
        named.lastName = sql::utf8Text(*contacts, 4);
        named.company = sql::utf8Text(*contacts, 5);
        named.phone = sql::utf8Text(*contacts, 6);
        visit(contacts->value(0).toLongLong(), sql::utf8Text(*contacts, 1), sql::utf8Text(*contacts, 2), named);
    }
    return success();
}

Status BulkWriter::readContactsWith(InteractionKind kind, const std::function<void(qint64)>& visit)
{
    auto ids = sql::exec(m_db, QStringLiteral("SELECT DISTINCT contact_id FROM interactions WHERE kind = ?"),
                         { toKey(kind) });
    if (!ids)
        return Error { ids.error() };
    while (ids->next())
        visit(ids->value(0).toLongLong());
    return success();
}

namespace {

// A stored contact's columns and its identity keys, in the order of storedContact().
QString storedColumns()
{
    const QStringList columns = contact_columns::selected()
        + QStringList { sql::utf8Column(QStringLiteral("profile_key")), sql::utf8Column(QStringLiteral("email_key")) };
    return columns.join(QStringLiteral(", "));
}

StoredContact storedContact(const QSqlQuery& row)
{
    static const int keys = int(contact_columns::selected().size());
    return { contact_columns::read(row), sql::utf8Text(row, keys), sql::utf8Text(row, keys + 1) };
}

} // namespace

Result<StoredContact> BulkWriter::load(qint64 id)
{
    if (!m_loadContact) {
        // sql: identifiers only (the contact's column names from the code, a named placeholder)
        m_loadContact = std::make_unique<Statement>(
            m_db, QStringLiteral("SELECT %1 FROM contacts WHERE id = :p000000").arg(storedColumns()), 1);
    }
    auto query = m_loadContact->run({ id });
    if (!query)
        return Error { query.error() };
    QSqlQuery& row = **query;
    if (!row.next())
        return Error { tr("Contact %1 vanished during the import.").arg(id) };
    StoredContact stored = storedContact(row);
    row.finish();
    return stored;
}

Result<QList<StoredContact>> BulkWriter::load(const QList<qint64>& ids)
{
    QList<StoredContact> contacts;
    if (ids.isEmpty())
        return contacts;
    if (!m_loadContacts) {
        // sql: identifiers only (the contact's column names from the code, a named placeholder)
        m_loadContacts = std::make_unique<Statement>(
            m_db,
            QStringLiteral("SELECT %1 FROM contacts WHERE id IN (SELECT value FROM json_each(:p000000))")
                .arg(storedColumns()),
            1);
    }
    QByteArray idArray = "[";
    for (const qint64 id : ids)
        idArray += QByteArray::number(id) + ',';
    idArray.back() = ']';
    auto query = m_loadContacts->run({ QString::fromLatin1(idArray) });
    if (!query)
        return Error { query.error() };
    QSqlQuery& rows = **query;
    contacts.reserve(ids.size());
    while (rows.next())
        contacts.append(storedContact(rows));
    rows.finish();
    return contacts;
}

Result<bool> BulkWriter::isLogged(qint64 contactId, const Interaction& entry)
{
    if (!m_findEntry) {
        m_findEntry = std::make_unique<Statement>(
            m_db,
            QStringLiteral("SELECT 1 FROM interactions WHERE contact_id = :p000000 "
                           "AND occurred_at = :p000001 AND kind = :p000002 AND text = :p000003 LIMIT 1"),
            4);
    }
    auto query = m_findEntry->run({ contactId, entry.occurredAt.toMSecsSinceEpoch(), toKey(entry.kind), entry.text });
    if (!query)
        return Error { query.error() };
    const bool found = (*query)->next();
    (*query)->finish();
    return found;
}

Status BulkWriter::deferIndexes()
{
    if (m_deferred)
        return success();
    m_deferred = std::make_unique<DeferredIndexes>();
    return m_deferred->drop(m_db);
}

Status BulkWriter::restoreIndexes()
{
    if (!m_deferred)
        return success();
    const Status created = m_deferred->create(m_db);
    m_deferred.reset();
    return created;
}

Status BulkWriter::update(qint64 id, const Contact& contact, const QString& profileKey)
{
    if (!m_updateContact) {
        const QStringList columns = contact_columns::written();
        QStringList assignments;
        for (const QString& column : columns)
            assignments.append(column + QStringLiteral(" = ") + Statement::placeholder(assignments.size()));
        // sql: identifiers only (the contact's column names from the code, named placeholders)
        m_updateContact = std::make_unique<Statement>(
            m_db,
            QStringLiteral("UPDATE contacts SET %1 WHERE id = %2")
                .arg(assignments.join(QStringLiteral(", ")), Statement::placeholder(columns.size())),
            columns.size() + 1);
    }
    QVariantList values = contact_columns::values(contact, profileKey, m_now);
    values.append(id);
    if (auto updated = m_updateContact->run(values); !updated)
        return Error { updated.error() };
    return success();
}

void BulkWriter::add(qint64 id, const Contact& contact, const QString& profileKey)
{
    QVariantList values { id };
    values += contact_columns::values(contact, profileKey, m_now);
    values.append((contact.createdAt.isValid() ? contact.createdAt : m_now).toMSecsSinceEpoch());
    m_newContacts.append(std::move(values));
}

void BulkWriter::add(qint64 contactId, const Interaction& entry)
{
    m_newEntries.append({ contactId, toKey(entry.kind), entry.occurredAt.toMSecsSinceEpoch(), entry.text,
                          entry.templateName, entry.url });
}

Status BulkWriter::flush()
{
    // Every text column of contacts is NOT NULL DEFAULT ''.
    QStringList contactText;
    for (const ContactTextField& field : kContactTextFields)
        contactText.append(QString::fromLatin1(field.name));
    contactText += { QStringLiteral("profile_key"), QStringLiteral("email_key"), QStringLiteral("tags") };
    BatchInsert insertContacts(m_db, QStringLiteral("contacts"),
                               QStringList { QStringLiteral("id") } + contact_columns::written()
                                   + QStringList { QStringLiteral("created_at") },
                               contactText);
    if (Status added = insertContacts.insert(std::exchange(m_newContacts, {}), {}); !added)
        return added;
    BatchInsert insertEntries(m_db, QStringLiteral("interactions"),
                              { QStringLiteral("contact_id"), QStringLiteral("kind"), QStringLiteral("occurred_at"),
                                QStringLiteral("text"), QStringLiteral("template"), QStringLiteral("url") },
                              { QStringLiteral("text"), QStringLiteral("template"), QStringLiteral("url") });
    return insertEntries.insert(std::exchange(m_newEntries, {}), {});
}

Status BulkWriter::rolledBack(Database& database, const std::function<Status()>& work)
{
    // Its savepoint nests in a transaction already open, or opens one that takes the write lock at the first
    // change.
    const QSqlDatabase db = database.connection();
    if (auto begun = sql::exec(db, QStringLiteral("SAVEPOINT import_preview")); !begun)
        return Error { begun.error() };
    const Status result = work();
    auto rolledBack = sql::exec(db, QStringLiteral("ROLLBACK TO import_preview"));
    auto released = sql::exec(db, QStringLiteral("RELEASE import_preview"));
    // The changes were taken back, but the connection's page cache still holds up to its size of them: given
    // back, so that a window that previews and then imports on another connection holds one cache, not two.
    (void)sql::exec(db, QStringLiteral("PRAGMA shrink_memory"));
    if (!result)
        return result;
    if (!rolledBack)
        return Error { rolledBack.error() };
    if (!released)
        return Error { released.error() };
    return success();
}

} // namespace rapport
