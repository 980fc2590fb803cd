#include "core/cadence/WeekPlanner.h"

#include "core/cadence/plan/PlanCalendar.h"
#include "core/cadence/plan/PlanParts.h"
#include "core/domain/KeepInTouch.h"

namespace rapport {

WeekPlanner::WeekPlanner(CadenceRule rule, Limits limits, AccountType account, QLocale locale, QTimeZone zone)
    : m_rule(rule)
    , m_limits(limits)
    , m_account(account)
    , m_locale(std::move(locale))
    , m_zone(std::move(zone))
{
}

QDate WeekPlanner::weekStart(const QDate& day, const QLocale& locale)
{
    return PlanCalendar::weekStart(day, locale);
}

PlanSnapshot::Window WeekPlanner::window(const QDate& anyDayOfWeek, const QDate& today) const
{
    const PlanCalendar calendar(anyDayOfWeek, today, m_locale, m_zone);
    const QDate asOf = calendar.asOf();
    PlanSnapshot::Window window;
    window.weekStart = calendar.weekStart();
    window.weekStartMs = calendar.weekStartMs();
    window.weekEndMs = calendar.weekEndMs();
    // Requests: the rolling 7-day cap reaches 6 days back, a Basic account's notes to the month's start, and a
    // pending request is engaged with until it times out.
    const QDate firstMonth(calendar.firstOpen().year(), calendar.firstOpen().month(), 1);
    window.requestsFromMs = calendar.startOf(std::min({ calendar.weekStart().addDays(-PlanCalendar::kWeekIndex),
                                                        firstMonth, asOf.addDays(-m_limits.noResponseDays - 1) }));
    window.acceptedFromMs = calendar.startOf(asOf.addDays(-m_limits.followUpWindowDays - 1));
    window.receivedFromMs = calendar.startOf(asOf.addDays(-m_limits.replyWindowDays - 1));
    window.retryBeforeMs = calendar.startOf(asOf.addDays(1 - m_limits.reRequestAfterDeclineDays));
    window.metFromMs = calendar.startOf(asOf.addDays(-8));
    window.engagedFromMs = calendar.startOf(calendar.weekEnd().addDays(-8));
    window.requestsPerWeek = m_rule.requestsPerWeek;
    return window;
}

WeekPlan WeekPlanner::plan(const PlanSnapshot& snapshot, const QDate& anyDayOfWeek, const QDate& today) const
{
    const PlanCalendar calendar(anyDayOfWeek, today, m_locale, m_zone);
    WeekPlan plan;
    plan.weekStart = calendar.weekStart();
    plan.today = today;
    plan.rule = m_rule;

    // Each contact's history, folded once for every part.
    const QList<PlanSnapshot::Entry>& log = snapshot.entries();
    const auto tagDays = [&snapshot](const QString& tag) { return snapshot.tagCadences().value(tag.toLower()); };
    QList<plan::PlanContact> contacts;
    contacts.reserve(snapshot.contacts().size());
    qsizetype next = 0;
    for (const Contact& contact : snapshot.contacts()) {
        while (next < log.size() && log[next].contactId < contact.id)
            ++next;
        const qsizetype begin = next;
        while (next < log.size() && log[next].contactId == contact.id)
            ++next;
        contacts.append({ &contact,
                          ContactHistory::fold(std::span(log.constData() + begin, next - begin), calendar, m_limits),
                          keep_in_touch::effective(contact.keepInTouchDays, contact.tags, tagDays) });
    }

    const plan::Adjustments adjustments(snapshot.adjustments(), calendar.weekStart());
    const QList<Template> templates = plan::orderedByAnswers(snapshot.templates(), snapshot.templateAnswers());
    const plan::PlanContext context { calendar, m_rule, m_limits, m_account, templates, adjustments };
    plan::planRequests(context, contacts, plan);
    plan::planFollowUps(context, contacts, plan);
    plan::planReplies(context, contacts, plan);
    plan::planCheckIns(context, contacts, plan);
    plan::planEngagements(context, contacts, plan);
    plan::finish(plan);
    return plan;
}

} // namespace rapport
