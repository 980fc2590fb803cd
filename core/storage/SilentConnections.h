#pragma once

#include "core/Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>

namespace rapport {

class Database;

// A connection gone silent (domain: Silent connections): no interaction of any kind for a long time, no
// keep-in-touch cadence (its own or a tag's) and no star. Listed for the user to review (remove, keep, or
// give a cadence); Rapport never acts on it.
struct SilentConnection
{
    qint64 contactId = 0;
    QDateTime lastInteraction; // UTC

    bool operator==(const SilentConnection&) const = default;
};

class SilentConnections
{
public:
    // The connections silent for at least `days` days on `today`, the longest silent first.
    static Result<QList<SilentConnection>> load(Database& database, const QDate& today, int days);
};

} // namespace rapport
