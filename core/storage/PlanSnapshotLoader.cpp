#include "core/storage/PlanSnapshotLoader.h"

#include "core/domain/HowWeKnow.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/PlanAdjustmentRepository.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TagCadenceRepository.h"
#include "core/storage/TemplateRepository.h"

#include <QSet>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

namespace rapport {

namespace {

// The planner's order of prospects (starred, then the most personalization context, then the oldest
// added), spelled as the contacts_priority index (migration 8) spells it, so that a walk reads the index.
const QString kPriority = QStringLiteral(
    "c.starred DESC, ((c.how_we_know <> '') + (c.event <> '') + (c.mutual_connection <> '') + (c.school <> '') "
    "+ (c.topic <> '')) DESC, c.created_at, c.id");

// No request event yet: one probe of the partial index interactions_request_events (migration 8), whose
// WHERE clause the query must repeat word for word for SQLite to use it.
const QString kNeverAsked = QStringLiteral(
    "NOT EXISTS (SELECT 1 FROM interactions r INDEXED BY interactions_request_events WHERE r.contact_id = c.id "
    "AND r.kind IN ('request_sent', 'request_accepted', 'request_declined', 'request_withdrawn'))");

// Keys of how we know each other, quoted for an IN list: constants of the code, not values.
QString quotedKeys(std::initializer_list<HowWeKnow> values)
{
    QStringList keys;
    for (HowWeKnow value : values)
        keys.append(u'\'' + toKey(value) + u'\'');
    return keys.join(QStringLiteral(", "));
}

// The ConnectAdvisor's "follow first" (but for "met only today", which the met-recently read covers).
QString followFirst()
{
    using H = HowWeKnow;
    return QStringLiteral("(c.stay_anonymous = 1 OR (c.high_profile = 1 AND c.how_we_know NOT IN (%1)) "
                          "OR (c.little_in_common = 1 AND c.how_we_know NOT IN (%2)))")
        .arg(quotedKeys({ H::WorkedTogether, H::StudiedTogether, H::Introduced }),
             quotedKeys({ H::WorkedTogether, H::StudiedTogether, H::Introduced, H::MetAtEvent, H::BusinessInterest,
                          H::Interview }));
}

// A "little in common" prospect followed and engaged with twice, 14 days apart: ready to be asked.
const QString kWarmedUp
    = QStringLiteral("(c.little_in_common = 1 AND c.high_profile = 0 AND c.stay_anonymous = 0 "
                     "AND EXISTS (SELECT 1 FROM interactions f WHERE f.kind = 'followed' AND f.contact_id = c.id) "
                     "AND (SELECT MAX(e.occurred_at) - MIN(e.occurred_at) FROM interactions e WHERE e.kind = 'engaged' "
                     "AND e.contact_id = c.id) >= 1209600000)");

Status collect(Database& database, const QString& statement, const QVariantList& values, QSet<qint64>& ids)
{
    auto query = sql::exec(database.connection(), statement, values);
    if (!query)
        return Error { query.error() };
    while (query->next())
        ids.insert(query->value(0).toLongLong());
    return success();
}

Result<int> count(Database& database, const QString& statement, const QVariantList& values)
{
    auto query = sql::exec(database.connection(), statement, values);
    if (!query)
        return Error { query.error() };
    return query->next() ? query->value(0).toInt() : 0;
}

struct Row
{
    qint64 id;
    PlanSnapshot::Entry entry;
};

// How the requests written from each template were answered: the first request event after each (an answer at
// the same instant comes after its request in the log), as PlanSnapshot counts them from a whole log.
Result<QHash<QString, PlanSnapshot::TemplateAnswers>> templateAnswers(Database& database)
{
    auto query = sql::exec(
        database.connection(),
        QStringLiteral(
            "SELECT template, SUM(next = 'request_accepted'), SUM(next IN ('request_accepted', 'request_declined', "
            "'request_withdrawn')) FROM (SELECT s.template AS template, (SELECT a.kind FROM interactions a "
            "WHERE a.contact_id = s.contact_id AND a.kind IN ('request_sent', 'request_accepted', "
            "'request_declined', 'request_withdrawn') AND (a.occurred_at > s.occurred_at OR (a.occurred_at = "
            "s.occurred_at AND a.id > s.id)) ORDER BY a.occurred_at, a.id LIMIT 1) AS next FROM interactions s "
            "WHERE s.kind = 'request_sent' AND s.template <> '') GROUP BY template"));
    if (!query)
        return Error { query.error() };
    QHash<QString, PlanSnapshot::TemplateAnswers> answers;
    while (query->next()) {
        if (const int answered = query->value(2).toInt(); answered > 0)
            answers.insert(query->value(0).toString(), { query->value(1).toInt(), answered });
    }
    return answers;
}

} // namespace

Result<PlanSnapshot> PlanSnapshotLoader::whole(Database& database)
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

Result<PlanSnapshot> PlanSnapshotLoader::forWeek(Database& database, const PlanSnapshot::Window& window)
{
    auto templates = TemplateRepository(database).all();
    if (!templates)
        return Error { templates.error() };
    auto adjustments = PlanAdjustmentRepository(database).forWeek(window.weekStart);
    if (!adjustments)
        return Error { adjustments.error() };
    auto tagCadences = TagCadenceRepository(database).all();
    if (!tagCadences)
        return Error { tagCadences.error() };

    // How many prospects the week can take: the rule's requests, and one more for each action the user
    // skipped or moved (a skipped prospect leaves its place to the next). Follow-first prospects engaged with
    // in the last week wait, so as many more of those.
    auto engagedRecently = count(
        database, QStringLiteral("SELECT count(*) FROM interactions WHERE kind = 'engaged' AND occurred_at >= ?"),
        { window.engagedFromMs });
    if (!engagedRecently)
        return Error { engagedRecently.error() };
    const int prospects = window.requestsPerWeek + int(adjustments->size());
    const int followFirstProspects = prospects + *engagedRecently;

    QSet<qint64> ids;
    const struct
    {
        QString statement;
        QVariantList values;
    } reads[] = {
        // The prospects to ask, in order.
        { // sql: identifiers only (constant conditions and order)
          QStringLiteral("SELECT c.id FROM contacts c WHERE %1 AND (NOT %2 OR %3) ORDER BY %4 LIMIT ?")
              .arg(kNeverAsked, followFirst(), kWarmedUp, kPriority),
          { prospects } },
        // Those to follow first, in the same order, through the partial index of the few with an advisor's flag.
        { // sql: identifiers only (constant conditions and order)
          QStringLiteral("SELECT c.id FROM contacts c WHERE (c.stay_anonymous = 1 OR c.high_profile = 1 OR "
                         "c.little_in_common = 1) AND %1 AND %2 ORDER BY %3 LIMIT ?")
              .arg(kNeverAsked, followFirst(), kPriority),
          { followFirstProspects } },
        // Asked once, with no answer or a decline, long enough ago to ask again, in the same order.
        { // sql: identifiers only (constant order)
          QStringLiteral(
              "SELECT c.id FROM contacts c JOIN (SELECT contact_id FROM interactions WHERE kind = 'request_sent' "
              "GROUP BY contact_id HAVING count(*) = 1 AND MAX(occurred_at) < ?) once ON once.contact_id = c.id "
              "WHERE NOT EXISTS (SELECT 1 FROM interactions a WHERE a.contact_id = c.id AND a.kind IN "
              "('request_accepted', 'request_withdrawn')) AND NOT EXISTS (SELECT 1 FROM interactions d WHERE "
              "d.contact_id = c.id AND d.kind = 'request_declined' AND d.occurred_at >= ?) ORDER BY %1 LIMIT ?")
              .arg(kPriority),
          { window.retryBeforeMs, window.retryBeforeMs, prospects } },
        // Met lately: "send the request within the same week" puts them right after the starred.
        { QStringLiteral("SELECT contact_id FROM interactions WHERE kind = 'met' AND occurred_at >= ?"),
          { window.metFromMs } },
        // Requests since the window's start: the caps, a Basic account's notes, pending requests.
        { QStringLiteral("SELECT contact_id FROM interactions WHERE kind = 'request_sent' AND occurred_at >= ? AND "
                         "occurred_at < ?"),
          { window.requestsFromMs, window.weekEndMs } },
        // Acceptances in the follow-up window.
        { QStringLiteral("SELECT contact_id FROM interactions WHERE kind = 'request_accepted' AND occurred_at >= ? "
                         "AND occurred_at < ?"),
          { window.acceptedFromMs, window.weekEndMs } },
        // Messages received in the reply window.
        { QStringLiteral("SELECT contact_id FROM interactions WHERE kind = 'message_received' AND occurred_at >= ? "
                         "AND occurred_at < ?"),
          { window.receivedFromMs, window.weekEndMs } },
        // Anyone with an entry in the week: what was done. Every kind, so that the (kind, occurred_at) index
        // answers.
        { // sql: identifiers only (the kinds' keys)
          QStringLiteral("SELECT contact_id FROM interactions WHERE kind IN (%1) AND occurred_at >= ? "
                         "AND occurred_at < ?")
              .arg([] {
                  QStringList keys;
                  for (InteractionKind kind : kAllInteractionKinds)
                      keys.append(u'\'' + toKey(kind) + u'\'');
                  return keys.join(QStringLiteral(", "));
              }()),
          { window.weekStartMs, window.weekEndMs } },
        // Keep-in-touch cadences of their own, or a tag's.
        { QStringLiteral("SELECT id FROM contacts WHERE keep_in_touch_days > 0"), {} },
        { QStringLiteral("SELECT id FROM contacts WHERE ? AND tags <> ''"), { tagCadences->isEmpty() ? 0 : 1 } },
    };
    for (const auto& read : reads) {
        if (Status status = collect(database, read.statement, read.values, ids); !status)
            return Error { status.error() };
    }

    QList<qint64> sorted(ids.cbegin(), ids.cend());
    std::sort(sorted.begin(), sorted.end());
    QString idList = QStringLiteral("[");
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        if (i > 0)
            idList.append(u',');
        idList.append(QString::number(sorted[i]));
    }
    idList.append(u']');

