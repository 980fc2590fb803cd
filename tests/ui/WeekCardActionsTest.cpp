#include "core/cadence/CadenceSettings.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TemplateRepository.h"
#include "ui/dialogs/ContentSharedDialog.h"
#include "ui/models/WeekPlanModel.h"
#include "ui/views/WeekView.h"

#include "tests/core/TestDatabase.h"
#include "tests/ui/Planning.h"
#include "ui/workers/PlanWorker.h"
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

#include <gtest/gtest.h>

namespace rapport {

// Stands in for the browser: QDesktopServices hands it the URLs the view opens.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl& url) { opened.append(url); }
};

namespace {

const QDate kToday(2026, 11, 25); // a Wednesday
const QLocale kLocale(QLocale::English, QLocale::UnitedKingdom);

// Prospects from Yale with profile URLs (the plan suggests the "Fellow alum" note) and Ada, who
// accepted a request long enough ago to be followed up.
class WeekCardActionsTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        ContactRepository contacts(*m_database);
        for (int i = 0; i < 6; ++i) {
            Contact prospect;
            prospect.firstName = QStringLiteral("Grace%1").arg(i + 1);
            prospect.lastName = QStringLiteral("Hopper");
            prospect.school = QStringLiteral("Yale");
            prospect.profileUrl = QStringLiteral("https://www.linkedin.com/in/grace%1").arg(i + 1);
            ASSERT_TRUE(contacts.add(prospect, QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC)).ok());
        }
        Contact ada;
        ada.firstName = QStringLiteral("Ada");
        ada.lastName = QStringLiteral("Lovelace");
        m_ada = contacts.add(ada, QDateTime(QDate(2026, 9, 1), QTime(9, 0), Qt::UTC)).value();
        InteractionRepository log(*m_database);
        for (auto [kind, day] : { std::pair(InteractionKind::RequestSent, QDate(2026, 11, 2)),
                                  std::pair(InteractionKind::RequestAccepted, QDate(2026, 11, 12)) }) {
            Interaction entry;
            entry.contactId = m_ada;
            entry.kind = kind;
            entry.occurredAt = QDateTime(day, QTime(9, 0), Qt::UTC);
            ASSERT_TRUE(log.add(entry).ok());
        }
        m_catcher = std::make_unique<UrlCatcher>();
        QDesktopServices::setUrlHandler(QStringLiteral("https"), m_catcher.get(), "open");
        QGuiApplication::clipboard()->clear();
    }

    void TearDown() override { QDesktopServices::unsetUrlHandler(QStringLiteral("https")); }

    std::unique_ptr<WeekView> makeView()
    {
        if (!m_planner)
            m_planner = std::make_unique<PlanWorker>(path());
        auto view = std::make_unique<WeekView>(*m_database, *m_planner);
        view->setClock([] { return QDateTime(kToday, QTime(10, 0), Qt::UTC); });
        view->setLocale(kLocale);
        view->setTimeZone(QTimeZone::utc());
        view->reload();
        view->resize(1100, 700);
        view->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(view.get()));
        EXPECT_TRUE(test::planned(*view->model()));
        return view;
    }

    // The plan as a fresh model on the same database sees it: what is remembered.
    QDate storedDayOf(qint64 contactId, PlanActionKind kind)
    {
        WeekPlanModel model(*m_planner);
        model.setLocale(kLocale);
        model.setTimeZone(QTimeZone::utc());
        model.setToday(kToday);
        model.reload();
        EXPECT_TRUE(test::planned(model));
        EXPECT_TRUE(model.error().isEmpty()) << model.error().toStdString();
        const QModelIndex index = model.indexOf(contactId, kind);
        return index.isValid() ? model.dateOfColumn(index.column()) : QDate();
    }

    QModelIndex firstRequest(WeekPlanModel* model)
    {
        for (int column = 0; column < model->columnCount(); ++column) {
            for (int row = 0; row < model->rowCount(); ++row) {
                const PlanAction* item = model->action(model->index(row, column));
                if (item && item->kind == PlanActionKind::SendRequest && item->templateId != 0)
                    return model->index(row, column);
            }
        }
        return {};
    }

    static void trigger(WeekView& view, const QModelIndex& card, const char* name)
    {
        auto menu = view.createCardMenu(card);
        ASSERT_TRUE(menu);
        QAction* action = menu->findChild<QAction*>(QString::fromLatin1(name));
        ASSERT_TRUE(action) << name;
        ASSERT_TRUE(action->isEnabled()) << name;
        action->trigger();
        ASSERT_TRUE(test::planned(*view.model()));
    }

    std::unique_ptr<PlanWorker> m_planner;
    std::unique_ptr<UrlCatcher> m_catcher;
    qint64 m_ada = 0;
};

