#include "app/gui/TrayController.h"

#include "app/gui/TrayHost.h"
#include "core/AppInfo.h"
#include "core/cadence/CadenceSettings.h"
#include "ui/MainWindow.h"
#include "ui/desktop/DesktopSettings.h"
#include "ui/workers/PlanWorker.h"

#include <QApplication>
#include <QEvent>
#include <QMenu>

#include <algorithm>

namespace rapport {

namespace {

constexpr int kLongestSleepMs = 60 * 1000;
constexpr qint64 kSnoozeSeconds = 60 * 60;

} // namespace

TrayController::TrayController(std::unique_ptr<TrayHost> host, QObject* parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TrayController::check);
    connect(m_host.get(), &TrayHost::messageClicked, this, &TrayController::showWindow);
    connect(m_host.get(), &TrayHost::activated, this, &TrayController::showWindow);
    createMenu();
    m_host->setMenu(m_menu.get());
    m_host->setToolTip(AppInfo::name());
    // Quitting closes the window too: that close must not be taken for "keep running in the tray".
    qApp->installEventFilter(this);
}

TrayController::~TrayController()
{
    m_host->setMenu(nullptr);
}

void TrayController::setClock(Clock now)
{
    m_now = std::move(now);
}

void TrayController::setTimeZone(const QTimeZone& zone)
{
    m_zone = zone;
}

QDateTime TrayController::now() const
{
    return m_now();
}

ReminderSchedule TrayController::schedule() const
{
    return ReminderSchedule(m_setting, m_zone);
}

bool TrayController::usesTray() const
{
    return m_host->isAvailable();
}

void TrayController::createMenu()
{
    m_menu = std::make_unique<QMenu>();
    m_menu->setDefaultAction(m_menu->addAction(tr("Show Rapport"), this, &TrayController::showWindow));
    m_menu->addSeparator();
    for (QAction** progress : { &m_requests, &m_followUps, &m_checkIns, &m_replies }) {
        *progress = m_menu->addAction(QString());
        (*progress)->setEnabled(false);
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("Remind Me in 1 Hour"), this, &TrayController::remindLater);
    m_menu->addSeparator();
    QAction* quit = m_menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(m_menu.get(), &QMenu::aboutToShow, this, [this] { refresh(); });
}

void TrayController::attach(Database& database, MainWindow& window)
{
    m_database = &database;
    m_window = &window;
    m_quitting = false;
    window.installEventFilter(this);
    connect(&window, &MainWindow::preferencesChanged, this, &TrayController::reloadSettings);

    auto setting = CadenceSettings(database).reminder();
    if (!setting)
        qWarning("Rapport: %s", qUtf8Printable(setting.error()));
    m_setting = setting.value_or(ReminderSetting {});

    m_host->setVisible(m_host->isAvailable()); // before a missed reminder: a hidden icon shows no message
    const QDateTime current = now();
    auto stored = CadenceSettings(database).reminderLastShown();
    QDateTime lastShown = stored.value_or(QDateTime());
    if (m_lastShown.isValid() && (!lastShown.isValid() || m_lastShown > lastShown))
        lastShown = m_lastShown;
    if (m_setting.enabled && lastShown.isValid() && schedule().missedSince(lastShown, current)) {
        showReminder(current);
    } else if (!lastShown.isValid() || !m_setting.enabled) {
        // From here on a reminder not shown counts as missed; nothing before (a fresh database, or the
        // reminder off) does.
        rememberShown(current);
    } else {
        rememberShown(lastShown);
    }
    m_next = m_setting.enabled ? schedule().nextAfter(current) : QDateTime();
    refresh();
    arm();
}

void TrayController::detach()
{
    m_timer.stop();
    if (m_window) {
        m_window->removeEventFilter(this);
        disconnect(m_window, nullptr, this, nullptr);
    }
    m_window = nullptr;
    m_database = nullptr;
}

void TrayController::reloadSettings()
{
    if (!m_database)
        return;
    auto setting = CadenceSettings(*m_database).reminder();
    if (!setting) {
        qWarning("Rapport: %s", qUtf8Printable(setting.error()));
        return;
    }
    const QDateTime current = now();
    // A reminder turned on counts from now, not from when it was turned off.
    if (setting->enabled && !m_setting.enabled)
        rememberShown(current);
    m_setting = *setting;
    m_next = m_setting.enabled ? schedule().nextAfter(current) : QDateTime();
    arm();
}

