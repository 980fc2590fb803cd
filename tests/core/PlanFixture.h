#pragma once

#include "core/cadence/PlanSnapshot.h"
#include "core/cadence/WeekPlanner.h"
#include "core/domain/StageResolver.h"

#include <QHash>

#include <gtest/gtest.h>

namespace rapport::test {

// Contacts and a log built in memory, planned with today, locale and zone pinned.
class PlanFixture
{
public:
    QDateTime at(const QDate& day, int hour = 10) const { return QDateTime(day, QTime(hour, 0), Qt::UTC); }

    qint64 contact(const QString& name, bool starred = false, const QDate& added = QDate(2026, 1, 1))
    {
        Contact c;
        c.id = ++m_lastId;
        c.firstName = name;
        c.starred = starred;
        c.createdAt = at(added);
        m_contacts.append(c);
        return c.id;
    }
    Contact& edit(qint64 id) { return m_contacts[id - 1]; }
    // A connection since `connectedOn` (imported: no request of the user's), keeping in touch every `cadence` days.
    qint64 connection(const QString& name, int cadence, const QDate& connectedOn = QDate(2024, 1, 1),
                      bool starred = false)
    {
        const qint64 id = contact(name, starred, connectedOn);
        edit(id).keepInTouchDays = cadence;
        log(id, InteractionKind::RequestAccepted, connectedOn);
        return id;
    }

    void log(qint64 id, InteractionKind kind, const QDateTime& when, const QString& text = {},
             const QString& templateName = {})
    {
        Interaction entry;
        entry.id = m_log.size() + 1;
        entry.contactId = id;
        entry.kind = kind;
        entry.occurredAt = when;
        entry.text = text;
        entry.templateName = templateName;
        m_log.append(entry);
    }
    void log(qint64 id, InteractionKind kind, const QDate& day, const QString& text = {},
             const QString& templateName = {})
    {
        log(id, kind, at(day), text, templateName);
    }

    WeekPlan plan(const QDate& today, const QDate& week = {}) const
    {
        const WeekPlanner planner(rule, limits, account, locale, QTimeZone::utc());
        return planner.plan(PlanSnapshot(m_contacts, m_log, templates, adjustments, tagCadences),
                            week.isValid() ? week : today, today);
    }

    // Every contact's stage at the end of `today`, as StageResolver sees it.
    QHash<qint64, Stage> stages(const QDate& today) const
    {
        QHash<qint64, StageResolver> resolvers;
        for (const Interaction& entry : m_log)
            resolvers[entry.contactId].add(entry);
        QHash<qint64, Stage> result;
        for (const Contact& c : m_contacts)
            result.insert(c.id, resolvers.value(c.id).stage(at(today, 23), limits.noResponseDays));
        return result;
    }

    const QList<Interaction>& entries() const { return m_log; }

    CadenceRule rule = CadenceRule::fromPreset(CadencePreset::FourOneOne);
    Limits limits;
    AccountType account = AccountType::Premium;
    QLocale locale = QLocale(QLocale::English, QLocale::UnitedKingdom); // weeks start on Monday
    QList<PlanAdjustment> adjustments; // the user's moves and skips
    QList<Template> templates;
    QMap<QString, int> tagCadences; // by lower-cased tag

private:
    QList<Contact> m_contacts;
    QList<Interaction> m_log;
    qint64 m_lastId = 0;
};

inline QList<qint64> contactsOf(const QList<PlanAction>& actions)
{
    QList<qint64> ids;
    for (const PlanAction& action : actions)
        ids.append(action.contactId);
    return ids;
}

inline QList<PlanAction> actionsOf(const WeekPlan& plan, PlanActionKind kind,
                                   std::optional<PlanActionState> state = std::nullopt)
{
    QList<PlanAction> result;
    for (const PlanAction& action : plan.actions) {
        if (action.kind == kind && (!state || action.state == *state))
            result.append(action);
    }
    return result;
}

} // namespace rapport::test