TEST_F(WeekCardActionsTest, CopyNoteAndOpenProfileCopiesTheRenderedNoteAndOpensTheProfile)
{
    auto view = makeView();
    const QModelIndex card = firstRequest(view->model());
    ASSERT_TRUE(card.isValid());
    const PlanAction planned = *view->model()->action(card);
    trigger(*view, card, "copyNote");

    EXPECT_TRUE(view->errorLabel()->isHidden()) << view->errorLabel()->text().toStdString();
    const QString first = planned.contactName.section(QLatin1Char(' '), 0, 0);
    EXPECT_EQ(QGuiApplication::clipboard()->text(),
              QStringLiteral("%1, I see you also went to Yale. As a fellow alum I'd be happy to connect.").arg(first));
    ASSERT_EQ(m_catcher->opened.size(), 1);
    EXPECT_EQ(m_catcher->opened.first(), QUrl(QStringLiteral("https://www.linkedin.com/in/%1").arg(first.toLower())));
    EXPECT_TRUE(InteractionRepository(*m_database).forContact(planned.contactId)->isEmpty())
        << "copying sends nothing: the user marks it sent";
}

TEST_F(WeekCardActionsTest, ANoteOverTheLimitIsNeitherCopiedNorSent)
{
    auto view = makeView();
    const QModelIndex card = firstRequest(view->model());
    ASSERT_TRUE(card.isValid());
    const PlanAction planned = *view->model()->action(card);
    // The template grew past a Basic account's 200 characters after the plan was made.
    ASSERT_TRUE(CadenceSettings(*m_database).setAccountType(AccountType::Basic).ok());
    TemplateRepository templates(*m_database);
    Template note = templates.find(planned.templateId).value();
    note.body += QStringLiteral(" ") + QString(200, u'x');
    ASSERT_TRUE(templates.update(note).ok());

    EXPECT_FALSE(view->copyNoteAndOpenProfile(card).ok());
    trigger(*view, card, "copyNote");
    EXPECT_TRUE(view->errorLabel()->isVisible());
    EXPECT_TRUE(view->errorLabel()->text().contains(QStringLiteral("over LinkedIn's limit of 200")))
        << view->errorLabel()->text().toStdString();
    EXPECT_TRUE(QGuiApplication::clipboard()->text().isEmpty());
    EXPECT_TRUE(m_catcher->opened.isEmpty());

    const Status sent = view->markDone(card);
    ASSERT_FALSE(sent.ok());
    EXPECT_TRUE(sent.error().contains(QStringLiteral("over LinkedIn's limit"))) << sent.error().toStdString();
    EXPECT_TRUE(InteractionRepository(*m_database).forContact(planned.contactId)->isEmpty());
}

