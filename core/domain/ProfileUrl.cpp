#include "core/domain/ProfileUrl.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace rapport::ProfileUrl {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ProfileUrl", text);
}

// Accepts "linkedin.com/in/x" as well as "https://linkedin.com/in/x".
QUrl parse(const QString& input)
{
    QString text = input.trimmed();
    static const QRegularExpression hasScheme(QStringLiteral("^[a-zA-Z][a-zA-Z0-9+.-]*://"));
    if (!hasScheme.match(text).hasMatch())
        text.prepend(QStringLiteral("https://"));
    return QUrl(text, QUrl::StrictMode);
}

QString notAWebAddress(const QString& scheme)
{
    return tr("A profile URL must be a web address (http or https), not \"%1:\".").arg(scheme);
}

bool isLinkedInHost(const QString& host)
{
    return host == u"linkedin.com" || host.endsWith(u".linkedin.com");
}

} // namespace

QString normalize(const QString& url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    QUrl parsed = parse(trimmed);
    if (!parsed.isValid() || parsed.host().isEmpty()) {
        // Not a URL we can take apart: still give a stable key, so that equal inputs stay equal.
        return QUrl::fromPercentEncoding(trimmed.toUtf8()).toLower();
    }
    QString host = parsed.host().toLower();
    if (host.startsWith(u"www."))
        host.remove(0, 4);
    if (isLinkedInHost(host))
        host = QStringLiteral("linkedin.com");

    QString path = parsed.path(QUrl::FullyDecoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.isEmpty())
        return host;
    return host + path.toLower();
}

QString validate(const QString& url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    static const QRegularExpression whitespace(QStringLiteral("\\s"));
    if (trimmed.contains(whitespace))
        return tr("A profile URL cannot contain spaces.");
    static const QRegularExpression schemeWithoutSlashes(QStringLiteral("^([a-zA-Z][a-zA-Z0-9+.-]*):(?!//|\\d)"));
    if (const auto match = schemeWithoutSlashes.match(trimmed); match.hasMatch())
        return notAWebAddress(match.captured(1));
    const QUrl parsed = parse(trimmed);
    if (!parsed.isValid())
        return tr("This is not a valid URL: %1").arg(parsed.errorString());
    const QString scheme = parsed.scheme().toLower();
    if (scheme != u"http" && scheme != u"https")
        return notAWebAddress(scheme);
    const QString host = parsed.host();
    if (host.isEmpty() || !host.contains(u'.') || host.startsWith(u'.') || host.endsWith(u'.'))
        return tr("\"%1\" is not a web address: it has no domain such as linkedin.com.").arg(trimmed);
    return {};
}

} // namespace rapport::ProfileUrl
