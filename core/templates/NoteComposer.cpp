#include "core/templates/NoteComposer.h"

#include "core/cadence/AccountType.h"
#include "core/cadence/CadenceSettings.h"
#include "core/storage/SettingsRepository.h"
#include "core/storage/TemplateRepository.h"

namespace rapport {

NoteComposer::NoteComposer(Database& database)
    : m_database(database)
    , m_myName(SettingsRepository(database).value(QString::fromLatin1(kMyNameSetting)).value_or(QString()))
    , m_noteLimit(noteCharacterLimit(CadenceSettings(database).accountType().value_or(AccountType::Premium)))
{
}

int NoteComposer::limitFor(TemplateKind kind) const
{
    return kind == TemplateKind::ConnectionNote ? m_noteLimit : 0;
}

ContactNote NoteComposer::compose(const Template& source, const Contact& contact) const
{
    ContactNote result;
    result.source = source;
    result.note = TemplateRenderer(m_myName).render(source.body, contact);
    result.limit = limitFor(source.kind);
    result.refusal = result.note.refusal(result.limit);
    return result;
}

Result<ContactNote> NoteComposer::compose(qint64 templateId, const Contact& contact) const
{
    auto source = TemplateRepository(m_database).find(templateId);
    if (!source)
        return Error { source.error() };
    return compose(*source, contact);
}

} // namespace rapport
