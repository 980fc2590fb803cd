#include "core/cadence/PlanSnapshot.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/PlanAdjustmentRepository.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TagCadenceRepository.h"
#include "core/storage/TemplateRepository.h"

#include <QStringList>

#include <algorithm>
#include <initializer_list>

namespace rapport {

namespace {

// The kinds' keys, to bind in an IN list of as many "?".
QVariantList keysOf(std::initializer_list<InteractionKind> kinds)
{
    QVariantList keys;
    for (InteractionKind kind : kinds)
        keys.append(toKey(kind));
    return keys;
}

QString placeholders(const QVariantList& values)
{
    return QStringList(values.size(), QStringLiteral("?")).join(u',');
}

struct Row
{
    qint64 id;
    PlanSnapshot::Entry entry;
};

// Appends the rows of `statement`, which selects id, contact_id, occurred_at, kind and whether a note
// was written, in that order.
Status readRows(Database& database, const QString& statement, const QVariantList& values, QList<Row>& rows)
{
    auto query = sql::exec(database.connection(), statement, values);
    if (!query)
        return Error { query.error() };
    while (query->next()) {
        const auto kind = interactionKindFromKey(query->value(3).toString());
        if (!kind)
            continue; // a kind this version does not know cannot change its plan
        rows.append(
            { query->value(0).toLongLong(),
              { query->value(1).toLongLong(), query->value(2).toLongLong(), *kind, query->value(4).toBool() } });
    }
    return success();
}

} // namespace

PlanSnapshot::PlanSnapshot(QList<Contact> contacts, QList<Interaction> interactions, QList<Template> templates,
                           QList<PlanAdjustment> adjustments, QMap<QString, int> tagCadences)
    : m_contacts(std::move(contacts))
    , m_templates(std::move(templates))
    , m_adjustments(std::move(adjustments))
    , m_tagCadences(std::move(tagCadences))
{
    std::sort(m_contacts.begin(), m_contacts.end(), [](const Contact& a, const Contact& b) { return a.id < b.id; });
    m_entries.reserve(interactions.size());
    for (const Interaction& interaction : interactions) {
        m_entries.append({ interaction.contactId, interaction.occurredAt.toMSecsSinceEpoch(), interaction.kind,
                           !interaction.text.isEmpty() });
    }
    // A stable sort keeps the order in which entries at the same time were logged.
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
        return a.contactId != b.contactId ? a.contactId < b.contactId : a.atMs < b.atMs;
    });
}

Result<PlanSnapshot> PlanSnapshot::load(Database& database)
{
    auto contacts = ContactRepository(database).all();
    if (!contacts)
        return Error { contacts.error() };
    auto interactions = InteractionRepository(database).all();
    if (!interactions)
        return Error { interactions.error() };
    auto templates = TemplateRepository(database).all();
    if (!templates)
        return Error { templates.error() };
    auto tagCadences = TagCadenceRepository(database).all();
    if (!tagCadences)
        return Error { tagCadences.error() };
    return PlanSnapshot(std::move(contacts).value(), std::move(interactions).value(), std::move(templates).value(), {},
                        std::move(tagCadences).value());
}

