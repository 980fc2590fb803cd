#include "core/stats/ReportJson.h"

#include "core/stats/HealthVerdict.h"

#include <QJsonArray>

namespace rapport::Json {

namespace {

QJsonValue dateOrNull(QDate date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject fromRateCount(const RateCount& counts)
{
    QJsonObject object {
        { QStringLiteral("sent"), counts.sent() },        { QStringLiteral("accepted"), counts.accepted },
        { QStringLiteral("decided"), counts.decided() },  { QStringLiteral("open"), counts.open },
        { QStringLiteral("declined"), counts.declined },  { QStringLiteral("withdrawn"), counts.withdrawn },
        { QStringLiteral("no_answer"), counts.noAnswer },
    };
    const auto rate = counts.rate();
    const auto interval = counts.interval();
    object.insert(QStringLiteral("rate"), rate ? QJsonValue(*rate) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("ci_low"), interval ? QJsonValue(interval->low) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("ci_high"), interval ? QJsonValue(interval->high) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("too_few_to_tell"), counts.tooFewToTell());
    return object;
}

QJsonObject fromAcceptanceReport(const AcceptanceReport& report, Grouping grouping)
{
    QJsonObject overall = fromRateCount(report.overall);
    const HealthVerdict verdict = HealthVerdict::of(report.overall);
    overall.insert(QStringLiteral("verdict"), toKey(verdict.level));
    overall.insert(QStringLiteral("summary"), verdict.summary);
    overall.insert(QStringLiteral("suggestions"), QJsonArray::fromStringList(verdict.suggestions));

    QJsonArray groups;
    for (const RateGroup& group : report.groups(grouping)) {
        QJsonObject object = fromRateCount(group.counts);
        object.insert(QStringLiteral("key"), group.key);
        if (grouping == Grouping::Week)
            object.insert(QStringLiteral("rolling"), fromRateCount(group.rolling));
        groups.append(object);
    }

    QJsonArray daysToAccept;
    for (int count : report.daysToAccept)
        daysToAccept.append(count);
    const auto median = report.medianDaysToAccept();
    return {
        { QStringLiteral("from"), dateOrNull(report.from) },
        { QStringLiteral("to"), dateOrNull(report.to) },
        { QStringLiteral("by"), toKey(grouping) },
        { QStringLiteral("overall"), overall },
        { QStringLiteral("groups"), groups },
        { QStringLiteral("funnel"),
          QJsonObject {
              { QStringLiteral("sent"), report.funnel.sent },
              { QStringLiteral("accepted"), report.funnel.accepted },
              { QStringLiteral("followed_up"), report.funnel.followedUp },
              { QStringLiteral("replied"), report.funnel.replied },
          } },
        { QStringLiteral("median_days_to_accept"), median ? QJsonValue(*median) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("days_to_accept"), daysToAccept },
    };
}

} // namespace rapport::Json
