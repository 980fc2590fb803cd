#pragma once

#include <QDate>
#include <QTimeZone>

#include <vector>

namespace rapport {

// Maps UTC milliseconds to the calendar date in a time zone, fast enough for every entry of a large
// log: the zone's offset changes are looked up once for the span of the data, then each date is a
// binary search and a division instead of a QDateTime conversion through the system's zone rules.
class LocalDayMapper
{
public:
    // Exact for times in [fromMs, toMs]; outside it the nearest known offset applies.
    LocalDayMapper(const QTimeZone& zone, qint64 fromMs, qint64 toMs);

    // The Julian day number (QDate::toJulianDay) of the local date at `msSinceEpoch`.
    qint64 dayOf(qint64 msSinceEpoch) const;
    QDate dateOf(qint64 msSinceEpoch) const { return QDate::fromJulianDay(dayOf(msSinceEpoch)); }

private:
    struct Offset
    {
        qint64 fromMs; // this offset applies from here until the next entry's fromMs
        qint64 offsetMs;
    };
    std::vector<Offset> m_offsets; // sorted by fromMs, never empty
};

} // namespace rapport
