#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/SqlUtil.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace rapport {
namespace {

// Deriving every contact's stage from a large log: what the contacts list and the CLI do on start.
void BM_StagesOfAllContacts(benchmark::State& state)
{
    const int contactCount = int(state.range(0));
    QTemporaryDir dir;
    auto database = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!database) {
        state.SkipWithError(database.error().toStdString().c_str());
        return;
    }
    Database& db = **database;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    (void)db.transaction([&]() -> Status {
        ContactRepository contacts(db);
        for (int i = 0; i < contactCount; ++i) {
            Contact contact;
            contact.firstName = QStringLiteral("Person");
            contact.lastName = QString::number(i);
            const qint64 id = contacts.add(contact, now).value();
            // Ten entries a contact, a request and its answer among them.
            for (int j = 0; j < 10; ++j) {
                const InteractionKind kind = j == 0 ? InteractionKind::RequestSent
                    : j == 1 ? (i % 5 < 2 ? InteractionKind::RequestAccepted : InteractionKind::Note)
                             : InteractionKind::Engaged;
                (void)sql::exec(
                    db.connection(),
                    QStringLiteral("INSERT INTO interactions (contact_id, kind, occurred_at) VALUES (?, ?, ?)"),
                    { id, toKey(kind), now.addDays(-(i % 400) + j).toMSecsSinceEpoch() });
            }
        }
        return success();
    });
    InteractionRepository interactions(db);
    for (auto _ : state) {
        auto stages = interactions.stages(now, 21);
        benchmark::DoNotOptimize(stages);
    }
    state.SetItemsProcessed(state.iterations() * contactCount);
}
BENCHMARK(BM_StagesOfAllContacts)->Arg(30000)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace rapport
