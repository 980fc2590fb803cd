#include "core/domain/Contact.h"

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

namespace {

QString problemIn(const QString& text, const QString& label, bool multiLine)
{
    for (const QChar c : text) {
        if (c == QChar::ReplacementCharacter)
            return QCoreApplication::translate("Contact", "%1 contains bytes that are not valid text (not UTF-8).")
                .arg(label);
        // A tab is white space anywhere; line breaks only where text may have lines.
        const bool allowed = c == u'\t' || (multiLine && (c == u'\n' || c == u'\r'));
        if (c.category() == QChar::Other_Control && !allowed) {
            const QString code = QStringLiteral("%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
            return QCoreApplication::translate("Contact", "%1 contains a control character (U+%2).").arg(label, code);
        }
    }
    return {};
}

} // namespace

QString textProblem(const Contact& contact)
{
    for (const ContactTextField& field : kContactTextFields) {
        const QString problem = problemIn(contact.*field.member, fieldLabel(QString::fromLatin1(field.name)),
                                          field.member == &Contact::notes);
        if (!problem.isEmpty())
            return problem;
    }
    for (const QString& tag : contact.tags) {
        if (const QString problem = problemIn(tag, QCoreApplication::translate("Contact", "A tag"), false);
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
