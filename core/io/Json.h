#pragma once

#include "core/cadence/WeekPlan.h"
#include "core/domain/Contact.h"
#include "core/domain/Interaction.h"
#include "core/domain/Stage.h"

#include <QJsonObject>

namespace rapport::Json {

// Keys are the snake_case field names; times are ISO 8601 UTC ("2026-11-21T09:30:00.000Z").
QJsonObject fromContact(const Contact& contact, Stage stage);
QJsonObject fromInteraction(const Interaction& interaction);
QString isoUtc(const QDateTime& time);
// rapport-cli plan --json: {"week_start", "rule", "actions": [{"date", "kind", "contact_id", "contact_name",
// "reason", "state"}], "progress": {"requests", "follow_ups", "check_ins": {"done", "target"}}, "warnings"}.
QJsonObject fromWeekPlan(const WeekPlan& plan);

} // namespace rapport::Json
