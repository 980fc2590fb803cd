#pragma once

#include "core/Result.h"
#include "core/domain/Contact.h"
#include "core/domain/Stage.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace rapport {

class Database;
struct WeekPlan;

// A contact's first action still to do in a week's plan.
struct NextAction
{
    QDate date;
    QString action; // its translated kind ("Send a request")
};

// What the contacts list shows beside a contact's own fields, all derived from the log and the plan.
struct ContactFacts
{
    Stage stage = Stage::Prospect;
    QDateTime lastInteraction; // UTC; invalid when nothing is logged
    QDate nextActionDate; // the first action of this week's plan still to do, if any
    QString nextAction; // its translated kind ("Send a request")
    int keepInTouchDays = 0; // the cadence that applies (its own or its tags'), 0 for none
    QDate nextKeepInTouch; // when it is next due to keep in touch; invalid without a cadence

    bool operator==(const ContactFacts&) const = default;
};

// A snapshot of every contact with its facts, read in a handful of queries (never one per contact), so
// that a list of tens of thousands of contacts can be shown from memory.
struct ContactOverview
{
    QList<Contact> contacts;
    QHash<qint64, ContactFacts> facts; // every contact has an entry

    // `now` pins the stages ("no response" after 21 days). The next actions are left empty: they come from
    // the week's plan (nextActions()), which takes longer to make than the list takes to show.
    static Result<ContactOverview> load(Database& database, const QDateTime& now);
    // Each planned contact's first action of `plan` still to do.
    static QHash<qint64, NextAction> nextActions(const WeekPlan& plan);
    // One contact's stage and last interaction, from its own log; the next action is left empty (it
    // depends on the whole week's plan).
    static Result<ContactFacts> factsOf(Database& database, qint64 contactId, const QDateTime& now);
};

} // namespace rapport
