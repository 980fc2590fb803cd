#include "core/storage/Migrations.h"

namespace rapport {

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all {
        { 1,
          {
              // sql: identifiers only (a constant)
              QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId),
              QStringLiteral(R"(CREATE TABLE contacts (
                    id INTEGER PRIMARY KEY,
                    first_name TEXT NOT NULL DEFAULT '',
                    last_name TEXT NOT NULL DEFAULT '',
                    position TEXT NOT NULL DEFAULT '',
                    company TEXT NOT NULL DEFAULT '',
                    location TEXT NOT NULL DEFAULT '',
                    profile_url TEXT NOT NULL DEFAULT '',
                    profile_key TEXT NOT NULL DEFAULT '',
                    email TEXT NOT NULL DEFAULT '',
                    email_key TEXT NOT NULL DEFAULT '',
                    phone TEXT NOT NULL DEFAULT '',
                    tags TEXT NOT NULL DEFAULT '',
                    starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
                    notes TEXT NOT NULL DEFAULT '',
                    how_we_know TEXT NOT NULL DEFAULT '',
                    event TEXT NOT NULL DEFAULT '',
                    mutual_connection TEXT NOT NULL DEFAULT '',
                    school TEXT NOT NULL DEFAULT '',
                    topic TEXT NOT NULL DEFAULT '',
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                ))"),
              // One contact per profile; emails only identify when there is no URL, so no constraint.
              QStringLiteral("CREATE UNIQUE INDEX contacts_profile_key ON contacts(profile_key) "
                             "WHERE profile_key <> ''"),
              QStringLiteral("CREATE INDEX contacts_email_key ON contacts(email_key) WHERE email_key <> ''"),
              QStringLiteral(R"(CREATE TABLE interactions (
                    id INTEGER PRIMARY KEY,
                    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    occurred_at INTEGER NOT NULL,
                    text TEXT NOT NULL DEFAULT '',
                    template TEXT NOT NULL DEFAULT '',
                    url TEXT NOT NULL DEFAULT ''
                ))"),
              QStringLiteral("CREATE INDEX interactions_contact ON interactions(contact_id, occurred_at)"),
              QStringLiteral("CREATE INDEX interactions_kind ON interactions(kind, occurred_at)"),
              QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
          } },
        // The ConnectAdvisor's flags on a contact (domain: Connect or follow).
        { 2,
          {
              QStringLiteral("ALTER TABLE contacts ADD COLUMN high_profile INTEGER NOT NULL DEFAULT 0 "
                             "CHECK (high_profile IN (0, 1))"),
              QStringLiteral("ALTER TABLE contacts ADD COLUMN little_in_common INTEGER NOT NULL DEFAULT 0 "
                             "CHECK (little_in_common IN (0, 1))"),
              QStringLiteral("ALTER TABLE contacts ADD COLUMN stay_anonymous INTEGER NOT NULL DEFAULT 0 "
                             "CHECK (stay_anonymous IN (0, 1))"),
          } },
        // Message templates (domain: Templates); the log keeps the name a note was written from.
        { 3,
          {
              QStringLiteral(R"(CREATE TABLE templates (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    kind TEXT NOT NULL,
                    body TEXT NOT NULL DEFAULT '',
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                ))"),
              QStringLiteral("CREATE INDEX interactions_template ON interactions(template) WHERE template <> ''"),
          } },
        // The acceptance statistics and stages read request events by kind and contact: answered from the index.
        { 4,
          {
              QStringLiteral("CREATE INDEX interactions_kind_contact ON interactions(kind, contact_id, occurred_at)"),
          } },
        // The user's changes to the week's plan (moved, snoozed, skipped), so that the plan remains a function of
        // what is stored. A date is a calendar day (yyyy-MM-dd), not a moment: no time zone applies.
        { 5,
          {
              QStringLiteral(R"(CREATE TABLE plan_adjustments (
                    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    week_start TEXT NOT NULL,
                    moved_to TEXT NOT NULL DEFAULT '',
                    skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
                    PRIMARY KEY (contact_id, kind, week_start)
                ))"),
              QStringLiteral("CREATE INDEX plan_adjustments_week ON plan_adjustments(week_start)"),
          } },
        // Keep-in-touch cadences (domain: Keep in touch): per contact (0 for none, what every contact had) and per
        // tag. A starred contact was checked in on every 30 days before, so it keeps that as Close.
        { 6,
          {
              QStringLiteral("ALTER TABLE contacts ADD COLUMN keep_in_touch_days INTEGER NOT NULL DEFAULT 0 "
                             "CHECK (keep_in_touch_days = 0 OR keep_in_touch_days BETWEEN 7 AND 730)"),
              QStringLiteral("UPDATE contacts SET keep_in_touch_days = 30 WHERE starred = 1"),
              QStringLiteral("CREATE INDEX contacts_keep_in_touch ON contacts(keep_in_touch_days) "
                             "WHERE keep_in_touch_days > 0"),
              QStringLiteral(R"(CREATE TABLE tag_cadences (
                    tag TEXT PRIMARY KEY COLLATE NOCASE,
                    days INTEGER NOT NULL CHECK (days BETWEEN 7 AND 730)
                ) WITHOUT ROWID)"),
          } },
        // A connection note may be written for how we know some people (domain: The weekly plan); the default
        // notes say for whom, in databases that have them under their default names.
        { 7,
          {
              QStringLiteral("ALTER TABLE templates ADD COLUMN how_we_know TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("UPDATE templates SET how_we_know = 'met_at_event' WHERE name = 'Met at an event' "
                             "AND kind = 'connection_note'"),
              QStringLiteral("UPDATE templates SET how_we_know = 'introduced' WHERE name = 'Mutual connection' "
                             "AND kind = 'connection_note'"),
              QStringLiteral("UPDATE templates SET how_we_know = 'studied_together' WHERE name = 'Fellow alum' "
                             "AND kind = 'connection_note'"),
          } },
        // The week's plan walks the prospects in its order of priority and stops after the few the week can take
        // (PlanSnapshotLoader): the order as an index, and whether a contact was ever asked in one probe.
        { 8,
          {
              QStringLiteral("CREATE INDEX contacts_priority ON contacts(starred DESC, ((how_we_know <> '') + "
                             "(event <> '') + (mutual_connection <> '') + (school <> '') + (topic <> '')) DESC, "
                             "created_at, id)"),
              QStringLiteral("CREATE INDEX interactions_request_events ON interactions(contact_id) WHERE kind IN "
                             "('request_sent', 'request_accepted', 'request_declined', 'request_withdrawn')"),
              // The few the advisor may say to follow first, in the same order.
              QStringLiteral("CREATE INDEX contacts_follow_first ON contacts(starred DESC, ((how_we_know <> '') + "
                             "(event <> '') + (mutual_connection <> '') + (school <> '') + (topic <> '')) DESC, "
                             "created_at, id) WHERE stay_anonymous = 1 OR high_profile = 1 OR little_in_common = 1"),
          } },
    };
    return all;
}

} // namespace rapport
