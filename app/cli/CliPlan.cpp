// `rapport-cli plan` and `rapport-cli rule`: the week's plan and the cadence rule, over core/cadence.
#include "app/cli/Cli.h"

#include "core/cadence/CadenceSettings.h"
#include "core/cadence/PlanService.h"
#include "core/cadence/ReminderSchedule.h"
#include "core/io/Json.h"
#include "core/storage/Database.h"
#include "core/storage/KeepInTouchDates.h"

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

QString stateMark(PlanActionState state)
{
    switch (state) {
    case PlanActionState::Done:
        return QStringLiteral("[x]");
    case PlanActionState::Overdue:
        return QStringLiteral("[!]");
    case PlanActionState::Planned:
        break;
    }
    return QStringLiteral("[ ]");
}

QString ruleSummary(const CadenceRule& rule)
{
    return tr("%1: %2 requests, %3 with a personalized note, %4 follow-ups, %5 check-ins a week")
        .arg(toKey(rule.preset))
        .arg(rule.requestsPerWeek)
        .arg(rule.notesPerWeek)
        .arg(rule.followUpsPerWeek)
        .arg(rule.checkInsPerWeek);
}

} // namespace

int Cli::plan(const QStringList&)
{
    // The dates were checked with the other options' values (Cli::badOptionValue).
    const QDate today = m_parser.isSet(QStringLiteral("today")) ? parseDay(m_parser.value(QStringLiteral("today")))
                                                                : QDate::currentDate();
    const QDate week
        = m_parser.isSet(QStringLiteral("week")) ? parseDay(m_parser.value(QStringLiteral("week"))) : today;

    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    const QLocale locale;
    auto plan = PlanService::weekPlan(**database, week, today, locale);
    if (!plan)
        return fail(plan.error());

    if (m_parser.isSet(QStringLiteral("json"))) {
        // The keep-in-touch list's due dates are those contacts list shows.
        QHash<qint64, QDate> dueDates;
        if (!plan->keepInTouch.isEmpty()) {
            auto dates = KeepInTouchDates::load(**database);
            if (!dates)
                return fail(dates.error());
            for (auto it = dates->cbegin(); it != dates->cend(); ++it)
                dueDates.insert(it.key(), it->next);
        }
        m_out << QString::fromUtf8(QJsonDocument(Json::fromWeekPlan(*plan, dueDates)).toJson(QJsonDocument::Indented));
        return Ok;
    }
    m_out
        << tr("Week of %1, rule %2").arg(locale.toString(plan->weekStart, QLocale::LongFormat), ruleSummary(plan->rule))
        << '\n';
    for (QDate day = plan->weekStart; day <= plan->weekEnd(); day = day.addDays(1)) {
        m_out << '\n'
              << locale.toString(day, QLocale::LongFormat) << (day == today ? tr(" (today)") : QString()) << '\n';
        bool any = false;
        for (const PlanAction& action : plan->actions) {
            if (action.date != day)
                continue;
            any = true;
            QString line
                = QStringLiteral("  %1 %2: %3 (%4)")
                      .arg(stateMark(action.state), displayName(action.kind), action.contactName, action.reason);
            if (!action.templateName.isEmpty())
                line += u' ' + tr("[template: %1]").arg(action.templateName);
            m_out << line << '\n';
        }
        if (!any)
            m_out << "  -\n";
    }
    const auto thisWeek
        = std::count_if(plan->keepInTouch.cbegin(), plan->keepInTouch.cend(), [&](const PlanAction& entry) {
              return std::any_of(plan->actions.cbegin(), plan->actions.cend(), [&](const PlanAction& action) {
                  return action.kind == PlanActionKind::CheckIn && action.state != PlanActionState::Done
                      && action.contactId == entry.contactId;
              });
          });
    m_out << '\n' << tr("Keep in touch: %1 due, %2 this week").arg(plan->keepInTouch.size()).arg(thisWeek) << '\n';
    m_out << tr("Progress: requests %1 / %2, follow-ups %3 / %4, check-ins %5 / %6, replies %7 / %8")
                 .arg(plan->requests.done)
                 .arg(plan->requests.target)
                 .arg(plan->followUps.done)
                 .arg(plan->followUps.target)
                 .arg(plan->checkIns.done)
                 .arg(plan->checkIns.target)
                 .arg(plan->replies.done)
                 .arg(plan->replies.target)
          << '\n';
    m_out << ReminderSchedule::text(*plan) << '\n';
    for (const QString& warning : plan->warnings)
        m_out << tr("Note: %1").arg(warning) << '\n';
    return Ok;
}

