#pragma once

#include "core/Result.h"
#include "core/cadence/ReminderSchedule.h"
#include "core/cadence/WeekPlan.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimeZone>
#include <QTimer>

#include <functional>
#include <memory>

class QAction;
class QMenu;

namespace rapport {

class Database;
class MainWindow;
class TrayHost;

// Rapport in the system tray (domain: Reminders): the icon's tooltip says what is due this week, its menu
// shows the week's progress, brings the window back, snoozes the reminder for an hour and quits. The
// weekly reminder shows as a notification at the set day and time; one missed while Rapport was not
// running shows once at the next start. Closing the window keeps Rapport in the tray (told once) unless
// the user turned that off. Without a tray, Rapport is a plain window app and reminds in the window.
//
// The clock is a parameter: tests set it and call check() instead of waiting.
class TrayController : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    // Takes ownership of `host`.
    explicit TrayController(std::unique_ptr<TrayHost> host, QObject* parent = nullptr);
    ~TrayController() override;

    void setClock(Clock now);
    void setTimeZone(const QTimeZone& zone);

    // Follows a database and its window (again after a backup was restored): shows the icon, shows a
    // missed reminder once, and arms the timer for the next one.
    void attach(Database& database, MainWindow& window);
    // Before the window and the database go away.
    void detach();

    // Reads the reminder setting again (after Preferences) and re-arms the timer.
    void reloadSettings();
    // Shows the reminder if it came due (or a snooze ended) by now, then arms the timer for the next.
    void check();
    // Shows the reminder again in an hour.
    void remindLater();
    // Brings the window forward on This week.
    void showWindow();

    bool usesTray() const;
    TrayHost* host() const { return m_host.get(); }
    QMenu* menu() const { return m_menu.get(); }
    QDateTime nextReminder() const { return m_next; }
    QDateTime snoozedUntil() const { return m_snoozedUntil; }
    // When the timer wakes next (it never sleeps longer than a minute, so a suspended computer catches up).
    int timerInterval() const { return m_timer.isActive() ? m_timer.interval() : -1; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createMenu();
    // Asks for this week's plan for the tooltip and the menu's progress, then calls `then` with the
    // reminder's text.
    void refresh(const std::function<void(const QString&)>& then = {});
    // Shows `plan` in the tooltip and the menu; returns the reminder's text.
    QString show(const Result<WeekPlan>& plan);
    void showReminder(const QDateTime& now);
    void rememberShown(const QDateTime& when);
    void windowClosing();
    void arm();
    ReminderSchedule schedule() const;
    QDateTime now() const;

    std::unique_ptr<TrayHost> m_host;
    std::unique_ptr<QMenu> m_menu;
    QAction* m_requests = nullptr;
    QAction* m_followUps = nullptr;
    QAction* m_checkIns = nullptr;
    QAction* m_replies = nullptr; // shown only in a week with messages to answer
    Database* m_database = nullptr;
    QPointer<MainWindow> m_window;
    Clock m_now;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    ReminderSetting m_setting;
    QDateTime m_next; // invalid when the reminder is off
    QDateTime m_snoozedUntil;
    QDateTime m_lastShown; // survives a restore that brings back an older database
    QTimer m_timer;
    bool m_quitting = false;
};

} // namespace rapport
