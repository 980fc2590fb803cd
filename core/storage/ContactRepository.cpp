#include "core/storage/ContactRepository.h"

#include "core/domain/Identity.h"
#include "core/domain/KeepInTouch.h"
#include "core/domain/ProfileUrl.h"
#include "core/storage/ContactColumns.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactRepository", text);
}

QString selectColumns()
{
    return contact_columns::selected().join(QStringLiteral(", "));
}

} // namespace

ContactRepository::ContactRepository(Database& database)
    : m_database(database)
{
}

Status ContactRepository::validate(const Contact& contact) const
{
    if (contact.firstName.trimmed().isEmpty() && contact.lastName.trimmed().isEmpty())
        return Error { tr("A contact needs a first or a last name.") };
    if (const QString problem = textProblem(contact); !problem.isEmpty())
        return Error { problem };
    if (const QString problem = keep_in_touch::problem(contact.keepInTouchDays); !problem.isEmpty())
        return Error { problem };
    if (const QString problem = ProfileUrl::validate(contact.profileUrl); !problem.isEmpty())
        return Error { tr("Profile URL: %1").arg(problem) };
    const QString profileKey = ProfileUrl::normalize(contact.profileUrl);
    if (profileKey.isEmpty())
        return success();
    auto owner = sql::exec(m_database.connection(),
                           QStringLiteral("SELECT id FROM contacts WHERE profile_key = ? AND id <> ?"),
                           { profileKey, contact.id });
    if (!owner)
        return Error { owner.error() };
    if (owner->next())
        return Error { tr("Contact %1 already has the profile %2.").arg(owner->value(0).toLongLong()).arg(profileKey) };
    return success();
}

