#pragma once

#include "core/Result.h"
#include "core/cadence/PlanAdjustment.h"
#include "core/domain/Contact.h"
#include "core/domain/Interaction.h"
#include "core/domain/Template.h"

#include <QList>

namespace rapport {

class Database;

// What the WeekPlanner reads, loaded in one place so that planning itself is a pure, in-memory
// function: every contact (by id), the interaction log (by contact, then time), the templates and the
// user's adjustments of the week. The log is kept in the compact form the planner reads.
//
// Loaded for one week (a Window), it holds only the entries that can change that week's plan, so that
// 30,000 contacts with 300,000 entries load in a fraction of the time the whole log takes: every request
// event and follow; everything in the week; the messages in the follow-up window; each contact's last
// "met" and last "engaged"; and, for contacts with an acceptance, the first content shared since it and
// the last entry (not a note) before the week. Any superset of these gives the same plan.
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
        qint64 messagesFromMs = 0; // the follow-up message cap counts [messagesFromMs, messagesToMs)
        qint64 messagesToMs = 0;
    };

    PlanSnapshot() = default;
    PlanSnapshot(QList<Contact> contacts, QList<Interaction> interactions, QList<Template> templates = {},
                 QList<PlanAdjustment> adjustments = {});

    // Everything: the whole log and no adjustments.
    static Result<PlanSnapshot> load(Database& database);
    // What the plan of `window`'s week needs, with that week's adjustments.
    static Result<PlanSnapshot> load(Database& database, const Window& window);

    const QList<Contact>& contacts() const { return m_contacts; }
    // Grouped by contact id, oldest first within a contact; equal times keep the log's order.
    const QList<Entry>& entries() const { return m_entries; }
    const QList<Template>& templates() const { return m_templates; }
    const QList<PlanAdjustment>& adjustments() const { return m_adjustments; }

private:
    QList<Contact> m_contacts;
    QList<Entry> m_entries;
    QList<Template> m_templates;
    QList<PlanAdjustment> m_adjustments;
};

} // namespace rapport
