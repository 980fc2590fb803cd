#pragma once

#include "core/cadence/ReminderSchedule.h"
#include "ui/desktop/StartAtLogin.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QTimeEdit;

namespace rapport {

class Database;

// Edit ▸ Preferences: the weekly reminder (on or off, day, time; stored in the database with the rest of
// the cadence), keeping Rapport in the tray when the window closes, and starting it at login (this
// computer's settings).
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(Database& database, StartAtLogin startAtLogin, QWidget* parent = nullptr);

    QGroupBox* reminderBox() const { return m_reminder; }
    QComboBox* dayCombo() const { return m_day; }
    QTimeEdit* timeEdit() const { return m_time; }
    QCheckBox* keepInTrayBox() const { return m_keepInTray; }
    QCheckBox* startAtLoginBox() const { return m_startAtLogin; }

    // Saves and closes; stays open and says why when something cannot be saved.
    void accept() override;

private:
    void load();

    Database& m_database;
    StartAtLogin m_startAtLoginEntry;
    QGroupBox* m_reminder = nullptr;
    QComboBox* m_day = nullptr;
    QTimeEdit* m_time = nullptr;
    QCheckBox* m_keepInTray = nullptr;
    QCheckBox* m_startAtLogin = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace rapport
