#include "ui/views/TemplatesView.h"
#include "core/cadence/CadenceSettings.h"
#include "core/cadence/PlanService.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/TemplateRepository.h"
#include "ui/models/TemplateListModel.h"
#include "ui/views/StatusColors.h"
#include "ui/workers/PlanWorker.h"

#include "tests/core/TestDatabase.h"
#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace rapport {
namespace {

class TemplatesViewTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        Contact ada;
        ada.firstName = QStringLiteral("Ada");
        ada.lastName = QStringLiteral("Lovelace");
        ada.company = QStringLiteral("Analytical Engines");
        m_ada = ContactRepository(*m_database).add(ada).value();
    }

    std::unique_ptr<TemplatesView> makeView()
    {
        auto view = std::make_unique<TemplatesView>(*m_database, &m_undo);
        view->reload();
        view->resize(1000, 700);
        view->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(view.get()));
        view->setPreviewContact(m_ada);
        return view;
    }

    // A new, empty connection note, with the focus in its body.
    void startNewNote(TemplatesView& view)
    {
        view.addTemplate(TemplateKind::ConnectionNote);
        view.bodyEditor()->setFocus();
        ASSERT_TRUE(view.bodyEditor()->toPlainText().isEmpty());
    }

    static QString state(QLabel* label) { return label->property("state").toString(); }

    QUndoStack m_undo;
    qint64 m_ada = 0;
};

// The preview shows the contact the week's plan asks a request of next, once the planner's thread has made
// the plan; opening the place does not wait for it.
TEST_F(TemplatesViewTest, ThePreviewDefaultsToTheNextRequestOfThePlan)
{
    ContactRepository contacts(*m_database);
    for (const char* first : { "Aaron", "Abe", "Zed" }) {
        Contact contact;
        contact.firstName = QString::fromLatin1(first);
        contact.lastName = QStringLiteral("Example");
        ASSERT_TRUE(contacts.add(contact).ok());
    }
    const QDate today = QDate::currentDate();
    const WeekPlan plan = PlanService::weekPlan(*m_database, today, today).value();
    qint64 expected = 0;
    for (const PlanAction& action : plan.actions) {
        if (action.kind == PlanActionKind::SendRequest && action.state != PlanActionState::Done) {
            expected = action.contactId;
            break;
        }
    }

    PlanWorker planner(path());
    TemplatesView view(*m_database, &m_undo, &planner);
    view.show();
    EXPECT_EQ(planner.pending(), 1) << "asked for, not waited for";
    ASSERT_TRUE(QTest::qWaitFor([&] { return planner.pending() == 0; }, 10000));
    ASSERT_NE(view.previewContact(), nullptr);
    if (expected == 0)
        GTEST_SKIP() << "no request is planned for the rest of this week";
    EXPECT_EQ(view.previewContact()->id, expected);
}

TEST_F(TemplatesViewTest, TheModelPassesTheTester)
{
    auto view = makeView();
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    view->addTemplate(TemplateKind::FollowUp);
    view->duplicateTemplate();
    view->deleteTemplate();
    m_undo.undo();
    view->reload();
}

TEST_F(TemplatesViewTest, TheCounterFollowsEveryKeystroke)
{
    auto view = makeView();
    startNewNote(*view);
    QTest::keyClicks(view->bodyEditor(), QStringLiteral("Hi {first_name}"));
    EXPECT_EQ(view->counter()->text(), QStringLiteral("15 / 300"));
    EXPECT_EQ(state(view->counter()), QStringLiteral("normal"));
    // The preview counts the rendered text: "Hi Ada".
    EXPECT_EQ(view->preview()->toPlainText(), QStringLiteral("Hi Ada"));
    EXPECT_EQ(view->previewCounter()->text(), QStringLiteral("6 / 300"));
}

