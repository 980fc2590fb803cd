#pragma once

#include "core/cadence/PlanAdjustment.h"
#include "core/domain/Contact.h"
#include "core/domain/Interaction.h"
#include "core/domain/Template.h"

#include <QHash>
#include <QList>
#include <QMap>

namespace rapport {

// What the WeekPlanner reads, loaded in one place so that planning itself is a pure, in-memory
// function: the contacts (by id), their interaction log (by contact, then time), the templates, the tags'
// keep-in-touch cadences and the user's adjustments of the week. The log is kept in the compact form the
// planner reads.
//
// PlanSnapshotLoader (core/storage) loads one for a week (a Window) with only the contacts that can change
// that week's plan, each with its whole log.
class PlanSnapshot
{
public:
    struct Entry
    {
        qint64 contactId;
        qint64 atMs; // UTC, ms since the epoch
        InteractionKind kind;
        bool hasText; // a request with a note
    };

    // The times (UTC ms) that bound what one week's plan reads; see WeekPlanner::window().
    struct Window
    {
        QDate weekStart;
        qint64 weekStartMs = 0; // the week is [weekStartMs, weekEndMs)
        qint64 weekEndMs = 0;
        qint64 requestsFromMs = 0; // requests sent since: the caps, a Basic account's notes, pending requests
        qint64 acceptedFromMs = 0; // acceptances since: the follow-ups
        qint64 receivedFromMs = 0; // messages received since: the replies
        qint64 retryBeforeMs = 0; // one request sent before this may be asked again
        qint64 metFromMs = 0; // met since: "send the request within the same week"
        qint64 engagedFromMs = 0; // engaged with since: a follow-first prospect is engaged with a week apart
        int requestsPerWeek = 0; // the rule's: how many prospects the week can take
    };

    PlanSnapshot() = default;
    PlanSnapshot(QList<Contact> contacts, QList<Interaction> interactions, QList<Template> templates = {},
                 QList<PlanAdjustment> adjustments = {}, QMap<QString, int> tagCadences = {});

    // From entries already grouped by contact id and ordered by time within a contact.
    static PlanSnapshot fromEntries(QList<Contact> contacts, QList<Entry> entries, QList<Template> templates,
                                    QList<PlanAdjustment> adjustments, QMap<QString, int> tagCadences);

    const QList<Contact>& contacts() const { return m_contacts; }
    // Grouped by contact id, oldest first within a contact; equal times keep the log's order.
    const QList<Entry>& entries() const { return m_entries; }
    const QList<Template>& templates() const { return m_templates; }
    const QList<PlanAdjustment>& adjustments() const { return m_adjustments; }
    // The tags' keep-in-touch cadences in days, by lower-cased tag.
    const QMap<QString, int>& tagCadences() const { return m_tagCadences; }

    // How the requests written from each template were answered, by template name: accepted of answered
    // (accepted, declined or withdrawn). The plan suggests the best-performing note when none is written
    // for how we know the person.
    struct TemplateAnswers
    {
        int accepted = 0;
        int answered = 0;

        bool operator==(const TemplateAnswers&) const = default;
    };
    const QHash<QString, TemplateAnswers>& templateAnswers() const { return m_templateAnswers; }
    void setTemplateAnswers(QHash<QString, TemplateAnswers> answers) { m_templateAnswers = std::move(answers); }

private:
    QList<Contact> m_contacts;
    QList<Entry> m_entries;
    QList<Template> m_templates;
    QList<PlanAdjustment> m_adjustments;
    QMap<QString, int> m_tagCadences;
    QHash<QString, TemplateAnswers> m_templateAnswers;
};

} // namespace rapport
