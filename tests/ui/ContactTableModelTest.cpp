#include "ui/models/ContactTableModel.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "ui/MainWindow.h"
#include "ui/models/ContactFilterProxy.h"
#include "ui/models/InteractionListModel.h"
#include "ui/views/ContactsView.h"

#include "tests/core/TestDatabase.h"
#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <algorithm>

namespace rapport {
namespace {

Contact person(qint64 id, const char* first, const char* last, const char* company, bool starred = false)
{
    Contact contact;
    contact.id = id;
    contact.firstName = QString::fromUtf8(first);
    contact.lastName = QString::fromUtf8(last);
    contact.company = QString::fromUtf8(company);
    contact.starred = starred;
    contact.tags = { QStringLiteral("alpha"), QStringLiteral("beta") };
    return contact;
}

TEST(ContactTableModel, PassesTheModelTesterThroughResets)
{
    ContactTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setContacts({ person(1, "Ada", "Lovelace", "Engines") }, {});
    model.setContacts({ person(1, "Ada", "Lovelace", "Engines"), person(2, "Grace", "Hopper", "Navy", true) },
                      { { 2, ContactFacts { Stage::Connected, {}, {}, {}, 0, {} } } });
    model.setContacts({}, {});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ContactTableModel, ShowsTheContactsAndTheirStages)
{
    ContactTableModel model;
    model.setContacts({ person(1, "Ada", "Lovelace", "Engines"), person(2, "Grace", "Hopper", "Navy", true) },
                      { { 2, ContactFacts { Stage::Connected, {}, {}, {}, 0, {} } } });
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, ContactTableModel::NameColumn).data().toString(), QStringLiteral("Ada Lovelace"));
    EXPECT_EQ(model.index(0, ContactTableModel::StageColumn).data().toString(), QStringLiteral("Prospect"));
    EXPECT_EQ(model.index(1, ContactTableModel::StageColumn).data().toString(), QStringLiteral("Connected"));
    EXPECT_EQ(model.index(1, ContactTableModel::CompanyColumn).data().toString(), QStringLiteral("Navy"));
    EXPECT_EQ(model.index(1, ContactTableModel::TagsColumn).data().toString(), QStringLiteral("alpha, beta"));
    EXPECT_FALSE(model.index(1, ContactTableModel::StarredColumn).data().toString().isEmpty());
    EXPECT_TRUE(model.index(0, ContactTableModel::StarredColumn).data().toString().isEmpty());
    EXPECT_EQ(model.index(1, 0).data(ContactTableModel::ContactIdRole).toLongLong(), 2);
}

TEST(ContactTableModel, SortsStagesInTheirNaturalOrderNotAlphabetically)
{
    ContactTableModel model;
    model.setContacts({ person(1, "A", "A", ""), person(2, "B", "B", ""), person(3, "C", "C", "") },
                      { { 1, ContactFacts { Stage::Declined, {}, {}, {}, 0, {} } },
                        { 2, ContactFacts { Stage::Connected, {}, {}, {}, 0, {} } } });
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.setSortRole(ContactTableModel::SortRole);
    proxy.sort(ContactTableModel::StageColumn);
    EXPECT_EQ(proxy.index(0, ContactTableModel::NameColumn).data().toString(), QStringLiteral("C C")); // prospect
    EXPECT_EQ(proxy.index(1, ContactTableModel::NameColumn).data().toString(), QStringLiteral("B B")); // connected
    EXPECT_EQ(proxy.index(2, ContactTableModel::NameColumn).data().toString(), QStringLiteral("A A")); // declined
}

ContactFacts facts(Stage stage, QDateTime last = {}, QDate nextDate = {}, QString next = {})
{
    return { stage, std::move(last), nextDate, std::move(next), 0, {} };
}

class ContactFilterProxyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Contact ada = person(1, "Ada", "Lovelace", "Analytical Engines");
        ada.position = QStringLiteral("Mathematician");
        ada.tags = { QStringLiteral("science") };
        Contact grace = person(2, "Grace", "Hopper", "US Navy", true);
        grace.notes = QStringLiteral("Met at the COBOL conference");
        grace.tags = { QStringLiteral("navy"), QStringLiteral("science") };
        Contact alan = person(3, "Alan", "Turing", "Bletchley Park");
        alan.tags = {};
        model.setContacts({ ada, grace, alan },
                          { { 1, facts(Stage::Prospect, {}, QDate(2024, 6, 5), QStringLiteral("Send a request")) },
                            { 2, facts(Stage::Connected, QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC)) },
                            { 3, facts(Stage::Declined, QDateTime(QDate(2023, 1, 1), QTime(9, 0), Qt::UTC)) } });
        proxy.setContactModel(&model);
        proxy.sort(ContactTableModel::NameColumn);
    }

    QStringList names() const
    {
        QStringList shown;
        for (int row = 0; row < proxy.rowCount(); ++row)
            shown.append(proxy.index(row, ContactTableModel::NameColumn).data().toString());
        return shown;
    }

    ContactTableModel model;
    ContactFilterProxy proxy;
    QAbstractItemModelTester sourceTester { &model, QAbstractItemModelTester::FailureReportingMode::Fatal };
    QAbstractItemModelTester tester { &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal };
};