TEST_F(TemplatesViewTest, TheCounterWarnsAtNinetyPercentAndErrsPastTheLimit)
{
    auto view = makeView();
    startNewNote(*view);
    QTest::keyClicks(view->bodyEditor(), QString(269, u'a'));
    EXPECT_EQ(view->counter()->text(), QStringLiteral("269 / 300"));
    EXPECT_EQ(state(view->counter()), QStringLiteral("normal"));
    QTest::keyClick(view->bodyEditor(), Qt::Key_B);
    EXPECT_EQ(view->counter()->text(), QStringLiteral("270 / 300"));
    EXPECT_EQ(state(view->counter()), QStringLiteral("warning"));
    EXPECT_EQ(view->counter()->palette().color(QPalette::WindowText), StatusColors::warning(view->palette()));
    QTest::keyClicks(view->bodyEditor(), QString(30, u'c'));
    EXPECT_EQ(view->counter()->text(), QStringLiteral("300 / 300"));
    EXPECT_EQ(state(view->counter()), QStringLiteral("warning"));
    QTest::keyClick(view->bodyEditor(), Qt::Key_D);
    EXPECT_EQ(view->counter()->text(), QStringLiteral("301 / 300 — 1 over"));
    EXPECT_EQ(state(view->counter()), QStringLiteral("error"));
    EXPECT_EQ(view->counter()->palette().color(QPalette::WindowText), StatusColors::error(view->palette()));
    QTest::keyClick(view->bodyEditor(), Qt::Key_Backspace);
    EXPECT_EQ(state(view->counter()), QStringLiteral("warning"));
}

TEST_F(TemplatesViewTest, ABasicAccountHasTwoHundredCharacters)
{
    ASSERT_TRUE(CadenceSettings(*m_database).setAccountType(AccountType::Basic).ok());
    auto view = makeView();
    startNewNote(*view);
    QTest::keyClicks(view->bodyEditor(), QString(201, u'x'));
    EXPECT_EQ(view->counter()->text(), QStringLiteral("201 / 200 — 1 over"));
}

TEST_F(TemplatesViewTest, FollowUpsShowTheirLengthWithoutALimit)
{
    auto view = makeView();
    view->addTemplate(TemplateKind::FollowUp);
    view->bodyEditor()->setFocus();
    QTest::keyClicks(view->bodyEditor(), QString(400, u'x'));
    EXPECT_EQ(view->counter()->text(), QStringLiteral("400 characters"));
    EXPECT_EQ(state(view->counter()), QStringLiteral("normal"));
}

TEST_F(TemplatesViewTest, CopyRefusesANoteOverTheLimit)
{
    auto view = makeView();
    startNewNote(*view);
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));
    QTest::keyClicks(view->bodyEditor(), QStringLiteral("Hi {first_name}, ") + QString(300, u'x'));
    QTest::mouseClick(view->copyButton(), Qt::LeftButton);
    EXPECT_EQ(QGuiApplication::clipboard()->text(), QStringLiteral("before"));
    EXPECT_TRUE(view->copyStatus()->text().contains(QStringLiteral("over LinkedIn's limit of 300")))
        << view->copyStatus()->text().toStdString();
}

TEST_F(TemplatesViewTest, CopyRefusesAnUnresolvedPlaceholderAndCopiesACompleteNote)
{
    auto view = makeView();
    startNewNote(*view);
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));
    QTest::keyClicks(view->bodyEditor(), QStringLiteral("Hi {first_name}, we met at {event}."));
    EXPECT_TRUE(view->lintLabel()->text().contains(QStringLiteral("{event} is empty for Ada Lovelace")));
    QTest::mouseClick(view->copyButton(), Qt::LeftButton);
    EXPECT_EQ(QGuiApplication::clipboard()->text(), QStringLiteral("before"));
    EXPECT_TRUE(view->copyStatus()->text().contains(QStringLiteral("{event}")));

    view->bodyEditor()->selectAll();
    QTest::keyClicks(view->bodyEditor(), QStringLiteral("Hi {first_name}, I admire your work at {company}."));
    QTest::mouseClick(view->copyButton(), Qt::LeftButton);
    EXPECT_EQ(QGuiApplication::clipboard()->text(),
              QStringLiteral("Hi Ada, I admire your work at Analytical Engines."));
}

TEST_F(TemplatesViewTest, TheBodyIsSavedAndSurvivesAReload)
{
    auto view = makeView();
    startNewNote(*view);
    const qint64 id = view->currentTemplateId();
    QTest::keyClicks(view->bodyEditor(), QStringLiteral("Hi {first_name}"));
    view->flush();
    EXPECT_EQ(TemplateRepository(*m_database).find(id)->body, QStringLiteral("Hi {first_name}"));
}

