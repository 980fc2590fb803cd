#pragma once

#include "core/domain/InteractionKind.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QDateTime>
#include <QStringList>

namespace rapport::bench {

// Five years of a busy user's log: 30,000 contacts with ten entries each (300,000 interactions), one
// request each spread over the five years, answered as a real log is (40% accepted, 20% declined,
// 10% withdrawn, the rest never), with follow-ups, replies and the everyday notes and engagements.
inline Status fillFiveYears(Database& db, const QDateTime& now, int contactCount = 30000)
{
    const QStringList templates { QStringLiteral("Warm intro"), QStringLiteral("After the event"),
                                  QStringLiteral("Alumni"), QStringLiteral("Shared interest"), QString() };
    const QStringList sources { QStringLiteral("worked_together"), QStringLiteral("studied_together"),
                                QStringLiteral("met_at_event"), QStringLiteral("introduced"), QString() };
    const qint64 day = 24 * 60 * 60 * 1000LL;
    const qint64 start = now.toMSecsSinceEpoch() - 5 * 365 * day;
    return db.transaction([&]() -> Status {
        for (int i = 0; i < contactCount; ++i) {
            auto contact = sql::exec(
                db.connection(),
                QStringLiteral("INSERT INTO contacts (first_name, last_name, how_we_know, created_at, updated_at) "
                               "VALUES ('Person', ?, ?, ?, ?)"),
                { QString::number(i), sources[i % sources.size()], start, start });
            if (!contact)
                return Error { contact.error() };
            const qint64 id = contact->lastInsertId().toLongLong();
            const qint64 sent = start + qint64(i) * (5 * 365 * day) / contactCount + (i % 7) * 3600 * 1000LL;
            struct Row
            {
                InteractionKind kind;
                qint64 at;
            };
            QList<Row> rows { { InteractionKind::RequestSent, sent } };
            const int answer = i % 10;
            if (answer < 4) {
                rows.append({ InteractionKind::RequestAccepted, sent + (i % 9) * day });
                rows.append({ InteractionKind::ContentShared, sent + (i % 9 + 3) * day });
                if (i % 3 == 0)
                    rows.append({ InteractionKind::MessageReceived, sent + (i % 9 + 5) * day });
            } else if (answer < 6) {
                rows.append({ InteractionKind::RequestDeclined, sent + 2 * day });
            } else if (answer == 6) {
                rows.append({ InteractionKind::RequestWithdrawn, sent + 20 * day });
            }
            for (int j = int(rows.size()); j < 10; ++j)
                rows.append({ j % 2 == 0 ? InteractionKind::Engaged : InteractionKind::Note, sent - (j + 1) * day });
            for (const Row& row : rows) {
                const bool request = row.kind == InteractionKind::RequestSent;
                auto inserted = sql::exec(
                    db.connection(),
                    QStringLiteral("INSERT INTO interactions (contact_id, kind, occurred_at, text, template) "
                                   "VALUES (?, ?, ?, ?, ?)"),
                    { id, toKey(row.kind), row.at,
                      request && i % 10 < 7 ? QStringLiteral("Hi, we met at the meetup.") : QString(),
                      request ? templates[i % templates.size()] : QString() });
                if (!inserted)
                    return Error { inserted.error() };
            }
        }
        return success();
    });
}

} // namespace rapport::bench
