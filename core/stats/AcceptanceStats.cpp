#include "core/stats/AcceptanceStats.h"

#include "core/stats/LocalDayMapper.h"
#include "core/stats/StatsSnapshot.h"

#include <QMap>

#include <algorithm>
#include <limits>
#include <vector>

namespace rapport {

namespace {

constexpr int kRollingWeeks = 4;

// A request while its contact's entries are read: what happened to it so far.
struct Request
{
    qint64 sentDay = 0; // Julian day
    int templateIndex = 0;
    bool personalized = false;
    std::optional<InteractionKind> answer;
    qint64 answerDay = 0;
    bool followedUp = false;
    bool replied = false;
};

qint64 monthNumber(QDate date)
{
    return qint64(date.year()) * 12 + date.month() - 1;
}

QDate monthStart(qint64 number)
{
    return QDate(int(number / 12), int(number % 12) + 1, 1);
}

RequestOutcome outcomeOf(const Request& request, qint64 today, int noResponseDays)
{
    if (request.answer) {
        switch (*request.answer) {
        case InteractionKind::RequestAccepted:
            return RequestOutcome::Accepted;
        case InteractionKind::RequestDeclined:
            return RequestOutcome::Declined;
        default:
            return RequestOutcome::Withdrawn;
        }
    }
    return request.sentDay + noResponseDays <= today ? RequestOutcome::NoAnswer : RequestOutcome::Open;
}

// Best rate first; groups too small to tell go last, larger ones first; the key breaks ties.
void sortByRate(QList<RateGroup>& groups)
{
    std::sort(groups.begin(), groups.end(), [](const RateGroup& a, const RateGroup& b) {
        const bool aTells = !a.counts.tooFewToTell();
        const bool bTells = !b.counts.tooFewToTell();
        if (aTells != bTells)
            return aTells;
        if (aTells) {
            // Compare accepted/decided as cross products: exact, no rounding.
            const qint64 left = qint64(a.counts.accepted) * b.counts.decided();
            const qint64 right = qint64(b.counts.accepted) * a.counts.decided();
            if (left != right)
                return left > right;
        }
        if (a.counts.decided() != b.counts.decided())
            return a.counts.decided() > b.counts.decided();
        return a.key < b.key;
    });
}

QList<RateGroup> namedGroups(const std::vector<RateCount>& counts, const auto& nameOf)
{
    // Keyed by name, so that names that read the same ("" and "none") make one group.
    QMap<QString, RateCount> byKey;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i].sent() > 0)
            byKey[nameOf(int(i))] += counts[i];
    }
    QList<RateGroup> groups;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
        groups.append(RateGroup { it.key(), QDate(), it.value(), RateCount() });
    sortByRate(groups);
    return groups;
}

} // namespace

AcceptanceReport AcceptanceStats::compute(const StatsSnapshot& snapshot, const DateRange& period, QDate today,
                                          int noResponseDays)
{
    return compute(snapshot, period, today, noResponseDays, Calendar());
}

