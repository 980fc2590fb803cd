#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QLabel;
class QListWidget;
class QStackedWidget;
class QUndoStack;

namespace rapport {

class ContactsView;
class Database;
class ImportWizard;
class InsightsView;
class PlanWorker;
class TemplatesView;
class WeekView;

// The window: four places (This week, Contacts, Templates, Insights) chosen from a sidebar, a menu bar
// and a status bar with the database path and the number of contacts.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Place
    {
        Week,
        Contacts,
        Templates,
        Insights
    };

    explicit MainWindow(Database& database, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showPlace(Place place);
    Place currentPlace() const;
    // Shows This week, planned again (the window may come back from the tray days later).
    void showThisWeek();
    // The weekly reminder, as a banner above the places (for desktops without a system tray).
    void showReminder(const QString& text);
    QWidget* reminderBanner() const { return m_reminderBanner; }
    ContactsView* contactsView() const { return m_contactsView; }
    TemplatesView* templatesView() const { return m_templatesView; }
    InsightsView* insightsView() const { return m_insightsView; }
    QUndoStack* undoStack() const { return m_undoStack; }
    // Where the window's plans are made, off the GUI thread.
    PlanWorker* planWorker() const { return m_planWorker; }
    WeekView* weekView() const { return m_weekView; }

    // Reads the contacts again from the database.
    void reload();

    // How often the window looks whether another connection (another process, a restore) changed the data.
    static constexpr int kChangeCheckMs = 1500;
    QTimer* changeCheck() const { return m_changeCheck; }

    // Opens the import wizard on CSV files (drop, File → Import…, command line); the wizard is returned
    // and deletes itself when closed. The database's own files are refused (null when nothing is left).
    ImportWizard* openImportWizard(const QStringList& files);
    ImportWizard* importWizard() const;
    // Adds made-up contacts (the first-run offer), undoably; while another process holds the write lock they
    // wait with the window's other changes.
    void addSampleData();

    // How long closing the window or quitting waits for changes that another process's write lock holds
    // back, before it asks what to do: the busy timeout of the database's connections.
    static constexpr int kSaveOnCloseMs = 5000;
    // Waits, with a small modal progress, for the changes another process's write lock holds back (they are
    // lost once the window is gone); if they still cannot be saved, says which and lets the user keep
    // waiting or discard them. Returns once nothing waits. Closing the window, quitting and the destructor
    // call it.
    void saveWaitingChanges();

    // Writes a verified backup now and says where (File → Back up now).
    void backUpNow();

public Q_SLOTS:
    // Reads everything the window shows again (contacts, This week, templates, insights) and forgets the
    // undo history, whose steps were made on data that is gone: for after the data was replaced in place
    // (a restore). Changes by other processes are noticed on their own (changeCheck()).
    void reloadAll();

Q_SIGNALS:
    // The user chose a backup to restore: the application restores it in place, through the open connection
    // (Backups::restore), then calls reloadAll(); this window and its database stay open (app/gui/main.cpp).
    void restoreRequested(const QString& backupPath);
    // The user saved the preferences (reminder, tray, start at login).
    void preferencesChanged();

protected:
    void closeEvent(QCloseEvent* event) override;
    // Quitting (File → Quit, the tray's Quit) saves the waiting changes first, even with the window hidden.
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createPlaces();
    QWidget* createReminderBanner();
    QWidget* createWriteWaitBanner();
    // Reloads the places when another connection committed since the last look.
    void checkForChanges();
    void reloadPlaces();
    void restoreWindowState();
    void showAbout();
    void showPreferences();
    void chooseImportFiles();
    void exportAll();
    void updateCount();

    Database& m_database;
    PlanWorker* m_planWorker = nullptr;
    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_places = nullptr;
    WeekView* m_weekView = nullptr;
    QWidget* m_reminderBanner = nullptr;
    QLabel* m_reminderText = nullptr;
    QUndoStack* m_undoStack = nullptr;
    ContactsView* m_contactsView = nullptr;
    TemplatesView* m_templatesView = nullptr;
    InsightsView* m_insightsView = nullptr;
    QLabel* m_pathLabel = nullptr;
    QLabel* m_countLabel = nullptr;
    QPointer<ImportWizard> m_importWizard;
    QWidget* m_writeWaitBanner = nullptr;
    QTimer* m_changeCheck = nullptr;
    qint64 m_othersVersion = -1;
    bool m_savingWaitingChanges = false;
};

} // namespace rapport
