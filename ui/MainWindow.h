#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QUndoStack;

namespace rapport {

class ContactsView;
class Database;
class InsightsView;
class TemplatesView;

// The window: four places (This week, Contacts, Templates, Insights) chosen from a sidebar, a menu bar
// and a status bar with the database path and the number of contacts.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Place { Week, Contacts, Templates, Insights };

    explicit MainWindow(Database& database, QWidget* parent = nullptr);

    void showPlace(Place place);
    Place currentPlace() const;
    ContactsView* contactsView() const { return m_contactsView; }
    TemplatesView* templatesView() const { return m_templatesView; }
    InsightsView* insightsView() const { return m_insightsView; }
    QUndoStack* undoStack() const { return m_undoStack; }

    // Reads the contacts again from the database.
    void reload();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createPlaces();
    void restoreWindowState();
    void showAbout();

    Database& m_database;
    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_places = nullptr;
    QUndoStack* m_undoStack = nullptr;
    ContactsView* m_contactsView = nullptr;
    TemplatesView* m_templatesView = nullptr;
    InsightsView* m_insightsView = nullptr;
    QLabel* m_pathLabel = nullptr;
    QLabel* m_countLabel = nullptr;
};

} // namespace rapport
