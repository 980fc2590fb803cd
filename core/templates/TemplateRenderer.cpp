#include "core/templates/TemplateRenderer.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TemplateRenderer", text);
}

const QRegularExpression& placeholderPattern()
{
    // Lower-case names in braces; anything else in braces is ordinary text.
    static const QRegularExpression pattern(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    return pattern;
}

} // namespace

const QStringList& TemplateRenderer::placeholders()
{
    static const QStringList names { QStringLiteral("first_name"),
                                     QStringLiteral("last_name"),
                                     QStringLiteral("full_name"),
                                     QStringLiteral("company"),
                                     QStringLiteral("position"),
                                     QStringLiteral("event"),
                                     QStringLiteral("mutual_connection"),
                                     QStringLiteral("school"),
                                     QStringLiteral("topic"),
                                     QStringLiteral("my_name") };
    return names;
}

QString TemplateRenderer::placeholderDescription(const QString& name)
{
    if (name == u"first_name")
        return tr("Their first name");
    if (name == u"last_name")
        return tr("Their last name");
    if (name == u"full_name")
        return tr("Their first and last name");
    if (name == u"company")
        return tr("Their company");
    if (name == u"position")
        return tr("Their position or headline");
    if (name == u"event")
        return tr("Where you met");
    if (name == u"mutual_connection")
        return tr("Who you both know");
    if (name == u"school")
        return tr("The school you share");
    if (name == u"topic")
        return tr("The topic or interest you share");
    if (name == u"my_name")
        return tr("Your own name (Settings)");
    return {};
}

QList<PlaceholderSpan> TemplateRenderer::scan(const QString& body)
{
    QList<PlaceholderSpan> spans;
    auto matches = placeholderPattern().globalMatch(body);
    while (matches.hasNext()) {
        const auto match = matches.next();
        spans.append({ match.captured(1), match.capturedStart(0), match.capturedLength(0),
                       placeholders().contains(match.captured(1)) });
    }
    return spans;
}

TemplateRenderer::TemplateRenderer(QString myName)
    : m_myName(std::move(myName))
{
}

QString TemplateRenderer::valueOf(const QString& name, const Contact& contact) const
{
    if (name == u"first_name")
        return contact.firstName;
    if (name == u"last_name")
        return contact.lastName;
    if (name == u"full_name")
        return contact.fullName();
    if (name == u"company")
        return contact.company;
    if (name == u"position")
        return contact.position;
    if (name == u"event")
        return contact.event;
    if (name == u"mutual_connection")
        return contact.mutualConnection;
    if (name == u"school")
        return contact.school;
    if (name == u"topic")
        return contact.topic;
    if (name == u"my_name")
        return m_myName;
    return {};
}

QString RenderedNote::refusal(int limit) const
{
    if (!problems.isEmpty())
        return problems.first().message;
    if (limit > 0 && length() > limit) {
        return QCoreApplication::translate("TemplateRenderer", "the note is %1 characters over LinkedIn's limit of %2")
            .arg(length() - limit)
            .arg(limit);
    }
    return {};
}

RenderedNote TemplateRenderer::render(const QString& body, const Contact& contact) const
{
    RenderedNote note;
    qsizetype copied = 0;
    for (const PlaceholderSpan& span : scan(body)) {
        note.text += QStringView(body).mid(copied, span.position - copied);
        copied = span.position + span.length;
        const QString token = body.mid(span.position, span.length);
        if (!span.known) {
            note.text += token;
            note.problems.append(
                { span.name, span.position, span.length, PlaceholderProblem::Reason::Unknown,
                  tr("%1 is not a placeholder; pick one from the Insert placeholder menu").arg(token) });
            continue;
        }
        const QString value = valueOf(span.name, contact).simplified();
        if (value.isEmpty()) {
            note.text += token;
            const QString whose = span.name == u"my_name" ? tr("your profile (Settings)")
                : contact.fullName().isEmpty()            ? tr("this contact")
                                                          : contact.fullName();
            note.problems.append({ span.name, span.position, span.length, PlaceholderProblem::Reason::Empty,
                                   tr("%1 is empty for %2").arg(token, whose) });
            continue;
        }
        note.text += value;
    }
    note.text += QStringView(body).mid(copied);
    return note;
}

} // namespace rapport
