#include "core/cadence/CadenceSettings.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/TemplateRepository.h"
#include "ui/dialogs/ContactDialog.h"
#include "ui/models/ContactTableModel.h"

#include "tests/core/TestDatabase.h"
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace rapport {
namespace {

// The contact panel's Note tab: the shipped connection-note templates rendered for Grace, who went to Yale
// but whose event, mutual connection and topic are unknown.
class ContactNoteTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        Contact grace;
        grace.firstName = QStringLiteral("Grace");
        grace.lastName = QStringLiteral("Hopper");
        grace.school = QStringLiteral("Yale");
        m_grace = ContactRepository(*m_database).add(grace).value();
        m_model = std::make_unique<ContactTableModel>();
        QGuiApplication::clipboard()->clear();
    }

    std::unique_ptr<ContactDialog> openDialog()
    {
        auto dialog = std::make_unique<ContactDialog>(*m_database, &m_undo, m_model.get(), m_grace);
        dialog->show();
        auto* tabs = dialog->findChild<QTabWidget*>();
        tabs->setCurrentIndex(tabs->count() - 1);
        EXPECT_EQ(tabs->tabText(tabs->currentIndex()), QStringLiteral("&Note"));
        return dialog;
    }

    std::unique_ptr<ContactTableModel> m_model;
    QUndoStack m_undo;
    qint64 m_grace = 0;
};

TEST_F(ContactNoteTest, OffersTheFirstTemplateTheContactFillsAndCopiesIt)
{
    auto dialog = openDialog();
    EXPECT_EQ(dialog->noteTemplates()->count(), 4) << "the connection notes only";
    EXPECT_EQ(dialog->noteTemplates()->currentText(), QStringLiteral("Fellow alum"));
    const QString expected
        = QStringLiteral("Grace, I see you also went to Yale. As a fellow alum I'd be happy to connect.");
    EXPECT_EQ(dialog->notePreview()->toPlainText(), expected);
    EXPECT_EQ(dialog->noteCounter()->text(), QStringLiteral("%1 / 300").arg(expected.size()));

    auto* copy = dialog->findChild<QPushButton*>();
    for (auto* button : dialog->findChildren<QPushButton*>()) {
        if (button->text() == QStringLiteral("&Copy note"))
            copy = button;
    }
    QTest::mouseClick(copy, Qt::LeftButton);
    EXPECT_EQ(QGuiApplication::clipboard()->text(), expected);
    EXPECT_EQ(dialog->noteStatus()->text(), QStringLiteral("Copied."));
}

TEST_F(ContactNoteTest, RefusesAnUnfilledPlaceholderWithTheReason)
{
    auto dialog = openDialog();
    dialog->noteTemplates()->setCurrentText(QStringLiteral("Met at an event"));
    EXPECT_TRUE(dialog->notePreview()->toPlainText().contains(QStringLiteral("{event}")));
    EXPECT_FALSE(dialog->copyNote());
    EXPECT_EQ(dialog->noteStatus()->text(), QStringLiteral("Not copied: {event} is empty for Grace Hopper."));
    EXPECT_TRUE(QGuiApplication::clipboard()->text().isEmpty());

    // Filled in on the Personalization tab, the note follows.
    auto* event = dialog->findChild<QLineEdit*>(QStringLiteral("event"));
    QTest::keyClicks(event, QStringLiteral("DevConf"));
    EXPECT_TRUE(dialog->copyNote());
    EXPECT_EQ(QGuiApplication::clipboard()->text(),
              QStringLiteral("Hi Grace, it was great meeting you at DevConf. I enjoyed our conversation and would "
                             "like to stay in touch."));
}

TEST_F(ContactNoteTest, RefusesANoteOverTheAccountsLimit)
{
    ASSERT_TRUE(CadenceSettings(*m_database).setAccountType(AccountType::Basic).ok());
    Template longNote;
    longNote.name = QStringLiteral("Long");
    longNote.kind = TemplateKind::ConnectionNote;
    longNote.body = QStringLiteral("{first_name}, ") + QString(200, u'x');
    ASSERT_TRUE(TemplateRepository(*m_database).add(longNote).ok());

    auto dialog = openDialog();
    dialog->noteTemplates()->setCurrentText(QStringLiteral("Long"));
    EXPECT_EQ(dialog->noteCounter()->text(), QStringLiteral("207 / 200 — 7 over"));
    EXPECT_FALSE(dialog->copyNote());
    EXPECT_EQ(dialog->noteStatus()->text(),
              QStringLiteral("Not copied: the note is 7 characters over LinkedIn's limit of 200."));
    EXPECT_TRUE(QGuiApplication::clipboard()->text().isEmpty());
}

} // namespace
} // namespace rapport
