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
class PlanSnapshot
{
public:
    PlanSnapshot() = default;
    PlanSnapshot(QList<Contact> contacts, QList<Interaction> interactions, QList<Template> templates = {});

    static Result<PlanSnapshot> load(Database& database);

    const QList<Contact>& contacts() const { return m_contacts; }
    // Grouped by contact id, oldest first within a contact.
    const QList<Interaction>& interactions() const { return m_interactions; }
    const QList<Template>& templates() const { return m_templates; }

private:
    QList<Contact> m_contacts;
    QList<Interaction> m_interactions;
    QList<Template> m_templates;
};

} // namespace rapport
