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

    // The first request event after each request written from a template says how it was answered; an answer
    // logged at the same instant as its request comes after it in the log.
    QList<const Interaction*> events;
    for (const Interaction& interaction : interactions) {
        if (interaction.kind == InteractionKind::RequestSent || interaction.kind == InteractionKind::RequestAccepted
            || interaction.kind == InteractionKind::RequestDeclined
            || interaction.kind == InteractionKind::RequestWithdrawn)
            events.append(&interaction);
    }
    std::stable_sort(events.begin(), events.end(), [](const Interaction* a, const Interaction* b) {
        if (a->contactId != b->contactId)
            return a->contactId < b->contactId;
        return a->occurredAt != b->occurredAt ? a->occurredAt < b->occurredAt : a->id < b->id;
    });
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Interaction& sent = *events[i];
        if (sent.kind != InteractionKind::RequestSent || sent.templateName.isEmpty())
            continue;
        if (i + 1 >= events.size() || events[i + 1]->contactId != sent.contactId
            || events[i + 1]->kind == InteractionKind::RequestSent)
            continue;
        TemplateAnswers& answers = m_templateAnswers[sent.templateName];
        ++answers.answered;
        answers.accepted += events[i + 1]->kind == InteractionKind::RequestAccepted ? 1 : 0;
    }
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
