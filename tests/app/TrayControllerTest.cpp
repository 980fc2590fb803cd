#include "app/gui/TrayController.h"
#include "app/gui/TrayHost.h"
#include "core/cadence/CadenceSettings.h"
#include "core/cadence/PlanService.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "ui/MainWindow.h"
#include "ui/desktop/DesktopSettings.h"
#include "ui/workers/PlanWorker.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace rapport {
namespace {

const QTimeZone kBerlin("Europe/Berlin");

QDateTime berlin(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), kBerlin);
}

// A tray that records what it was asked to show.
class FakeTrayHost : public TrayHost
{
public:
    struct Message
    {
        QString title;
        QString text;
    };

    bool isAvailable() const override { return available; }
    void setVisible(bool shown) override { visible = shown; }
    void setToolTip(const QString& text) override { toolTip = text; }
    void setMenu(QMenu* m) override { menu = m; }
    void showMessage(const QString& title, const QString& text) override { messages.append({ title, text }); }

    bool available = true;
    bool visible = false;
    QString toolTip;
    QMenu* menu = nullptr;
    QList<Message> messages;
};

// Eight prospects, so the week's plan asks for requests; the clock is pinned, in Berlin.
class TrayControllerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // This test's own QSettings (tests run in parallel processes).
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QApplication::setQuitOnLastWindowClosed(true);
        auto opened = Database::open(m_dir.filePath(QStringLiteral("tray.sqlite")));
        ASSERT_TRUE(opened.ok()) << opened.error().toStdString();
        m_database = std::move(opened).value();
        ContactRepository contacts(*m_database);
        for (int i = 0; i < 8; ++i) {
            Contact prospect;
            prospect.firstName = QStringLiteral("Grace%1").arg(i + 1);
            prospect.lastName = QStringLiteral("Hopper");
            ASSERT_TRUE(contacts.add(prospect, QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC)).ok());
        }
        m_window = std::make_unique<MainWindow>(*m_database);
    }

    void TearDown() override { QApplication::setQuitOnLastWindowClosed(true); }

    std::unique_ptr<TrayController> start(const QDateTime& now)
    {
        m_now = now;
        auto host = std::make_unique<FakeTrayHost>();
        m_host = host.get();
        auto controller = std::make_unique<TrayController>(std::move(host));
        controller->setClock([this] { return m_now; });
        controller->setTimeZone(kBerlin);
        controller->attach(*m_database, *m_window);
        EXPECT_TRUE(planned());
        return controller;
    }

    // The tray's plans are made on the window's planner thread: waits for every one asked for.
    bool planned() const
    {
        return QTest::qWaitFor([&] { return m_window->planWorker()->pending() == 0; }, 10000);
    }

    QString expectedText() const
    {
        const QDate today = m_now.toTimeZone(kBerlin).date();
        return ReminderSchedule::text(PlanService::weekPlan(*m_database, today, today, QLocale(), kBerlin).value());
    }

    QAction* action(const QString& text) const
    {
        for (QAction* candidate : m_host->menu->actions()) {
            if (candidate->text() == text)
                return candidate;
        }
        ADD_FAILURE() << "no menu item " << text.toStdString();
        return nullptr;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<MainWindow> m_window;
    FakeTrayHost* m_host = nullptr;
    QDateTime m_now;
};

TEST_F(TrayControllerTest, TheReminderShowsAtTheSetTimeAndOnlyThen)
{
    ASSERT_TRUE(CadenceSettings(*m_database).setReminder({ Qt::Monday, QTime(9, 0), true }).ok());
    auto tray = start(berlin(11, 21, 12)); // Saturday
    EXPECT_TRUE(m_host->visible);
    EXPECT_TRUE(m_host->messages.isEmpty()) << "a fresh database has missed nothing";
    EXPECT_EQ(tray->nextReminder(), berlin(11, 23, 9));
    EXPECT_EQ(tray->timerInterval(), 60 * 1000) << "never sleeps past a minute, in case the computer does";

    m_now = berlin(11, 23, 8, 59);
    tray->check();
    ASSERT_TRUE(planned());
    EXPECT_TRUE(m_host->messages.isEmpty());
    m_now = m_now.addSecs(30);
    tray->check();
    ASSERT_TRUE(planned());
    EXPECT_EQ(tray->timerInterval(), 30 * 1000) << "wakes at 09:00 sharp";

    m_now = berlin(11, 23, 9);
    tray->check();
    ASSERT_TRUE(planned());
    ASSERT_EQ(m_host->messages.size(), 1);
    EXPECT_EQ(m_host->messages[0].title, QStringLiteral("Your week in Rapport"));
    EXPECT_EQ(m_host->messages[0].text, expectedText());
    EXPECT_TRUE(m_host->messages[0].text.startsWith(QStringLiteral("This week: "))) << expectedText().toStdString();
    EXPECT_EQ(tray->nextReminder(), berlin(11, 30, 9)) << "re-armed for next Monday";
    EXPECT_EQ(CadenceSettings(*m_database).reminderLastShown().value(), berlin(11, 23, 9));

    m_now = berlin(11, 23, 9, 30);
    tray->check();
    ASSERT_TRUE(planned());
    EXPECT_EQ(m_host->messages.size(), 1) << "once a week";
}