TEST_F(ContactFilterProxyTest, SearchesNameCompanyPositionTagsAndNotesCaseInsensitively)
{
    const struct
    {
        const char* text;
        QStringList expected;
    } cases[] = {
        { "", { QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing"), QStringLiteral("Grace Hopper") } },
        { "lOVE", { QStringLiteral("Ada Lovelace") } },
        { "navy", { QStringLiteral("Grace Hopper") } }, // company and tag
        { "mathem", { QStringLiteral("Ada Lovelace") } }, // position
        { "cobol", { QStringLiteral("Grace Hopper") } }, // notes
        { "science", { QStringLiteral("Ada Lovelace"), QStringLiteral("Grace Hopper") } }, // tags
        { "grace cobol", { QStringLiteral("Grace Hopper") } }, // every word
        { "grace turing", {} },
    };
    for (const auto& [text, expected] : cases) {
        proxy.setSearchText(QString::fromUtf8(text));
        EXPECT_EQ(names(), expected) << text;
    }
}

TEST_F(ContactFilterProxyTest, FiltersByStageAndTagTogetherWithTheSearch)
{
    proxy.setStageFilter(Stage::Connected);
    EXPECT_EQ(names(), QStringList { QStringLiteral("Grace Hopper") });
    proxy.setStageFilter(std::nullopt);
    proxy.setTagFilter(QStringLiteral("Science"));
    EXPECT_EQ(names(), (QStringList { QStringLiteral("Ada Lovelace"), QStringLiteral("Grace Hopper") }));
    proxy.setSearchText(QStringLiteral("ada"));
    EXPECT_EQ(names(), QStringList { QStringLiteral("Ada Lovelace") });
    proxy.setTagFilter(QString());
    proxy.setSearchText(QString());
    EXPECT_EQ(names().size(), 3);
}

TEST_F(ContactFilterProxyTest, SortsEveryColumnInItsNaturalOrder)
{
    proxy.sort(ContactTableModel::LastInteractionColumn);
    EXPECT_EQ(names(),
              (QStringList { QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing"),
                             QStringLiteral("Grace Hopper") }));
    proxy.sort(ContactTableModel::StageColumn, Qt::DescendingOrder);
    EXPECT_EQ(names().first(), QStringLiteral("Alan Turing")); // declined is last of the stages
    proxy.sort(ContactTableModel::NextActionColumn);
    EXPECT_EQ(names().first(), QStringLiteral("Ada Lovelace")); // planned before unplanned
    proxy.sort(ContactTableModel::StarredColumn, Qt::DescendingOrder);
    EXPECT_EQ(names().first(), QStringLiteral("Grace Hopper"));
    for (int column = 0; column < ContactTableModel::ColumnCount; ++column) {
        proxy.sort(column);
        EXPECT_EQ(proxy.rowCount(), 3);
    }
}

TEST_F(ContactFilterProxyTest, KeepsInStepWithInsertsRemovalsAndChangesWhileFiltered)
{
    proxy.setSearchText(QStringLiteral("a"));
    Contact barbara = person(4, "Barbara", "Liskov", "MIT");
    model.upsert(barbara, facts(Stage::Requested));
    EXPECT_TRUE(names().contains(QStringLiteral("Barbara Liskov")));
    EXPECT_EQ(model.rowOf(4), 3);
    barbara.company = QStringLiteral("CLU");
    model.upsert(barbara, facts(Stage::Connected));
    EXPECT_EQ(model.rowCount(), 4);
    EXPECT_EQ(model.index(3, ContactTableModel::StageColumn).data().toString(), QStringLiteral("Connected"));
    model.removeId(2);
    EXPECT_FALSE(names().contains(QStringLiteral("Grace Hopper")));
    EXPECT_EQ(model.rowOf(4), 2); // the rows after it moved up
    EXPECT_EQ(model.allTags(),
              (QStringList { QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("science") }));
    model.setContacts({}, {});
    EXPECT_EQ(proxy.rowCount(), 0);
}

TEST(ContactTableModel, ShowsTheLastInteractionAndTheNextPlannedAction)
{
    ContactTableModel model;
    model.setContacts({ person(1, "Ada", "Lovelace", "Engines"), person(2, "Grace", "Hopper", "Navy") },
                      { { 1,
                          facts(Stage::Prospect, QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC), QDate(2024, 6, 5),
                                QStringLiteral("Send a request")) } });
    EXPECT_FALSE(model.index(0, ContactTableModel::LastInteractionColumn).data().toString().isEmpty());
    EXPECT_TRUE(model.index(0, ContactTableModel::NextActionColumn).data().toString().startsWith(u"Send a request"));
    EXPECT_TRUE(model.index(1, ContactTableModel::LastInteractionColumn).data().toString().isEmpty());
    EXPECT_TRUE(model.index(1, ContactTableModel::NextActionColumn).data().toString().isEmpty());
}

TEST(InteractionListModel, ListsNewestFirstWithAnIconPerKind)
{
    InteractionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Interaction sent;
    sent.id = 1;
    sent.kind = InteractionKind::RequestSent;
    sent.occurredAt = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
    sent.text = QStringLiteral("Hi Ada, loved your talk");
    sent.templateName = QStringLiteral("Event");
    Interaction accepted = sent;
    accepted.id = 2;
    accepted.kind = InteractionKind::RequestAccepted;
    accepted.occurredAt = sent.occurredAt.addDays(2);
    accepted.text.clear();
    accepted.templateName.clear();
    model.setInteractions({ sent, accepted });
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0).data(InteractionListModel::InteractionIdRole).toLongLong(), 2);
    const QString first = model.index(1).data().toString();
    EXPECT_TRUE(first.startsWith(u"Request sent")) << first.toStdString();
    EXPECT_TRUE(first.contains(u"Hi Ada, loved your talk"));
    EXPECT_TRUE(first.contains(u"Event"));
    EXPECT_FALSE(model.index(0).data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_EQ(model.rowOf(1), 1);
    model.setInteractions({});
    EXPECT_EQ(model.rowCount(), 0);
}

