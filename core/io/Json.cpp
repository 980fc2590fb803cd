#include "core/io/Json.h"

#include <QJsonArray>
#include <QSet>

namespace rapport::Json {

QString isoUtc(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject fromContact(const Contact& contact, Stage stage, const std::optional<KeepInTouchDate>& keepInTouch)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), contact.id);
    for (const ContactTextField& field : kContactTextFields)
        object.insert(QString::fromLatin1(field.name), contact.*field.member);
    object.insert(QStringLiteral("tags"), QJsonArray::fromStringList(contact.tags));
    object.insert(QStringLiteral("starred"), contact.starred);
    object.insert(QStringLiteral("high_profile"), contact.highProfile);
    object.insert(QStringLiteral("little_in_common"), contact.littleInCommon);
    object.insert(QStringLiteral("stay_anonymous"), contact.stayAnonymous);
    object.insert(QStringLiteral("created_at"), isoUtc(contact.createdAt));
    object.insert(QStringLiteral("updated_at"), isoUtc(contact.updatedAt));
    object.insert(QStringLiteral("stage"), toKey(stage));
    const bool hasCadence = keepInTouch && keepInTouch->days > 0;
    object.insert(QStringLiteral("keep_in_touch_days"), hasCadence ? QJsonValue(keepInTouch->days) : QJsonValue());
    object.insert(QStringLiteral("keep_in_touch_source"),
                  !hasCadence                      ? QJsonValue()
                      : contact.keepInTouchDays > 0 ? QJsonValue(QStringLiteral("contact"))
                                                    : QJsonValue(QStringLiteral("tag")));
    object.insert(QStringLiteral("next_keep_in_touch"), hasCadence && keepInTouch->next.isValid()
                                                            ? QJsonValue(keepInTouch->next.toString(Qt::ISODate))
                                                            : QJsonValue());
    return object;
}

QJsonObject fromInteraction(const Interaction& interaction)
{
    return QJsonObject {
        { QStringLiteral("id"), interaction.id },
        { QStringLiteral("contact_id"), interaction.contactId },
        { QStringLiteral("kind"), toKey(interaction.kind) },
        { QStringLiteral("occurred_at"), isoUtc(interaction.occurredAt) },
        { QStringLiteral("text"), interaction.text },
        { QStringLiteral("template"), interaction.templateName },
        { QStringLiteral("url"), interaction.url },
    };
}

QJsonObject fromWeekPlan(const WeekPlan& plan, const QHash<qint64, QDate>& dueDates)
{
    QJsonArray actions;
    for (const PlanAction& action : plan.actions) {
        actions.append(QJsonObject {
            { QStringLiteral("date"), action.date.toString(Qt::ISODate) },
            { QStringLiteral("kind"), toKey(action.kind) },
            { QStringLiteral("contact_id"), action.contactId },
            { QStringLiteral("contact_name"), action.contactName },
            { QStringLiteral("reason"), action.reason },
            { QStringLiteral("state"), toKey(action.state) },
        });
    }
    QSet<qint64> checkIns;
    for (const PlanAction& action : plan.actions) {
        if (action.kind == PlanActionKind::CheckIn && action.state != PlanActionState::Done)
            checkIns.insert(action.contactId);
    }
    QJsonArray keepInTouch;
    for (const PlanAction& entry : plan.keepInTouch) {
        const QDate due = dueDates.value(entry.contactId, entry.date);
        keepInTouch.append(QJsonObject {
            { QStringLiteral("contact_id"), entry.contactId },
            { QStringLiteral("contact_name"), entry.contactName },
            { QStringLiteral("due"), due.toString(Qt::ISODate) },
            { QStringLiteral("planned"), checkIns.contains(entry.contactId) },
        });
    }
    const auto progress = [](const PlanProgress& value) {
        return QJsonObject { { QStringLiteral("done"), value.done }, { QStringLiteral("target"), value.target } };
    };
    return QJsonObject {
        { QStringLiteral("week_start"), plan.weekStart.toString(Qt::ISODate) },
        { QStringLiteral("rule"), toKey(plan.rule.preset) },
        { QStringLiteral("actions"), actions },
        { QStringLiteral("progress"),
          QJsonObject {
              { QStringLiteral("requests"), progress(plan.requests) },
              { QStringLiteral("follow_ups"), progress(plan.followUps) },
              { QStringLiteral("check_ins"), progress(plan.checkIns) },
              { QStringLiteral("replies"), progress(plan.replies) },
          } },
        { QStringLiteral("warnings"), QJsonArray::fromStringList(plan.warnings) },
        { QStringLiteral("keep_in_touch"), keepInTouch },
    };
}

} // namespace rapport::Json