int Cli::ruleShow(const QStringList&)
{
    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    const CadenceSettings settings(**database);
    auto rule = settings.rule();
    auto limits = settings.limits();
    auto account = settings.accountType();
    if (!rule || !limits || !account)
        return fail(!rule ? rule.error() : !limits ? limits.error() : account.error());

    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonObject limitValues;
        for (const LimitField& field : kLimitFields)
            limitValues.insert(QString::fromLatin1(field.key), (*limits).*field.member);
        const QJsonObject object {
            { QStringLiteral("rule"), toKey(rule->preset) },
            { QStringLiteral("requests_per_week"), rule->requestsPerWeek },
            { QStringLiteral("notes_per_week"), rule->notesPerWeek },
            { QStringLiteral("follow_ups_per_week"), rule->followUpsPerWeek },
            { QStringLiteral("check_ins_per_week"), rule->checkInsPerWeek },
            { QStringLiteral("account"), toKey(*account) },
            { QStringLiteral("limits"), limitValues },
        };
        m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return Ok;
    }
    m_out << tr("Rule %1").arg(ruleSummary(*rule)) << '\n';
    m_out << tr("Account: %1, notes up to %2 characters").arg(displayName(*account)).arg(noteCharacterLimit(*account))
          << '\n';
    m_out << tr("Limits:") << '\n';
    for (const LimitField& field : kLimitFields)
        m_out << "  " << QString::fromLatin1(field.key) << ": " << (*limits).*field.member << '\n';
    return Ok;
}

int Cli::ruleSet(const QStringList& arguments)
{
    const bool hasAccount = m_parser.isSet(QStringLiteral("account"));
    if (arguments.isEmpty() && !hasAccount)
        return fail(tr("rule set needs 4-1-1, 10-4-1 or custom, or --account (see --help)"), BadUsage);
    std::optional<CadencePreset> preset;
    if (!arguments.isEmpty()) {
        preset = cadencePresetFromKey(arguments[0]);
        if (!preset)
            return fail(tr("unknown rule \"%1\"; use 4-1-1, 10-4-1 or custom").arg(arguments[0]));
    }
    std::optional<AccountType> account;
    if (hasAccount) {
        account = accountTypeFromKey(m_parser.value(QStringLiteral("account")).trimmed().toLower());
        if (!account) {
            return fail(
                tr("--account \"%1\" is neither premium nor basic").arg(m_parser.value(QStringLiteral("account"))));
        }
    }
    const QStringList counts { QStringLiteral("requests"), QStringLiteral("notes"), QStringLiteral("followups"),
                               QStringLiteral("check-ins") };
    for (const QString& option : counts) {
        if (m_parser.isSet(option) && preset != CadencePreset::Custom)
            return fail(tr("--%1 applies only to the custom rule: rule set custom --%1 N").arg(option));
    }

    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    CadenceSettings settings(**database);
    const Status saved = (*database)->transaction([&]() -> Status {
        if (preset) {
            CadenceRule rule = CadenceRule::fromPreset(*preset);
            if (*preset == CadencePreset::Custom) {
                auto current = settings.rule();
                if (!current)
                    return Error { current.error() };
                rule = CadenceRule::custom(current->requestsPerWeek, current->notesPerWeek, current->followUpsPerWeek,
                                           current->checkInsPerWeek);
                for (const auto& [option, member] : { std::pair { counts[0], &CadenceRule::requestsPerWeek },
                                                      std::pair { counts[1], &CadenceRule::notesPerWeek },
                                                      std::pair { counts[2], &CadenceRule::followUpsPerWeek },
                                                      std::pair { counts[3], &CadenceRule::checkInsPerWeek } }) {
                    if (!m_parser.isSet(option))
                        continue;
                    bool isNumber = false;
                    rule.*member = m_parser.value(option).toInt(&isNumber);
                    if (!isNumber || rule.*member < 0) {
                        return Error {
                            tr("--%1 \"%2\" is not a whole number of 0 or more").arg(option, m_parser.value(option))
                        };
                    }
                }
            }
            if (Status stored = settings.setRule(rule); !stored)
                return stored;
        }
        if (account)
            return settings.setAccountType(*account);
        return success();
    });
    if (!saved)
        return fail(saved.error());
    auto rule = settings.rule();
    auto type = settings.accountType();
    if (!rule || !type)
        return fail(!rule ? rule.error() : type.error());
    m_out << tr("Rule %1; account %2.").arg(ruleSummary(*rule), displayName(*type)) << '\n';
    return Ok;
}

} // namespace rapport
