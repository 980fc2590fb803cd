#include "core/cadence/PlanSnapshot.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TemplateRepository.h"

#include <algorithm>

namespace rapport {

PlanSnapshot::PlanSnapshot(QList<Contact> contacts, QList<Interaction> interactions, QList<Template> templates)
    : m_contacts(std::move(contacts))
    , m_interactions(std::move(interactions))
    , m_templates(std::move(templates))
{
    std::sort(m_contacts.begin(), m_contacts.end(), [](const Contact& a, const Contact& b) { return a.id < b.id; });
    // The log comes in time order; a stable sort by contact keeps it, and an equal time keeps the order
    // in which the entries were logged.
    const auto byContactThenTime = [](const Interaction& a, const Interaction& b) {
        if (a.contactId != b.contactId)
            return a.contactId < b.contactId;
        return a.occurredAt.toMSecsSinceEpoch() < b.occurredAt.toMSecsSinceEpoch();
    };
    std::stable_sort(m_interactions.begin(), m_interactions.end(), byContactThenTime);
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
