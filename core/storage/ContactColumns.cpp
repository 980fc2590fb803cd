#include "core/storage/ContactColumns.h"

#include "core/domain/Identity.h"
#include "core/storage/SqlUtil.h"

namespace rapport::contact_columns {

namespace {

constexpr bool Contact::*kFlags[] = { &Contact::highProfile, &Contact::littleInCommon, &Contact::stayAnonymous };
const char* const kFlagColumns[] = { "high_profile", "little_in_common", "stay_anonymous" };

QStringList textColumns()
{
    QStringList columns;
    for (const ContactTextField& field : kContactTextFields)
        columns.append(QString::fromLatin1(field.name));
    return columns;
}

} // namespace

QStringList written()
{
    QStringList columns = textColumns();
    columns += { QStringLiteral("profile_key"), QStringLiteral("email_key"), QStringLiteral("tags"),
                 QStringLiteral("starred"), QStringLiteral("keep_in_touch_days") };
    for (const char* flag : kFlagColumns)
        columns.append(QString::fromLatin1(flag));
    columns.append(QStringLiteral("updated_at"));
    return columns;
}

QVariantList values(const Contact& contact, const QString& profileKey, const QDateTime& now)
{
    QVariantList result;
    result.reserve(kContactTextFields.size() + 9);
    for (const ContactTextField& field : kContactTextFields)
        result.append((contact.*field.member).trimmed());
    result << profileKey << Identity::emailKey(contact.email) << joinTags(contact.tags) << (contact.starred ? 1 : 0)
           << contact.keepInTouchDays;
    for (bool Contact::*flag : kFlags)
        result.append(contact.*flag ? 1 : 0);
    result.append(now.toMSecsSinceEpoch());
    return result;
}

QStringList selected()
{
    QStringList columns { QStringLiteral("id") };
    for (const QString& column : textColumns() + QStringList { QStringLiteral("tags") })
        columns.append(sql::utf8Column(column));
    columns += { QStringLiteral("starred"), QStringLiteral("keep_in_touch_days") };
    for (const char* flag : kFlagColumns)
        columns.append(QString::fromLatin1(flag));
    columns += { QStringLiteral("created_at"), QStringLiteral("updated_at") };
    return columns;
}

Contact read(const QSqlQuery& query, int first)
{
    Contact contact;
    int column = first;
    contact.id = query.value(column++).toLongLong();
    for (const ContactTextField& field : kContactTextFields)
        contact.*field.member = sql::utf8Text(query, column++);
    contact.tags = splitTags(sql::utf8Text(query, column++));
    contact.starred = query.value(column++).toInt() != 0;
    contact.keepInTouchDays = query.value(column++).toInt();
    for (bool Contact::*flag : kFlags)
        contact.*flag = query.value(column++).toInt() != 0;
    contact.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(column++).toLongLong(), Qt::UTC);
    contact.updatedAt = QDateTime::fromMSecsSinceEpoch(query.value(column++).toLongLong(), Qt::UTC);
    return contact;
}

} // namespace rapport::contact_columns
