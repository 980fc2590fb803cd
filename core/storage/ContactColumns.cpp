#include "core/storage/ContactColumns.h"

#include "core/domain/Identity.h"
#include "core/storage/SqlUtil.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace rapport::contact_columns {

namespace {

enum class Kind
{
    Id,
    Text, // one of kContactTextFields, by the same name
    ProfileKey,
    EmailKey,
    Tags,
    Starred,
    KeepInTouch,
    Flag, // one of the advisor's flags
    CreatedAt,
    UpdatedAt,
};

struct Column
{
    const char* name;
    Kind kind;
    const char* exportedAs = nullptr; // not exported when null
    QString Contact::*text = nullptr;
    bool Contact::*flag = nullptr;
};

// The column of a text field, by the field's name (a typo does not compile).
constexpr Column textColumn(std::string_view name)
{
    for (const ContactTextField& field : kContactTextFields) {
        if (name == field.name)
            return { field.name, Kind::Text, field.name, field.member };
    }
    throw "not a text field of Contact";
}

constexpr Column flagColumn(const char* name, bool Contact::*flag)
{
    return { name, Kind::Flag, nullptr, nullptr, flag };
}

// In the export's order; the columns it leaves out (identity keys, the advisor's flags, the update time) last.
constexpr Column kColumns[] = {
    { "id", Kind::Id, "id" },
    textColumn("first_name"),
    textColumn("last_name"),
    textColumn("position"),
    textColumn("company"),
    textColumn("location"),
    textColumn("profile_url"),
    textColumn("email"),
    textColumn("phone"),
    { "tags", Kind::Tags, "tags" },
    { "starred", Kind::Starred, "starred" },
    textColumn("how_we_know"),
    textColumn("event"),
    textColumn("mutual_connection"),
    textColumn("school"),
    textColumn("topic"),
    textColumn("notes"),
    { "created_at", Kind::CreatedAt, "created_at" },
    { "keep_in_touch_days", Kind::KeepInTouch, "keep_in_touch" },
    { "profile_key", Kind::ProfileKey },
    { "email_key", Kind::EmailKey },
    flagColumn("high_profile", &Contact::highProfile),
    flagColumn("little_in_common", &Contact::littleInCommon),
    flagColumn("stay_anonymous", &Contact::stayAnonymous),
    { "updated_at", Kind::UpdatedAt },
};

// Every text field has its column.
static_assert(std::all_of(kContactTextFields.cbegin(), kContactTextFields.cend(), [](const ContactTextField& field) {
    return std::any_of(std::cbegin(kColumns), std::cend(kColumns),
                       [&](const Column& column) { return column.text == field.member; });
}));

bool isWritten(const Column& column)
{
    return column.kind != Kind::Id && column.kind != Kind::CreatedAt;
}

// The identity keys are the importer's and the repository's to read (a contact has no field for them).
bool isSelected(const Column& column)
{
    return column.kind != Kind::ProfileKey && column.kind != Kind::EmailKey;
}

bool isUtf8(const Column& column)
{
    return column.kind == Kind::Text || column.kind == Kind::Tags;
}

} // namespace

QStringList written()
{
    QStringList columns;
    for (const Column& column : kColumns) {
        if (isWritten(column))
            columns.append(QString::fromLatin1(column.name));
    }
    return columns;
}

QVariantList values(const Contact& contact, const QString& profileKey, const QDateTime& now)
{
    QVariantList result;
    result.reserve(std::size(kColumns));
    for (const Column& column : kColumns) {
        switch (column.kind) {
        case Kind::Id:
        case Kind::CreatedAt:
            break;
        case Kind::Text:
            result.append((contact.*column.text).trimmed());
            break;
        case Kind::ProfileKey:
            result.append(profileKey);
            break;
        case Kind::EmailKey:
            result.append(Identity::emailKey(contact.email));
            break;
        case Kind::Tags:
            result.append(joinTags(contact.tags));
            break;
        case Kind::Starred:
            result.append(contact.starred ? 1 : 0);
            break;
        case Kind::KeepInTouch:
            result.append(contact.keepInTouchDays);
            break;
        case Kind::Flag:
            result.append(contact.*column.flag ? 1 : 0);
            break;
        case Kind::UpdatedAt:
            result.append(now.toMSecsSinceEpoch());
            break;
        }
    }
    return result;
}

QStringList selected()
{
    QStringList columns;
    for (const Column& column : kColumns) {
        if (!isSelected(column))
            continue;
        const QString name = QString::fromLatin1(column.name);
        columns.append(isUtf8(column) ? sql::utf8Column(name) : name);
    }
    return columns;
}

Contact read(const QSqlQuery& query, int first)
{
    Contact contact;
    int index = first;
    for (const Column& column : kColumns) {
        if (!isSelected(column))
            continue;
        const int at = index++;
        switch (column.kind) {
        case Kind::Id:
            contact.id = query.value(at).toLongLong();
            break;
        case Kind::Text:
            contact.*column.text = sql::utf8Text(query, at);
            break;
        case Kind::Tags:
            contact.tags = splitTags(sql::utf8Text(query, at));
            break;
        case Kind::Starred:
            contact.starred = query.value(at).toInt() != 0;
            break;
        case Kind::KeepInTouch:
            contact.keepInTouchDays = query.value(at).toInt();
            break;
        case Kind::Flag:
            contact.*column.flag = query.value(at).toInt() != 0;
            break;
        case Kind::CreatedAt:
            contact.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(at).toLongLong(), Qt::UTC);
            break;
        case Kind::UpdatedAt:
            contact.updatedAt = QDateTime::fromMSecsSinceEpoch(query.value(at).toLongLong(), Qt::UTC);
            break;
        case Kind::ProfileKey:
        case Kind::EmailKey:
            break;
        }
    }
    return contact;
}

QStringList exported()
{
    QStringList columns;
    for (const Column& column : kColumns) {
        if (column.exportedAs)
            columns.append(QString::fromLatin1(column.exportedAs));
    }
    return columns;
}

} // namespace rapport::contact_columns
