#pragma once

#include "core/domain/Contact.h"
#include "core/domain/Stage.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace rapport {

// A snapshot of all contacts with their stages. data() reads only memory, never the database, so
// scrolling through tens of thousands of rows stays smooth.
class ContactTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StarredColumn, NameColumn, PositionColumn, CompanyColumn, StageColumn, TagsColumn, ColumnCount };
    enum Role { ContactIdRole = Qt::UserRole + 1, SortRole };

    explicit ContactTableModel(QObject* parent = nullptr);

    // Replaces the snapshot; contacts missing from `stages` are prospects.
    void setContacts(QList<Contact> contacts, QHash<qint64, Stage> stages);
    const Contact& contactAt(int row) const { return m_rows.at(row).contact; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Contact contact;
        Stage stage;
        QString tags;
    };
    QList<Row> m_rows;
};

} // namespace rapport
