// Another process (a CLI import, another Rapport) holds the database's write lock while the window writes:
// closing or quitting saves what waits, undo and redo wait with the other changes and move the history only
// once the data moved, and imports, the sample data and the preferences do not freeze the window.
#include "ui/commands/PendingWrites.h"
#include "core/cadence/CadenceSettings.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/PreferencesDialog.h"
#include "ui/views/ContactsView.h"

#include "tests/core/TestDatabase.h"
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <future>
#include <optional>
#include <thread>

namespace rapport {
namespace {

// A second connection, on a thread of its own, inside BEGIN IMMEDIATE until released: what another process
// holding the write lock looks like to the window's connection.
class LockHolder
{
public:
    explicit LockHolder(const QString& path)
    {
        std::promise<bool> held;
        std::future<bool> holding = held.get_future();
        std::future<void> released = m_release.get_future();
        m_thread = std::thread([path, held = std::move(held), released = std::move(released)]() mutable {
            auto other = Database::open(path);
            if (!other) {
                held.set_value(false);
                return;
            }
            const Status done = (*other)->transaction([&]() -> Status {
                held.set_value(true);
                released.wait();
                return success();
            });
            (void)done;
        });
        m_holding = holding.get();
    }
    ~LockHolder() { release(); }

    bool isHolding() const { return m_holding; }
    void release()
    {
        if (!m_thread.joinable())
            return;
        if (m_holding)
            m_release.set_value();
        m_thread.join();
    }

private:
    std::promise<void> m_release;
    std::thread m_thread;
    bool m_holding = false;
};

// The longest time the event loop stood still while it runs.
class StallMeter
{
public:
    StallMeter()
    {
        m_ticker.setInterval(10);
        QObject::connect(&m_ticker, &QTimer::timeout, [this] {
            m_longest = std::max(m_longest, m_clock.elapsed() - m_last);
            m_last = m_clock.elapsed();
        });
        m_clock.start();
        m_ticker.start();
    }
    qint64 longest()
    {
        m_ticker.stop();
        return m_longest;
    }

private:
    QElapsedTimer m_clock;
    QTimer m_ticker;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

class PendingWritesTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        Contact ada;
        ada.firstName = QStringLiteral("Ada");
        ada.lastName = QStringLiteral("Lovelace");
        auto added = ContactRepository(*m_database).add(ada);
        ASSERT_TRUE(added.ok());
        m_ada = *added;
        m_window = std::make_unique<MainWindow>(*m_database);
        m_window->showPlace(MainWindow::Place::Contacts);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void TearDown() override
    {
        // Anything the test left waiting must not ask questions of the next one.
        if (m_window)
            PendingWrites::of(m_window->undoStack())->discard();
        m_window.reset();
    }

    int storedKeepInTouch() { return ContactRepository(*m_database).find(m_ada).value().keepInTouchDays; }
    int contactCount() { return int(ContactRepository(*m_database).all().value().size()); }

    // Keep in touch with Ada every `days` days, through the window.
    Status keepInTouch(int days)
    {
        m_window->contactsView()->table()->selectRow(0);
        return m_window->contactsView()->setKeepInTouch(days);
    }

    QAction* action(const char* name) const { return m_window->findChild<QAction*>(QString::fromLatin1(name)); }
    bool waitingShown() const
    {
        auto* banner = m_window->findChild<QWidget*>(QStringLiteral("writeWaitBanner"));
        return banner && banner->isVisible();
    }

    // Calls `answer` with each modal dialog shown while it runs (until it returns true).
    class ModalWatcher
    {
    public:
        explicit ModalWatcher(std::function<bool(QWidget*)> answer)
            : m_answer(std::move(answer))
        {
            m_timer.setInterval(50);
            QObject::connect(&m_timer, &QTimer::timeout, [this] {
                if (QWidget* modal = QApplication::activeModalWidget(); modal && m_answer(modal))
                    m_timer.stop();
            });
            m_timer.start();
        }

    private:
        std::function<bool(QWidget*)> m_answer;
        QTimer m_timer;
    };