TEST_F(TrayControllerTest, AReminderMissedWhileClosedShowsOnceAtTheNextStart)
{
    ASSERT_TRUE(CadenceSettings(*m_database).setReminderLastShown(berlin(11, 20, 18)).ok()); // Friday
    {
        auto tray = start(berlin(11, 24, 10)); // Tuesday: Monday 09:00 was missed
        ASSERT_EQ(m_host->messages.size(), 1);
        EXPECT_EQ(m_host->messages[0].text, expectedText());
        tray->detach();
    }
    auto again = start(berlin(11, 24, 11)); // started again an hour later
    EXPECT_TRUE(m_host->messages.isEmpty()) << "shown once";
}

TEST_F(TrayControllerTest, AFreshDatabaseNeverShowsAMissedReminder)
{
    auto tray = start(berlin(11, 25, 10)); // Wednesday, Monday's reminder never shown
    EXPECT_TRUE(m_host->messages.isEmpty());
    EXPECT_EQ(CadenceSettings(*m_database).reminderLastShown().value(), berlin(11, 25, 10))
        << "from now on, one not shown is missed";
}

TEST_F(TrayControllerTest, AReminderTurnedOffNeverShows)
{
    ASSERT_TRUE(CadenceSettings(*m_database).setReminder({ Qt::Monday, QTime(9, 0), false }).ok());
    ASSERT_TRUE(CadenceSettings(*m_database).setReminderLastShown(berlin(11, 20, 18)).ok());
    auto tray = start(berlin(11, 24, 10));
    EXPECT_TRUE(m_host->messages.isEmpty()) << "not even a missed one";
    EXPECT_FALSE(tray->nextReminder().isValid());
    m_now = berlin(11, 30, 9);
    tray->check();
    ASSERT_TRUE(planned());
    EXPECT_TRUE(m_host->messages.isEmpty());

    ASSERT_TRUE(CadenceSettings(*m_database).setReminder({ Qt::Tuesday, QTime(8, 0), true }).ok());
    tray->reloadSettings(); // what Preferences does
    EXPECT_EQ(tray->nextReminder(), berlin(12, 1, 8));
    m_now = berlin(12, 1, 8);
    tray->check();
    ASSERT_TRUE(planned());
    EXPECT_EQ(m_host->messages.size(), 1);
}

TEST_F(TrayControllerTest, RemindMeInAnHourShowsTheReminderAgainAnHourLater)
{
    auto tray = start(berlin(11, 23, 9, 5));
    QAction* later = action(QStringLiteral("Remind Me in 1 Hour"));
    ASSERT_NE(later, nullptr);
    later->trigger();
    EXPECT_EQ(tray->snoozedUntil(), berlin(11, 23, 10, 5));
    m_now = berlin(11, 23, 10, 4);
    tray->check();
    ASSERT_TRUE(planned());
    EXPECT_TRUE(m_host->messages.isEmpty());
    m_now = berlin(11, 23, 10, 5);
    tray->check();
    ASSERT_TRUE(planned());
    ASSERT_EQ(m_host->messages.size(), 1);
    EXPECT_EQ(m_host->messages[0].text, expectedText());
    EXPECT_FALSE(tray->snoozedUntil().isValid());
}

TEST_F(TrayControllerTest, TheMenuShowsTheWeeksProgressAndTheTooltipWhatIsDue)
{
    auto tray = start(berlin(11, 25, 10));
    EXPECT_EQ(m_host->toolTip, QStringLiteral("Rapport\n") + expectedText());
    QStringList items;
    for (QAction* item : m_host->menu->actions()) {
        if (!item->isSeparator() && item->isVisible())
            items.append(item->text() + (item->isEnabled() ? QString() : QStringLiteral(" (disabled)")));
    }
    const QDate today = m_now.toTimeZone(kBerlin).date();
    const WeekPlan plan = PlanService::weekPlan(*m_database, today, today, QLocale(), kBerlin).value();
    ASSERT_GT(plan.requests.target, 0);
    EXPECT_EQ(items,
              (QStringList { QStringLiteral("Show Rapport"),
                             QStringLiteral("Requests: 0 / %1 (disabled)").arg(plan.requests.target),
                             QStringLiteral("Follow-ups: 0 / %1 (disabled)").arg(plan.followUps.target),
                             QStringLiteral("Check-ins: 0 / %1 (disabled)").arg(plan.checkIns.target),
                             QStringLiteral("Remind Me in 1 Hour"), QStringLiteral("Quit") }));
}

