#pragma once

#include "core/Result.h"
#include "core/storage/ContactOverview.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QUndoStack;

namespace rapport {

class ContactDialog;
class ContactFilterProxy;
class ContactTableModel;
class Database;
class PlanWorker;
struct WeekPlan;

// The Contacts place: a search box, stage and tag filters over a sortable table of every contact; opening
// a contact shows its dialog. An empty database shows the first-run offer instead.
class ContactsView : public QWidget
{
    Q_OBJECT

public:
    ContactsView(Database& database, PlanWorker& planner, QUndoStack* undoStack, QWidget* parent = nullptr);

    // Loads a fresh snapshot of the contacts with their stages and last interactions, and asks for this
    // week's plan: the next actions are those last known until it comes.
    Status reload();
    // Shows the next actions of `plan`, this week's.
    void showPlan(const WeekPlan& plan);

    QTableView* table() const { return m_table; }
    QLineEdit* searchBox() const { return m_search; }
    QComboBox* stageBox() const { return m_stage; }
    QComboBox* tagBox() const { return m_tag; }
    ContactTableModel* model() const { return m_model; }
    ContactFilterProxy* proxy() const { return m_proxy; }
    // The ids of the selected contacts, in the order shown.
    QList<qint64> selectedIds() const;

    // Opens the contact's dialog (a new contact for 0) and returns it; it deletes itself when closed.
    ContactDialog* openContact(qint64 id);
    void deleteSelected();

Q_SIGNALS:
    void importRequested();
    void sampleDataRequested();

private:
    QWidget* createFirstRun();
    void updateTags();
    void updateEmptyState();

    Database& m_database;
    PlanWorker& m_planner;
    QUndoStack* m_undoStack;
    QHash<qint64, NextAction> m_nextActions;
    ContactTableModel* m_model = nullptr;
    ContactFilterProxy* m_proxy = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_stage = nullptr;
    QComboBox* m_tag = nullptr;
    QPushButton* m_new = nullptr;
    QTableView* m_table = nullptr;
    QStackedWidget* m_pages = nullptr;
};

} // namespace rapport