    qint64 m_ada = 0;
    std::unique_ptr<MainWindow> m_window;
};

TEST_F(PendingWritesTest, ClosingTheWindowWaitsForAChangeHeldBackAndSavesIt)
{
    LockHolder other(path());
    ASSERT_TRUE(other.isHolding());
    ASSERT_TRUE(keepInTouch(30).ok());
    ASSERT_TRUE(PendingWrites::of(m_window->undoStack())->isWaiting());

    bool progressShown = false;
    ModalWatcher watcher([&](QWidget* modal) {
        if (modal->objectName() != u"savingChanges")
            return false;
        progressShown = modal->isVisible();
        other.release(); // the other process is done
        return true;
    });
    m_window->close();
    EXPECT_TRUE(progressShown) << "closing says that it saves";
    m_window.reset();
    EXPECT_EQ(storedKeepInTouch(), 30) << "the change was lost with the window";
}

TEST_F(PendingWritesTest, ChangesThatStillCannotBeSavedAreNamedAndTheUserMayDiscardThem)
{
    LockHolder other(path());
    ASSERT_TRUE(other.isHolding());
    ASSERT_TRUE(keepInTouch(30).ok());

    QString told;
    ModalWatcher watcher([&](QWidget* modal) {
        auto* box = qobject_cast<QMessageBox*>(modal);
        if (!box || box->objectName() != u"changesNotSaved")
            return false;
        told = box->text();
        if (auto* discard = box->findChild<QPushButton*>(QStringLiteral("discardChanges")))
            QTest::mouseClick(discard, Qt::LeftButton);
        return true;
    });
    QElapsedTimer clock;
    clock.start();
    m_window->close();
    EXPECT_GE(clock.elapsed(), MainWindow::kSaveOnCloseMs - 500) << "it waited as long as a busy connection does";
    EXPECT_TRUE(told.contains(QStringLiteral("Keep in touch with “Ada Lovelace”"))) << told.toStdString();
    EXPECT_FALSE(m_window->isVisible());
    EXPECT_FALSE(PendingWrites::of(m_window->undoStack())->isWaiting());
    m_window.reset();
    other.release();
    EXPECT_EQ(storedKeepInTouch(), 0) << "discarded";
}

TEST_F(PendingWritesTest, KeepWaitingSavesTheChangeOnceTheOtherProcessIsDone)
{
    LockHolder other(path());
    ASSERT_TRUE(other.isHolding());
    ASSERT_TRUE(keepInTouch(30).ok());

    bool asked = false;
    ModalWatcher watcher([&](QWidget* modal) {
        auto* box = qobject_cast<QMessageBox*>(modal);
        if (!box || box->objectName() != u"changesNotSaved")
            return false;
        asked = true;
        other.release();
        if (auto* keep = box->findChild<QPushButton*>(QStringLiteral("keepWaiting")))
            QTest::mouseClick(keep, Qt::LeftButton);
        return true;
    });
    m_window->close();
    EXPECT_TRUE(asked);
    m_window.reset();
    EXPECT_EQ(storedKeepInTouch(), 30);
}

// The tray's Quit with the window hidden: no window is closed, the application quits.
TEST_F(PendingWritesTest, QuittingWithTheWindowInTheTraySavesAChangeHeldBack)
{
    LockHolder other(path());
    ASSERT_TRUE(other.isHolding());
    ASSERT_TRUE(keepInTouch(30).ok());
    m_window->hide();

    QTimer::singleShot(600, [&] { other.release(); });
    QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    QApplication::exec();
    EXPECT_EQ(storedKeepInTouch(), 30) << "saved before the application left its event loop";
    EXPECT_FALSE(PendingWrites::of(m_window->undoStack())->isWaiting());
}

TEST_F(PendingWritesTest, UndoAndRedoOfAStepHeldBackWaitAndTheHistoryFollowsTheData)
{
    ASSERT_TRUE(keepInTouch(30).ok());
    QUndoStack* stack = m_window->undoStack();
    ASSERT_EQ(stack->index(), 1);
    ASSERT_EQ(storedKeepInTouch(), 30);

    std::optional<LockHolder> other(std::in_place, path());
    ASSERT_TRUE(other->isHolding());
    QAction* undo = action("undoAction");
    ASSERT_NE(undo, nullptr);
    ASSERT_TRUE(undo->isEnabled());
    undo->trigger();
    QTest::qWait(400); // a retry or two, all refused
    EXPECT_EQ(stack->index(), 1) << "the history moved while the data did not";
    EXPECT_EQ(storedKeepInTouch(), 30);
    EXPECT_TRUE(waitingShown()) << "the window says that it waits";

    other.reset(); // released
    EXPECT_TRUE(QTest::qWaitFor([&] { return stack->index() == 0; }, 3000));
    EXPECT_EQ(storedKeepInTouch(), 0) << "undone once the lock was free";
    EXPECT_TRUE(QTest::qWaitFor([&] { return !waitingShown(); }, 3000));

    other.emplace(path());
    ASSERT_TRUE(other->isHolding());
    QAction* redo = action("redoAction");
    ASSERT_NE(redo, nullptr);
    ASSERT_TRUE(redo->isEnabled());
    redo->trigger();
    QTest::qWait(400);
    EXPECT_EQ(stack->index(), 0);
    EXPECT_EQ(storedKeepInTouch(), 0);
    other.reset();
    EXPECT_TRUE(QTest::qWaitFor([&] { return stack->index() == 1; }, 3000));
    EXPECT_EQ(storedKeepInTouch(), 30);
}

TEST_F(PendingWritesTest, TheSampleDataAndItsUndoWaitWithoutFreezingTheWindow)
{
    std::optional<LockHolder> other(std::in_place, path());
    ASSERT_TRUE(other->isHolding());
    std::optional<StallMeter> meter(std::in_place);
    QTimer::singleShot(50, m_window.get(), [&] { m_window->addSampleData(); });
    QTest::qWait(1500);
    EXPECT_LT(meter->longest(), 1000) << "adding the sample data froze the window";
    EXPECT_TRUE(waitingShown());
    EXPECT_EQ(contactCount(), 1);
    other.reset();
    EXPECT_TRUE(QTest::qWaitFor([&] { return m_window->undoStack()->index() == 1; }, 5000));
    EXPECT_GT(contactCount(), 1) << "added once the lock was free";

    other.emplace(path());
    ASSERT_TRUE(other->isHolding());
    meter.emplace();
    QTimer::singleShot(50, m_window.get(), [&] { action("undoAction")->trigger(); });
    QTest::qWait(1500);
    EXPECT_LT(meter->longest(), 1000) << "undoing the import froze the window";
    EXPECT_EQ(m_window->undoStack()->index(), 1);
    other.reset();
    EXPECT_TRUE(QTest::qWaitFor([&] { return m_window->undoStack()->index() == 0; }, 5000));
    EXPECT_EQ(contactCount(), 1) << "the import was undone";
}

TEST_F(PendingWritesTest, SavingPreferencesWhileAnotherProcessWritesWaitsWithoutFreezing)
{
    PreferencesDialog dialog(
        *m_database, StartAtLogin(m_dir.filePath(QStringLiteral("rapport")), { QStringLiteral("--background") }), {},
        m_window.get());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    dialog.dayCombo()->setCurrentIndex(dialog.dayCombo()->findData(int(Qt::Thursday)));
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    ASSERT_NE(buttons, nullptr);

    std::optional<LockHolder> other(std::in_place, path());
    ASSERT_TRUE(other->isHolding());
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    EXPECT_LT(clock.elapsed(), 1000) << "OK froze the window";
    EXPECT_TRUE(dialog.isVisible());
    auto* waiting = dialog.findChild<QLabel*>(QStringLiteral("waitingToSave"));
    ASSERT_NE(waiting, nullptr);
    EXPECT_TRUE(waiting->isVisible());

    other.reset();
    EXPECT_TRUE(QTest::qWaitFor([&] { return !dialog.isVisible(); }, 3000));
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(CadenceSettings(*m_database).reminder().value().day, Qt::Thursday);
}

} // namespace
} // namespace rapport
