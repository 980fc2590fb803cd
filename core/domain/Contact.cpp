#include "core/domain/Contact.h"

namespace rapport {

QString Contact::fullName() const
{
    if (firstName.isEmpty())
        return lastName;
    if (lastName.isEmpty())
        return firstName;
    return firstName + u' ' + lastName;
}

QStringList normalizedTags(const QStringList& tags)
{
    QStringList result;
    for (const QString& tag : tags) {
        QString clean = tag;
        clean.replace(kTagSeparator, u' ');
        clean = clean.simplified();
        if (!clean.isEmpty() && !result.contains(clean, Qt::CaseInsensitive))
            result.append(clean);
    }
    return result;
}

QString joinTags(const QStringList& tags)
{
    return normalizedTags(tags).join(kTagSeparator);
}

QStringList splitTags(const QString& joined)
{
    return normalizedTags(joined.split(kTagSeparator, Qt::SkipEmptyParts));
}

} // namespace rapport
