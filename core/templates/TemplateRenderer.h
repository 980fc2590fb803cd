#pragma once

#include "core/domain/Contact.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rapport {

// A placeholder that could not be filled, where it stands in the template body.
struct PlaceholderProblem
{
    enum class Reason
    {
        Unknown, // {nickname}: no such placeholder
        Empty, // {event}: known, but the contact (or the user's profile) has no value for it
    };
    QString name; // without braces
    qsizetype position; // UTF-16 offset of the '{' in the body
    qsizetype length; // of the whole "{name}"
    Reason reason;
    QString message; // for people: "{event} is empty for Ada Lovelace"

    bool operator==(const PlaceholderProblem&) const = default;
};

struct RenderedNote
{
    QString text; // problems are left in place as "{name}", so the user sees them
    QList<PlaceholderProblem> problems;

    bool complete() const { return problems.isEmpty(); }
    // As a browser's maxlength counts: UTF-16 code units, so an emoji counts 2.
    qsizetype length() const { return text.size(); }
    // Why this note may not be copied or sent, for people ("{event} is empty for Ada Lovelace"), or an
    // empty string when it may: a placeholder left unfilled, or more than `limit` characters (0: no limit).
    QString refusal(int limit) const;
};

// A placeholder occurrence in a template body, for highlighting.
struct PlaceholderSpan
{
    QString name;
    qsizetype position;
    qsizetype length;
    bool known;
};

// Fills {first_name}, {last_name}, {full_name}, {company}, {position}, {event}, {mutual_connection},
// {school}, {topic} from a contact and {my_name} from the user's profile (domain: Templates).
class TemplateRenderer
{
public:
    static const QStringList& placeholders(); // the known names, in menu order
    static QString placeholderDescription(const QString& name);
    static QList<PlaceholderSpan> scan(const QString& body);

    explicit TemplateRenderer(QString myName = {});

    RenderedNote render(const QString& body, const Contact& contact) const;

private:
    QString valueOf(const QString& name, const Contact& contact) const;

    QString m_myName;
};

} // namespace rapport
