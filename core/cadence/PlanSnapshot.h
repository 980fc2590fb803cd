#pragma once

#include "core/Result.h"
#include "core/cadence/PlanAdjustment.h"
#include "core/domain/Contact.h"
#include "core/domain/Interaction.h"
#include "core/domain/Template.h"

#include <QList>
#include <QMap>

namespace rapport {

class Database;

// What the WeekPlanner reads, loaded in one place so that planning itself is a pure, in-memory
// function: the contacts (by id), their interaction log (by contact, then time), the templates, the tags'
// keep-in-touch cadences and the user's adjustments of the week. The log is kept in the compact form the
// planner reads.
//
// Loaded for one week (a Window), it holds only the contacts that can change that week's plan, each with
// its whole log, found by indexed queries: prospects (no request event yet), those asked once long enough
// ago to ask again, requests sent since the window's start, acceptances in the follow-up window, messages
// received in the reply window, anyone with an entry in the week, and contacts with a keep-in-touch
// cadence. On a network of 30,000 connections that is a few dozen contacts, not all of them. Any superset
// of these gives the same plan.
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
    };

    PlanSnapshot() = default;
    PlanSnapshot(QList<Contact> contacts, QList<Interaction> interactions, QList<Template> templates = {},
                 QList<PlanAdjustment> adjustments = {}, QMap<QString, int> tagCadences = {});

    // Everything: the whole log and no adjustments.
    static Result<PlanSnapshot> load(Database& database);
    // What the plan of `window`'s week needs, with that week's adjustments.
    static Result<PlanSnapshot> load(Database& database, const Window& window);

    const QList<Contact>& contacts() const { return m_contacts; }
    // Grouped by contact id, oldest first within a contact; equal times keep the log's order.
    const QList<Entry>& entries() const { return m_entries; }
    const QList<Template>& templates() const { return m_templates; }
    const QList<PlanAdjustment>& adjustments() const { return m_adjustments; }
    // The tags' keep-in-touch cadences in days, by lower-cased tag.
    const QMap<QString, int>& tagCadences() const { return m_tagCadences; }

private:
    QList<Contact> m_contacts;
    QList<Entry> m_entries;
    QList<Template> m_templates;
    QList<PlanAdjustment> m_adjustments;
    QMap<QString, int> m_tagCadences;
};

} // namespace rapport
