#pragma once

#include "core/cadence/ReminderSchedule.h"
#include "ui/desktop/StartAtLogin.h"

#include <QDialog>
#include <QMap>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QTimer;
class QTabWidget;
class QTableWidget;
class QTimeEdit;

namespace rapport {

class Database;
class KeepInTouchPicker;

// Edit ▸ Preferences. General: the weekly reminder (on or off, day, time; stored in the database with the
// rest of the cadence), keeping Rapport in the tray when the window closes, and starting it at login (this
// computer's settings). Tags: the keep-in-touch cadence each tag gives its contacts that have none of their
// own ("mentor: every 30 days"), for the tags in use and those that carry one.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    // `tagsInUse`: the contacts' tags, as they are written.
    PreferencesDialog(Database& database, StartAtLogin startAtLogin, const QStringList& tagsInUse = {},
                      QWidget* parent = nullptr);

    QGroupBox* reminderBox() const { return m_reminder; }
    QComboBox* dayCombo() const { return m_day; }
    QTimeEdit* timeEdit() const { return m_time; }
    QCheckBox* keepInTrayBox() const { return m_keepInTray; }
    QCheckBox* startAtLoginBox() const { return m_startAtLogin; }
    QTabWidget* tabs() const { return m_tabs; }
    QTableWidget* tagTable() const { return m_tagTable; }
    // The picker of `tag`'s row, or nullptr.
    KeepInTouchPicker* tagCadence(const QString& tag) const;
    // Whether accept() changed a tag's cadence: the contacts' keep-in-touch dates are then read again.
    bool tagCadencesChanged() const { return m_tagCadencesChanged; }

    // Saves and closes; stays open and says why when something cannot be saved. While another process holds
    // the database's write lock it does not freeze the window: it says that it waits, tries again every
    // PendingWrites::kRetryMs, and closes once saved (Cancel gives up).
    void accept() override;
    bool isWaitingToSave() const;

private:
    QWidget* createGeneralPage();
    QWidget* createTagsPage(const QStringList& tagsInUse);
    void load();
    Status saveTagCadences();
    void save();

    Database& m_database;
    StartAtLogin m_startAtLoginEntry;
    QGroupBox* m_reminder = nullptr;
    QComboBox* m_day = nullptr;
    QTimeEdit* m_time = nullptr;
    QCheckBox* m_keepInTray = nullptr;
    QCheckBox* m_startAtLogin = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_waiting = nullptr;
    QPushButton* m_ok = nullptr;
    QTimer* m_retry = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_tagTable = nullptr;
    QMap<QString, int> m_storedTagCadences; // lower-cased tag -> days, as loaded
    bool m_tagCadencesChanged = false;
};

} // namespace rapport
