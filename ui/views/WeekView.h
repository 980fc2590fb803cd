#pragma once

#include "core/Result.h"
#include "core/cadence/WeekPlan.h"

#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

#include <functional>
#include <memory>

class QDateEdit;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;
class QTreeView;
class QUndoStack;

namespace rapport {

class ActionCardDelegate;
class Database;
class KeepInTouchModel;
class PlanWorker;
class WeekPlanModel;

// The "This week" place: the week's plan as seven day columns of action cards, the progress towards each
// target (requests, follow-ups, check-ins, replies: done / target) and the plan's warnings above, with
// previous/next/today and a date picker. A card's menu acts on it: for a request "Copy note and open
// profile" and "Mark sent", for a follow-up "Mark content shared…", for a reply "Mark replied", for every
// card "Snooze to tomorrow" and "Skip this week"; a card dragged onto another day moves there. Below, a
// collapsible "Keep in touch" list holds every contact due to keep in touch (this week's check-ins, then
// those that wait), each of which can be opened, marked done, snoozed to next week or skipped this week.
// Every action is a command on the undo stack, and the plan and progress follow at once.
class WeekView : public QWidget
{
    Q_OBJECT

public:
    // Empty until reload(); plans come from `planner`. Without an undo stack, the view keeps one of its own.
    WeekView(Database& database, PlanWorker& planner, QUndoStack* undoStack = nullptr, QWidget* parent = nullptr);
    ~WeekView() override;

    // The clock, locale and zone the plan is made with; tests pin them. Take effect at the next reload.
    void setClock(std::function<QDateTime()> now);
    void setLocale(const QLocale& locale);
    void setTimeZone(const QTimeZone& zone);

    // Plans the shown week again (today is read from the clock); the plan shows when it comes. The view does
    // so itself each time it is shown, so that what was logged elsewhere counts at once.
    void reload();
    void showWeekOf(const QDate& day);

    // The menu of the card at `index` (nullptr for an empty cell).
    std::unique_ptr<QMenu> createCardMenu(const QModelIndex& index, QWidget* parent = nullptr);
    // Logs the card's action as done, now: a request as sent with its suggested note (refused, with the
    // reason, if that note may not be sent), a follow-up as content shared, engaging as engaged, a check-in
    // as a message sent.
    Status markDone(const QModelIndex& index);
    // Renders the request's suggested note for the contact, puts it on the clipboard and opens the
    // contact's profile in the browser. Refused, with the reason, when the note is over the account's
    // limit or has a placeholder the contact does not fill.
    Status copyNoteAndOpenProfile(const QModelIndex& index);
    // Logs content shared with the follow-up's contact: `url` (http or https) and an optional title.
    Status markContentShared(const QModelIndex& index, const QString& url, const QString& title = {});
    // Moves the card to the day after the later of its day and today (out of the week from its last day).
    Status snooze(const QModelIndex& index);
    Status skip(const QModelIndex& index);
    // Moves the card to `day`, from today on; what a drop on another day does.
    Status moveTo(const QModelIndex& index, const QDate& day);

    // The "Keep in touch" list's row `row`: its menu, and what the menu does. Marking done logs a message
    // sent as a check-in card's "Mark done" does; snoozing moves this week's check-in to next week (one that
    // waits already waits); skipping leaves the contact out of this week.
    std::unique_ptr<QMenu> createKeepInTouchMenu(int row, QWidget* parent = nullptr);
    Status markKeepInTouchDone(int row);
    Status snoozeKeepInTouch(int row);
    Status skipKeepInTouch(int row);

    WeekPlanModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QProgressBar* requestsBar() const { return m_requests; }
    QProgressBar* followUpsBar() const { return m_followUps; }
    QProgressBar* checkInsBar() const { return m_checkIns; }
    QProgressBar* repliesBar() const { return m_replies; }
    KeepInTouchModel* keepInTouchModel() const { return m_keepInTouchModel; }
    QTreeView* keepInTouchList() const { return m_keepInTouchList; }
    QToolButton* keepInTouchToggle() const { return m_keepInTouchToggle; }
    QLabel* warningsLabel() const { return m_warnings; }
    QLabel* errorLabel() const { return m_error; }
    QDateEdit* datePicker() const { return m_date; }
    QUndoStack* undoStack() const { return m_undoStack; }

Q_SIGNALS:
    // A card was double-clicked: the caller opens the contact.
    void contactActivated(qint64 contactId);

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildUi();
    void showPlan();
    void showStatus(const Status& status);
    QDateTime now() const;
    QDate today() const;
    void askContentShared(const QModelIndex& index);
    Status markDone(const PlanAction& item);
    void showKeepInTouch();
    void setKeepInTouchExpanded(bool expanded);
    void fitKeepInTouchList();
    Status adjust(const PlanAction& item, const QDate& movedTo, bool skipped, const QString& text);

    Database& m_database;
    WeekPlanModel* m_model;
    ActionCardDelegate* m_delegate;
    QUndoStack* m_undoStack;
    std::function<QDateTime()> m_now;
    QTimeZone m_zone = QTimeZone::systemTimeZone();

    QToolButton* m_previous = nullptr;
    QPushButton* m_today = nullptr;
    QToolButton* m_next = nullptr;
    QLabel* m_weekLabel = nullptr;
    QDateEdit* m_date = nullptr;
    QProgressBar* m_requests = nullptr;
    QProgressBar* m_followUps = nullptr;
    QProgressBar* m_checkIns = nullptr;
    QProgressBar* m_replies = nullptr;
    QLabel* m_warnings = nullptr;
    QLabel* m_error = nullptr;
    QTableView* m_table = nullptr;
    KeepInTouchModel* m_keepInTouchModel = nullptr;
    QToolButton* m_keepInTouchToggle = nullptr;
    QTreeView* m_keepInTouchList = nullptr;
    bool m_keepInTouchExpanded = true;
};

} // namespace rapport