// 45 contacts without a cadence, Dana (every 30 days, last written to 60 days ago: due) and Lee (every 90
// days, written to 10 days ago: due in 80 days).
class ContactsKeepInTouchTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        ContactRepository contacts(*m_database);
        const QDateTime added = QDateTime::currentDateTimeUtc().addDays(-400);
        for (int i = 0; i < 45; ++i) {
            Contact person;
            person.firstName = QStringLiteral("Person");
            person.lastName = QStringLiteral("%1").arg(i + 1, 2, 10, QLatin1Char('0'));
            m_people.append(contacts.add(person, added).value());
        }
        m_dana = addWithCadence("Dana", "Due", 30, 60);
        m_lee = addWithCadence("Lee", "Later", 90, 10);
    }

    qint64 addWithCadence(const char* first, const char* last, int days, int writtenDaysAgo)
    {
        Contact contact;
        contact.firstName = QString::fromLatin1(first);
        contact.lastName = QString::fromLatin1(last);
        contact.keepInTouchDays = days;
        const qint64 id
            = ContactRepository(*m_database).add(contact, QDateTime::currentDateTimeUtc().addDays(-400)).value();
        Interaction sent;
        sent.contactId = id;
        sent.kind = InteractionKind::MessageSent;
        sent.occurredAt = QDateTime::currentDateTime().addDays(-writtenDaysAgo).toUTC();
        EXPECT_TRUE(InteractionRepository(*m_database).add(sent).ok());
        return id;
    }

    int storedCadence(qint64 id) { return ContactRepository(*m_database).find(id).value().keepInTouchDays; }

    void showContacts(MainWindow& window)
    {
        window.resize(1100, 700);
        window.showPlace(MainWindow::Place::Contacts);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    }

    QList<qint64> m_people;
    qint64 m_dana = 0;
    qint64 m_lee = 0;
};

