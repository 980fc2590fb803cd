#include "core/io/DemoData.h"
#include "core/storage/ContactOverview.h"
#include "core/storage/Database.h"
#include "tests/bench/StatsBenchData.h"
#include "ui/MainWindow.h"
#include "ui/models/ContactFilterProxy.h"
#include "ui/models/ContactTableModel.h"
#include "ui/views/ContactsView.h"
#include "ui/workers/PlanWorker.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <optional>

namespace rapport {
namespace {

constexpr int kContacts = 30000;

// 30,000 plausible contacts (names, companies, positions, tags) in the model, sorted by name as the view is.
struct Contacts
{
    Contacts()
    {
        const ParsedImport demo = DemoData::generate(kContacts, 7, QDate(2024, 6, 3));
        QList<Contact> contacts;
        QHash<qint64, ContactFacts> facts;
        qint64 id = 0;
        for (const ImportRecord& record : demo.records) {
            Contact contact = record.contact;
            contact.id = ++id;
            ContactFacts fact;
            fact.stage = Stage(id % 6);
            fact.lastInteraction = QDateTime(QDate(2024, 1, 1), QTime(9, 0), Qt::UTC).addSecs(id * 997);
            contacts.append(contact);
            facts.insert(contact.id, fact);
        }
        model.setContacts(contacts, facts);
        proxy.setContactModel(&model);
        proxy.sort(ContactTableModel::NameColumn);
    }
    ContactTableModel model;
    ContactFilterProxy proxy;
};

// One keystroke in the search box: the words typed so far filter 30,000 rows (and the shown ones stay sorted).
// The keystrokes type "engineer berlin" letter by letter, then take it back with Backspace, and again.
void BM_SearchKeystroke(benchmark::State& state)
{
    Contacts contacts;
    const QString typed = QStringLiteral("engineer berlin");
    const int length = int(typed.size());
    int step = 0;
    for (auto _ : state) {
        const int at = step < length ? step + 1 : 2 * length - step - 1; // 1..15, then 14..0
        step = (step + 1) % (2 * length);
        contacts.proxy.setSearchText(typed.left(at));
        benchmark::DoNotOptimize(contacts.proxy.rowCount());
    }
}
BENCHMARK(BM_SearchKeystroke)->Unit(benchmark::kMillisecond);

// A click on a column header: sorting 30,000 rows by that column, alternating the order.
void BM_SortColumn(benchmark::State& state)
{
    Contacts contacts;
    const int column = int(state.range(0));
    bool ascending = true;
    for (auto _ : state) {
        contacts.proxy.sort(column, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
        ascending = !ascending;
        benchmark::DoNotOptimize(contacts.proxy.rowCount());
    }
}
BENCHMARK(BM_SortColumn)
    ->Arg(ContactTableModel::NameColumn)
    ->Arg(ContactTableModel::CompanyColumn)
    ->Arg(ContactTableModel::StageColumn)
    ->Arg(ContactTableModel::LastInteractionColumn)
    ->Unit(benchmark::kMillisecond);

// A database of 30,000 contacts and 300,000 interactions over five years, made once.
const QString& fiveYearDatabase()
{
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString file = dir.filePath(QStringLiteral("contacts.sqlite"));
        auto database = Database::open(file);
        if (!database || !bench::fillFiveYears(**database, QDateTime::currentDateTimeUtc()))
            return QString();
        return file;
    }();
    return path;
}

// A connection of its own to that database.
Result<std::unique_ptr<Database>> openFiveYearDatabase()
{
    if (fiveYearDatabase().isEmpty())
        return Error { QStringLiteral("cannot make the database") };
    return Database::open(fiveYearDatabase());
}

// The database opened afresh, as at a real start (so nothing derived is cached), and the main window shown on
// `place` and painted once. Closing them is left to the caller, untimed.
struct ShownWindow
{
    std::unique_ptr<Database> database;
    std::unique_ptr<MainWindow> window;
};

std::optional<ShownWindow> showWindow(benchmark::State& state, MainWindow::Place place)
{
    auto opened = openFiveYearDatabase();
    if (!opened) {
        state.SkipWithError(opened.error().toStdString().c_str());
        return std::nullopt;
    }
    ShownWindow shown { std::move(opened).value(), nullptr };
    shown.window = std::make_unique<MainWindow>(*shown.database);
    shown.window->showPlace(place);
    shown.window->resize(1180, 720);
    shown.window->show();
    benchmark::DoNotOptimize(shown.window->grab());
    return shown;
}

void waitForPlans(const MainWindow& window)
{
    while (window.planWorker()->pending() > 0)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QCoreApplication::processEvents(); // the last answer shown
}

void close(benchmark::State& state, std::optional<ShownWindow>& shown)
{
    state.PauseTiming();
    shown.reset();
    state.ResumeTiming();
}

// Opening the database and the main window on 30,000 contacts and 300,000 interactions until the contacts
// are listed and painted once (untilPlanned:0), beside a bare QMainWindow measured the same way; and until
// the week's plan, made on the planner's thread meanwhile, is shown too (untilPlanned:1).
void BM_OpenMainWindow(benchmark::State& state)
{
    const bool untilPlanned = state.range(0) != 0;
    fiveYearDatabase(); // made once, before the first timed iteration
    for (auto _ : state) {
        auto shown = showWindow(state, MainWindow::Place::Contacts);
        if (!shown)
            return;
        if (shown->window->contactsView()->table()->model()->rowCount() != kContacts)
            state.SkipWithError("the contacts are not all listed");
        if (untilPlanned) {
            waitForPlans(*shown->window);
            benchmark::DoNotOptimize(shown->window->grab());
        }
        close(state, shown);
    }
}
BENCHMARK(BM_OpenMainWindow)->ArgName("untilPlanned")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(10);

// How long the window stops answering while This week is planned at 30,000 contacts (the plan is made on
// another thread): the longest gap between two ticks of a 1 ms timer on the GUI thread, from the window's
// first paint until the plan is shown. A gap under ~50 ms is not seen.
void BM_LongestStallWhilePlanning(benchmark::State& state)
{
    double longest = 0;
    fiveYearDatabase();
    for (auto _ : state) {
        auto shown = showWindow(state, MainWindow::Place::Week);
        if (!shown)
            return;
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 stall = 0;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            stall = std::max(stall, clock.nsecsElapsed() - last);
            last = clock.nsecsElapsed();
        });
        tick.start(1);
        waitForPlans(*shown->window);
        stall = std::max(stall, clock.nsecsElapsed() - last);
        longest = std::max(longest, double(stall) / 1e6);
        state.SetIterationTime(double(stall) / 1e9);
        close(state, shown);
    }
    state.counters["longest_ms"] = longest;
}
BENCHMARK(BM_LongestStallWhilePlanning)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(10);

// The part of opening the window that reads the database: every contact with its stage and last interaction.
void BM_LoadContactOverview(benchmark::State& state)
{
    auto database = openFiveYearDatabase();
    if (!database) {
        state.SkipWithError(database.error().toStdString().c_str());
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto _ : state) {
        auto overview = ContactOverview::load(**database, now);
        if (!overview || overview->contacts.size() != kContacts)
            state.SkipWithError("the contacts are not all read");
        benchmark::DoNotOptimize(overview);
    }
}
BENCHMARK(BM_LoadContactOverview)->Unit(benchmark::kMillisecond);

void BM_OpenBareMainWindow(benchmark::State& state)
{
    for (auto _ : state) {
        QMainWindow window;
        window.resize(1180, 720);
        window.show();
        const QPixmap painted = window.grab();
        benchmark::DoNotOptimize(painted);
    }
}
BENCHMARK(BM_OpenBareMainWindow)->Unit(benchmark::kMillisecond)->Iterations(10);

} // namespace
} // namespace rapport

int main(int argc, char* argv[])
{
    // Measured off screen, as the UI tests run, and away from the user's settings.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
