#include "core/cadence/PlanService.h"
#include "core/cadence/PlanSnapshot.h"
#include "core/cadence/WeekPlanner.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/SettingsRepository.h"
#include "core/storage/SqlUtil.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace rapport {
namespace {

const QDate kToday(2026, 11, 26);

// 30,000 contacts with 300,000 entries: prospects, pending and answered requests, connections with
// messages, engagement and check-ins, spread over the last two years. Deterministic.
struct Network
{
    QList<Contact> contacts;
    QList<Interaction> log;
};

Network network(int contactCount, int entriesPerContact)
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

void BM_WeekPlan(benchmark::State& state)
{
    Network source = network(int(state.range(0)), 10);
    const PlanSnapshot snapshot(std::move(source.contacts), std::move(source.log));
    const WeekPlanner planner(CadenceRule::fromPreset(CadencePreset::FourOneOne), Limits {}, AccountType::Premium,
                              QLocale(QLocale::English, QLocale::UnitedKingdom), QTimeZone("Europe/Berlin"));
    std::size_t actions = 0;
    for (auto _ : state) {
        const WeekPlan plan = planner.plan(snapshot, kToday, kToday);
        actions = std::size_t(plan.actions.size());
        benchmark::DoNotOptimize(plan);
    }
    state.counters["contacts"] = double(snapshot.contacts().size());
    state.counters["interactions"] = double(snapshot.entries().size());
    state.counters["actions"] = double(actions);
}
BENCHMARK(BM_WeekPlan)->Arg(30000)->Unit(benchmark::kMillisecond);

// The same network in an SQLite file, filled once for the benchmarks below.
Database* storedNetwork(benchmark::State& state)
{
    static QTemporaryDir dir;
    static std::unique_ptr<Database> database;
    static QString failure;
    if (!database && failure.isEmpty()) {
        auto opened = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
        if (!opened) {
            failure = opened.error();
        } else {
            database = std::move(opened).value();
            Database& db = *database;
            const Network source = network(30000, 10);
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

// Reading the whole log, as the plan did before it read only its week's window: for comparison.
void BM_PlanSnapshotLoadWholeLog(benchmark::State& state)
{
    Database* db = storedNetwork(state);
    if (!db)
        return;
    for (auto _ : state) {
        auto snapshot = PlanSnapshot::load(*db);
        benchmark::DoNotOptimize(snapshot);
    }
}
BENCHMARK(BM_PlanSnapshotLoadWholeLog)->Unit(benchmark::kMillisecond);

// What the plan of one week reads (PlanService): the contacts, the templates and the week's window of the log.
void BM_PlanSnapshotLoadWeek(benchmark::State& state)
{
    Database* db = storedNetwork(state);
    if (!db)
        return;
    const WeekPlanner planner(CadenceRule::fromPreset(CadencePreset::FourOneOne), Limits {}, AccountType::Premium,
                              QLocale(QLocale::English, QLocale::UnitedKingdom), QTimeZone("Europe/Berlin"));
    qsizetype entries = 0;
    for (auto _ : state) {
        auto snapshot = PlanSnapshot::load(*db, planner.window(kToday, kToday));
        entries = snapshot ? snapshot->entries().size() : 0;
        benchmark::DoNotOptimize(snapshot);
    }
    state.counters["entries read"] = double(entries);
}
BENCHMARK(BM_PlanSnapshotLoadWeek)->Unit(benchmark::kMillisecond);

// What the week view waits for: the settings, the snapshot and the plan. Arg 1: after a change (every
// iteration writes a setting first, untimed, so no plan is kept); arg 0: the same week asked again.
void BM_PlanServiceWeekPlan(benchmark::State& state)
{
    Database* db = storedNetwork(state);
    if (!db)
        return;
    int changes = 0;
    for (auto _ : state) {
        if (state.range(0) == 1) {
            state.PauseTiming();
            const Status touched
                = SettingsRepository(*db).setValue(QStringLiteral("bench.touch"), QString::number(++changes));
            state.ResumeTiming();
            if (!touched) {
                state.SkipWithError(touched.error().toStdString().c_str());
                return;
            }
        }
        auto plan = PlanService::weekPlan(*db, kToday, kToday, QLocale(QLocale::English, QLocale::UnitedKingdom),
                                          QTimeZone("Europe/Berlin"));
        benchmark::DoNotOptimize(plan);
    }
}
BENCHMARK(BM_PlanServiceWeekPlan)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace rapport
