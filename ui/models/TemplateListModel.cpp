#include "ui/models/TemplateListModel.h"

namespace rapport {

TemplateListModel::TemplateListModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

void TemplateListModel::setTemplates(QList<Template> templates)
{
    beginResetModel();
    m_templates = std::move(templates);
    endResetModel();
}

void TemplateListModel::upsert(const Template& item)
{
    if (const int row = rowOf(item.id); row >= 0) {
        m_templates[row] = item;
        Q_EMIT dataChanged(index(row), index(row), { Qt::DisplayRole, Qt::ToolTipRole, KindRole });
        return;
    }
    const int row = int(m_templates.size());
    beginInsertRows({}, row, row);
    m_templates.append(item);
    endInsertRows();
}

void TemplateListModel::removeId(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_templates.removeAt(row);
    endRemoveRows();
}

int TemplateListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_templates.size(); ++row) {
        if (m_templates[row].id == id)
            return row;
    }
    return -1;
}

int TemplateListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_templates.size());
}

QVariant TemplateListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Template& item = m_templates.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return item.name;
    case Qt::ToolTipRole:
        return displayName(item.kind);
    case TemplateIdRole:
        return item.id;
    case KindRole:
        return int(item.kind);
    default:
        return {};
    }
}

} // namespace rapport
