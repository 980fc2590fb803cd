#pragma once

#include "core/Result.h"
#include "core/storage/ContactOverview.h"

#include <QSet>
#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
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

// The Contacts place: a search box, stage, tag and "due to keep in touch" filters over a sortable table of
// every contact; opening a contact shows its dialog. Keep in Touch… gives the selected contacts a cadence
// in one undoable step (from the button beside the filters or the table's context menu). An empty database
// shows the first-run offer instead.
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
    QCheckBox* dueBox() const { return m_due; }
    // "Keep in Touch…": its menu holds None, the presets and Custom…; enabled while rows are selected.
    QAction* keepInTouchAction() const { return m_keepInTouch; }
    ContactTableModel* model() const { return m_model; }
    ContactFilterProxy* proxy() const { return m_proxy; }
    // The ids of the selected contacts, in the order shown.
    QList<qint64> selectedIds() const;
    int selectedCount() const;

    // Opens the contact's dialog (a new contact for 0) and returns it; it deletes itself when closed.
    ContactDialog* openContact(qint64 id);
    void deleteSelected();
    // Gives the selected contacts the cadence `days` (0: none), one command on the undo stack.
    Status setKeepInTouch(int days);
    // The table's context menu for the current selection.
    std::unique_ptr<QMenu> createContextMenu(QWidget* parent = nullptr);

    // Shows only `ids`, with a banner that says `why` and offers Keep in Touch… and a way back to all.
    void showOnly(const QSet<qint64>& ids, const QString& why);
    void showAll();
    QWidget* filterBanner() const { return m_banner; }

Q_SIGNALS:
    void importRequested();
    void sampleDataRequested();
    // The rows selected changed (their number is selectedCount()).
    void selectionChanged();

private:
    QWidget* createFirstRun();
    QWidget* createFilterBanner();
    void createKeepInTouchActions();
    void askCustomKeepInTouch();
    QPushButton* keepInTouchButton(QWidget* parent);
    void updateTags();
    void updateEmptyState();
    void updateSelectionActions();
    void askForPlan();

    Database& m_database;
    PlanWorker& m_planner;
    QUndoStack* m_undoStack;
    QHash<qint64, NextAction> m_nextActions;
    ContactTableModel* m_model = nullptr;
    ContactFilterProxy* m_proxy = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_stage = nullptr;
    QComboBox* m_tag = nullptr;
    QCheckBox* m_due = nullptr;
    QAction* m_keepInTouch = nullptr;
    QMenu* m_keepInTouchMenu = nullptr;
    QPushButton* m_keepInTouchButton = nullptr;
    QWidget* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QPushButton* m_new = nullptr;
    QTableView* m_table = nullptr;
    QStackedWidget* m_pages = nullptr;
};

} // namespace rapport
