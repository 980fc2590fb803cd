#include "core/domain/Contact.h"

#include "core/domain/TextProblem.h"

#include <QCoreApplication>

namespace rapport {

QString Contact::fullName() const
{
    if (firstName.isEmpty())
        return lastName;
    if (lastName.isEmpty())
        return firstName;
    return firstName + u' ' + lastName;
}

QString fieldLabel(QStringView name)
{
    if (name == u"profile_url")
        return QCoreApplication::translate("Contact", "Profile URL");
    if (name == u"how_we_know")
        return QCoreApplication::translate("Contact", "How we know each other");
    QString label = name.toString().replace(u'_', u' ');
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

QString textProblem(const Contact& contact)
{
    for (const ContactTextField& field : kContactTextFields) {
        const QString problem = textProblem(contact.*field.member, fieldLabel(QString::fromLatin1(field.name)),
                                            field.member == &Contact::notes);
        if (!problem.isEmpty())
            return problem;
    }
    for (const QString& tag : contact.tags) {
        if (const QString problem = textProblem(tag, QCoreApplication::translate("Contact", "A tag"), false);
            !problem.isEmpty())
            return problem;
    }
    return {};
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