Result<qint64> ContactRepository::add(const Contact& contact, const QDateTime& now)
{
    if (Status valid = validate(contact); !valid)
        return Error { valid.error() };
    const QStringList columns = contact_columns::written() + QStringList { QStringLiteral("created_at") };
    QVariantList bound = contact_columns::values(contact, ProfileUrl::normalize(contact.profileUrl), now);
    bound.append((contact.createdAt.isValid() ? contact.createdAt : now).toMSecsSinceEpoch());
    // sql: identifiers only (kContactTextFields' column names)
    const QString statement = QStringLiteral("INSERT INTO contacts (%1) VALUES (%2)")
                                  .arg(columns.join(QStringLiteral(", ")),
                                       QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
    auto query = sql::exec(m_database.connection(), statement, bound);
    if (!query)
        return Error { query.error() };
    return query->lastInsertId().toLongLong();
}

Status ContactRepository::update(const Contact& contact, const QDateTime& now)
{
    if (Status valid = validate(contact); !valid)
        return valid;
    QStringList assignments;
    for (const QString& column : contact_columns::written())
        assignments.append(column + QStringLiteral(" = ?"));
    QVariantList bound = contact_columns::values(contact, ProfileUrl::normalize(contact.profileUrl), now);
    bound.append(contact.id);
    // sql: identifiers only (kContactTextFields' column names)
    auto query = sql::exec(
        m_database.connection(),
        QStringLiteral("UPDATE contacts SET %1 WHERE id = ?").arg(assignments.join(QStringLiteral(", "))), bound);
    if (!query)
        return Error { query.error() };
    if (query->numRowsAffected() == 0)
        return Error { tr("There is no contact with id %1.").arg(contact.id) };
    return success();
}

Status ContactRepository::remove(qint64 id)
{
    auto query = sql::exec(m_database.connection(), QStringLiteral("DELETE FROM contacts WHERE id = ?"), { id });
    if (!query)
        return Error { query.error() };
    if (query->numRowsAffected() == 0)
        return Error { tr("There is no contact with id %1.").arg(id) };
    return success();
}

Result<Contact> ContactRepository::find(qint64 id) const
{
    // sql: identifiers only (kContactTextFields' column names)
    auto query = sql::exec(m_database.connection(),
                           QStringLiteral("SELECT %1 FROM contacts WHERE id = ?").arg(selectColumns()), { id });
    if (!query)
        return Error { query.error() };
    if (!query->next())
        return Error { tr("There is no contact with id %1.").arg(id) };
    return contact_columns::read(*query);
}

Result<QList<Contact>> ContactRepository::all() const
{
    // sql: identifiers only (kContactTextFields' column names)
    auto query = sql::exec(m_database.connection(),
                           QStringLiteral("SELECT %1 FROM contacts ORDER BY id").arg(selectColumns()));
    if (!query)
        return Error { query.error() };
    QList<Contact> contacts;
    while (query->next())
        contacts.append(contact_columns::read(*query));
    return contacts;
}

Result<QList<Contact>> ContactRepository::forPlanning(const QString& idsJson) const
{
    auto query = sql::exec(m_database.connection(),
                           QStringLiteral("SELECT id, first_name, last_name, position, company, how_we_know, event, "
                                          "mutual_connection, school, topic, starred, high_profile, little_in_common, "
                                          "stay_anonymous, created_at, keep_in_touch_days, tags FROM contacts "
                                          "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"),
                           { idsJson });
    if (!query)
        return Error { query.error() };
    QList<Contact> contacts;
    while (query->next()) {
        Contact contact;
        int column = 0;
        contact.id = query->value(column++).toLongLong();
        for (QString Contact::*field :
             { &Contact::firstName, &Contact::lastName, &Contact::position, &Contact::company, &Contact::howWeKnow,
               &Contact::event, &Contact::mutualConnection, &Contact::school, &Contact::topic })
            contact.*field = query->value(column++).toString();
        for (bool Contact::*flag :
             { &Contact::starred, &Contact::highProfile, &Contact::littleInCommon, &Contact::stayAnonymous })
            contact.*flag = query->value(column++).toInt() != 0;
        contact.createdAt = QDateTime::fromMSecsSinceEpoch(query->value(column++).toLongLong(), Qt::UTC);
        contact.keepInTouchDays = query->value(column++).toInt();
        contact.tags = splitTags(query->value(column++).toString());
        contacts.append(std::move(contact));
    }
    return contacts;
}

namespace {

// Ids as a JSON array, bound as one value and read with json_each().
QString idArray(const QList<qint64>& ids)
{
    QStringList numbers;
    numbers.reserve(ids.size());
    for (qint64 id : ids)
        numbers.append(QString::number(id));
    return u'[' + numbers.join(u',') + u']';
}

} // namespace

Result<QHash<qint64, int>> ContactRepository::keepInTouchDays(const QList<qint64>& ids) const
{
    auto query = sql::exec(m_database.connection(),
                           QStringLiteral("SELECT id, keep_in_touch_days FROM contacts WHERE id IN "
                                          "(SELECT value FROM json_each(?))"),
                           { idArray(ids) });
    if (!query)
        return Error { query.error() };
    QHash<qint64, int> days;
    while (query->next())
        days.insert(query->value(0).toLongLong(), query->value(1).toInt());
    if (days.size() < QSet<qint64>(ids.cbegin(), ids.cend()).size()) {
        for (qint64 id : ids) {
            if (!days.contains(id))
                return Error { tr("There is no contact with id %1.").arg(id) };
        }
    }
    return days;
}

Status ContactRepository::setKeepInTouchDays(const QList<qint64>& ids, int days, const QDateTime& now)
{
    if (const QString problem = keep_in_touch::problem(days); !problem.isEmpty())
        return Error { problem };
    auto query = sql::exec(m_database.connection(),
                           QStringLiteral("UPDATE contacts SET keep_in_touch_days = ?, updated_at = ? WHERE id IN "
                                          "(SELECT value FROM json_each(?))"),
                           { days, now.toMSecsSinceEpoch(), idArray(ids) });
    if (!query)
        return Error { query.error() };
    return success();
}

Result<int> ContactRepository::count() const
{
    auto query = sql::exec(m_database.connection(), QStringLiteral("SELECT count(*) FROM contacts"));
    if (!query)
        return Error { query.error() };
    return query->next() ? query->value(0).toInt() : 0;
}

Result<std::optional<qint64>> ContactRepository::findSamePerson(const Contact& contact) const
{
    const QString profileKey = ProfileUrl::normalize(contact.profileUrl);
    const QString emailKey = Identity::emailKey(contact.email);
    std::optional<qint64> found;
    if (!profileKey.isEmpty()) {
        auto query = sql::exec(m_database.connection(), QStringLiteral("SELECT id FROM contacts WHERE profile_key = ?"),
                               { profileKey });
        if (!query)
            return Error { query.error() };
        if (query->next())
            return std::optional<qint64>(query->value(0).toLongLong());
    }
    if (emailKey.isEmpty())
        return found;
    // By email only when one side has no profile URL: two different profiles are two people.
    auto query = sql::exec(
        m_database.connection(),
        QStringLiteral("SELECT id FROM contacts WHERE email_key = ? AND (profile_key = '' OR ? = '') ORDER BY id"),
        { emailKey, profileKey });
    if (!query)
        return Error { query.error() };
    if (query->next())
        found = query->value(0).toLongLong();
    return found;
}

} // namespace rapport
