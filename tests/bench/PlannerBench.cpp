#include "core/cadence/PlanService.h"
#include "core/cadence/PlanSnapshot.h"
#include "core/cadence/WeekPlanner.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/PlanSnapshotLoader.h"
#include "core/storage/SqlUtil.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace rapport {
namespace {

const QDate kToday(2026, 11, 26);

struct Network
{
    QList<Contact> contacts;
    QList<Interaction> log;
};

// A member's network of 30,000 contacts with 300,000 entries, as a user who imported their LinkedIn export
// and has used Rapport for five years has it: connections from the export with years of messages,
// engagement and endorsements; the user's own requests, 4 a week, with their answers; 300 prospects (some to
// follow first); 40 contacts with a keep-in-touch cadence. Deterministic.
Network memberNetwork(int contactCount, int entriesPerContact)
{
    QList<Contact> contacts;
    QList<Interaction> log;
    contacts.reserve(contactCount);
    log.reserve(qsizetype(contactCount) * entriesPerContact);
    const QDateTime now(kToday, QTime(12, 0), Qt::UTC);
    const auto add = [&](qint64 contact, InteractionKind kind, const QDateTime& at, const QString& text = {}) {
        Interaction entry;
        entry.id = log.size() + 1;
        entry.contactId = contact;
        entry.kind = kind;
        entry.occurredAt = at;
        entry.text = text;
        log.append(entry);
    };
    const int requests = 4 * 52 * 5;
    entriesPerContact += 1; // the connections carry the entries the prospects and unanswered requests do not
    for (int i = 0; i < contactCount; ++i) {
        Contact contact;
        contact.id = i + 1;
        contact.firstName = QStringLiteral("Person");
        contact.lastName = QString::number(i);
        const qsizetype first = log.size();
        if (i < requests) {
            // The user's requests: 4 a week, Monday to Thursday, for five years before this week.
            const QDateTime sent = now.addDays(-7 * (1 + i / 4) - 3 + i % 4);
            contact.createdAt = sent.addDays(-3);
            contact.event = i % 3 == 0 ? QStringLiteral("DevConf") : QString();
            contact.howWeKnow = i % 3 == 0 ? QStringLiteral("met_at_event") : QStringLiteral("business_interest");
            add(contact.id, InteractionKind::RequestSent, sent, QStringLiteral("Hi, great meeting you."));
            if (i % 5 < 2)
                add(contact.id, InteractionKind::RequestAccepted, sent.addDays(1 + i % 6));
            else if (i % 5 == 2)
                add(contact.id, InteractionKind::RequestDeclined, sent.addDays(2));
            else if (i % 15 == 3)
                add(contact.id, InteractionKind::RequestWithdrawn, sent.addDays(25));
        } else if (i < requests + 300) {
            // Prospects, recently added, some to follow first.
            contact.createdAt = now.addDays(-(i % 120));
            contact.topic = i % 2 == 0 ? QStringLiteral("compilers") : QString();
            contact.littleInCommon = i % 10 == 0;
            contact.highProfile = i % 15 == 0;
            if (i % 7 == 0)
                add(contact.id, InteractionKind::Met, now.addDays(-(i % 9)));
        } else {
            // A connection from the export: connected years ago.
            contact.createdAt = now.addDays(-(i % 3000) - 30);
            add(contact.id, InteractionKind::RequestAccepted, contact.createdAt);
        }
        if (i % 700 == 0 && i >= requests + 300) {
            contact.keepInTouchDays = i % 1400 == 0 ? 30 : 90;
            contact.starred = i % 1400 == 0;
        }
        contacts.append(contact);
        // Years of history on the connections, oldest first, to 300,000 entries in all: engaging, endorsing,
        // sharing, and conversations in which the user answers (one in a hundred still waits for an answer).
        const bool connected = i >= requests + 300 || (i < requests && i % 5 < 2);
        if (!connected)
            continue;
        const InteractionKind history[] = { InteractionKind::Engaged,
                                            InteractionKind::MessageReceived,
                                            InteractionKind::MessageSent,
                                            InteractionKind::Endorsed,
                                            InteractionKind::Note,
                                            InteractionKind::ContentShared,
                                            InteractionKind::MessageReceived,
                                            InteractionKind::MessageSent,
                                            InteractionKind::Engaged };
        const QDateTime start = log.isEmpty() ? contact.createdAt : log.last().occurredAt;
        const qint64 span = std::max<qint64>(entriesPerContact, start.daysTo(now.addDays(-3)));
        const qint64 missing = entriesPerContact - (log.size() - first);
        for (qint64 j = 0; j < missing; ++j) {
            const InteractionKind kind = history[j % std::size(history)];
            if (kind == InteractionKind::MessageSent && j == missing - 1 && i % 100 == 0)
                continue; // waits for an answer
            add(contact.id, kind, start.addDays(span * (j + 1) / (missing + 1)).addSecs(j * 60));
        }
    }
    std::sort(log.begin(), log.end(), [](const Interaction& a, const Interaction& b) {
        return a.contactId != b.contactId ? a.contactId < b.contactId : a.occurredAt < b.occurredAt;
    });
    return { std::move(contacts), std::move(log) };
}

// The network the planner was measured on before: every third contact a prospect (10,000), requests at
// about 27 a day, over the last two years. Denser than any member's: kept to compare with.
Network denseNetwork(int contactCount, int entriesPerContact)
{
    QList<Contact> contacts;
    QList<Interaction> log;
    contacts.reserve(contactCount);
    log.reserve(qsizetype(contactCount) * entriesPerContact);
    const QDateTime now(kToday, QTime(12, 0), Qt::UTC);
    const InteractionKind answers[]
        = { InteractionKind::RequestAccepted, InteractionKind::RequestAccepted, InteractionKind::RequestDeclined,
            InteractionKind::RequestWithdrawn, InteractionKind::Note };
    const InteractionKind later[] = { InteractionKind::MessageSent,   InteractionKind::MessageReceived,
                                      InteractionKind::ContentShared, InteractionKind::Engaged,
                                      InteractionKind::Note,          InteractionKind::Endorsed };
    for (int i = 0; i < contactCount; ++i) {
        Contact contact;
        contact.id = i + 1;
        contact.firstName = QStringLiteral("Person");
        contact.lastName = QString::number(i);
        contact.starred = i % 5 == 0;
        contact.createdAt = now.addDays(-(i % 700));
        if (i % 3 == 0)
            contact.event = QStringLiteral("DevConf");
        if (i % 4 == 0)
            contact.howWeKnow = QStringLiteral("met_at_event");
        contacts.append(contact);
        // Every third contact is still a prospect (only notes and follows); the others had a request.
        const bool prospect = i % 3 == 1;
        const QDateTime start = now.addDays(-(i % 730)).addSecs(i % 3600);
        for (int j = 0; j < entriesPerContact; ++j) {
            Interaction entry;
            entry.id = log.size() + 1;
            entry.contactId = contact.id;
            entry.occurredAt = start.addDays(j * 3);
            if (prospect)
                entry.kind = j == 0 && i % 2 == 0 ? InteractionKind::Followed : InteractionKind::Note;
            else if (j == 0)
                entry.kind = InteractionKind::RequestSent;
            else if (j == 1)
                entry.kind = answers[i % 5];
            else
                entry.kind = later[(i + j) % 6];
            if (entry.kind == InteractionKind::RequestSent && i % 2 == 0)
                entry.text = QStringLiteral("Hi, great meeting you at DevConf.");
            log.append(entry);
        }
    }
    return { std::move(contacts), std::move(log) };
}

Network network(int kind)
{
    return kind == 0 ? memberNetwork(30000, 10) : denseNetwork(30000, 10);
}

// The same networks in SQLite files, filled once for the benchmarks below (state.range(0) says which).
// Each benchmark opens its own connection, so nothing read before is cached.
Database* storedNetwork(benchmark::State& state)
{
    static QTemporaryDir dir;
    static std::unique_ptr<Database> databases[2];
    static QString failures[2];
    const int kind = int(state.range(0));
    std::unique_ptr<Database>& database = databases[kind];
    QString& failure = failures[kind];
    if (!database && failure.isEmpty()) {
        auto opened = Database::open(dir.filePath(QStringLiteral("bench%1.sqlite").arg(kind)));
        if (!opened) {
            failure = opened.error();
        } else {
            database = std::move(opened).value();
            Database& db = *database;
            const Network source = network(kind);
            const Status filled = db.transaction([&]() -> Status {
                ContactRepository contacts(db);
                for (const Contact& contact : source.contacts) {
                    if (auto added = contacts.add(contact, contact.createdAt); !added)
                        return Error { added.error() };
                }
                for (const Interaction& entry : source.log) {
                    auto inserted = sql::exec(
                        db.connection(),
                        QStringLiteral("INSERT INTO interactions (contact_id, kind, occurred_at, "
                                       "text) VALUES (?, ?, ?, ?)"),
                        { entry.contactId, toKey(entry.kind), entry.occurredAt.toMSecsSinceEpoch(), entry.text });
                    if (!inserted)
                        return Error { inserted.error() };
                }
                return success();
            });
            if (!filled)
                failure = filled.error();
        }
    }
    if (!failure.isEmpty()) {
        state.SkipWithError(failure.toStdString().c_str());
        return nullptr;
    }
    return database.get();
}

const WeekPlanner& planner()
{
    static const WeekPlanner planner(CadenceRule::fromPreset(CadencePreset::FourOneOne), Limits {},
                                     AccountType::Premium, QLocale(QLocale::English, QLocale::UnitedKingdom),
                                     QTimeZone("Europe/Berlin"));
    return planner;
}

// In every benchmark below, arg 0 is the member's network and arg 1 the dense one.

// The plan itself, pure: from the whole database in memory (every contact and the whole log).
void BM_WeekPlanWholeSnapshot(benchmark::State& state)
{
    Network source = network(int(state.range(0)));
    const PlanSnapshot snapshot(std::move(source.contacts), std::move(source.log));
    std::size_t actions = 0;
    for (auto _ : state) {
        const WeekPlan plan = planner().plan(snapshot, kToday, kToday);
        actions = std::size_t(plan.actions.size());
        benchmark::DoNotOptimize(plan);
    }
    state.counters["contacts"] = double(snapshot.contacts().size());
    state.counters["interactions"] = double(snapshot.entries().size());
    state.counters["actions"] = double(actions);
}
BENCHMARK(BM_WeekPlanWholeSnapshot)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The plan itself, pure, from what PlanService reads for the week: what the window waits for once it is read.
void BM_WeekPlan(benchmark::State& state)
{
    Database* db = storedNetwork(state);
    if (!db)
        return;
    auto snapshot = PlanSnapshotLoader::forWeek(*db, planner().window(kToday, kToday));
    if (!snapshot) {
        state.SkipWithError(snapshot.error().toStdString().c_str());
        return;
    }
    std::size_t actions = 0;
    std::size_t open = 0;
    for (auto _ : state) {
        const WeekPlan plan = planner().plan(*snapshot, kToday, kToday);
        actions = std::size_t(plan.actions.size());
        open = std::size_t(std::count_if(plan.actions.cbegin(), plan.actions.cend(),
                                         [](const PlanAction& a) { return a.state != PlanActionState::Done; }));
        benchmark::DoNotOptimize(plan);
    }
    state.counters["contacts read"] = double(snapshot->contacts().size());
    state.counters["entries read"] = double(snapshot->entries().size());
    state.counters["actions"] = double(actions);
    state.counters["to do"] = double(open);
}
BENCHMARK(BM_WeekPlan)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Reading what the week's plan needs.
void BM_PlanSnapshotLoadWeek(benchmark::State& state)
{
    Database* db = storedNetwork(state);
    if (!db)
        return;
    for (auto _ : state) {
        auto snapshot = PlanSnapshotLoader::forWeek(*db, planner().window(kToday, kToday));
        benchmark::DoNotOptimize(snapshot);
    }
}
BENCHMARK(BM_PlanSnapshotLoadWeek)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The week's plan from a database connection opened just before (untimed): the settings, the reads and the
// plan, nothing kept from an earlier plan.
void BM_PlanFromColdConnection(benchmark::State& state)
{
    Database* stored = storedNetwork(state);
    if (!stored)
        return;
    const QString path = stored->path();
    for (auto _ : state) {
        state.PauseTiming();
        auto opened = Database::open(path);
        state.ResumeTiming();
        if (!opened) {
            state.SkipWithError(opened.error().toStdString().c_str());
            return;
        }
        // A new connection has a name of its own, so PlanService has kept nothing for it.
        auto plan = PlanService::weekPlan(**opened, kToday, kToday, QLocale(QLocale::English, QLocale::UnitedKingdom),
                                          QTimeZone("Europe/Berlin"));
        benchmark::DoNotOptimize(plan);
        state.PauseTiming();
        opened->reset();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_PlanFromColdConnection)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace rapport
