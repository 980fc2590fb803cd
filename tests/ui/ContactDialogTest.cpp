#include "ui/dialogs/ContactDialog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TagCadenceRepository.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/KeepInTouchPicker.h"
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
#include <QSpinBox>
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

    static QComboBox* cadenceCombo(ContactDialog* dialog)
    {
        auto* picker = dialog->findChild<KeepInTouchPicker*>(QStringLiteral("keepInTouch"));
        return picker ? picker->findChild<QComboBox*>(QStringLiteral("cadence")) : nullptr;
    }

    int storedCadence(qint64 id) { return ContactRepository(*m_database).find(id).value().keepInTouchDays; }

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

TEST_F(ContactDialogTest, AKeepInTouchCadenceIsSavedWithTheContactAndUndone)
{
    MainWindow window(*m_database);
    window.showPlace(MainWindow::Place::Contacts);
    window.show();
    ContactTableModel* model = window.contactsView()->model();
    ContactDialog* dialog = window.contactsView()->openContact(m_ada);
    QComboBox* combo = cadenceCombo(dialog);
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentText(), QStringLiteral("None"));
    QStringList offered;
    for (int i = 0; i < combo->count(); ++i)
        offered.append(combo->itemText(i));
    EXPECT_EQ(offered,
              (QStringList { QStringLiteral("None"), QStringLiteral("Close (every 30 days)"),
                             QStringLiteral("Regular (every 90 days)"), QStringLiteral("Occasional (every 180 days)"),
                             QStringLiteral("Yearly (every 365 days)"), QStringLiteral("Custom…") }));
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    EXPECT_EQ(combo->currentText(), QStringLiteral("Close (every 30 days)"));
    clickSave(dialog);
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(storedCadence(m_ada), 30);
    EXPECT_EQ(window.undoStack()->undoText(), QStringLiteral("Edit “Ada Lovelace”"));
    const int row = model->rowOf(m_ada);
    EXPECT_EQ(model->factsAt(row).keepInTouchDays, 30);
    // Nothing logged: due a cadence after the contact was added.
    EXPECT_EQ(model->factsAt(row).nextKeepInTouch, QDate::currentDate().addDays(30));
    EXPECT_FALSE(model->index(row, ContactTableModel::KeepInTouchColumn).data().toString().isEmpty());

    window.undoStack()->undo();
    EXPECT_EQ(storedCadence(m_ada), 0);
    EXPECT_FALSE(model->factsAt(model->rowOf(m_ada)).nextKeepInTouch.isValid());
    EXPECT_TRUE(model->index(model->rowOf(m_ada), ContactTableModel::KeepInTouchColumn).data().toString().isEmpty());
    window.undoStack()->redo();
    EXPECT_EQ(storedCadence(m_ada), 30);
}

TEST_F(ContactDialogTest, ACustomCadenceTakesItsDaysFromTheSpinBox)
{
    MainWindow window(*m_database);
    ContactDialog* dialog = window.contactsView()->openContact(m_grace);
    QComboBox* combo = cadenceCombo(dialog);
    ASSERT_NE(combo, nullptr);
    auto* days = dialog->findChild<QSpinBox*>(QStringLiteral("cadenceDays"));
    ASSERT_NE(days, nullptr);
    EXPECT_FALSE(days->isVisibleTo(dialog)) << "only for Custom…";
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_End);
    EXPECT_EQ(combo->currentText(), QStringLiteral("Custom…"));
    ASSERT_TRUE(days->isVisibleTo(dialog));
    EXPECT_EQ(days->minimum(), 7);
    EXPECT_EQ(days->maximum(), 730);
    days->setFocus();
    days->selectAll();
    QTest::keyClicks(days, QStringLiteral("45"));
    EXPECT_EQ(days->value(), 45);
    clickSave(dialog);
    EXPECT_EQ(storedCadence(m_grace), 45);

    ContactDialog* again = window.contactsView()->openContact(m_grace);
    EXPECT_EQ(cadenceCombo(again)->currentText(), QStringLiteral("Custom…"));
    EXPECT_EQ(again->findChild<QSpinBox*>(QStringLiteral("cadenceDays"))->value(), 45);
    again->reject();
}

TEST_F(ContactDialogTest, ATagsCadenceIsShownWhenTheContactHasNoneOfItsOwn)
{
    ASSERT_TRUE(TagCadenceRepository(*m_database).set(QStringLiteral("Mentor"), 30).ok());
    ASSERT_TRUE(TagCadenceRepository(*m_database).set(QStringLiteral("alumni"), 180).ok());
    MainWindow window(*m_database);
    ContactDialog* dialog = window.contactsView()->openContact(m_ada);
    auto* source = dialog->findChild<QLabel*>(QStringLiteral("cadenceSource"));
    ASSERT_NE(source, nullptr);
    EXPECT_FALSE(source->isVisibleTo(dialog)) << "no tag yet";
    type(dialog, "tags", QStringLiteral("alumni, mentor"));
    ASSERT_TRUE(source->isVisibleTo(dialog));
    EXPECT_EQ(source->text(), QStringLiteral("from tag “mentor”: Close (every 30 days)")) << "the shortest wins";

    QComboBox* combo = cadenceCombo(dialog);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QTest::keyClick(combo, Qt::Key_Down);
    EXPECT_EQ(combo->currentText(), QStringLiteral("Regular (every 90 days)"));
    EXPECT_FALSE(source->isVisibleTo(dialog)) << "its own cadence applies";
    QTest::keyClick(combo, Qt::Key_Home);
    EXPECT_TRUE(source->isVisibleTo(dialog));

    clickSave(dialog);
    EXPECT_EQ(storedCadence(m_ada), 0) << "the tag's cadence is not copied into the contact";
    ContactTableModel* model = window.contactsView()->model();
    EXPECT_EQ(model->factsAt(model->rowOf(m_ada)).keepInTouchDays, 30);
    EXPECT_TRUE(model->index(model->rowOf(m_ada), ContactTableModel::KeepInTouchColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"from a tag"));
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
