#include "ui/MainWindow.h"
#include "core/cadence/PlanService.h"
#include "core/storage/Backups.h"
#include "core/storage/ContactOverview.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "ui/models/ContactTableModel.h"
#include "ui/models/WeekPlanModel.h"
#include "ui/views/ContactsView.h"
#include "ui/views/WeekView.h"
#include "ui/workers/PlanWorker.h"

#include "tests/core/TestDatabase.h"
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace rapport {
namespace {

class MainWindowTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        ContactRepository contacts(*m_database);
        for (const auto& [first, last, company] :
             { std::tuple { "Ada", "Lovelace", "Analytical Engines" }, std::tuple { "Grace", "Hopper", "US Navy" },
               std::tuple { "Alan", "Turing", "Bletchley Park" } }) {
            Contact contact;
            contact.firstName = QString::fromUtf8(first);
            contact.lastName = QString::fromUtf8(last);
            contact.company = QString::fromUtf8(company);
            ids.append(contacts.add(contact).value());
        }
        Interaction accepted;
        accepted.contactId = ids[1];
        accepted.kind = InteractionKind::RequestAccepted;
        accepted.occurredAt = QDateTime::currentDateTimeUtc();
        ASSERT_TRUE(InteractionRepository(*m_database).add(accepted).ok());
    }

    QStringList listedNames(MainWindow& window)
    {
        QStringList names;
        QAbstractItemModel* model = window.contactsView()->table()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            names.append(model->index(row, ContactTableModel::NameColumn).data().toString());
        return names;
    }

    QList<qint64> ids;
};

// The window does not wait for the week's plan: the contacts are listed at once, and their next actions
// and This week's cards follow when the planner thread has made the plan.
TEST_F(MainWindowTest, ListsTheContactsBeforeTheWeekIsPlannedThenShowsTheirNextActions)
{
    const QDate today = QDate::currentDate();
    const WeekPlan plan = PlanService::weekPlan(*m_database, today, today).value();
    const QHash<qint64, NextAction> expected = ContactOverview::nextActions(plan);

    MainWindow window(*m_database); // opens on This week
    ContactTableModel* model = window.contactsView()->model();
    ASSERT_EQ(model->rowCount(), 3);
    window.show();
    EXPECT_GT(window.planWorker()->pending(), 0);
    EXPECT_TRUE(window.weekView()->model()->isPlanning());
    for (int row = 0; row < model->rowCount(); ++row)
        EXPECT_FALSE(model->factsAt(row).nextActionDate.isValid()) << "not planned yet";

    ASSERT_TRUE(QTest::qWaitFor([&] { return window.planWorker()->pending() == 0; }, 10000));
    EXPECT_FALSE(window.weekView()->model()->isPlanning());
    EXPECT_EQ(window.weekView()->model()->plan().actions.size(), plan.actions.size());
    for (int row = 0; row < model->rowCount(); ++row) {
        const qint64 id = model->contactAt(row).id;
        EXPECT_EQ(model->factsAt(row).nextActionDate, expected.value(id).date);
        EXPECT_EQ(model->factsAt(row).nextAction, expected.value(id).action);
    }
}

// This week is planned when it comes into view, not while the window is made (the contacts are read then).
TEST_F(MainWindowTest, PlansThisWeekWhenItIsShownNotBefore)
{
    const QDate today = QDate::currentDate();
    const WeekPlan plan = PlanService::weekPlan(*m_database, today, today).value();
    ASSERT_FALSE(plan.actions.isEmpty());

    MainWindow window(*m_database);
    EXPECT_FALSE(window.weekView()->model()->isPlanning()) << "the window is not shown yet";
    window.showPlace(MainWindow::Place::Contacts);
    window.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.planWorker()->pending() == 0; }, 10000));
    EXPECT_FALSE(window.weekView()->model()->isPlanning());
    EXPECT_TRUE(window.weekView()->model()->plan().actions.isEmpty()) << "This week was not shown";

    window.showPlace(MainWindow::Place::Week);
    EXPECT_TRUE(window.weekView()->model()->isPlanning());
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.planWorker()->pending() == 0; }, 10000));
    EXPECT_EQ(window.weekView()->model()->plan().actions.size(), plan.actions.size());
}

