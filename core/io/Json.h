#pragma once

#include "core/domain/Contact.h"
#include "core/domain/Interaction.h"
#include "core/domain/Stage.h"

#include <QJsonObject>

namespace rapport::Json {

// Keys are the snake_case field names; times are ISO 8601 UTC ("2026-11-21T09:30:00.000Z").
QJsonObject fromContact(const Contact& contact, Stage stage);
QJsonObject fromInteraction(const Interaction& interaction);
QString isoUtc(const QDateTime& time);

} // namespace rapport::Json
