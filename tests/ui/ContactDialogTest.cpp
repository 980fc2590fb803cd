#include "ui/dialogs/ContactDialog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "ui/MainWindow.h"
#include "ui/models/ContactFilterProxy.h"
#include "ui/models/ContactTableModel.h"
#include "ui/models/InteractionListModel.h"
#include "ui/views/ContactsView.h"

#include "tests/core/TestDatabase.h"
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace rapport {
namespace {

class ContactDialogTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        ContactRepository contacts(*m_database);
        Contact grace;
        grace.firstName = QStringLiteral("Grace");
        grace.lastName = QStringLiteral("Hopper");
        grace.company = QStringLiteral("US Navy");
        grace.profileUrl = QStringLiteral("https://www.linkedin.com/in/grace-hopper");
        m_grace = contacts.add(grace).value();
        Contact ada;
        ada.firstName = QStringLiteral("Ada");
        ada.lastName = QStringLiteral("Lovelace");
        m_ada = contacts.add(ada).value();
    }

    static void type(ContactDialog* dialog, const char* field, const QString& text)
    {
        auto* edit = dialog->findChild<QLineEdit*>(QString::fromLatin1(field));
        ASSERT_NE(edit, nullptr) << field;
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    static void clickSave(ContactDialog* dialog)
    {
        auto* buttons = dialog->findChild<QDialogButtonBox*>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    }

    qint64 m_grace = 0;
    qint64 m_ada = 0;
};

TEST_F(ContactDialogTest, TypingInTheSearchBoxFilters)
{
    MainWindow window(*m_database);
    window.showPlace(MainWindow::Place::Contacts);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTableView* table = window.contactsView()->table();
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(table->model()->rowCount(), 2);
    QApplication::setActiveWindow(&window);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(window.contactsView()->searchBox()->hasFocus());
    QTest::keyClicks(window.contactsView()->searchBox(), QStringLiteral("navy"));
    ASSERT_EQ(table->model()->rowCount(), 1);
    EXPECT_EQ(table->model()->index(0, ContactTableModel::NameColumn).data().toString(),
              QStringLiteral("Grace Hopper"));
    QTest::keyClick(window.contactsView()->searchBox(), Qt::Key_Backspace);
    EXPECT_EQ(table->model()->rowCount(), 1);
    window.contactsView()->searchBox()->clear();
    EXPECT_EQ(table->model()->rowCount(), 2);
}

TEST_F(ContactDialogTest, AddingAndEditingAContactPersistsAcrossReopening)
{
    qint64 id = 0;
    {
        MainWindow window(*m_database);
        window.showPlace(MainWindow::Place::Contacts);
        window.show();
        ContactDialog* dialog = window.contactsView()->openContact(0);
        type(dialog, "firstName", QStringLiteral("Katherine"));
        type(dialog, "lastName", QStringLiteral("Johnson"));
        type(dialog, "company", QStringLiteral("NASA"));
        type(dialog, "profileUrl", QStringLiteral("not a url"));
        clickSave(dialog);
        ASSERT_TRUE(dialog->isVisible()); // refused, with the reason
        EXPECT_TRUE(dialog->errorText().startsWith(u"Profile URL")) << dialog->errorText().toStdString();
        type(dialog, "profileUrl", QStringLiteral("https://www.linkedin.com/in/katherine-johnson"));
        clickSave(dialog);
        EXPECT_FALSE(dialog->isVisible());
        id = dialog->contactId();
        EXPECT_NE(window.contactsView()->model()->rowOf(id), -1);
        EXPECT_EQ(window.undoStack()->count(), 1);
    }
    reopen();
    auto stored = ContactRepository(*m_database).find(id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->company, QStringLiteral("NASA"));
    {
        MainWindow window(*m_database);
        ContactDialog* dialog = window.contactsView()->openContact(id);
        type(dialog, "company", QStringLiteral("NACA"));
        clickSave(dialog);
        EXPECT_FALSE(dialog->isVisible());
        const int row = window.contactsView()->model()->rowOf(id);
        EXPECT_EQ(window.contactsView()->model()->contactAt(row).company, QStringLiteral("NACA"));
    }
    reopen();
    EXPECT_EQ(ContactRepository(*m_database).find(id)->company, QStringLiteral("NACA"));
}

TEST_F(ContactDialogTest, LogsEditsAndDeletesInteractionsUndoably)
{
    MainWindow window(*m_database);
    ContactDialog* dialog = window.contactsView()->openContact(m_ada);
    QAbstractItemModelTester tester(dialog->timeline(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto* kind = dialog->findChild<QComboBox*>(QStringLiteral("logKind"));
    kind->setCurrentIndex(kind->findData(int(InteractionKind::RequestSent)));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("logText")), QStringLiteral("Hello Ada"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("logButton")), Qt::LeftButton);
    ASSERT_EQ(dialog->timeline()->rowCount(), 1);
    const Interaction logged = dialog->timeline()->interactionAt(0);
    EXPECT_EQ(logged.text, QStringLiteral("Hello Ada"));
    EXPECT_LT(qAbs(logged.occurredAt.secsTo(QDateTime::currentDateTimeUtc())), 120); // defaults to now
    ContactTableModel* model = window.contactsView()->model();
    EXPECT_EQ(model->factsAt(model->rowOf(m_ada)).stage, Stage::Requested);

    window.undoStack()->undo();
    EXPECT_EQ(dialog->timeline()->rowCount(), 0);
    EXPECT_EQ(model->factsAt(model->rowOf(m_ada)).stage, Stage::Prospect);
    window.undoStack()->redo();
    ASSERT_EQ(dialog->timeline()->rowCount(), 1);

    auto* timeline = dialog->findChild<QListView*>(QStringLiteral("timeline"));
    timeline->setCurrentIndex(dialog->timeline()->index(0));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("deleteEntry")), Qt::LeftButton);
    EXPECT_EQ(dialog->timeline()->rowCount(), 0);
    EXPECT_TRUE(InteractionRepository(*m_database).forContact(m_ada)->isEmpty());
    window.undoStack()->undo();
    ASSERT_EQ(dialog->timeline()->rowCount(), 1);
    EXPECT_EQ(dialog->timeline()->interactionAt(0), logged); // back under its id
}

