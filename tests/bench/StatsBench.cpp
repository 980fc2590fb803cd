#include "core/stats/AcceptanceStats.h"
#include "core/stats/StatsSnapshot.h"
#include "tests/bench/StatsBenchData.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace rapport {
namespace {

// One database for every statistics benchmark: building it takes longer than all of them.
struct FiveYears
{
    FiveYears()
    {
        auto opened = Database::open(dir.filePath(QStringLiteral("stats.sqlite")));
        if (!opened) {
            error = opened.error();
            return;
        }
        database = std::move(opened).value();
        if (Status filled = bench::fillFiveYears(*database, now); !filled)
            error = filled.error();
    }

    QTemporaryDir dir;
    std::unique_ptr<Database> database;
    QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
};

FiveYears& fiveYears()
{
    static FiveYears data;
    return data;
}

// Reading the lean snapshot of 300,000 interactions (the relevant ~115,000 rows of it).
void BM_StatsSnapshotLoad(benchmark::State& state)
{
    FiveYears& data = fiveYears();
    if (!data.error.isEmpty()) {
        state.SkipWithError(data.error.toStdString().c_str());
        return;
    }
    for (auto _ : state) {
        auto snapshot = StatsSnapshot::load(*data.database);
        benchmark::DoNotOptimize(snapshot);
    }
}
BENCHMARK(BM_StatsSnapshotLoad)->Unit(benchmark::kMillisecond);

// The statistics themselves, a pure function of the loaded snapshot: the whole five years (every week
// and month) and the last 12 weeks.
void BM_AcceptanceStatsCompute(benchmark::State& state)
{
    FiveYears& data = fiveYears();
    if (!data.error.isEmpty()) {
        state.SkipWithError(data.error.toStdString().c_str());
        return;
    }
    const StatsSnapshot snapshot = StatsSnapshot::load(*data.database).value();
    const QDate today = data.now.date();
    const DateRange period
        = state.range(0) == 0 ? DateRange { QDate(), today } : rangeOf(StatsPeriod::Last12Weeks, today, Qt::Monday);
    for (auto _ : state) {
        AcceptanceReport report = AcceptanceStats::compute(snapshot, period, today);
        benchmark::DoNotOptimize(report);
    }
    state.SetItemsProcessed(state.iterations() * qint64(snapshot.entries().size()));
}
BENCHMARK(BM_AcceptanceStatsCompute)->Arg(0)->Arg(12)->Unit(benchmark::kMillisecond);

// Both, as `rapport-cli stats` does.
void BM_StatsLoadAndCompute(benchmark::State& state)
{
    FiveYears& data = fiveYears();
    if (!data.error.isEmpty()) {
        state.SkipWithError(data.error.toStdString().c_str());
        return;
    }
    for (auto _ : state) {
        const StatsSnapshot snapshot = StatsSnapshot::load(*data.database).value();
        AcceptanceReport report = AcceptanceStats::compute(snapshot, {}, data.now.date());
        benchmark::DoNotOptimize(report);
    }
}
BENCHMARK(BM_StatsLoadAndCompute)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace rapport