TEST_F(ContactsKeepInTouchTest, TheColumnShowsTheNextDateSortsByItAndIsEmptyWithoutACadence)
{
    MainWindow window(*m_database);
    showContacts(window);
    ContactsView* view = window.contactsView();
    QAbstractItemModelTester tester(view->proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ContactTableModel* model = view->model();
    EXPECT_EQ(model->headerData(ContactTableModel::KeepInTouchColumn, Qt::Horizontal).toString(),
              QStringLiteral("Keep in touch"));
    const QDate today = QDate::currentDate();
    const auto shown = [&](qint64 id) {
        return model->index(model->rowOf(id), ContactTableModel::KeepInTouchColumn).data().toString();
    };
    EXPECT_EQ(shown(m_dana), QLocale().toString(today.addDays(-30), QLocale::ShortFormat));
    EXPECT_EQ(shown(m_lee), QLocale().toString(today.addDays(80), QLocale::ShortFormat));
    EXPECT_EQ(shown(m_people.first()), QString());
    EXPECT_TRUE(model->index(model->rowOf(m_dana), ContactTableModel::KeepInTouchColumn)
                    .data(Qt::FontRole)
                    .value<QFont>()
                    .bold())
        << "a date that has come stands out";

    // Sorted by it: the dated ones first, soonest first; then those without a cadence.
    QTest::mouseClick(view->table()->horizontalHeader()->viewport(), Qt::LeftButton, {},
                      QPoint(view->table()->columnViewportPosition(ContactTableModel::KeepInTouchColumn) + 10, 5));
    ASSERT_EQ(view->table()->horizontalHeader()->sortIndicatorSection(), ContactTableModel::KeepInTouchColumn);
    ASSERT_EQ(view->table()->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    EXPECT_EQ(view->proxy()->contactIdAt(0), m_dana);
    EXPECT_EQ(view->proxy()->contactIdAt(1), m_lee);
    EXPECT_TRUE(m_people.contains(view->proxy()->contactIdAt(2)));
}

TEST_F(ContactsKeepInTouchTest, DueToKeepInTouchFiltersBesideTheStage)
{
    MainWindow window(*m_database);
    showContacts(window);
    ContactsView* view = window.contactsView();
    QAbstractItemModelTester tester(view->proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(view->proxy()->rowCount(), 47);
    QCheckBox* due = view->findChild<QCheckBox*>(QStringLiteral("dueFilter"));
    ASSERT_NE(due, nullptr);
    EXPECT_EQ(due->text(), QStringLiteral("&Due to keep in touch"));
    due->setFocus();
    QTest::keyClick(due, Qt::Key_Space);
    ASSERT_EQ(view->proxy()->rowCount(), 1);
    EXPECT_EQ(view->proxy()->contactIdAt(0), m_dana);
    QTest::keyClick(due, Qt::Key_Space);
    EXPECT_EQ(view->proxy()->rowCount(), 47);
}

// "If a connection hasn't engaged in a long time, consider removing them": the stage filter lists them.
TEST_F(ContactsKeepInTouchTest, SilentConnectionsAreListedForReview)
{
    const auto connection = [&](const char* name, bool starred) {
        Contact contact;
        contact.firstName = QString::fromLatin1(name);
        contact.starred = starred;
        const qint64 id = ContactRepository(*m_database).add(contact).value();
        Interaction accepted;
        accepted.contactId = id;
        accepted.kind = InteractionKind::RequestAccepted;
        accepted.occurredAt = QDateTime::currentDateTimeUtc().addDays(-3 * 365);
        EXPECT_TRUE(InteractionRepository(*m_database).add(accepted).ok());
        return id;
    };
    const qint64 quiet = connection("Quiet", false);
    connection("Starred", true);
    MainWindow window(*m_database);
    showContacts(window);
    ContactsView* view = window.contactsView();
    QAbstractItemModelTester tester(view->proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto* stage = view->findChild<QComboBox*>(QStringLiteral("stageFilter"));
    ASSERT_NE(stage, nullptr);
    stage->setFocus();
    QTest::keyClick(stage, Qt::Key_End);
    EXPECT_EQ(stage->currentText(), QStringLiteral("Silent for two years"));
    ASSERT_EQ(view->proxy()->rowCount(), 1) << "not the starred one, nor prospects or those kept in touch with";
    EXPECT_EQ(view->proxy()->contactIdAt(0), quiet);
    QTest::keyClick(stage, Qt::Key_Home);
    EXPECT_EQ(view->proxy()->rowCount(), 49);
}

TEST_F(ContactsKeepInTouchTest, KeepInTouchGivesTheSelectedContactsACadenceInOneUndoableStep)
{
    MainWindow window(*m_database);
    showContacts(window);
    ContactsView* view = window.contactsView();
    QAbstractItemModelTester tester(view->proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QTableView* table = view->table();
    QAction* keepInTouch = view->keepInTouchAction();
    ASSERT_NE(keepInTouch, nullptr);
    EXPECT_EQ(keepInTouch->text(), QStringLiteral("&Keep in Touch…"));
    EXPECT_FALSE(keepInTouch->isEnabled()) << "nothing selected";

    // By name: Dana, Lee, then Person 01…45. Person 01 to Person 40, by the keyboard.
    ASSERT_EQ(view->proxy()->contactIdAt(2), m_people.first());
    table->setFocus();
    table->setCurrentIndex(view->proxy()->index(2, ContactTableModel::NameColumn));
    for (int i = 0; i < 39; ++i)
        QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
    ASSERT_EQ(view->selectedIds().size(), 40);
    const QList<QLabel*> status = window.statusBar()->findChildren<QLabel*>();
    EXPECT_TRUE(std::any_of(status.cbegin(), status.cend(), [](const QLabel* label) {
        return label->text() == QStringLiteral("40 of 47 contacts selected");
    })) << "the status bar counts the selection";
    EXPECT_TRUE(keepInTouch->isEnabled());

    QStringList offered;
    for (QAction* action : keepInTouch->menu()->actions()) {
        if (!action->isSeparator())
            offered.append(action->text());
    }
    EXPECT_EQ(offered,
              (QStringList { QStringLiteral("&Close (every 30 days)"), QStringLiteral("&Regular (every 90 days)"),
                             QStringLiteral("&Occasional (every 180 days)"), QStringLiteral("&Yearly (every 365 days)"),
                             QStringLiteral("Custo&m…"), QStringLiteral("&None") }));
    QAction* close = keepInTouch->menu()->findChild<QAction*>(QStringLiteral("keepInTouch-close"));
    ASSERT_NE(close, nullptr);
    close->trigger();

    for (int i = 0; i < 45; ++i)
        EXPECT_EQ(storedCadence(m_people.at(i)), i < 40 ? 30 : 0) << i;
    ASSERT_EQ(window.undoStack()->count(), 1);
    EXPECT_EQ(window.undoStack()->undoText(), QStringLiteral("Keep in touch with 40 contacts"));
    ContactTableModel* model = view->model();
    const int first = model->rowOf(m_people.first());
    EXPECT_EQ(model->contactAt(first).keepInTouchDays, 30);
    // Added 400 days ago, nothing logged since: due now.
    EXPECT_EQ(model->factsAt(first).nextKeepInTouch, QDate::currentDate().addDays(-370));
    EXPECT_TRUE(model->dueToKeepInTouch(first));

    window.undoStack()->undo();
    for (int i = 0; i < 40; ++i)
        EXPECT_EQ(storedCadence(m_people.at(i)), 0) << i;
    EXPECT_FALSE(model->factsAt(first).nextKeepInTouch.isValid());
    EXPECT_EQ(storedCadence(m_dana), 30) << "untouched";
    window.undoStack()->redo();
    EXPECT_EQ(storedCadence(m_people.at(39)), 30);
    EXPECT_EQ(model->factsAt(first).keepInTouchDays, 30);

    // None takes it away again, as one more step.
    keepInTouch->menu()->findChild<QAction*>(QStringLiteral("keepInTouch-none"))->trigger();
    EXPECT_EQ(storedCadence(m_people.first()), 0);
    EXPECT_EQ(window.undoStack()->undoText(), QStringLiteral("Stop keeping in touch with 40 contacts"));
}

TEST_F(ContactsKeepInTouchTest, TheContextMenuOffersKeepInTouch)
{
    MainWindow window(*m_database);
    showContacts(window);
    ContactsView* view = window.contactsView();
    QTableView* table = view->table();
    table->setFocus();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(view->proxy()->index(1, ContactTableModel::NameColumn)).center());
    ASSERT_EQ(view->selectedIds(), QList<qint64> { m_lee });
    auto menu = view->createContextMenu();
    ASSERT_TRUE(menu);
    EXPECT_TRUE(menu->actions().contains(view->keepInTouchAction()));
    EXPECT_TRUE(view->keepInTouchAction()->isEnabled());
    view->keepInTouchAction()->menu()->findChild<QAction*>(QStringLiteral("keepInTouch-yearly"))->trigger();
    EXPECT_EQ(storedCadence(m_lee), 365);
    EXPECT_EQ(window.undoStack()->undoText(), QStringLiteral("Keep in touch with “Lee Later”"));
}

} // namespace
} // namespace rapport
