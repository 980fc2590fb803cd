#include "core/cadence/Limits.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Limits", text);
}

constexpr qint64 kDayMs = qint64(24) * 60 * 60 * 1000;

// The most requests in any 7-day window (a half-open [start, start + 7 days)) that also holds `at`,
// counting the proposed one.
int busiestWeekAround(QList<qint64> sent, qint64 at)
{
    sent.append(at);
    std::sort(sent.begin(), sent.end());
    int busiest = 0;
    // A busiest window can always be made to start at one of the requests in it.
    for (qsizetype first = 0; first < sent.size(); ++first) {
        const qint64 start = sent[first];
        if (start > at || start + 7 * kDayMs <= at)
            continue;
        const auto end = std::lower_bound(sent.begin() + first, sent.end(), start + 7 * kDayMs);
        busiest = std::max(busiest, int(end - (sent.begin() + first)));
    }
    return busiest;
}

} // namespace

QList<LimitBreach> checkNewRequest(const Limits& limits, const QList<Interaction>& log, qint64 contactId,
                                   const QDateTime& at, const QTimeZone& zone)
{
    QList<LimitBreach> breaches;
    const qint64 atMs = at.toMSecsSinceEpoch();
    const QDate day = at.toTimeZone(zone).date();
    QList<qint64> nearby;
    int sameDay = 0;
    QDateTime lastAnswerAt;
    InteractionKind lastAnswer = InteractionKind::RequestSent;
    for (const Interaction& entry : log) {
        const qint64 ms = entry.occurredAt.toMSecsSinceEpoch();
        if (entry.kind == InteractionKind::RequestSent) {
            if (std::abs(ms - atMs) < 7 * kDayMs)
                nearby.append(ms);
            if (std::abs(ms - atMs) < 2 * kDayMs && entry.occurredAt.toTimeZone(zone).date() == day)
                ++sameDay;
        }
        const bool answer
            = entry.kind == InteractionKind::RequestDeclined || entry.kind == InteractionKind::RequestWithdrawn;
        if (answer && entry.contactId == contactId && entry.occurredAt <= at
            && (!lastAnswerAt.isValid() || entry.occurredAt >= lastAnswerAt)) {
            lastAnswerAt = entry.occurredAt;
            lastAnswer = entry.kind;
        }
    }

    const QLocale locale;
    if (sameDay + 1 > limits.requestsPerDay) {
        breaches.append({ LimitKind::RequestsPerDay,
                          tr("%1 would be request %2 on %3: the limit is %4 a day.")
                              .arg(locale.toString(at.toTimeZone(zone).time(), QLocale::ShortFormat))
                              .arg(sameDay + 1)
                              .arg(locale.toString(day, QLocale::ShortFormat))
                              .arg(limits.requestsPerDay) });
    }
    if (const int busiest = busiestWeekAround(nearby, atMs); busiest > limits.requestsPer7Days) {
        breaches.append({ LimitKind::RequestsPer7Days,
                          tr("That would make %1 requests within 7 days: the limit is %2 in any 7 days.")
                              .arg(busiest)
                              .arg(limits.requestsPer7Days) });
    }
    if (lastAnswerAt.isValid()) {
        const bool declined = lastAnswer == InteractionKind::RequestDeclined;
        const int wait = declined ? limits.reRequestAfterDeclineDays : limits.reRequestAfterWithdrawalDays;
        const QDate answeredOn = lastAnswerAt.toTimeZone(zone).date();
        if (answeredOn.daysTo(day) < wait) {
            const QString allowedOn = locale.toString(answeredOn.addDays(wait), QLocale::ShortFormat);
            breaches.append(
                declined ? LimitBreach { LimitKind::DeclinedRecently,
                                         tr("They declined on %1: ask again after %2 days, from %3.")
                                             .arg(locale.toString(answeredOn, QLocale::ShortFormat))
                                             .arg(wait)
                                             .arg(allowedOn) }
                         : LimitBreach {
                             LimitKind::WithdrawnRecently,
                             tr("The request was withdrawn on %1: LinkedIn allows a new one after %2 days, from %3.")
                                 .arg(locale.toString(answeredOn, QLocale::ShortFormat))
                                 .arg(wait)
                                 .arg(allowedOn) });
        }
    }
    return breaches;
}

} // namespace rapport
