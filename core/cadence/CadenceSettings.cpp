#include "core/cadence/CadenceSettings.h"

#include "core/storage/Database.h"
#include "core/storage/SettingsRepository.h"

#include <QCoreApplication>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CadenceSettings", text);
}

const QString kRule = QStringLiteral("cadence.rule");
const QString kRequests = QStringLiteral("cadence.custom.requests_per_week");
const QString kNotes = QStringLiteral("cadence.custom.notes_per_week");
const QString kFollowUps = QStringLiteral("cadence.custom.follow_ups_per_week");
const QString kCheckIns = QStringLiteral("cadence.custom.check_ins_per_week");
const QString kAccount = QStringLiteral("account.type");
const QString kReminderDay = QStringLiteral("reminder.day");
const QString kReminderTime = QStringLiteral("reminder.time");
const QString kReminderEnabled = QStringLiteral("reminder.enabled");
const QString kReminderLastShown = QStringLiteral("reminder.last_shown");
constexpr int kMaxPerWeek = 1000;

QString limitKey(const LimitField& field)
{
    return QStringLiteral("limits.") + QString::fromLatin1(field.key);
}

} // namespace

CadenceSettings::CadenceSettings(Database& database)
    : m_database(database)
{
}

Result<int> CadenceSettings::number(const QString& key, int fallback, int minimum, int maximum) const
{
    auto stored = SettingsRepository(m_database).value(key);
    if (!stored)
        return Error { stored.error() };
    if (stored->isEmpty())
        return fallback;
    bool isNumber = false;
    const int value = stored->toInt(&isNumber);
    if (!isNumber || value < minimum || value > maximum) {
        return Error { tr("The setting %1 is \"%2\", not a whole number from %3 to %4.")
                           .arg(key, *stored)
                           .arg(minimum)
                           .arg(maximum) };
    }
    return value;
}

Result<CadenceRule> CadenceSettings::rule() const
{
    auto key = SettingsRepository(m_database).value(kRule, toKey(CadencePreset::FourOneOne));
    if (!key)
        return Error { key.error() };
    const auto preset = cadencePresetFromKey(*key);
    if (!preset) {
        return Error { tr("The setting %1 is \"%2\"; it must be 4-1-1, 10-4-1 or custom.").arg(kRule, *key) };
    }
    if (*preset != CadencePreset::Custom)
        return CadenceRule::fromPreset(*preset);
    const CadenceRule defaults = CadenceRule::fromPreset(CadencePreset::Custom);
    auto requests = number(kRequests, defaults.requestsPerWeek, 0, kMaxPerWeek);
    auto notes = number(kNotes, defaults.notesPerWeek, 0, kMaxPerWeek);
    auto followUps = number(kFollowUps, defaults.followUpsPerWeek, 0, kMaxPerWeek);
    auto checkIns = number(kCheckIns, defaults.checkInsPerWeek, 0, kMaxPerWeek);
    for (const Result<int>* value : { &requests, &notes, &followUps, &checkIns }) {
        if (!*value)
            return Error { value->error() };
    }
    return CadenceRule::custom(*requests, *notes, *followUps, *checkIns);
}

QString CadenceSettings::validate(const CadenceRule& rule, const Limits& limits)
{
    if (rule.requestsPerWeek < 0 || rule.notesPerWeek < 0 || rule.followUpsPerWeek < 0 || rule.checkInsPerWeek < 0)
        return tr("Requests, notes, follow-ups and check-ins a week cannot be negative.");
    if (rule.notesPerWeek > rule.requestsPerWeek) {
        return tr("%1 personalized notes a week is more than the %2 requests they go with.")
            .arg(rule.notesPerWeek)
            .arg(rule.requestsPerWeek);
    }
    if (rule.requestsPerWeek > limits.requestsPer7Days) {
        return tr("%1 requests a week is more than the limit of %2 in any 7 days.")
            .arg(rule.requestsPerWeek)
            .arg(limits.requestsPer7Days);
    }
    if (rule.followUpsPerWeek > kMaxPerWeek)
        return tr("%1 follow-ups a week is more than %2.").arg(rule.followUpsPerWeek).arg(kMaxPerWeek);
    if (rule.checkInsPerWeek > kMaxPerWeek)
        return tr("%1 check-ins a week is more than %2.").arg(rule.checkInsPerWeek).arg(kMaxPerWeek);
    return {};
}