TEST_F(WeekCardActionsTest, MarkSentIsUndoneAndRedone)
{
    auto view = makeView();
    WeekPlanModel* model = view->model();
    const QModelIndex card = firstRequest(model);
    ASSERT_TRUE(card.isValid());
    const PlanAction planned = *model->action(card);
    trigger(*view, card, "markDone");
    ASSERT_EQ(model->plan().requests.done, 1);
    auto log = InteractionRepository(*m_database).forContact(planned.contactId).value();
    ASSERT_EQ(log.size(), 1);
    EXPECT_EQ(log.first().templateName, planned.templateName);
    EXPECT_TRUE(log.first().text.contains(QStringLiteral("Yale")));

    view->undoStack()->undo();
    ASSERT_TRUE(test::planned(*model));
    EXPECT_EQ(model->plan().requests.done, 0);
    EXPECT_EQ(view->requestsBar()->value(), 0);
    EXPECT_TRUE(InteractionRepository(*m_database).forContact(planned.contactId)->isEmpty());
    EXPECT_EQ(model->action(model->indexOf(planned.contactId, PlanActionKind::SendRequest))->state,
              PlanActionState::Planned);

    view->undoStack()->redo();
    ASSERT_TRUE(test::planned(*model));
    EXPECT_EQ(model->plan().requests.done, 1);
    EXPECT_EQ(InteractionRepository(*m_database).forContact(planned.contactId)->first().id, log.first().id)
        << "redo brings the same entry back";
}

TEST_F(WeekCardActionsTest, ContentSharedNeedsAWebAddressAndCompletesTheFollowUp)
{
    auto view = makeView();
    WeekPlanModel* model = view->model();
    const QModelIndex card = model->indexOf(m_ada, PlanActionKind::FollowUp);
    ASSERT_TRUE(card.isValid());
    EXPECT_EQ(model->plan().followUps, (PlanProgress { 0, 1 }));
    auto menu = view->createCardMenu(card);
    ASSERT_TRUE(menu->findChild<QAction*>(QStringLiteral("markContentShared")));

    EXPECT_FALSE(view->markContentShared(card, QStringLiteral("not a link")).ok());
    EXPECT_FALSE(view->markContentShared(card, QStringLiteral("ftp://example.com/a")).ok());
    EXPECT_TRUE(InteractionRepository(*m_database).forContact(m_ada)->size() == 2);

    const Status shared
        = view->markContentShared(card, QStringLiteral(" https://example.com/post "), QStringLiteral("A good read"));
    ASSERT_TRUE(shared.ok()) << shared.error().toStdString();
    ASSERT_TRUE(test::planned(*model));
    const Interaction last = InteractionRepository(*m_database).forContact(m_ada)->last();
    EXPECT_EQ(last.kind, InteractionKind::ContentShared);
    EXPECT_EQ(last.url, QStringLiteral("https://example.com/post"));
    EXPECT_EQ(last.text, QStringLiteral("A good read"));
    EXPECT_EQ(model->plan().followUps, (PlanProgress { 1, 1 }));
    EXPECT_EQ(view->followUpsBar()->value(), 1);

    view->undoStack()->undo();
    ASSERT_TRUE(test::planned(*model));
    EXPECT_EQ(model->plan().followUps, (PlanProgress { 0, 1 }));
}

TEST_F(WeekCardActionsTest, SnoozeAndSkipAreRememberedAndUndone)
{
    auto view = makeView();
    WeekPlanModel* model = view->model();
    QModelIndex card = model->indexOf(m_ada, PlanActionKind::FollowUp);
    ASSERT_TRUE(card.isValid());
    ASSERT_EQ(storedDayOf(m_ada, PlanActionKind::FollowUp), kToday);

    trigger(*view, card, "snooze");
    EXPECT_TRUE(view->errorLabel()->isHidden()) << view->errorLabel()->text().toStdString();
    EXPECT_EQ(storedDayOf(m_ada, PlanActionKind::FollowUp), kToday.addDays(1));
    EXPECT_EQ(model->dateOfColumn(model->indexOf(m_ada, PlanActionKind::FollowUp).column()), kToday.addDays(1));

    trigger(*view, model->indexOf(m_ada, PlanActionKind::FollowUp), "skip");
    EXPECT_FALSE(storedDayOf(m_ada, PlanActionKind::FollowUp).isValid());
    EXPECT_FALSE(model->indexOf(m_ada, PlanActionKind::FollowUp).isValid());
    EXPECT_EQ(model->plan().followUps, (PlanProgress { 0, 0 }));

    view->undoStack()->undo();
    ASSERT_TRUE(test::planned(*model));
    EXPECT_EQ(storedDayOf(m_ada, PlanActionKind::FollowUp), kToday.addDays(1));
    view->undoStack()->undo();
    ASSERT_TRUE(test::planned(*model));
    EXPECT_EQ(storedDayOf(m_ada, PlanActionKind::FollowUp), kToday);
    EXPECT_EQ(model->plan().followUps, (PlanProgress { 0, 1 }));
}