void TrayController::check()
{
    if (!m_database)
        return;
    const QDateTime current = now();
    bool due = false;
    if (m_next.isValid() && current >= m_next) {
        due = true;
        m_next = schedule().nextAfter(current);
    }
    if (m_snoozedUntil.isValid() && current >= m_snoozedUntil) {
        due = true;
        m_snoozedUntil = QDateTime();
    }
    if (due)
        showReminder(current);
    arm();
}

void TrayController::arm()
{
    m_timer.stop();
    QDateTime wake = m_next;
    if (m_snoozedUntil.isValid() && (!wake.isValid() || m_snoozedUntil < wake))
        wake = m_snoozedUntil;
    if (!wake.isValid() || !m_database)
        return;
    m_timer.start(int(std::clamp<qint64>(now().msecsTo(wake), 0, kLongestSleepMs)));
}

void TrayController::remindLater()
{
    m_snoozedUntil = now().addSecs(kSnoozeSeconds);
    arm();
}

void TrayController::refresh(const std::function<void(const QString&)>& then)
{
    if (!m_database || !m_window)
        return;
    const QDate today = now().toTimeZone(m_zone).date();
    m_window->planWorker()->plan({ today, today, QLocale(), m_zone }, this, [this, then](const Result<WeekPlan>& plan) {
        const QString text = show(plan);
        if (then)
            then(text);
    });
}

QString TrayController::show(const Result<WeekPlan>& plan)
{
    const QString name = AppInfo::name();
    if (!plan) {
        m_host->setToolTip(name + u'\n' + plan.error());
        for (QAction* progress : { m_requests, m_followUps, m_checkIns, m_replies })
            progress->setVisible(false);
        return plan.error();
    }
    m_host->setToolTip(name + u'\n' + ReminderSchedule::text(*plan));
    const QLocale locale;
    const struct
    {
        QAction* action;
        QString label;
        PlanProgress progress;
        bool shown;
    } rows[] = {
        { m_requests, tr("Requests: %1 / %2"), plan->requests, true },
        { m_followUps, tr("Follow-ups: %1 / %2"), plan->followUps, true },
        { m_checkIns, tr("Check-ins: %1 / %2"), plan->checkIns, true },
        { m_replies, tr("Replies: %1 / %2"), plan->replies, plan->replies.target > 0 || plan->replies.done > 0 },
    };
    for (const auto& row : rows) {
        row.action->setText(row.label.arg(locale.toString(row.progress.done), locale.toString(row.progress.target)));
        row.action->setVisible(row.shown);
    }
    return ReminderSchedule::text(*plan);
}

void TrayController::showReminder(const QDateTime& now)
{
    // Counted as shown at once, so that a check while the plan is made does not show it twice.
    rememberShown(now);
    refresh([this](const QString& text) {
        if (usesTray())
            m_host->showMessage(tr("Your week in Rapport"), text);
        else if (m_window)
            m_window->showReminder(text);
    });
}

void TrayController::rememberShown(const QDateTime& when)
{
    m_lastShown = when;
    if (Status stored = CadenceSettings(*m_database).setReminderLastShown(when); !stored)
        qWarning("Rapport: %s", qUtf8Printable(stored.error()));
}

void TrayController::showWindow()
{
    if (!m_window)
        return;
    m_window->showThisWeek();
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void TrayController::windowClosing()
{
    const bool toTray = !m_quitting && usesTray() && DesktopSettings::keepRunningInTray();
    QApplication::setQuitOnLastWindowClosed(!toTray);
    if (!toTray)
        return;
    if (!DesktopSettings::trayNoticeShown()) {
        m_host->showMessage(tr("Rapport is still running"),
                            tr("Rapport keeps running in the tray to remind you of your week. Choose Quit in "
                               "its menu to leave; Preferences can turn this off."));
        DesktopSettings::setTrayNoticeShown(true);
    }
    refresh();
}

bool TrayController::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Quit)
        m_quitting = true;
    else if (event->type() == QEvent::Close && watched == m_window)
        windowClosing();
    return QObject::eventFilter(watched, event);
}

} // namespace rapport
