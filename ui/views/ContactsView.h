#pragma once

#include "core/Result.h"

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

// The Contacts place: a search box, stage and tag filters over a sortable table of every contact; opening
// a contact shows its dialog. An empty database shows the first-run offer instead.
class ContactsView : public QWidget
{
    Q_OBJECT

public:
    ContactsView(Database& database, QUndoStack* undoStack, QWidget* parent = nullptr);

    // Loads a fresh snapshot of the contacts with their stages, last interactions and next actions.
    Status reload();

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
    QUndoStack* m_undoStack;
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
