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

namespace rapport {

class ActionCardDelegate;
class Database;
class WeekPlanModel;

// The "This week" place: the week's plan as seven day columns of action cards, the progress towards the
// rule's targets and the plan's warnings above, with previous/next/today and a date picker. A card's
// menu logs the action ("Mark sent", "Mark done"), and the plan and progress follow at once.
class WeekView : public QWidget
{
    Q_OBJECT

public:
    // Empty until reload().
    explicit WeekView(Database& database, QWidget* parent = nullptr);
    ~WeekView() override;

    // The clock, locale and zone the plan is made with; tests pin them. Take effect at the next reload.
    void setClock(std::function<QDateTime()> now);
    void setLocale(const QLocale& locale);
    void setTimeZone(const QTimeZone& zone);

    // Plans the shown week again (today is read from the clock).
    void reload();
    void showWeekOf(const QDate& day);

    // The menu of the card at `index` (nullptr for an empty cell).
    std::unique_ptr<QMenu> createCardMenu(const QModelIndex& index, QWidget* parent = nullptr);
    // Logs the card's action as done, now: a request as sent with its suggested note, a follow-up as
    // content shared, engaging as engaged, a check-in as a message sent. Then reloads.
    Status markDone(const QModelIndex& index);

    WeekPlanModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QProgressBar* requestsBar() const { return m_requests; }
    QProgressBar* followUpsBar() const { return m_followUps; }
    QProgressBar* checkInsBar() const { return m_checkIns; }
    QLabel* warningsLabel() const { return m_warnings; }
    QLabel* errorLabel() const { return m_error; }
    QDateEdit* datePicker() const { return m_date; }

Q_SIGNALS:
    // A card was double-clicked: the caller opens the contact.
    void contactActivated(qint64 contactId);

private:
    void buildUi();
    void showPlan();
    void showStatus(const Status& status);
    QDateTime now() const;

    Database& m_database;
    WeekPlanModel* m_model;
    ActionCardDelegate* m_delegate;
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
    QLabel* m_warnings = nullptr;
    QLabel* m_error = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace rapport
