#pragma once

#include "core/Result.h"
#include "core/domain/Contact.h"
#include "core/domain/Interaction.h"
#include "core/domain/Template.h"

#include <QList>

namespace rapport {

class Database;

// What the WeekPlanner reads, loaded in one place so that planning itself is a pure, in-memory
// function: every contact (by id), the whole interaction log (by contact, then time) and the templates.
// The log is kept in the compact form the planner reads, so that 300,000 entries plan in milliseconds.
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

    PlanSnapshot() = default;
    PlanSnapshot(QList<Contact> contacts, QList<Interaction> interactions, QList<Template> templates = {});

    static Result<PlanSnapshot> load(Database& database);

    const QList<Contact>& contacts() const { return m_contacts; }
    // Grouped by contact id, oldest first within a contact; equal times keep the log's order.
    const QList<Entry>& entries() const { return m_entries; }
    const QList<Template>& templates() const { return m_templates; }

private:
    QList<Contact> m_contacts;
    QList<Entry> m_entries;
    QList<Template> m_templates;
};

} // namespace rapport
