#pragma once

#include "core/domain/InteractionKind.h"

#include <QDateTime>
#include <QString>

namespace rapport {

// One dated entry of the log, the source of truth from which stages, plans and statistics derive.
struct Interaction
{
    qint64 id = 0; // 0 until stored
    qint64 contactId = 0;
    InteractionKind kind = InteractionKind::Note;
    QDateTime occurredAt; // UTC, stored to the millisecond
    QString text; // the note sent with a request, a message, or a free note
    QString templateName; // the template a request's note was written from, if any
    QString url; // what was shared

    bool operator==(const Interaction&) const = default;
};

} // namespace rapport
