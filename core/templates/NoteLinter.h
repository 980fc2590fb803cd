#pragma once

#include "core/domain/Contact.h"
#include "core/domain/Template.h"

#include <QList>
#include <QString>

#include <optional>

namespace rapport {

struct LintWarning
{
    enum class Rule
    {
        Generic, // no name: the note could be sent to anyone
        TooLong, // more than two sentences in a connection note, five in a message
        SalesPitch, // buy, discount, offer, pricing, demo...
        NoReason, // nothing says how we know each other or why connect
    };
    Rule rule;
    QString message; // what is wrong and why it matters, for people

    bool operator==(const LintWarning&) const = default;
};

// The seeds' advice on notes and messages, as warnings, for every kind of template (domain: Templates). The body is linted as written;
// given a contact, a name written out literally ("Hi Ada") also counts as personal.
class NoteLinter
{
public:
    static QList<LintWarning> lint(const QString& body, TemplateKind kind, const std::optional<Contact>& contact = {});
    static int sentenceCount(const QString& text);
};

} // namespace rapport
