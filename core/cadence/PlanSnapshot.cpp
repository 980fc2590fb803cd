#include "core/cadence/PlanSnapshot.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/PlanAdjustmentRepository.h"
#include "core/storage/SqlUtil.h"
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
                           QList<PlanAdjustment> adjustments)
    : m_contacts(std::move(contacts))
    , m_templates(std::move(templates))
    , m_adjustments(std::move(adjustments))
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
    return PlanSnapshot(std::move(contacts).value(), std::move(interactions).value(), std::move(templates).value());
}

Result<PlanSnapshot> PlanSnapshot::load(Database& database, const Window& window)
{
    PlanSnapshot snapshot;
    auto contacts = ContactRepository(database).allForPlanning();
    if (!contacts)
        return Error { contacts.error() };
    snapshot.m_contacts = std::move(contacts).value();
    auto templates = TemplateRepository(database).all();
    if (!templates)
        return Error { templates.error() };
    snapshot.m_templates = std::move(templates).value();
    auto adjustments = PlanAdjustmentRepository(database).forWeek(window.weekStart);
    if (!adjustments)
        return Error { adjustments.error() };
    snapshot.m_adjustments = std::move(adjustments).value();

    using K = InteractionKind;
    const QVariantList requestEvents
        = keysOf({ K::Followed, K::RequestSent, K::RequestAccepted, K::RequestDeclined, K::RequestWithdrawn });
    const QVariantList otherKinds = keysOf({ K::MessageSent, K::MessageReceived, K::ContentShared, K::Engaged,
                                             K::Endorsed, K::Met, K::Introduction, K::Thanks, K::Note });
    const QVariantList messages = keysOf({ K::MessageSent, K::ContentShared });
    const QVariantList lastOnes = keysOf({ K::Met, K::Engaged });
    QList<Row> rows;
    // Each reads through an index: (kind, occurred_at), (kind, contact_id, occurred_at) or
    // (contact_id, occurred_at). The kinds are bound, one "?" each.
    const struct
    {
        QString statement;
        QVariantList values;
    } reads[] = {
        // Every request event and follow: the stage, the first request, the daily and monthly counts.
        { // sql: identifiers only (one "?" per kind)
          QStringLiteral("SELECT id, contact_id, occurred_at, kind, text <> '' FROM interactions WHERE kind IN (%1)")
              .arg(placeholders(requestEvents)),
          requestEvents },
        // Everything else in the week: what was done in it, and the check-ins.
        { // sql: identifiers only (one "?" per kind)
          QStringLiteral("SELECT id, contact_id, occurred_at, kind, 0 FROM interactions WHERE kind IN (%1) "
                         "AND occurred_at >= ? AND occurred_at < ?")
              .arg(placeholders(otherKinds)),
          otherKinds + QVariantList { window.weekStartMs, window.weekEndMs } },
        // The messages the follow-up cap counts.
        { // sql: identifiers only (one "?" per kind)
          QStringLiteral("SELECT id, contact_id, occurred_at, kind, 0 FROM interactions WHERE kind IN (%1) "
                         "AND occurred_at >= ? AND occurred_at < ?")
              .arg(placeholders(messages)),
          messages + QVariantList { window.messagesFromMs, window.messagesToMs } },
        // The last "met" (met today: follow first) and the last "engaged" (a pending request engaged with).
        { // sql: identifiers only (one "?" per kind)
          QStringLiteral("SELECT id, contact_id, MAX(occurred_at), kind, 0 FROM interactions WHERE kind IN (%1) "
                         "GROUP BY kind, contact_id")
              .arg(placeholders(lastOnes)),
          lastOnes },
        // For connections: the follow-up (the first content shared since the last acceptance) and the last
        // contact before the week (how long it has been quiet).
        { QStringLiteral(
              "SELECT i.id, i.contact_id, i.occurred_at, i.kind, 0 FROM (SELECT contact_id, MAX(occurred_at) AS at "
              "FROM interactions WHERE kind = ? GROUP BY contact_id) a JOIN interactions i ON i.id IN ("
              "(SELECT s.id FROM interactions s WHERE s.kind = ? AND s.contact_id = a.contact_id "
              "AND s.occurred_at >= a.at ORDER BY s.occurred_at, s.id LIMIT 1), "
              "(SELECT t.id FROM interactions t WHERE t.contact_id = a.contact_id AND t.occurred_at < ? "
              "AND t.kind <> ? ORDER BY t.occurred_at DESC, t.id DESC LIMIT 1))"),
          { toKey(K::RequestAccepted), toKey(K::ContentShared), window.weekStartMs, toKey(K::Note) } },
    };
    for (const auto& read : reads) {
        if (Status status = readRows(database, read.statement, read.values, rows); !status)
            return Error { status.error() };
    }

    // By contact, then time, then the order logged; an entry read twice counts once.
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.entry.contactId != b.entry.contactId)
            return a.entry.contactId < b.entry.contactId;
        return a.entry.atMs != b.entry.atMs ? a.entry.atMs < b.entry.atMs : a.id < b.id;
    });
    snapshot.m_entries.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i > 0 && rows[i].id == rows[i - 1].id)
            continue;
        snapshot.m_entries.append(rows[i].entry);
    }
    return snapshot;
}

} // namespace rapport
