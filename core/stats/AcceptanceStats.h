#pragma once

#include "core/domain/StageResolver.h"
#include "core/stats/AcceptanceReport.h"
#include "core/stats/StatsPeriod.h"

#include <QTimeZone>

namespace rapport {

class StatsSnapshot;

// The acceptance statistics (domain: Acceptance rate), a pure function of a snapshot, a period, today
// and the no-response timeout, computed in one pass over the snapshot.
//
// A request's outcome is its first answer (accepted, declined, withdrawn) logged before the contact's
// next request; without one it is "no answer" once `noResponseDays` days have passed since the day it
// was sent, else open. An answer that comes after the timeout still counts: the request is accepted.
// Entries dated after `today` have not happened yet. Days are calendar days in the calendar's zone.
class AcceptanceStats
{
public:
    struct Calendar
    {
        Qt::DayOfWeek firstDayOfWeek = Qt::Monday;
        QTimeZone zone = QTimeZone::systemTimeZone();
    };

    // Requests count in the cohorts of the period they were sent in; their outcome is as of today.
    static AcceptanceReport compute(const StatsSnapshot& snapshot, const DateRange& period, QDate today,
                                    int noResponseDays, const Calendar& calendar);
    // In the system's time zone, weeks starting on Monday.
    static AcceptanceReport compute(const StatsSnapshot& snapshot, const DateRange& period, QDate today,
                                    int noResponseDays = StageResolver::kDefaultNoResponseDays);
};

} // namespace rapport
