#pragma once

#include "core/stats/RateCount.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace rapport {

// How requests are grouped into cohorts (domain: Acceptance rate).
enum class Grouping
{
    Week, // the week the request was sent in
    Month,
    Template, // the template its note was written from
    Source, // how we know the contact
    Personalized, // sent with a note or not
};

QString toKey(Grouping grouping); // "week"
std::optional<Grouping> groupingFromKey(QStringView key);
QString groupingKeys(); // "week, month, template, source, personalized"

// One cohort and its outcomes.
struct RateGroup
{
    // Weeks: the ISO date of their first day ("2026-03-02"); months: "2026-03"; templates: the name,
    // "none" without one; sources: how we know them, "unknown" when not said; "personalized" or
    // "not_personalized".
    QString key;
    QDate start; // the first day of a week or month; invalid for the other groupings
    RateCount counts;
    // Weeks only: this week and the three before it together, so that a weekly point means something
    // at four requests a week. Weeks before the period count toward it; a gap just adds nothing.
    RateCount rolling;
};

// Where the requests of a period got to, each step a subset of the one before: sent, accepted,
// then content shared after the acceptance, then a message received after that content.
struct Funnel
{
    int sent = 0;
    int accepted = 0;
    int followedUp = 0;
    int replied = 0;
};

// Everything the Insights place and `rapport-cli stats` show for one period.
struct AcceptanceReport
{
    // The period's days, both included: `from` is the first request's day when the period had no
    // start. Invalid when there were no requests and no start.
    QDate from;
    QDate to;

    RateCount overall;
    QList<RateGroup> weeks; // every week the period touches, the empty ones too, oldest first
    QList<RateGroup> months; // likewise
    // Sorted by rate, best first; groups with too few decided requests to tell come last.
    QList<RateGroup> templates;
    QList<RateGroup> sources;
    QList<RateGroup> personalization; // "personalized" first
    Funnel funnel;
    // daysToAccept[d]: the accepted requests answered d days after they were sent (local dates).
    QList<int> daysToAccept;

    std::optional<double> medianDaysToAccept() const;
    const QList<RateGroup>& groups(Grouping grouping) const;
};

} // namespace rapport
