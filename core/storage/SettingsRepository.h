#pragma once

#include "core/Result.h"

#include <QString>
#include <QVariant>

namespace rapport {

class Database;

// Settings that belong to the user's data (rules, limits, account type) live in the database beside
// it, so a backup or a second machine carries them; window geometry and the like stay in QSettings.
class SettingsRepository
{
public:
    explicit SettingsRepository(Database& database);

    // The stored value, or `fallback` if the key was never set.
    Result<QString> value(const QString& key, const QString& fallback = {}) const;
    Status setValue(const QString& key, const QString& value);
    Status remove(const QString& key);

private:
    Database& m_database;
};

} // namespace rapport
