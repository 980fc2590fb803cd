#include "core/domain/ContactMerge.h"

#include "core/domain/Identity.h"
#include "core/domain/ProfileUrl.h"

namespace rapport::ContactMerge {

namespace {

bool isName(const ContactTextField& field)
{
    return field.member == &Contact::firstName || field.member == &Contact::lastName;
}

bool hasName(const Contact& contact)
{
    return !contact.firstName.trimmed().isEmpty() || !contact.lastName.trimmed().isEmpty();
}

QString plainKey(const QString& text)
{
    return text.simplified().toCaseFolded();
}

} // namespace

Contact merge(Contact kept, const Contact& other)
{
    if (!hasName(kept)) {
        kept.firstName = other.firstName;
        kept.lastName = other.lastName;
    }
    for (const ContactTextField& field : kContactTextFields) {
        QString& mine = kept.*field.member;
        const QString& theirs = other.*field.member;
        if (isName(field))
            continue;
        if (field.member == &Contact::notes) {
            if (!theirs.trimmed().isEmpty() && !mine.contains(theirs.trimmed()))
                mine = mine.trimmed().isEmpty() ? theirs.trimmed() : mine.trimmed() + u'\n' + theirs.trimmed();
        } else if (mine.trimmed().isEmpty()) {
            mine = theirs;
        }
    }
    kept.tags = normalizedTags(kept.tags + other.tags);
    kept.starred = kept.starred || other.starred;
    kept.highProfile = kept.highProfile || other.highProfile;
    kept.littleInCommon = kept.littleInCommon || other.littleInCommon;
    kept.stayAnonymous = kept.stayAnonymous || other.stayAnonymous;
    return kept;
}

bool agree(const ContactTextField& field, const QString& a, const QString& b)
{
    // The same text is the same value whatever the field: a re-import compares every field with itself.
    if (a == b)
        return true;
    if (field.member == &Contact::profileUrl)
        return ProfileUrl::normalize(a) == ProfileUrl::normalize(b);
    if (field.member == &Contact::email)
        return Identity::emailKey(a) == Identity::emailKey(b);
    if (field.member == &Contact::phone) {
        const QString phoneA = Identity::phoneKey(a);
        if (!phoneA.isEmpty() || !Identity::phoneKey(b).isEmpty())
            return phoneA == Identity::phoneKey(b);
    }
    return plainKey(a) == plainKey(b);
}

bool sameName(const Contact& a, const Contact& b)
{
    if (a.firstName == b.firstName && a.lastName == b.lastName)
        return true;
    return plainKey(a.fullName()) == plainKey(b.fullName());
}

Absorbed absorb(Contact& into, const Contact& row)
{
    Absorbed result;
    if (hasName(row)) {
        if (!hasName(into)) {
            into.firstName = row.firstName.trimmed();
            into.lastName = row.lastName.trimmed();
            result.changed = true;
        } else if (!sameName(into, row)) {
            result.conflicts.append(
                { QStringLiteral("name"), into.fullName().simplified(), row.fullName().simplified() });
        }
    }
    for (const ContactTextField& field : kContactTextFields) {
        QString& mine = into.*field.member;
        const QString theirs = (row.*field.member).trimmed();
        if (theirs.isEmpty() || isName(field))
            continue;
        if (field.member == &Contact::notes) {
            if (!mine.contains(theirs)) {
                mine = mine.trimmed().isEmpty() ? theirs : mine + QStringLiteral("\n\n") + theirs;
                result.changed = true;
            }
        } else if (mine.trimmed().isEmpty()) {
            mine = theirs;
            result.changed = true;
        } else if (!agree(field, mine, theirs)) {
            result.conflicts.append({ QString::fromLatin1(field.name), mine, theirs });
        }
    }
    const QStringList tags = normalizedTags(into.tags + row.tags);
    if (tags.size() != normalizedTags(into.tags).size()) {
        into.tags = tags;
        result.changed = true;
    }
    if (row.starred && !into.starred) {
        into.starred = true;
        result.changed = true;
    }
    if (row.keepInTouchDays > 0 && into.keepInTouchDays == 0) {
        into.keepInTouchDays = row.keepInTouchDays;
        result.changed = true;
    }
    return result;
}

bool holds(const Contact& contact, const Contact& row)
{
    Contact copy = contact;
    const Absorbed absorbed = absorb(copy, row);
    return !absorbed.changed && absorbed.conflicts.isEmpty();
}

} // namespace rapport::ContactMerge
