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
    // invalidate(), not invalidateRowsFilter(), here and below: the latter removes thousands of scattered
    // rows one range at a time and rebuilds the proxy's whole mapping per range, while mapping afresh is
    // linear, plus a sort by precomputed ranks (10 ms rather than 25 ms a keystroke at 30,000 contacts).
    m_matchers.clear();
    for (const QString& word : words)
        m_matchers.append(QStringMatcher(word));
    invalidate();
}

void ContactFilterProxy::setStageFilter(std::optional<Stage> stage)
{
    if (stage == m_stage)
        return;
    m_stage = stage;
    invalidate();
}

void ContactFilterProxy::setTagFilter(const QString& tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    invalidate();
}

void ContactFilterProxy::setDueFilter(bool due)
{
    if (due == m_due)
        return;
    m_due = due;
    invalidate();
}

void ContactFilterProxy::setSilentFilter(bool silent)
{
    if (silent == m_silent)
        return;
    m_silent = silent;
    invalidate();
}

void ContactFilterProxy::setIdFilter(std::optional<QSet<qint64>> ids)
{
    if (ids == m_ids)
        return;
    m_ids = std::move(ids);
    invalidate();
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
    if (m_due && !m_model->dueToKeepInTouch(sourceRow))
        return false;
    if (m_silent && !m_model->silent(sourceRow))
        return false;
    if (m_ids && !m_ids->contains(m_model->contactAt(sourceRow).id))
        return false;
    return m_words.isEmpty() || m_model->matches(sourceRow, m_matchers);
}

bool ContactFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    const QList<int>& ranks = m_model->sortRanks(left.column());
    return ranks.at(left.row()) < ranks.at(right.row());
}

} // namespace rapport
