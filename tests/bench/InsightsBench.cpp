#include "core/stats/StatsPeriod.h"
#include "tests/bench/StatsBenchData.h"
#include "ui/views/InsightsView.h"

#include <QApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace rapport {
namespace {

// Opening the Insights place on five years of a busy log (300,000 interactions): reading the snapshot,
// computing this period and the one before, building the charts and painting them once.
void BM_InsightsOpen(benchmark::State& state)
{
    QTemporaryDir dir;
    auto database = Database::open(dir.filePath(QStringLiteral("insights.sqlite")));
    if (!database) {
        state.SkipWithError(database.error().toStdString().c_str());
        return;
    }
    if (Status filled = bench::fillFiveYears(**database, QDateTime::currentDateTimeUtc()); !filled) {
        state.SkipWithError(filled.error().toStdString().c_str());
        return;
    }
    const auto period = StatsPeriod(state.range(0));
    for (auto _ : state) {
        InsightsView view(**database);
        view.setPeriod(period);
        view.resize(1030, 680);
        view.show(); // reloads
        const QPixmap painted = view.grab();
        benchmark::DoNotOptimize(painted);
    }
}
BENCHMARK(BM_InsightsOpen)
    ->Arg(int(StatsPeriod::Last12Weeks))
    ->Arg(int(StatsPeriod::All))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(10);

} // namespace
} // namespace rapport

int main(int argc, char* argv[])
{
    // Measured off screen, as the UI tests run.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
