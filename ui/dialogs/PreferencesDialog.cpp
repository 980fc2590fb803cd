#include "ui/dialogs/PreferencesDialog.h"

#include "core/cadence/CadenceSettings.h"
#include "ui/desktop/DesktopSettings.h"
#include "ui/views/StatusColors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSystemTrayIcon>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace rapport {

PreferencesDialog::PreferencesDialog(Database& database, StartAtLogin startAtLogin, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_startAtLoginEntry(std::move(startAtLogin))
{
    setWindowTitle(tr("Preferences"));

    m_reminder = new QGroupBox(tr("&Weekly reminder"), this);
    m_reminder->setCheckable(true);
    m_reminder->setToolTip(tr("A reminder of what this week's plan asks: requests, follow-ups and check-ins."));
    m_day = new QComboBox(m_reminder);
    const QLocale locale;
    for (int i = 0; i < 7; ++i) {
        const int day = (int(locale.firstDayOfWeek()) - 1 + i) % 7 + 1;
        m_day->addItem(locale.standaloneDayName(day), day);
    }
    m_time = new QTimeEdit(m_reminder);
    m_time->setDisplayFormat(locale.timeFormat(QLocale::ShortFormat));
    auto* when = new QFormLayout(m_reminder);
    when->addRow(tr("&Day:"), m_day);
    when->addRow(tr("&Time:"), m_time);

    m_keepInTray = new QCheckBox(tr("&Keep running in the tray when the window is closed"), this);
    m_startAtLogin = new QCheckBox(tr("&Start Rapport at login"), this);
    m_startAtLogin->setToolTip(tr("Starts in the tray, ready for the weekly reminder."));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_reminder);
    layout->addWidget(m_keepInTray);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        auto* noTray = new QLabel(
            tr("This desktop has no system tray: Rapport closes with its window and shows the reminder in it."), this);
        noTray->setWordWrap(true);
        noTray->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(noTray);
    }
    layout->addWidget(m_startAtLogin);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, StatusColors::error(errorPalette));
    m_error->setPalette(errorPalette);
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    layout->addWidget(buttons);

    load();
}

void PreferencesDialog::load()
{
    auto reminder = CadenceSettings(m_database).reminder();
    if (!reminder) {
        m_error->setText(reminder.error());
        m_error->show();
    }
    const ReminderSetting setting = reminder.value_or(ReminderSetting {});
    m_reminder->setChecked(setting.enabled);
    m_day->setCurrentIndex(m_day->findData(int(setting.day)));
    m_time->setTime(setting.time);
    m_keepInTray->setChecked(DesktopSettings::keepRunningInTray());
    m_startAtLogin->setChecked(m_startAtLoginEntry.isEnabled());
}

void PreferencesDialog::accept()
{
    const ReminderSetting setting { Qt::DayOfWeek(m_day->currentData().toInt()), m_time->time(),
                                    m_reminder->isChecked() };
    Status saved = CadenceSettings(m_database).setReminder(setting);
    if (saved && m_startAtLogin->isChecked() != m_startAtLoginEntry.isEnabled())
        saved = m_startAtLoginEntry.setEnabled(m_startAtLogin->isChecked());
    if (!saved) {
        m_error->setText(saved.error());
        m_error->show();
        return;
    }
    DesktopSettings::setKeepRunningInTray(m_keepInTray->isChecked());
    QDialog::accept();
}

} // namespace rapport