TEST_F(ContactDialogTest, TheSamePersonIsOfferedAsAMergeAndTheMergeUndoes)
{
    MainWindow window(*m_database);
    ContactDialog* dialog = window.contactsView()->openContact(0);
    type(dialog, "firstName", QStringLiteral("Grace"));
    type(dialog, "lastName", QStringLiteral("Hopper"));
    type(dialog, "location", QStringLiteral("Arlington"));
    type(dialog, "profileUrl", QStringLiteral("linkedin.com/in/Grace-Hopper/"));
    bool offered = false;
    QTimer::singleShot(0, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        offered = true;
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    });
    clickSave(dialog);
    EXPECT_TRUE(offered);
    EXPECT_EQ(ContactRepository(*m_database).count().value(), 2);
    auto merged = ContactRepository(*m_database).find(m_grace).value();
    EXPECT_EQ(merged.location, QStringLiteral("Arlington"));
    EXPECT_EQ(merged.company, QStringLiteral("US Navy"));
    window.undoStack()->undo();
    EXPECT_EQ(ContactRepository(*m_database).find(m_grace)->location, QString());
}

TEST_F(ContactDialogTest, DeleteRemovesTheSelectedContactsAndUndoBringsThemBack)
{
    InteractionRepository log(*m_database);
    Interaction met;
    met.contactId = m_grace;
    met.kind = InteractionKind::Met;
    met.occurredAt = QDateTime::currentDateTimeUtc().addDays(-10);
    ASSERT_TRUE(log.add(met).ok());
    MainWindow window(*m_database);
    window.showPlace(MainWindow::Place::Contacts);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTableView* table = window.contactsView()->table();
    table->setFocus();
    table->selectAll();
    QTest::keyClick(table, Qt::Key_Delete);
    EXPECT_EQ(table->model()->rowCount(), 0);
    EXPECT_EQ(ContactRepository(*m_database).count().value(), 0);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(table->model()->rowCount(), 2);
    EXPECT_EQ(log.forContact(m_grace)->size(), 1);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(table->model()->rowCount(), 0);
}

} // namespace
} // namespace rapport
