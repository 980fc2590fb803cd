#include "core/io/Json.h"

#include <QJsonArray>

namespace rapport::Json {

QString isoUtc(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject fromContact(const Contact& contact, Stage stage)
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

QJsonObject fromWeekPlan(const WeekPlan& plan)
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
          } },
        { QStringLiteral("warnings"), QJsonArray::fromStringList(plan.warnings) },
    };
}

} // namespace rapport::Json
