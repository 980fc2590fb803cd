#include "core/storage/InteractionRepository.h"

#include "core/domain/StageResolver.h"
#include "core/domain/TextProblem.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>
#include <tuple>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("InteractionRepository", text);
}

const QString kSelect
    = QStringLiteral("SELECT id, contact_id, kind, occurred_at, text, template, url FROM interactions ");

Result<QList<Interaction>> readAll(Result<QSqlQuery> query)
{
    if (!query)
        return Error { query.error() };
    QList<Interaction> result;
    while (query->next()) {
        Interaction interaction;
        interaction.id = query->value(0).toLongLong();
        interaction.contactId = query->value(1).toLongLong();
        const auto kind = interactionKindFromKey(query->value(2).toString());
        if (!kind) {
            return Error {
                tr("Interaction %1 has an unknown kind \"%2\".").arg(interaction.id).arg(query->value(2).toString())
            };
        }
        interaction.kind = *kind;
        interaction.occurredAt = QDateTime::fromMSecsSinceEpoch(query->value(3).toLongLong(), Qt::UTC);
        interaction.text = query->value(4).toString();
        interaction.templateName = query->value(5).toString();
        interaction.url = query->value(6).toString();
        result.append(interaction);
    }
    return result;
}

} // namespace

InteractionRepository::InteractionRepository(Database& database)
    : m_database(database)
{
}

Status InteractionRepository::validate(const Interaction& interaction) const
{
    if (!interaction.occurredAt.isValid())
        return Error { tr("An interaction needs a valid date and time.") };
    for (const auto& [text, label, multiLine] :
         { std::tuple { &interaction.text, tr("The note"), true },
           std::tuple { &interaction.templateName, tr("The template name"), false },
           std::tuple { &interaction.url, tr("The link"), false } }) {
        if (const QString problem = textProblem(*text, label, multiLine); !problem.isEmpty())
            return Error { problem };
    }
    auto exists = sql::exec(m_database.connection(), QStringLiteral("SELECT 1 FROM contacts WHERE id = ?"),
                            { interaction.contactId });
    if (!exists)
        return Error { exists.error() };
    if (!exists->next())
        return Error { tr("There is no contact with id %1.").arg(interaction.contactId) };
    return success();
}

Result<qint64> InteractionRepository::add(const Interaction& interaction)
{
    if (Status valid = validate(interaction); !valid)
        return Error { valid.error() };
    auto query
        = sql::exec(m_database.connection(),
                    QStringLiteral("INSERT INTO interactions (contact_id, kind, occurred_at, text, template, url) "
                                   "VALUES (?, ?, ?, ?, ?, ?)"),
                    { interaction.contactId, toKey(interaction.kind), interaction.occurredAt.toMSecsSinceEpoch(),
                      interaction.text, interaction.templateName, interaction.url });
    if (!query)
        return Error { query.error() };
    return query->lastInsertId().toLongLong();
}

Status InteractionRepository::update(const Interaction& interaction)
{
    if (Status valid = validate(interaction); !valid)
        return valid;
    auto query = sql::exec(
        m_database.connection(),
        QStringLiteral("UPDATE interactions SET contact_id = ?, kind = ?, occurred_at = ?, text = ?, template = ?, "
                       "url = ? WHERE id = ?"),
        { interaction.contactId, toKey(interaction.kind), interaction.occurredAt.toMSecsSinceEpoch(), interaction.text,
          interaction.templateName, interaction.url, interaction.id });
    if (!query)
        return Error { query.error() };
    if (query->numRowsAffected() == 0)
        return Error { tr("There is no interaction with id %1.").arg(interaction.id) };
    return success();
}

Status InteractionRepository::remove(qint64 id)
{
    auto query = sql::exec(m_database.connection(), QStringLiteral("DELETE FROM interactions WHERE id = ?"), { id });
    if (!query)
        return Error { query.error() };
    if (query->numRowsAffected() == 0)
        return Error { tr("There is no interaction with id %1.").arg(id) };
    return success();
}

Result<Interaction> InteractionRepository::find(qint64 id) const
{
    auto found = readAll(sql::exec(m_database.connection(), kSelect + QStringLiteral("WHERE id = ?"), { id }));
    if (!found)
        return Error { found.error() };
    if (found->isEmpty())
        return Error { tr("There is no interaction with id %1.").arg(id) };
    return found->first();
}

Result<QList<Interaction>> InteractionRepository::forContact(qint64 contactId) const
{
    return readAll(sql::exec(m_database.connection(),
                             kSelect + QStringLiteral("WHERE contact_id = ? ORDER BY occurred_at, id"), { contactId }));
}

Result<QList<Interaction>> InteractionRepository::all() const
{
    return readAll(sql::exec(m_database.connection(), kSelect + QStringLiteral("ORDER BY occurred_at, id")));
}

Result<QHash<qint64, Stage>> InteractionRepository::stages(const QDateTime& now, int noResponseDays) const
{
    // One query a kind, each read from the (kind, contact_id, occurred_at) index alone and without text, then
    // put in the order the log is kept in here: SQLite sorting the rows of all five kinds took a third of it.
    struct Entry
    {
        qint64 contactId;
        qint64 occurredAt;
        qint64 id;
        InteractionKind kind;
    };
    QList<Entry> entries;
    for (InteractionKind kind :
         { InteractionKind::Followed, InteractionKind::RequestSent, InteractionKind::RequestAccepted,
           InteractionKind::RequestDeclined, InteractionKind::RequestWithdrawn }) {
        auto query = sql::exec(m_database.connection(),
                               QStringLiteral("SELECT contact_id, occurred_at, id FROM interactions WHERE kind = ?"),
                               { toKey(kind) });
        if (!query)
            return Error { query.error() };
        while (query->next()) {
            entries.append(
                { query->value(0).toLongLong(), query->value(1).toLongLong(), query->value(2).toLongLong(), kind });
        }
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.contactId, a.occurredAt, a.id) < std::tie(b.contactId, b.occurredAt, b.id);
    });

    QHash<qint64, Stage> result;
    for (auto first = entries.cbegin(); first != entries.cend();) {
        StageResolver resolver;
        auto entry = first;
        for (; entry != entries.cend() && entry->contactId == first->contactId; ++entry)
            resolver.add(entry->kind, QDateTime::fromMSecsSinceEpoch(entry->occurredAt, Qt::UTC));
        result.insert(first->contactId, resolver.stage(now, noResponseDays));
        first = entry;
    }
    return result;
}

} // namespace rapport
