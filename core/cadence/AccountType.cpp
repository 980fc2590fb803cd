#include "core/cadence/AccountType.h"

#include <QCoreApplication>

namespace rapport {

QString toKey(AccountType type)
{
    return type == AccountType::Basic ? QStringLiteral("basic") : QStringLiteral("premium");
}

std::optional<AccountType> accountTypeFromKey(QStringView key)
{
    for (AccountType type : { AccountType::Premium, AccountType::Basic }) {
        if (key == toKey(type))
            return type;
    }
    return std::nullopt;
}

QString displayName(AccountType type)
{
    return type == AccountType::Basic ? QCoreApplication::translate("AccountType", "Basic (free)")
                                      : QCoreApplication::translate("AccountType", "Premium");
}

int noteCharacterLimit(AccountType type)
{
    return type == AccountType::Basic ? 200 : 300;
}

} // namespace rapport