TEST_F(TemplatesViewTest, DeleteIsUndoable)
{
    auto view = makeView();
    const int before = view->model()->rowCount();
    const qint64 id = view->currentTemplateId();
    const Template original = TemplateRepository(*m_database).find(id).value();
    view->deleteTemplate();
    EXPECT_EQ(view->model()->rowCount(), before - 1);
    EXPECT_FALSE(TemplateRepository(*m_database).find(id).ok());
    m_undo.undo();
    EXPECT_EQ(view->model()->rowCount(), before);
    EXPECT_EQ(TemplateRepository(*m_database).find(id)->body, original.body);
    m_undo.redo();
    EXPECT_FALSE(TemplateRepository(*m_database).find(id).ok());
}

TEST_F(TemplatesViewTest, DuplicateAddsACopyWithAFreeName)
{
    auto view = makeView();
    const Template original = TemplateRepository(*m_database).find(view->currentTemplateId()).value();
    view->duplicateTemplate();
    const Template copy = TemplateRepository(*m_database).find(view->currentTemplateId()).value();
    EXPECT_NE(copy.id, original.id);
    EXPECT_EQ(copy.name, original.name + QStringLiteral(" (2)"));
    EXPECT_EQ(copy.body, original.body);
    m_undo.undo();
    EXPECT_FALSE(TemplateRepository(*m_database).find(copy.id).ok());
}

} // namespace
} // namespace rapport

#include "core/storage/InteractionRepository.h"

namespace rapport {
namespace {

TEST(TemplateStatsText, SaysHowOftenATemplateWorked)
{
    RateCount none;
    EXPECT_EQ(TemplatesView::statsText(none), QStringLiteral("Not used for a request yet."));
    RateCount few;
    few.accepted = 2;
    few.declined = 1;
    few.open = 1;
    EXPECT_EQ(TemplatesView::statsText(few),
              QStringLiteral("Sent with this template: 4 requests · 2 accepted of 3 answered: too few to tell yet · 1 "
                             "awaiting an answer"));
    RateCount enough;
    enough.accepted = 6;
    enough.noAnswer = 6;
    EXPECT_EQ(
        TemplatesView::statsText(enough),
        QStringLiteral("Sent with this template: 12 requests · accepted 6 of 12 answered: 50% (95% interval 25–75%)"));
}

TEST_F(TemplatesViewTest, ShowsTheSelectedTemplatesAcceptance)
{
    const Template used = TemplateRepository(*m_database).all()->first();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 6; ++i) {
        Contact contact;
        contact.firstName = QStringLiteral("P%1").arg(i);
        Interaction sent;
        sent.contactId = ContactRepository(*m_database).add(contact).value();
        sent.kind = InteractionKind::RequestSent;
        sent.occurredAt = now.addDays(-40);
        sent.templateName = used.name;
        ASSERT_TRUE(InteractionRepository(*m_database).add(sent).ok());
        if (i < 3) {
            Interaction accepted = sent;
            accepted.kind = InteractionKind::RequestAccepted;
            accepted.occurredAt = now.addDays(-38);
            ASSERT_TRUE(InteractionRepository(*m_database).add(accepted).ok());
        }
    }
    auto view = makeView();
    view->selectTemplate(used.id);
    EXPECT_TRUE(view->statsLabel()->text().contains(QStringLiteral("6 requests")))
        << view->statsLabel()->text().toStdString();
    EXPECT_TRUE(view->statsLabel()->text().contains(QStringLiteral("accepted 3 of 6 answered: 50%")))
        << view->statsLabel()->text().toStdString();
}

} // namespace
} // namespace rapport

namespace rapport {
namespace {

// A connection note may say whom it is for, so that the plan suggests it to them first; undoable like a rename.
TEST_F(TemplatesViewTest, ANoteSaysWhomItIsFor)
{
    auto view = makeView();
    startNewNote(*view);
    const qint64 id = view->currentTemplateId();
    auto* forWhom = view->findChild<QComboBox*>(QStringLiteral("templateForWhom"));
    ASSERT_NE(forWhom, nullptr);
    EXPECT_EQ(forWhom->currentText(), QStringLiteral("Anyone"));
    forWhom->setFocus();
    QTest::keyClick(forWhom, Qt::Key_End);
    EXPECT_EQ(forWhom->currentText(), QStringLiteral("Interview"));
    EXPECT_EQ(TemplateRepository(*m_database).find(id)->forHowWeKnow, QStringList { QStringLiteral("interview") });
    EXPECT_EQ(m_undo.undoText(), QStringLiteral("Change whom a note is for"));
    m_undo.undo();
    EXPECT_TRUE(TemplateRepository(*m_database).find(id)->forHowWeKnow.isEmpty());
}

} // namespace
} // namespace rapport
