#pragma once

#include <QString>

#include <optional>

namespace rapport {

// The user's LinkedIn account: it sets how long a connection note may be and how many personalized
// notes a calendar month allows (domain: Cadence rules, Templates).
enum class AccountType
{
    Premium,
    Basic,
};

QString toKey(AccountType type); // "premium", "basic"
std::optional<AccountType> accountTypeFromKey(QStringView key);
QString displayName(AccountType type);

// Characters (UTF-16 code units) a connection note may have: 300 on Premium, 200 on Basic.
int noteCharacterLimit(AccountType type);

} // namespace rapport
