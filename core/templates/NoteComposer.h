#pragma once

#include "core/Result.h"
#include "core/domain/Contact.h"
#include "core/domain/Template.h"
#include "core/templates/TemplateRenderer.h"

#include <QString>

namespace rapport {

class Database;

// A template rendered for one contact as it would be copied or logged: the text, the limit it is held to
// and, when it may not be used, why.
struct ContactNote
{
    Template source;
    RenderedNote note;
    int limit = 0; // LinkedIn's limit for a connection note on this account; 0 for the other kinds
    QString refusal; // empty when the note may be copied

    bool usable() const { return refusal.isEmpty(); }
};

// Renders templates for contacts with the user's name and the account's limit read from the database
// once (domain: Templates): what the Templates place, the contact panel and the week's cards share, so a
// note refused in one is refused in all.
class NoteComposer
{
public:
    static constexpr auto kMyNameSetting = "profile/my_name";

    explicit NoteComposer(Database& database);

    ContactNote compose(const Template& source, const Contact& contact) const;
    Result<ContactNote> compose(qint64 templateId, const Contact& contact) const;
    // The character limit of a template kind on this account; 0 when none applies.
    int limitFor(TemplateKind kind) const;
    const QString& myName() const { return m_myName; }

private:
    Database& m_database;
    QString m_myName;
    int m_noteLimit;
};

} // namespace rapport
