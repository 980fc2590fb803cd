#include "ui/models/KeepInTouchModel.h"

#include <QSet>

#include <algorithm>

namespace rapport {

KeepInTouchModel::KeepInTouchModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void KeepInTouchModel::setLocale(const QLocale& locale)
{
    m_locale = locale;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, DueColumn), index(int(m_rows.size()) - 1, DueColumn));
}

void KeepInTouchModel::setPlan(const WeekPlan& plan)
{
    QSet<qint64> planned;
    for (const PlanAction& action : plan.actions) {
        if (action.kind == PlanActionKind::CheckIn)
            planned.insert(action.contactId);
    }
    beginResetModel();
    m_today = plan.today;
    m_rows.clear();
    m_rows.reserve(plan.keepInTouch.size());
    for (const PlanAction& action : plan.keepInTouch)
        m_rows.append({ action, planned.contains(action.contactId) });
    endResetModel();
}

int KeepInTouchModel::thisWeekCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& row) { return row.thisWeek; }));
}

int KeepInTouchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int KeepInTouchModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeepInTouchModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case ContactIdRole:
        return row.action.contactId;
    case ThisWeekRole:
        return row.thisWeek;
    case DateRole:
        return row.action.date;
    case Qt::ToolTipRole:
        return row.action.reason;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.action.contactName;
        case DueColumn:
            //: When a keep-in-touch check-in is due: "Wed 25 Nov", or "3 Mar 2025" in another year
            return m_locale.toString(row.action.date,
                                     row.action.date.year() == m_today.year() ? tr("ddd d MMM") : tr("d MMM yyyy"));
        case WhenColumn:
            return row.thisWeek ? tr("this week") : tr("waits");
        case ReasonColumn:
            return row.action.reason;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant KeepInTouchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DueColumn:
        return tr("Due");
    case WhenColumn:
        return tr("Planned");
    case ReasonColumn:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace rapport
