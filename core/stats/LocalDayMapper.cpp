#include "core/stats/LocalDayMapper.h"

#include <QDateTime>

#include <algorithm>
#include <limits>

namespace rapport {

namespace {

constexpr qint64 kMsPerDay = 24 * 60 * 60 * 1000;
constexpr qint64 kJulianDayOfEpoch = 2440588; // 1970-01-01

qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

} // namespace

LocalDayMapper::LocalDayMapper(const QTimeZone& zone, qint64 fromMs, qint64 toMs)
{
    const qint64 lowest = std::numeric_limits<qint64>::min();
    if (!zone.isValid()) {
        m_offsets.push_back({ lowest, 0 });
        return;
    }
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC);
    m_offsets.push_back({ lowest, qint64(zone.offsetFromUtc(from)) * 1000 });
    if (!zone.hasTransitions() || toMs <= fromMs)
        return;
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC);
    for (const QTimeZone::OffsetData& change : zone.transitions(from, to))
        m_offsets.push_back({ change.atUtc.toMSecsSinceEpoch(), qint64(change.offsetFromUtc) * 1000 });
}

qint64 LocalDayMapper::dayOf(qint64 msSinceEpoch) const
{
    // The last offset that starts at or before the time; the first entry starts at the lowest value.
    const auto after = std::upper_bound(m_offsets.begin(), m_offsets.end(), msSinceEpoch,
                                        [](qint64 ms, const Offset& offset) { return ms < offset.fromMs; });
    const qint64 local = msSinceEpoch + std::prev(after)->offsetMs;
    return floorDiv(local, kMsPerDay) + kJulianDayOfEpoch;
}

} // namespace rapport
