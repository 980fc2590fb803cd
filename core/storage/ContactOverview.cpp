#include "core/storage/ContactOverview.h"

#include "core/cadence/WeekPlan.h"
#include "core/domain/StageResolver.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/KeepInTouchDates.h"
#include "core/storage/SqlUtil.h"

namespace rapport {

Result<ContactOverview> ContactOverview::load(Database& database, const QDateTime& now)
{
    ContactOverview overview;
    auto contacts = ContactRepository(database).all();
    if (!contacts)
        return Error { contacts.error() };
    overview.contacts = std::move(*contacts);
    overview.facts.reserve(overview.contacts.size());
    for (const Contact& contact : std::as_const(overview.contacts))
        overview.facts.insert(contact.id, {});

    auto stages = InteractionRepository(database).stages(now, StageResolver::kDefaultNoResponseDays);
    if (!stages)
        return Error { stages.error() };
    for (auto it = stages->cbegin(); it != stages->cend(); ++it)
        overview.facts[it.key()].stage = it.value();

    auto last = sql::exec(database.connection(),
                          QStringLiteral("SELECT contact_id, MAX(occurred_at) FROM interactions GROUP BY contact_id"));
    if (!last)
        return Error { last.error() };
    while (last->next()) {
        overview.facts[last->value(0).toLongLong()].lastInteraction
            = QDateTime::fromMSecsSinceEpoch(last->value(1).toLongLong(), Qt::UTC);
    }

    auto keepInTouch = KeepInTouchDates::load(database);
    if (!keepInTouch)
        return Error { keepInTouch.error() };
    for (auto it = keepInTouch->cbegin(); it != keepInTouch->cend(); ++it) {
        ContactFacts& facts = overview.facts[it.key()];
        facts.keepInTouchDays = it->days;
        facts.nextKeepInTouch = it->next;
    }
    return overview;
}

QHash<qint64, NextAction> ContactOverview::nextActions(const WeekPlan& plan)
{
    QHash<qint64, NextAction> next;
    for (const PlanAction& action : plan.actions) {
        // Actions come oldest day first: the first one still to do is the next.
        if (action.state != PlanActionState::Done && !next.contains(action.contactId))
            next.insert(action.contactId, { action.date, displayName(action.kind) });
    }
    return next;
}

Result<ContactFacts> ContactOverview::factsOf(Database& database, qint64 contactId, const QDateTime& now)
{
    auto log = InteractionRepository(database).forContact(contactId);
    if (!log)
        return Error { log.error() };
    ContactFacts facts;
    facts.stage = StageResolver::resolve(*log, now);
    for (const Interaction& entry : std::as_const(*log)) {
        if (!facts.lastInteraction.isValid() || entry.occurredAt > facts.lastInteraction)
            facts.lastInteraction = entry.occurredAt;
    }
    auto keepInTouch = KeepInTouchDates::of(database, contactId);
    if (!keepInTouch)
        return Error { keepInTouch.error() };
    if (*keepInTouch) {
        facts.keepInTouchDays = (*keepInTouch)->days;
        facts.nextKeepInTouch = (*keepInTouch)->next;
    }
    return facts;
}

} // namespace rapport