TEST_F(WeekCardActionsTest, ACardDroppedOnAnotherDayMovesThereAndIsRemembered)
{
    auto view = makeView();
    WeekPlanModel* model = view->model();
    const QModelIndex card = model->indexOf(m_ada, PlanActionKind::FollowUp);
    ASSERT_TRUE(card.isValid());
    ASSERT_TRUE(model->flags(card).testFlag(Qt::ItemIsDragEnabled));
    const QDate friday(2026, 11, 27);
    const int fridayColumn = model->columnOf(friday);
    ASSERT_FALSE(model->flags(model->index(0, 0)).testFlag(Qt::ItemIsDropEnabled)) << "Monday has passed";

    // A real drop on Friday's column, as a drag from the card delivers it.
    std::unique_ptr<QMimeData> data(model->mimeData({ card }));
    ASSERT_TRUE(data);
    QTableView* table = view->table();
    const QPoint target = table->visualRect(model->index(model->rowCount() - 1, fridayColumn)).center();
    QDragEnterEvent enter(target, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(table->viewport(), &enter);
    QDragMoveEvent move(target, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(table->viewport(), &move);
    ASSERT_TRUE(move.isAccepted());
    QDropEvent drop(target, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(table->viewport(), &drop);
    ASSERT_TRUE(test::planned(*model));

    EXPECT_TRUE(view->errorLabel()->isHidden()) << view->errorLabel()->text().toStdString();
    EXPECT_EQ(model->dateOfColumn(model->indexOf(m_ada, PlanActionKind::FollowUp).column()), friday);
    EXPECT_EQ(storedDayOf(m_ada, PlanActionKind::FollowUp), friday);

    view->undoStack()->undo();
    ASSERT_TRUE(test::planned(*model));
    EXPECT_EQ(storedDayOf(m_ada, PlanActionKind::FollowUp), kToday);
    EXPECT_FALSE(view->moveTo(model->indexOf(m_ada, PlanActionKind::FollowUp), QDate(2026, 11, 23)).ok())
        << "not to a day that has passed";
}

TEST(ContentSharedDialog, AcceptsWebAddressesOnly)
{
    const struct
    {
        const char* text;
        bool ok;
    } cases[] = {
        { "https://example.com/post", true },
        { "http://blog.example.org/a?b=c", true },
        { "  https://example.com  ", true },
        { "", false },
        { "example.com", false },
        { "ftp://example.com/file", false },
        { "https://", false },
        { "javascript:alert(1)", false },
        { "https://localhost/x", false },
        { "not a link", false },
    };
    for (const auto& c : cases) {
        EXPECT_EQ(ContentSharedDialog::urlProblem(QString::fromUtf8(c.text)).isEmpty(), c.ok) << c.text;
    }
    ContentSharedDialog dialog(QStringLiteral("Ada"));
    QTest::keyClicks(dialog.urlEdit(), QStringLiteral("example"));
    EXPECT_FALSE(dialog.problemLabel()->text().isEmpty());
    dialog.urlEdit()->clear();
    QTest::keyClicks(dialog.urlEdit(), QStringLiteral("https://example.com/a"));
    EXPECT_TRUE(dialog.problemLabel()->text().isEmpty());
}

} // namespace
} // namespace rapport

#include "WeekCardActionsTest.moc"
