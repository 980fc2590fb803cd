#include "ui/models/ContactFilterProxy.h"

#include "ui/models/ContactTableModel.h"

namespace rapport {

ContactFilterProxy::ContactFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ContactTableModel::SortRole);
}

void ContactFilterProxy::setContactModel(ContactTableModel* model)
{
    m_model = model;
    setSourceModel(model);
}

void ContactFilterProxy::setSearchText(const QString& text)
{
    if (text == m_search)
        return;
    const QStringList words = text.toCaseFolded().split(u' ', Qt::SkipEmptyParts);
    m_search = text;
    if (words == m_words)
        return; // a space more or less
    m_words = words;
    invalidateRowsFilter();
}

void ContactFilterProxy::setStageFilter(std::optional<Stage> stage)
{
    if (stage == m_stage)
        return;
    m_stage = stage;
    invalidateRowsFilter();
}

void ContactFilterProxy::setTagFilter(const QString& tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    invalidateRowsFilter();
}

qint64 ContactFilterProxy::contactIdAt(int row) const
{
    const QModelIndex source = mapToSource(index(row, 0));
    return source.isValid() ? m_model->contactAt(source.row()).id : 0;
}

bool ContactFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return false;
    if (m_stage && m_model->stageAt(sourceRow) != *m_stage)
        return false;
    if (!m_tag.isEmpty() && !m_model->hasTag(sourceRow, m_tag))
        return false;
    return m_words.isEmpty() || m_model->matches(sourceRow, m_words);
}

bool ContactFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    if (m_model->lessThan(left.row(), right.row(), left.column()))
        return true;
    if (m_model->lessThan(right.row(), left.row(), left.column()))
        return false;
    // Equal keys: by name, so the order is stable and readable.
    return left.column() != ContactTableModel::NameColumn
        && m_model->lessThan(left.row(), right.row(), ContactTableModel::NameColumn);
}

} // namespace rapport