AcceptanceReport AcceptanceStats::compute(const StatsSnapshot& snapshot, const DateRange& period, QDate today,
                                          int noResponseDays, const Calendar& calendar)
{
    AcceptanceReport report;
    const std::vector<StatsSnapshot::Entry>& entries = snapshot.entries();
    const LocalDayMapper days(calendar.zone, snapshot.firstMs(), snapshot.lastMs());

    qint64 firstRequestMs = std::numeric_limits<qint64>::max();
    for (const StatsSnapshot::Entry& entry : entries) {
        if (entry.kind == InteractionKind::RequestSent)
            firstRequestMs = std::min(firstRequestMs, entry.atMs);
    }
    const QDate to = period.to.isValid() ? std::min(period.to, today) : today;
    QDate from = period.from;
    if (!from.isValid()) {
        if (firstRequestMs == std::numeric_limits<qint64>::max())
            return report;
        from = days.dateOf(firstRequestMs);
    }
    report.from = from;
    report.to = to;
    if (!to.isValid() || from > to)
        return report;

    // The weeks and months listed start with the first request, not with an empty stretch before it.
    const QDate firstListed
        = firstRequestMs == std::numeric_limits<qint64>::max() ? to : std::clamp(days.dateOf(firstRequestMs), from, to);
    const qint64 fromDay = from.toJulianDay();
    const qint64 toDay = to.toJulianDay();
    const qint64 todayDay = today.toJulianDay();
    const qint64 firstWeekDay = weekStart(firstListed, calendar.firstDayOfWeek).toJulianDay();
    const qint64 lastWeekDay = weekStart(to, calendar.firstDayOfWeek).toJulianDay();
    const int weekCount = int((lastWeekDay - firstWeekDay) / 7) + 1;
    // The rolling rate reaches three weeks back, before the first week listed and even the period.
    const qint64 rollingStartDay = firstWeekDay - 7 * (kRollingWeeks - 1);
    const qint64 firstMonth = monthNumber(firstListed);
    const int monthCount = int(monthNumber(to) - firstMonth) + 1;

    std::vector<RateCount> weeks(weekCount);
    std::vector<RateCount> weeksForRolling(weekCount + kRollingWeeks - 1);
    std::vector<RateCount> months(monthCount);
    std::vector<RateCount> templates(snapshot.templateCount());
    std::vector<RateCount> sources(snapshot.sourceCount());
    RateCount personalized;
    RateCount notPersonalized;
    std::vector<int> daysToAccept;

    auto count = [&](const Request& request, int sourceIndex) {
        const RequestOutcome outcome = outcomeOf(request, todayDay, noResponseDays);
        if (request.sentDay >= rollingStartDay && request.sentDay <= toDay)
            weeksForRolling[(request.sentDay - rollingStartDay) / 7].add(outcome);
        if (request.sentDay < fromDay || request.sentDay > toDay)
            return;
        report.overall.add(outcome);
        weeks[(request.sentDay - firstWeekDay) / 7].add(outcome);
        months[monthNumber(QDate::fromJulianDay(request.sentDay)) - firstMonth].add(outcome);
        templates[request.templateIndex].add(outcome);
        sources[sourceIndex].add(outcome);
        (request.personalized ? personalized : notPersonalized).add(outcome);
        ++report.funnel.sent;
        if (outcome == RequestOutcome::Accepted) {
            ++report.funnel.accepted;
            report.funnel.followedUp += request.followedUp ? 1 : 0;
            report.funnel.replied += request.replied ? 1 : 0;
            const std::size_t waited = std::size_t(std::max<qint64>(0, request.answerDay - request.sentDay));
            if (daysToAccept.size() <= waited)
                daysToAccept.resize(waited + 1);
            ++daysToAccept[waited];
        }
    };

    const std::size_t size = entries.size();
    std::size_t next = 0;
    while (next < size) {
        const qint64 contactId = entries[next].contactId;
        const int sourceIndex = snapshot.sourceIndexOf(contactId);
        std::optional<Request> current;
        for (; next < size && entries[next].contactId == contactId; ++next) {
            const StatsSnapshot::Entry& entry = entries[next];
            const qint64 day = days.dayOf(entry.atMs);
            if (day > todayDay)
                continue;
            switch (entry.kind) {
            case InteractionKind::RequestSent:
                if (current)
                    count(*current, sourceIndex);
                current = Request { day, entry.templateIndex, entry.hasText, std::nullopt, 0, false, false };
                break;
            case InteractionKind::RequestAccepted:
            case InteractionKind::RequestDeclined:
            case InteractionKind::RequestWithdrawn:
                // An answer with no request before it (a connection imported as it was) is no outcome.
                if (current && !current->answer) {
                    current->answer = entry.kind;
                    current->answerDay = day;
                }
                break;
            case InteractionKind::ContentShared:
                if (current && current->answer == InteractionKind::RequestAccepted)
                    current->followedUp = true;
                break;
            case InteractionKind::MessageReceived:
                if (current && current->followedUp)
                    current->replied = true;
                break;
            default:
                break;
            }
        }
        if (current)
            count(*current, sourceIndex);
    }

    for (int week = 0; week < weekCount; ++week) {
        RateGroup group;
        group.start = QDate::fromJulianDay(firstWeekDay + 7 * week);
        group.key = group.start.toString(Qt::ISODate);
        group.counts = weeks[week];
        for (int back = 0; back < kRollingWeeks; ++back)
            group.rolling += weeksForRolling[week + back];
        report.weeks.append(group);
    }
    for (int month = 0; month < monthCount; ++month) {
        RateGroup group;
        group.start = monthStart(firstMonth + month);
        group.key = group.start.toString(QStringLiteral("yyyy-MM"));
        group.counts = months[month];
        report.months.append(group);
    }
    report.templates = namedGroups(templates, [&](int index) {
        const QString name = snapshot.templateName(index);
        return name.isEmpty() ? QStringLiteral("none") : name;
    });
    report.sources = namedGroups(sources, [&](int index) {
        const QString name = snapshot.source(index);
        return name.isEmpty() ? QStringLiteral("unknown") : name;
    });
    report.personalization = {
        RateGroup { QStringLiteral("personalized"), QDate(), personalized, RateCount() },
        RateGroup { QStringLiteral("not_personalized"), QDate(), notPersonalized, RateCount() },
    };
    report.daysToAccept = QList<int>(daysToAccept.begin(), daysToAccept.end());
    return report;
}

} // namespace rapport
