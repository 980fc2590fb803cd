#include "ui/models/ContactTableModel.h"

namespace rapport {

ContactTableModel::ContactTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ContactTableModel::setContacts(QList<Contact> contacts, QHash<qint64, Stage> stages)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(contacts.size());
    for (Contact& contact : contacts) {
        const Stage stage = stages.value(contact.id, Stage::Prospect);
        QString tags = contact.tags.join(QStringLiteral(", "));
        m_rows.append({ std::move(contact), stage, std::move(tags) });
    }
    endResetModel();
}

int ContactTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContactTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContactTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    if (role == ContactIdRole)
        return row.contact.id;
    if (role == Qt::TextAlignmentRole && index.column() == StarredColumn)
        return Qt::AlignCenter;
    if (role == Qt::AccessibleTextRole && index.column() == StarredColumn)
        return row.contact.starred ? tr("Starred") : tr("Not starred");
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return row.contact.fullName();
    case PositionColumn:
        return row.contact.position;
    case CompanyColumn:
        return row.contact.company;
    case StageColumn:
        return role == SortRole ? QVariant(int(row.stage)) : QVariant(displayName(row.stage));
    case TagsColumn:
        return row.tags;
    case StarredColumn:
        if (role == SortRole)
            return row.contact.starred;
        return row.contact.starred ? QStringLiteral("\u2605") : QString();
    default:
        return {};
    }
}

QVariant ContactTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == StarredColumn && role == Qt::ToolTipRole)
        return tr("Starred: your top 20%, checked in with more often");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PositionColumn:
        return tr("Position");
    case CompanyColumn:
        return tr("Company");
    case StageColumn:
        return tr("Stage");
    case TagsColumn:
        return tr("Tags");
    case StarredColumn:
        return QStringLiteral("\u2605");
    default:
        return {};
    }
}

} // namespace rapport
