#include "core/domain/ProfileUrl.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <optional>

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

// The key of a URL in the shape LinkedIn exports it ("https://www.linkedin.com/in/jane-doe-123", only ASCII
// letters, digits, '-', '_' and '/' in the path), without QUrl: what normalize() gives for it, at a fraction of
// the cost. Empty for any other shape, which takes the general path.
QString canonicalLinkedInKey(QStringView trimmed)
{
    for (const QStringView prefix : { QStringView(u"https://www.linkedin.com"), QStringView(u"https://linkedin.com"),
                                      QStringView(u"http://www.linkedin.com"), QStringView(u"http://linkedin.com") }) {
        if (!trimmed.startsWith(prefix))
            continue;
        QStringView path = trimmed.mid(prefix.size());
        if (!path.startsWith(u'/'))
            return {};
        for (const QChar c : path) {
            const char16_t u = c.unicode();
            const bool plain = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
                || u == u'-' || u == u'_' || u == u'/';
            if (!plain)
                return {};
        }
        while (path.endsWith(u'/'))
            path.chop(1);
        // Written in place, one allocation: this runs for every row of a Connections.csv.
        const QStringView host = u"linkedin.com";
        QString key(host.size() + path.size(), Qt::Uninitialized);
        QChar* out = std::copy(host.begin(), host.end(), key.data());
        for (const QChar c : path)
            *out++ = c.unicode() >= u'A' && c.unicode() <= u'Z' ? QChar(c.unicode() + 32) : c;
        return key;
    }
    return {};
}

QString normalizeParsed(const QString& trimmed, const QUrl& parsed)
{
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

// validate() of a trimmed, non-empty URL; `parsed` is filled when the URL got as far as being parsed.
QString problemIn(const QString& trimmed, std::optional<QUrl>& parsedOut)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s"));
    if (trimmed.contains(whitespace))
        return tr("A profile URL cannot contain spaces.");
    static const QRegularExpression schemeWithoutSlashes(QStringLiteral("^([a-zA-Z][a-zA-Z0-9+.-]*):(?!//|\\d)"));
    if (const auto match = schemeWithoutSlashes.match(trimmed); match.hasMatch())
        return notAWebAddress(match.captured(1));
    const QUrl& parsed = parsedOut.emplace(parse(trimmed));
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

} // namespace

QString normalize(const QString& url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (QString key = canonicalLinkedInKey(trimmed); !key.isEmpty())
        return key;
    return normalizeParsed(trimmed, parse(trimmed));
}

QString validate(const QString& url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    std::optional<QUrl> parsed;
    return problemIn(trimmed, parsed);
}

Checked check(const QString& url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (QString key = canonicalLinkedInKey(trimmed); !key.isEmpty())
        return { QString(), key };
    std::optional<QUrl> parsed;
    if (QString problem = problemIn(trimmed, parsed); !problem.isEmpty())
        return { problem, QString() };
    return { QString(), normalizeParsed(trimmed, parsed ? *parsed : parse(trimmed)) };
}

} // namespace rapport::ProfileUrl
