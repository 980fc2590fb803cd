#pragma once

#include "core/Result.h"

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace rapport {

class ContactTableModel;
class Database;

// The Contacts place: a search box over a sortable table of every contact.
class ContactsView : public QWidget
{
    Q_OBJECT

public:
    explicit ContactsView(QWidget* parent = nullptr);

    // Loads a fresh snapshot of the contacts and their stages.
    Status reload(Database& database);

    QTableView* table() const { return m_table; }
    QLineEdit* searchBox() const { return m_search; }
    ContactTableModel* model() const { return m_model; }

private:
    ContactTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_search = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace rapport