Result<PlanSnapshot> PlanSnapshot::load(Database& database, const Window& window)
{
    PlanSnapshot snapshot;
    auto templates = TemplateRepository(database).all();
    if (!templates)
        return Error { templates.error() };
    snapshot.m_templates = std::move(templates).value();
    auto adjustments = PlanAdjustmentRepository(database).forWeek(window.weekStart);
    if (!adjustments)
        return Error { adjustments.error() };
    snapshot.m_adjustments = std::move(adjustments).value();
    auto tagCadences = TagCadenceRepository(database).all();
    if (!tagCadences)
        return Error { tagCadences.error() };
    snapshot.m_tagCadences = std::move(tagCadences).value();

    // The contacts that can change the week's plan (see the class comment), each through an index:
    // (kind, occurred_at), (kind, contact_id, occurred_at) or the partial index of keep-in-touch cadences.
    using K = InteractionKind;
    QVariantList allKinds;
    for (InteractionKind kind : kAllInteractionKinds)
        allKinds.append(toKey(kind));
    const QVariantList requestEvents
        = keysOf({ K::RequestSent, K::RequestAccepted, K::RequestDeclined, K::RequestWithdrawn });
    // sql: identifiers only (one "?" per kind)
    const QString relevant
        = QStringLiteral(
              "SELECT contact_id FROM interactions WHERE kind = ? AND occurred_at >= ? AND occurred_at < ? "
              "UNION SELECT contact_id FROM interactions WHERE kind = ? AND occurred_at >= ? AND occurred_at < ? "
              "UNION SELECT contact_id FROM interactions WHERE kind = ? AND occurred_at >= ? AND occurred_at < ? "
              "UNION SELECT contact_id FROM interactions WHERE kind IN (%1) AND occurred_at >= ? AND occurred_at < ? "
              "UNION SELECT id FROM contacts WHERE keep_in_touch_days > 0 "
              "UNION SELECT id FROM contacts WHERE tags <> '' AND EXISTS (SELECT 1 FROM tag_cadences) "
              "UNION SELECT id FROM (SELECT id FROM contacts EXCEPT SELECT contact_id FROM interactions WHERE kind IN "
              "(%2)) "
              "UNION SELECT contact_id FROM (SELECT contact_id, count(*) AS sent, max(occurred_at) AS last "
              "FROM interactions WHERE kind = ? GROUP BY contact_id) r WHERE r.sent = 1 AND r.last < ? "
              "AND NOT EXISTS (SELECT 1 FROM interactions a WHERE a.kind = ? AND a.contact_id = r.contact_id)")
              .arg(placeholders(allKinds), placeholders(requestEvents));
    const QVariantList relevantValues
        = QVariantList { toKey(K::RequestSent),     window.requestsFromMs, window.weekEndMs,
                         toKey(K::RequestAccepted), window.acceptedFromMs, window.weekEndMs,
                         toKey(K::MessageReceived), window.receivedFromMs, window.weekEndMs }
        + allKinds + QVariantList { window.weekStartMs, window.weekEndMs } + requestEvents
        + QVariantList { toKey(K::RequestSent), window.retryBeforeMs, toKey(K::RequestAccepted) };
    auto ids = sql::exec(database.connection(), relevant, relevantValues);
    if (!ids)
        return Error { ids.error() };
    QList<qint64> contactIds;
    while (ids->next())
        contactIds.append(ids->value(0).toLongLong());
    std::sort(contactIds.begin(), contactIds.end());
    QString idList = QStringLiteral("[");
    for (qsizetype i = 0; i < contactIds.size(); ++i) {
        if (i > 0)
            idList.append(u',');
        idList.append(QString::number(contactIds[i]));
    }
    idList.append(u']');

    auto contacts = ContactRepository(database).forPlanning(idList);
    if (!contacts)
        return Error { contacts.error() };
    snapshot.m_contacts = std::move(contacts).value();

    QList<Row> rows;
    const Status read
        = readRows(database,
                   QStringLiteral("SELECT id, contact_id, occurred_at, kind, text <> '' FROM interactions "
                                  "WHERE contact_id IN (SELECT value FROM json_each(?))"),
                   { idList }, rows);
    if (!read)
        return Error { read.error() };
    // By contact, then time, then the order logged.
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.entry.contactId != b.entry.contactId)
            return a.entry.contactId < b.entry.contactId;
        return a.entry.atMs != b.entry.atMs ? a.entry.atMs < b.entry.atMs : a.id < b.id;
    });
    snapshot.m_entries.reserve(rows.size());
    for (const Row& row : rows)
        snapshot.m_entries.append(row.entry);
    return snapshot;
}

} // namespace rapport
