#include "core/domain/Identity.h"

#include "core/domain/ProfileUrl.h"

namespace rapport::Identity {

QString emailKey(const QString& email)
{
    return email.trimmed().toLower();
}

QString phoneKey(const QString& phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits.append(QChar(u'0' + c.digitValue()));
    }
    if (digits.isEmpty())
        return digits;
    // International: written with "+" or with the "00" prefix dialled for it in most countries.
    if (phone.trimmed().startsWith(u'+'))
        return u'+' + digits;
    if (digits.startsWith(QStringLiteral("00")))
        return u'+' + digits.mid(2);
    return digits;
}

bool samePerson(const Contact& a, const Contact& b)
{
    const QString urlA = ProfileUrl::normalize(a.profileUrl);
    const QString urlB = ProfileUrl::normalize(b.profileUrl);
    if (!urlA.isEmpty() && !urlB.isEmpty())
        return urlA == urlB;
    const QString emailA = emailKey(a.email);
    return !emailA.isEmpty() && emailA == emailKey(b.email);
}

} // namespace rapport::Identity