TEST_F(MainWindowTest, ShowsTheContactsFromTheDatabase)
{
    MainWindow window(*m_database);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_EQ(window.windowTitle(), QStringLiteral("Rapport"));
    EXPECT_EQ(listedNames(window),
              (QStringList { QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing"),
                             QStringLiteral("Grace Hopper") }));
    QAbstractItemModel* model = window.contactsView()->table()->model();
    EXPECT_EQ(model->index(2, ContactTableModel::StageColumn).data().toString(), QStringLiteral("Connected"));
}

TEST_F(MainWindowTest, HasTheFourPlacesAndTheMenus)
{
    MainWindow window(*m_database);
    EXPECT_EQ(window.currentPlace(), MainWindow::Place::Week);
    window.showPlace(MainWindow::Place::Contacts);
    EXPECT_EQ(window.currentPlace(), MainWindow::Place::Contacts);
    EXPECT_TRUE(window.contactsView()->isVisibleTo(&window));

    QStringList menus;
    QStringList fileActions;
    QStringList helpActions;
    for (QAction* menu : window.menuBar()->actions()) {
        menus.append(menu->text().remove(u'&'));
        if (menu->text() == QStringLiteral("&File")) {
            for (QAction* action : menu->menu()->actions())
                fileActions.append(action->text().remove(u'&'));
        }
        if (menu->text() == QStringLiteral("&Help")) {
            for (QAction* action : menu->menu()->actions())
                helpActions.append(action->text().remove(u'&'));
        }
    }
    EXPECT_TRUE(menus.contains(QStringLiteral("File")));
    EXPECT_TRUE(menus.contains(QStringLiteral("Help")));
    EXPECT_TRUE(fileActions.contains(QStringLiteral("Import…")));
    EXPECT_TRUE(fileActions.contains(QStringLiteral("Export…")));
    EXPECT_TRUE(fileActions.contains(QStringLiteral("Quit")));
    EXPECT_TRUE(helpActions.contains(QStringLiteral("About Rapport")));
}

TEST_F(MainWindowTest, StatusBarShowsThePathAndTheCount)
{
    MainWindow window(*m_database);
    QStringList texts;
    for (QLabel* label : window.statusBar()->findChildren<QLabel*>())
        texts.append(label->text());
    EXPECT_TRUE(texts.contains(QDir::toNativeSeparators(m_database->path()))) << texts.join(u'|').toStdString();
    EXPECT_TRUE(texts.contains(QStringLiteral("3 contacts"))) << texts.join(u'|').toStdString();
}

TEST_F(MainWindowTest, TypingInTheSearchBoxFilters)
{
    MainWindow window(*m_database);
    window.showPlace(MainWindow::Place::Contacts);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTest::keyClicks(window.contactsView()->searchBox(), QStringLiteral("navy"));
    EXPECT_EQ(listedNames(window), QStringList { QStringLiteral("Grace Hopper") });
    QTest::keyClick(window.contactsView()->searchBox(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(window.contactsView()->searchBox(), Qt::Key_Backspace);
    EXPECT_EQ(listedNames(window).size(), 3);
}

TEST_F(MainWindowTest, BackUpNowWritesABackupAndSaysWhere)
{
    MainWindow window(*m_database);
    window.backUpNow();
    const QList<BackupFile> backups = Backups(*m_database).list();
    ASSERT_EQ(backups.size(), 1);
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QFileInfo(backups.first().path).fileName()))
        << window.statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(Backups::verify(backups.first().path).ok());
}

TEST_F(MainWindowTest, RemembersItsGeometry)
{
    {
        MainWindow window(*m_database);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.resize(1010, 650);
        window.close();
    }
    MainWindow again(*m_database);
    EXPECT_EQ(again.size(), QSize(1010, 650));
}

} // namespace
} // namespace rapport
