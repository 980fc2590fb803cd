#include "core/cadence/PlanSnapshot.h"

#include <algorithm>

namespace rapport {

PlanSnapshot::PlanSnapshot(QList<Contact> contacts, QList<Interaction> interactions, QList<Template> templates,
                           QList<PlanAdjustment> adjustments, QMap<QString, int> tagCadences)
    : m_contacts(std::move(contacts))
    , m_templates(std::move(templates))
    , m_adjustments(std::move(adjustments))
    , m_tagCadences(std::move(tagCadences))
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

PlanSnapshot PlanSnapshot::fromEntries(QList<Contact> contacts, QList<Entry> entries, QList<Template> templates,
                                       QList<PlanAdjustment> adjustments, QMap<QString, int> tagCadences)
{
    PlanSnapshot snapshot;
    snapshot.m_contacts = std::move(contacts);
    snapshot.m_entries = std::move(entries);
    snapshot.m_templates = std::move(templates);
    snapshot.m_adjustments = std::move(adjustments);
    snapshot.m_tagCadences = std::move(tagCadences);
    return snapshot;
}

} // namespace rapport
