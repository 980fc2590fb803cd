#pragma once

#include "core/Result.h"
#include "core/domain/Contact.h"

#include <QHash>
#include <QList>

#include <optional>

namespace rapport {

class Database;

class ContactRepository
{
public:
    explicit ContactRepository(Database& database);

    // Stores a new contact and returns its id. Refused when the name is empty, the profile URL is not
    // a URL, or another contact already has the same profile.
    Result<qint64> add(const Contact& contact, const QDateTime& now = QDateTime::currentDateTimeUtc());
    Status update(const Contact& contact, const QDateTime& now = QDateTime::currentDateTimeUtc());
    Status remove(qint64 id);

    Result<Contact> find(qint64 id) const;
    Result<QList<Contact>> all() const;
    // The contacts whose ids are in `idsJson` (a JSON array of numbers), by id, with only what the week's
    // plan reads: the names, company, position, the personalization context, the advisor's flags, starred,
    // the keep-in-touch cadence, tags and when it was added. Not the notes, email, phone, location or
    // profile URL.
    Result<QList<Contact>> forPlanning(const QString& idsJson) const;
    Result<int> count() const;

    // Each contact's own keep-in-touch cadence (0 for none), by id, for the ids given; and setting it for many at
    // once, in one statement: a bulk change of thousands of contacts takes a moment, not a minute.
    Result<QHash<qint64, int>> keepInTouchDays(const QList<qint64>& ids) const;
    Status setKeepInTouchDays(const QList<qint64>& ids, int days,
                              const QDateTime& now = QDateTime::currentDateTimeUtc());

    // The stored contact that is the same person (see Identity), if any.
    Result<std::optional<qint64>> findSamePerson(const Contact& contact) const;

private:
    Status validate(const Contact& contact) const;

    Database& m_database;
};

} // namespace rapport
