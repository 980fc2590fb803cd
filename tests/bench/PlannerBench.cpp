#include "core/cadence/PlanSnapshot.h"
#include "core/cadence/WeekPlanner.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
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

// Reading the snapshot from SQLite, which the plan does once before planning in memory: for comparison.
void BM_PlanSnapshotLoad(benchmark::State& state)
{
    QTemporaryDir dir;
    auto database = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!database) {
        state.SkipWithError(database.error().toStdString().c_str());
        return;
    }
    Database& db = **database;
    const Network source = network(int(state.range(0)), 10);
    const Status filled = db.transaction([&]() -> Status {
        ContactRepository contacts(db);
        for (const Contact& contact : source.contacts) {
            if (auto added = contacts.add(contact, contact.createdAt); !added)
                return Error { added.error() };
        }
        for (const Interaction& entry : source.log) {
            auto inserted = sql::exec(
                db.connection(),
                QStringLiteral("INSERT INTO interactions (contact_id, kind, occurred_at, text) VALUES (?, ?, ?, ?)"),
                { entry.contactId, toKey(entry.kind), entry.occurredAt.toMSecsSinceEpoch(), entry.text });
            if (!inserted)
                return Error { inserted.error() };
        }
        return success();
    });
    if (!filled) {
        state.SkipWithError(filled.error().toStdString().c_str());
        return;
    }
    for (auto _ : state) {
        auto snapshot = PlanSnapshot::load(db);
        benchmark::DoNotOptimize(snapshot);
    }
}
BENCHMARK(BM_PlanSnapshotLoad)->Arg(30000)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace rapport
