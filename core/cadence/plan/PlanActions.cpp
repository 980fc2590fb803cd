#include "core/cadence/plan/PlanActions.h"

#include "core/templates/TemplateRenderer.h"

#include <algorithm>
#include <functional>

namespace rapport::plan {

int personalizationContext(const Contact& contact)
{
    int filled = 0;
    for (const QString* field :
         { &contact.howWeKnow, &contact.event, &contact.mutualConnection, &contact.school, &contact.topic }) {
        if (!field->isEmpty())
            ++filled;
    }
    return filled;
}

bool staticPriority(const Contact& a, const Contact& b)
{
    if (a.starred != b.starred)
        return a.starred;
    if (const int x = personalizationContext(a), y = personalizationContext(b); x != y)
        return x > y;
    if (a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    return a.id < b.id;
}

QString ago(qint64 days)
{
    if (days <= 0)
        return tr("today");
    if (days == 1)
        return tr("yesterday");
    // "2479 days ago" reads as a number to work out: past three months, months; past two years, years.
    if (days >= 730)
        return tr("%1 years ago").arg(days / 365);
    if (days > 90)
        return tr("%1 months ago").arg(days / 30);
    return tr("%1 days ago").arg(days);
}

PlanAction newAction(PlanActionKind kind, const Contact& contact, const QString& reason)
{
    PlanAction action;
    action.kind = kind;
    action.contactId = contact.id;
    action.contactName = contact.fullName();
    action.reason = reason;
    return action;
}

PlanAction doneAction(PlanActionKind kind, const Contact& contact, qint64 atMs, const QString& reason,
                      const PlanCalendar& calendar)
{
    PlanAction action = newAction(kind, contact, reason);
    action.date = calendar.dateOf(atMs);
    action.state = PlanActionState::Done;
    return action;
}

void placeDue(PlanAction& action, const QDate& due, const PlanCalendar& calendar)
{
    action.date = std::max(due, calendar.firstOpen());
    const bool earlierThisWeek = due >= calendar.weekStart() && due < calendar.today();
    action.state = earlierThisWeek ? PlanActionState::Overdue : PlanActionState::Planned;
}

void suggestTemplate(PlanAction& action, const QList<Template>& templates, TemplateKind kind, const Contact& contact,
                     qsizetype maxLength)
{
    static const TemplateRenderer renderer;
    const auto fits = [&](const Template& candidate) {
        if (candidate.kind != kind)
            return false;
        const RenderedNote note = renderer.render(candidate.body, contact);
        const bool filled = std::all_of(note.problems.cbegin(), note.problems.cend(),
                                        [](const PlaceholderProblem& problem) { return problem.name == u"my_name"; });
        return filled && (maxLength < 0 || note.length() <= maxLength);
    };
    // A note written for how we know them first (alumni get the alumni note), then one for anyone, then any.
    const auto writtenFor = [&](const Template& candidate) {
        return !contact.howWeKnow.isEmpty() && candidate.forHowWeKnow.contains(contact.howWeKnow);
    };
    const auto forAnyone = [](const Template& candidate) { return candidate.forHowWeKnow.isEmpty(); };
    const auto anyTemplate = [](const Template&) { return true; };
    for (const auto& tier :
         { std::function<bool(const Template&)>(writtenFor), std::function<bool(const Template&)>(forAnyone),
           std::function<bool(const Template&)>(anyTemplate) }) {
        for (const Template& candidate : templates) {
            if (tier(candidate) && fits(candidate)) {
                action.templateId = candidate.id;
                action.templateName = candidate.name;
                return;
            }
        }
    }
}

} // namespace rapport::plan
