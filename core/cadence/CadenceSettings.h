#pragma once

#include "core/Result.h"
#include "core/cadence/AccountType.h"
#include "core/cadence/CadenceRule.h"
#include "core/cadence/Limits.h"
#include "core/cadence/ReminderSchedule.h"

namespace rapport {

class Database;

// The cadence rule, the limits, the account type and the reminder, stored in the database's settings
// (SettingsRepository) so that they travel with the data. A setting never written reads as the domain's
// default; a stored value that makes no sense is an error naming the setting.
class CadenceSettings
{
public:
    explicit CadenceSettings(Database& database);

    Result<CadenceRule> rule() const;
    // Refused when a count is negative, notes exceed requests, or requests exceed the 7-day limit.
    Status setRule(const CadenceRule& rule);

    Result<Limits> limits() const;
    Status setLimits(const Limits& limits);

    Result<AccountType> accountType() const;
    Status setAccountType(AccountType type);

    Result<ReminderSetting> reminder() const;
    Status setReminder(const ReminderSetting& reminder);
    // The last reminder shown, or the moment reminders were first scheduled for this database: a reminder
    // due after it and missed (the computer off, Rapport closed) shows once at the next start. Invalid
    // when never set.
    Result<QDateTime> reminderLastShown() const;
    Status setReminderLastShown(const QDateTime& when);

    // Why `rule` cannot be used with `limits`, or an empty string.
    static QString validate(const CadenceRule& rule, const Limits& limits);

private:
    Result<int> number(const QString& key, int fallback, int minimum, int maximum) const;

    Database& m_database;
};

} // namespace rapport