Status CadenceSettings::setRule(const CadenceRule& rule)
{
    auto currentLimits = limits();
    if (!currentLimits)
        return Error { currentLimits.error() };
    if (const QString problem = validate(rule, *currentLimits); !problem.isEmpty())
        return Error { problem };
    return m_database.transaction([&]() -> Status {
        SettingsRepository settings(m_database);
        if (Status stored = settings.setValue(kRule, toKey(rule.preset)); !stored)
            return stored;
        if (rule.preset != CadencePreset::Custom)
            return success();
        const QList<std::pair<QString, int>> values { { kRequests, rule.requestsPerWeek },
                                                      { kNotes, rule.notesPerWeek },
                                                      { kFollowUps, rule.followUpsPerWeek },
                                                      { kCheckIns, rule.checkInsPerWeek } };
        for (const auto& [key, value] : values) {
            if (Status stored = settings.setValue(key, QString::number(value)); !stored)
                return stored;
        }
        return success();
    });
}

Result<Limits> CadenceSettings::limits() const
{
    Limits limits;
    for (const LimitField& field : kLimitFields) {
        auto value = number(limitKey(field), limits.*field.member, field.minimum, field.maximum);
        if (!value)
            return Error { value.error() };
        limits.*field.member = *value;
    }
    return limits;
}

Status CadenceSettings::setLimits(const Limits& limits)
{
    for (const LimitField& field : kLimitFields) {
        const int value = limits.*field.member;
        if (value < field.minimum || value > field.maximum) {
            return Error { tr("The limit %1 must be from %2 to %3, not %4.")
                               .arg(QString::fromLatin1(field.key))
                               .arg(field.minimum)
                               .arg(field.maximum)
                               .arg(value) };
        }
    }
    return m_database.transaction([&]() -> Status {
        SettingsRepository settings(m_database);
        for (const LimitField& field : kLimitFields) {
            if (Status stored = settings.setValue(limitKey(field), QString::number(limits.*field.member)); !stored)
                return stored;
        }
        return success();
    });
}

Result<AccountType> CadenceSettings::accountType() const
{
    auto key = SettingsRepository(m_database).value(kAccount, toKey(AccountType::Premium));
    if (!key)
        return Error { key.error() };
    const auto type = accountTypeFromKey(*key);
    if (!type)
        return Error { tr("The setting %1 is \"%2\"; it must be premium or basic.").arg(kAccount, *key) };
    return *type;
}

Status CadenceSettings::setAccountType(AccountType type)
{
    return SettingsRepository(m_database).setValue(kAccount, toKey(type));
}

Result<ReminderSetting> CadenceSettings::reminder() const
{
    ReminderSetting reminder;
    auto day = number(kReminderDay, int(reminder.day), Qt::Monday, Qt::Sunday);
    if (!day)
        return Error { day.error() };
    reminder.day = Qt::DayOfWeek(*day);
    auto time = SettingsRepository(m_database).value(kReminderTime);
    if (!time)
        return Error { time.error() };
    if (!time->isEmpty()) {
        reminder.time = QTime::fromString(*time, QStringLiteral("HH:mm"));
        if (!reminder.time.isValid())
            return Error { tr("The setting %1 is \"%2\", not a time such as 09:00.").arg(kReminderTime, *time) };
    }
    auto enabled = number(kReminderEnabled, 1, 0, 1);
    if (!enabled)
        return Error { enabled.error() };
    reminder.enabled = *enabled == 1;
    return reminder;
}

Status CadenceSettings::setReminder(const ReminderSetting& reminder)
{
    if (!reminder.time.isValid())
        return Error { tr("The reminder needs a valid time.") };
    return m_database.transaction([&]() -> Status {
        SettingsRepository settings(m_database);
        if (Status stored = settings.setValue(kReminderDay, QString::number(int(reminder.day))); !stored)
            return stored;
        if (Status stored = settings.setValue(kReminderTime, reminder.time.toString(QStringLiteral("HH:mm"))); !stored)
            return stored;
        return settings.setValue(kReminderEnabled, reminder.enabled ? QStringLiteral("1") : QStringLiteral("0"));
    });
}

Result<QDateTime> CadenceSettings::reminderLastShown() const
{
    auto stored = SettingsRepository(m_database).value(kReminderLastShown);
    if (!stored)
        return Error { stored.error() };
    if (stored->isEmpty())
        return QDateTime();
    bool isNumber = false;
    const qint64 ms = stored->toLongLong(&isNumber);
    if (!isNumber || ms < 0)
        return Error { tr("The setting %1 is \"%2\", not a time in milliseconds.").arg(kReminderLastShown, *stored) };
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

Status CadenceSettings::setReminderLastShown(const QDateTime& when)
{
    if (!when.isValid())
        return SettingsRepository(m_database).remove(kReminderLastShown);
    return SettingsRepository(m_database).setValue(kReminderLastShown, QString::number(when.toMSecsSinceEpoch()));
}

} // namespace rapport