TEST_F(TrayControllerTest, AWeekWithMessagesToAnswerShowsTheRepliesToo)
{
    Contact rhea;
    rhea.firstName = QStringLiteral("Rhea");
    const qint64 id
        = ContactRepository(*m_database).add(rhea, QDateTime(QDate(2026, 9, 1), QTime(9, 0), Qt::UTC)).value();
    for (auto [kind, day] : { std::pair(InteractionKind::RequestSent, QDate(2026, 9, 2)),
                              std::pair(InteractionKind::RequestAccepted, QDate(2026, 9, 4)),
                              std::pair(InteractionKind::MessageReceived, QDate(2026, 11, 24)) }) {
        Interaction entry;
        entry.contactId = id;
        entry.kind = kind;
        entry.occurredAt = QDateTime(day, QTime(9, 0), Qt::UTC);
        ASSERT_TRUE(InteractionRepository(*m_database).add(entry).ok());
    }
    auto tray = start(berlin(11, 25, 10));
    const QDate today = m_now.toTimeZone(kBerlin).date();
    const WeekPlan plan = PlanService::weekPlan(*m_database, today, today, QLocale(), kBerlin).value();
    ASSERT_EQ(plan.replies, (PlanProgress { 0, 1 }));
    QStringList items;
    for (QAction* item : m_host->menu->actions()) {
        if (!item->isSeparator() && item->isVisible() && !item->isEnabled())
            items.append(item->text());
    }
    EXPECT_EQ(items,
              (QStringList { QStringLiteral("Requests: 0 / %1").arg(plan.requests.target),
                             QStringLiteral("Follow-ups: 0 / %1").arg(plan.followUps.target),
                             QStringLiteral("Check-ins: 0 / %1").arg(plan.checkIns.target),
                             QStringLiteral("Replies: 0 / 1") }));
    EXPECT_EQ(m_host->toolTip, QStringLiteral("Rapport\n") + expectedText());
}

TEST_F(TrayControllerTest, ClickingTheNotificationOpensThisWeek)
{
    auto tray = start(berlin(11, 25, 10));
    m_window->showPlace(MainWindow::Place::Contacts);
    ASSERT_FALSE(m_window->isVisible());
    Q_EMIT m_host->messageClicked();
    EXPECT_TRUE(m_window->isVisible());
    EXPECT_EQ(m_window->currentPlace(), MainWindow::Place::Week);

    m_window->hide();
    action(QStringLiteral("Show Rapport"))->trigger();
    EXPECT_TRUE(m_window->isVisible());
}

TEST_F(TrayControllerTest, ClosingTheWindowKeepsRapportInTheTrayAndSaysSoTheFirstTime)
{
    auto tray = start(berlin(11, 25, 10));
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->close();
    ASSERT_TRUE(planned());
    EXPECT_FALSE(m_window->isVisible());
    EXPECT_FALSE(QApplication::quitOnLastWindowClosed()) << "keeps running";
    ASSERT_EQ(m_host->messages.size(), 1);
    EXPECT_EQ(m_host->messages[0].title, QStringLiteral("Rapport is still running"));

    m_window->show();
    m_window->close();
    EXPECT_EQ(m_host->messages.size(), 1) << "told once";

    DesktopSettings::setKeepRunningInTray(false);
    m_window->show();
    m_window->close();
    EXPECT_TRUE(QApplication::quitOnLastWindowClosed()) << "the setting turned off: closing quits";
}

TEST_F(TrayControllerTest, WithoutATrayTheReminderShowsInTheWindow)
{
    m_now = berlin(11, 21, 12);
    auto host = std::make_unique<FakeTrayHost>();
    host->available = false;
    m_host = host.get();
    TrayController tray(std::move(host));
    tray.setClock([this] { return m_now; });
    tray.setTimeZone(kBerlin);
    tray.attach(*m_database, *m_window);
    ASSERT_TRUE(planned());
    EXPECT_FALSE(m_host->visible);
    m_window->show();

    m_now = berlin(11, 23, 9);
    tray.check();
    ASSERT_TRUE(planned());
    EXPECT_TRUE(m_host->messages.isEmpty());
    ASSERT_TRUE(m_window->reminderBanner()->isVisible());
    const QList<QLabel*> labels = m_window->reminderBanner()->findChildren<QLabel*>();
    EXPECT_TRUE(
        std::any_of(labels.begin(), labels.end(), [&](QLabel* label) { return label->text() == expectedText(); }));

    m_window->close();
    EXPECT_TRUE(QApplication::quitOnLastWindowClosed()) << "a plain window app";
}

} // namespace
} // namespace rapport
