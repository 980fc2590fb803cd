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

} // namespace rapport::Json
