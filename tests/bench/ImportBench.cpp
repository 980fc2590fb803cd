#include "core/io/ImportFormats.h"
#include "core/io/Importer.h"
#include "core/storage/Database.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace rapport {
namespace {

constexpr int kRows = 30000;

// A LinkedIn Connections.csv of `rows` synthetic people, with the preamble of current exports. Written to
// a fixed temporary path so that tests/bench/compare_sqlite_import.sh times sqlite3 on the same file.
QString connectionsFile(int rows)
{
    const QString path = QDir::temp().filePath(QStringLiteral("rapport-bench-connections-%1.csv").arg(rows));
    if (QFile::exists(path))
        return path;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QRandomGenerator random(42);
    QByteArray text
        = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are "
          "missing. You will only see email addresses for connections who have allowed their connections "
          "to see or download their email address using this setting "
          "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
          "https://www.linkedin.com/help/linkedin/answer/261\"\n\n"
          "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    const char* months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    for (int i = 0; i < rows; ++i) {
        const QByteArray first = "Person" + QByteArray::number(i % 997);
        const QByteArray last = "Example" + QByteArray::number(i);
        text += first + ',' + last + ",https://www.linkedin.com/in/" + first.toLower() + '-' + last.toLower() + '-'
            + QByteArray::number(random.bounded(1 << 20), 16) + ','
            + (i % 10 == 0 ? last.toLower() + "@example.com" : "") + ",\"Company " + QByteArray::number(i % 500)
            + ", Inc.\",Software Engineer," + QByteArray::number(1 + random.bounded(28)) + ' '
            + months[random.bounded(12)] + ' ' + QByteArray::number(2015 + random.bounded(11)) + '\n';
    }
    file.write(text);
    return path;
}

Status importFile(Database& database, const QString& path)
{
    auto parsed = ImportFormats::readFile(path);
    if (!parsed)
        return Error { parsed.error() };
    auto summary = Importer(database).apply(*parsed);
    if (!summary)
        return Error { summary.error() };
    return success();
}

// As rapport-cli imports: the file streamed a batch at a time.
Status importStreamed(Database& database, const QString& path)
{
    auto stream = ImportStream::openFile(path);
    if (!stream)
        return Error { stream.error() };
    auto summary = Importer(database).apply(**stream);
    if (!summary)
        return Error { summary.error() };
    return success();
}

// Reading, matching and writing a whole Connections.csv into an empty database, in one transaction; parsed
// whole first as the window does (argument 0), or streamed as rapport-cli does (1).
void BM_ImportConnectionsIntoEmptyDatabase(benchmark::State& state)
{
    const QString path = connectionsFile(int(state.range(0)));
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auto database = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
        if (!database) {
            state.SkipWithError(database.error().toStdString().c_str());
            return;
        }
        state.ResumeTiming();
        if (Status done = state.range(1) ? importStreamed(**database, path) : importFile(**database, path); !done) {
            state.SkipWithError(done.error().toStdString().c_str());
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ImportConnectionsIntoEmptyDatabase)
    ->Args({ kRows, 0 })
    ->Args({ kRows, 1 })
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The same file again: every row matches a contact and its acceptance, nothing is written.
void BM_ReimportConnections(benchmark::State& state)
{
    const QString path = connectionsFile(int(state.range(0)));
    QTemporaryDir dir;
    auto database = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!database) {
        state.SkipWithError(database.error().toStdString().c_str());
        return;
    }
    if (Status done = importFile(**database, path); !done) {
        state.SkipWithError(done.error().toStdString().c_str());
        return;
    }
    for (auto _ : state) {
        if (Status done = state.range(1) ? importStreamed(**database, path) : importFile(**database, path); !done) {
            state.SkipWithError(done.error().toStdString().c_str());
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ReimportConnections)->Args({ kRows, 0 })->Args({ kRows, 1 })->Unit(benchmark::kMillisecond)->UseRealTime();

// Matching every row without writing: what the wizard's preview costs, and the planning part of an import.
void BM_PreviewConnectionsIntoEmptyDatabase(benchmark::State& state)
{
    const QString path = connectionsFile(int(state.range(0)));
    QTemporaryDir dir;
    auto database = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    auto parsed = ImportFormats::readFile(path);
    if (!database || !parsed) {
        state.SkipWithError("cannot open the database or read the file");
        return;
    }
    for (auto _ : state) {
        auto preview = Importer(**database).preview(*parsed);
        benchmark::DoNotOptimize(preview);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_PreviewConnectionsIntoEmptyDatabase)->Arg(kRows)->Unit(benchmark::kMillisecond)->UseRealTime();

// Reading alone, for the split between parsing and the database.
void BM_ReadConnections(benchmark::State& state)
{
    const QString path = connectionsFile(int(state.range(0)));
    for (auto _ : state) {
        auto parsed = ImportFormats::readFile(path);
        benchmark::DoNotOptimize(parsed);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ReadConnections)->Arg(kRows)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
} // namespace rapport
