#pragma once

#include "core/cadence/WeekPlan.h"
#include "core/domain/Contact.h"
#include "core/domain/Interaction.h"
#include "core/domain/Stage.h"
#include "core/storage/KeepInTouchDates.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace rapport::Json {

// Keys are the snake_case field names; times are ISO 8601 UTC ("2026-11-21T09:30:00.000Z").
// `keepInTouch` is the contact's entry of KeepInTouchDates, if it has a cadence (its own or a tag's):
// "keep_in_touch_days" (null for none), "keep_in_touch_source" ("contact", "tag" or null) and
// "next_keep_in_touch" (YYYY-MM-DD or null).
QJsonObject fromContact(const Contact& contact, Stage stage, const std::optional<KeepInTouchDate>& keepInTouch);
QJsonObject fromInteraction(const Interaction& interaction);
QString isoUtc(const QDateTime& time);
// rapport-cli plan --json: {"week_start", "rule", "actions": [{"date", "kind", "contact_id", "contact_name",
// "reason", "state"}], "progress": {"requests", "follow_ups", "check_ins", "replies": {"done", "target"}},
// "warnings", "keep_in_touch": [{"contact_id", "contact_name", "due", "planned"}]}. A keep-in-touch entry is
// due on `dueDates`' date for its contact (KeepInTouchDates' next date), else on the plan's date for it;
// planned when it is one of the week's check-ins.
QJsonObject fromWeekPlan(const WeekPlan& plan, const QHash<qint64, QDate>& dueDates = {});

} // namespace rapport::Json
