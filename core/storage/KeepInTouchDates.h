#pragma once

#include "core/Result.h"

#include <QDate>
#include <QHash>
#include <QTimeZone>

#include <optional>

namespace rapport {

class Database;

// When each contact with a keep-in-touch cadence is next due (domain: Keep in touch): the local day of
// its last interaction other than a note (or of when it was added, with none) plus the cadence that applies,
// its own or else the shortest of its tags'.
struct KeepInTouchDate
{
    int days = 0; // the cadence that applies
    QDate next;

    bool operator==(const KeepInTouchDate&) const = default;
};

class KeepInTouchDates
{
public:
    // Every contact with a cadence, by id; contacts without one are left out.
    static Result<QHash<qint64, KeepInTouchDate>> load(Database& database,
                                                       const QTimeZone& zone = QTimeZone::systemTimeZone());
    // One contact's, if it has a cadence: what ContactOverview::factsOf shows after an edit.
    static Result<std::optional<KeepInTouchDate>> of(Database& database, qint64 contactId,
                                                     const QTimeZone& zone = QTimeZone::systemTimeZone());

private:
    // contactId 0: every contact.
    static Result<QHash<qint64, KeepInTouchDate>> read(Database& database, qint64 contactId, const QTimeZone& zone);
};

} // namespace rapport
