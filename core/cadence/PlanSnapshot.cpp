#include "core/cadence/PlanSnapshot.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TemplateRepository.h"

#include <algorithm>

namespace rapport {

PlanSnapshot::PlanSnapshot(QList<Contact> contacts, QList<Interaction> interactions, QList<Template> templates)
    : m_contacts(std::move(contacts))
    , m_templates(std::move(templates))
{
    std::sort(m_contacts.begin(), m_contacts.end(), [](const Contact& a, const Contact& b) { return a.id < b.id; });
    m_entries.reserve(interactions.size());
    for (const Interaction& interaction : interactions) {
        m_entries.append({ interaction.contactId, interaction.occurredAt.toMSecsSinceEpoch(), interaction.kind,
                           !interaction.text.isEmpty() });
    }
    // A stable sort keeps the order in which entries at the same time were logged.
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
        return a.contactId != b.contactId ? a.contactId < b.contactId : a.atMs < b.atMs;
    });
}

Result<PlanSnapshot> PlanSnapshot::load(Database& database)
{
    auto contacts = ContactRepository(database).all();
    if (!contacts)
        return Error { contacts.error() };
    auto interactions = InteractionRepository(database).all();
    if (!interactions)
        return Error { interactions.error() };
    auto templates = TemplateRepository(database).all();
    if (!templates)
        return Error { templates.error() };
    return PlanSnapshot(std::move(contacts).value(), std::move(interactions).value(), std::move(templates).value());
}

} // namespace rapport
