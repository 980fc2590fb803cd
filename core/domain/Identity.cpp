#include "core/domain/Identity.h"

#include "core/domain/ProfileUrl.h"

namespace rapport::Identity {

QString emailKey(const QString& email)
{
    return email.trimmed().toLower();
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
