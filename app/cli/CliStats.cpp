// `rapport-cli stats`: the acceptance statistics of the Insights place, as text or JSON.
#include "app/cli/Cli.h"

#include "core/cadence/CadenceSettings.h"

#include "core/stats/AcceptanceStats.h"
#include "core/stats/HealthVerdict.h"
#include "core/stats/ReportJson.h"
#include "core/stats/StatsSnapshot.h"
#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

QString percent(const QLocale& locale, std::optional<double> value)
{
    return value ? locale.toString(*value * 100, 'f', 0) + u'%' : QStringLiteral("-");
}

QString intervalText(const QLocale& locale, const RateCount& counts)
{
    const auto interval = counts.interval();
    if (!interval)
        return QStringLiteral("-");
    return percent(locale, interval->low) + QStringLiteral("–") + percent(locale, interval->high);
}

} // namespace

int Cli::stats(const QStringList&)
{
    const QString byKey
        = m_parser.isSet(QStringLiteral("by")) ? m_parser.value(QStringLiteral("by")) : QStringLiteral("week");
    const auto grouping = groupingFromKey(byKey);
    if (!grouping)
        return fail(tr("--by \"%1\" is not one of: %2").arg(byKey, groupingKeys()));

    // The dates were checked with the other options' values (Cli::badOptionValue).
    QDate dates[3];
    const char* names[3] = { "from", "to", "today" };
    for (int i = 0; i < 3; ++i) {
        const QString name = QString::fromLatin1(names[i]);
        if (m_parser.isSet(name))
            dates[i] = parseDay(m_parser.value(name));
    }
    const QDate today = dates[2].isValid() ? dates[2] : QDate::currentDate();
    const DateRange period { dates[0], dates[1].isValid() ? dates[1] : today };
    if (period.from.isValid() && period.from > period.to)
        return fail(
            tr("--from %1 is after --to %2").arg(period.from.toString(Qt::ISODate), period.to.toString(Qt::ISODate)));

    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    auto snapshot = StatsSnapshot::load(**database);
    if (!snapshot)
        return fail(snapshot.error());
    auto limits = CadenceSettings(**database).limits();
    if (!limits)
        return fail(limits.error());
    const QLocale locale;
    const AcceptanceReport report = AcceptanceStats::compute(*snapshot, period, today, limits->noResponseDays,
                                                             { locale.firstDayOfWeek(), QTimeZone::systemTimeZone() });

    if (m_parser.isSet(QStringLiteral("json"))) {
        m_out << QString::fromUtf8(QJsonDocument(Json::fromAcceptanceReport(report, *grouping)).toJson());
        return Ok;
    }

    if (report.overall.sent() == 0) {
        m_out << tr("No connection requests in this period. Log the requests you send with "
                    "\"log CONTACT_ID request_sent\" and their answers with request_accepted or request_declined.")
              << '\n';
        return Ok;
    }
    const RateCount& overall = report.overall;
    m_out << tr("Acceptance rate %1 to %2: %3 (%4 of %5 answered; %6 open; 95% interval %7)")
                 .arg(locale.toString(report.from, QLocale::ShortFormat),
                      locale.toString(report.to, QLocale::ShortFormat), percent(locale, overall.rate()),
                      locale.toString(overall.accepted), locale.toString(overall.decided()),
                      locale.toString(overall.open), intervalText(locale, overall))
          << '\n';
    const HealthVerdict verdict = HealthVerdict::of(overall);
    m_out << verdict.summary << '\n';
    for (const QString& suggestion : verdict.suggestions)
        m_out << QStringLiteral("  - ") << suggestion << '\n';
    const auto median = report.medianDaysToAccept();
    m_out << tr("Median days to accept: %1").arg(median ? locale.toString(*median) : QStringLiteral("-")) << '\n';
    m_out << tr("Funnel: %1 sent, %2 accepted, %3 followed up with content, %4 replied")
                 .arg(locale.toString(report.funnel.sent), locale.toString(report.funnel.accepted),
                      locale.toString(report.funnel.followedUp), locale.toString(report.funnel.replied))
          << "\n\n";

    QStringList header { toKey(*grouping).toUpper(), tr("SENT"), tr("ACCEPTED"), tr("ANSWERED"), tr("OPEN"), tr("RATE"),
                         tr("95% INTERVAL") };
    if (*grouping == Grouping::Week)
        header.append(tr("4-WEEK RATE"));
    QList<QStringList> rows { header };
    for (const RateGroup& group : report.groups(*grouping)) {
        const RateCount& counts = group.counts;
        QStringList row { group.key,
                          locale.toString(counts.sent()),
                          locale.toString(counts.accepted),
                          locale.toString(counts.decided()),
                          locale.toString(counts.open),
                          percent(locale, counts.rate()),
                          intervalText(locale, counts) };
        if (counts.decided() > 0 && counts.tooFewToTell())
            row[5] += u'*';
        if (*grouping == Grouping::Week)
            row.append(percent(locale, group.rolling.rate()));
        rows.append(row);
    }
    printTable(m_out, rows);
    if (std::any_of(rows.cbegin() + 1, rows.cend(), [](const QStringList& row) { return row[5].endsWith(u'*'); }))
        m_out << '\n'
              << tr("* too few answered requests to tell (fewer than %1)").arg(RateCount::kTooFewToTell) << '\n';
    return Ok;
}

} // namespace rapport