    auto contacts = ContactRepository(database).forPlanning(idList);
    if (!contacts)
        return Error { contacts.error() };
    auto query = sql::exec(database.connection(),
                           QStringLiteral("SELECT id, contact_id, occurred_at, kind, text <> '' FROM interactions "
                                          "WHERE contact_id IN (SELECT value FROM json_each(?))"),
                           { idList });
    if (!query)
        return Error { query.error() };
    QList<Row> rows;
    while (query->next()) {
        const auto kind = interactionKindFromKey(query->value(3).toString());
        if (!kind)
            continue; // a kind this version does not know cannot change its plan
        rows.append(
            { query->value(0).toLongLong(),
              { query->value(1).toLongLong(), query->value(2).toLongLong(), *kind, query->value(4).toBool() } });
    }
    // By contact, then time, then the order logged.
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.entry.contactId != b.entry.contactId)
            return a.entry.contactId < b.entry.contactId;
        return a.entry.atMs != b.entry.atMs ? a.entry.atMs < b.entry.atMs : a.id < b.id;
    });
    QList<PlanSnapshot::Entry> entries;
    entries.reserve(rows.size());
    for (const Row& row : std::as_const(rows))
        entries.append(row.entry);
    auto answers = templateAnswers(database);
    if (!answers)
        return Error { answers.error() };
    PlanSnapshot snapshot
        = PlanSnapshot::fromEntries(std::move(contacts).value(), std::move(entries), std::move(templates).value(),
                                    std::move(adjustments).value(), std::move(tagCadences).value());
    snapshot.setTemplateAnswers(std::move(answers).value());
    return snapshot;
}

} // namespace rapport
