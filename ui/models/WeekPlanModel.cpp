#include "ui/models/WeekPlanModel.h"

#include "ui/workers/PlanWorker.h"

#include <QDataStream>
#include <QFont>
#include <QIODevice>
#include <QMimeData>

#include <algorithm>

namespace rapport {

namespace {

QDate startOfWeek(const QDate& day, const QLocale& locale)
{
    const int offset = (day.dayOfWeek() - static_cast<int>(locale.firstDayOfWeek()) + 7) % 7;
    return day.addDays(-offset);
}

} // namespace

WeekPlanModel::WeekPlanModel(PlanWorker& planner, QObject* parent)
    : QAbstractTableModel(parent)
    , m_planner(planner)
{
    m_plan.weekStart = startOfWeek(m_today, m_locale);
    m_plan.today = m_today;
    m_days.resize(7);
}

void WeekPlanModel::setLocale(const QLocale& locale)
{
    m_locale = locale;
}

void WeekPlanModel::setTimeZone(const QTimeZone& zone)
{
    m_zone = zone;
}

void WeekPlanModel::setToday(const QDate& today)
{
    m_today = today;
}

void WeekPlanModel::setWeek(const QDate& anyDay)
{
    m_shownDay = anyDay;
    reload();
}

void WeekPlanModel::reload()
{
    const QDate shown = m_shownDay.isValid() ? m_shownDay : m_today;
    const quint64 ticket = ++m_asked;
    m_planner.plan({ shown, m_today, m_locale, m_zone }, this, [this, ticket, shown](const Result<WeekPlan>& planned) {
        if (ticket != m_asked)
            return; // a later request is under way: only its answer is shown
        m_answered = ticket;
        show(planned, shown);
    });
}

void WeekPlanModel::show(const Result<WeekPlan>& planned, const QDate& shown)
{
    beginResetModel();
    m_days = QList<QList<int>>(7);
    m_rows = 0;
    if (planned.ok()) {
        m_plan = planned.value();
        m_error.clear();
    } else {
        m_plan = WeekPlan {};
        m_plan.weekStart = startOfWeek(shown, m_locale);
        m_plan.today = m_today;
        m_error = planned.error();
    }
    for (int i = 0; i < m_plan.actions.size(); ++i) {
        const int column = columnOf(m_plan.actions.at(i).date);
        if (column >= 0)
            m_days[column].append(i);
    }
    for (const QList<int>& day : std::as_const(m_days))
        m_rows = std::max(m_rows, static_cast<int>(day.size()));
    endResetModel();
    Q_EMIT planChanged();
}

// From the week asked for last, which may not be shown yet: two quick clicks move two weeks.
void WeekPlanModel::previousWeek()
{
    setWeek((m_shownDay.isValid() ? m_shownDay : m_today).addDays(-7));
}

void WeekPlanModel::nextWeek()
{
    setWeek((m_shownDay.isValid() ? m_shownDay : m_today).addDays(7));
}

void WeekPlanModel::goToToday()
{
    setWeek(m_today);
}

QDate WeekPlanModel::dateOfColumn(int column) const
{
    if (column < 0 || column >= 7)
        return {};
    return m_plan.weekStart.addDays(column);
}

int WeekPlanModel::columnOf(const QDate& date) const
{
    const qint64 days = m_plan.weekStart.daysTo(date);
    return days >= 0 && days < 7 ? static_cast<int>(days) : -1;
}

const PlanAction* WeekPlanModel::action(const QModelIndex& index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return nullptr;
    const QList<int>& day = m_days.at(index.column());
    if (index.row() >= day.size())
        return nullptr;
    return &m_plan.actions.at(day.at(index.row()));
}

QModelIndex WeekPlanModel::indexOf(qint64 contactId, PlanActionKind kind) const
{
    for (int column = 0; column < 7; ++column) {
        const QList<int>& day = m_days.at(column);
        for (int row = 0; row < day.size(); ++row) {
            const PlanAction& item = m_plan.actions.at(day.at(row));
            if (item.contactId == contactId && item.kind == kind)
                return index(row, column);
        }
    }
    return {};
}

int WeekPlanModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int WeekPlanModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 7;
}

QVariant WeekPlanModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QDate date = dateOfColumn(index.column());
    if (role == DateRole)
        return date;
    if (role == IsTodayRole)
        return date == m_today;

    const PlanAction* item = action(index);
    if (!item)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case ContactNameRole:
        return item->contactName;
    case Qt::ToolTipRole:
        return QStringLiteral("%1: %2\n%3").arg(displayName(item->kind), item->contactName, item->reason);
    case KindRole:
        return static_cast<int>(item->kind);
    case KindKeyRole:
        return toKey(item->kind);
    case ContactIdRole:
        return item->contactId;
    case ReasonRole:
        return item->reason;
    case StateRole:
        return static_cast<int>(item->state);
    case TemplateIdRole:
        return item->templateId;
    case TemplateNameRole:
        return item->templateName;
    case WithNoteRole:
        return item->withNote;
    default:
        return {};
    }
}

QVariant WeekPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= 7)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QDate date = dateOfColumn(section);
    switch (role) {
    case Qt::DisplayRole:
        //: A day column of the week view: "Mon 23 Nov"
        return tr("%1 %2").arg(m_locale.dayName(date.dayOfWeek(), QLocale::ShortFormat),
                               m_locale.toString(date, m_locale.dateFormat(QLocale::ShortFormat)));
    case Qt::ToolTipRole:
        return m_locale.toString(date, QLocale::LongFormat);
    case DateRole:
        return date;
    case IsTodayRole:
        return date == m_today;
    case Qt::FontRole:
        if (date == m_today) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

Qt::ItemFlags WeekPlanModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const bool takesDrops = dropDay(index.column(), {}).isValid();
    const PlanAction* item = action(index);
    if (!item)
        return takesDrops ? Qt::ItemIsDropEnabled : Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (item->state != PlanActionState::Done)
        result |= Qt::ItemIsDragEnabled;
    if (takesDrops)
        result |= Qt::ItemIsDropEnabled;
    return result;
}

QStringList WeekPlanModel::mimeTypes() const
{
    return { mimeType() };
}

QMimeData* WeekPlanModel::mimeData(const QModelIndexList& indexes) const
{
    const PlanAction* item = indexes.size() == 1 ? action(indexes.first()) : nullptr;
    if (!item)
        return nullptr;
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    stream << item->contactId << toKey(item->kind) << item->date;
    auto* data = new QMimeData;
    data->setData(mimeType(), encoded);
    // Dropped elsewhere (a text editor), a card is its contact's name.
    data->setText(item->contactName);
    return data;
}

std::optional<WeekPlanModel::Dragged> WeekPlanModel::decode(const QMimeData* data)
{
    if (!data || !data->hasFormat(mimeType()))
        return std::nullopt;
    QDataStream stream(data->data(mimeType()));
    Dragged dragged;
    QString kind;
    stream >> dragged.contactId >> kind >> dragged.from;
    const auto parsed = planActionKindFromKey(kind);
    if (stream.status() != QDataStream::Ok || !parsed || dragged.contactId <= 0)
        return std::nullopt;
    dragged.kind = *parsed;
    return dragged;
}

QDate WeekPlanModel::dropDay(int column, const QModelIndex& parent) const
{
    const QDate day = dateOfColumn(parent.isValid() ? parent.column() : column);
    return day.isValid() && day >= m_today ? day : QDate();
}

bool WeekPlanModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int /*row*/, int column,
                                    const QModelIndex& parent) const
{
    const auto dragged = decode(data);
    const QDate day = dropDay(column, parent);
    return action == Qt::MoveAction && dragged && day.isValid() && day != dragged->from;
}

bool WeekPlanModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                 const QModelIndex& parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const Dragged dragged = *decode(data);
    Q_EMIT actionDropped(dragged.contactId, dragged.kind, dropDay(column, parent));
    return true;
}

QHash<int, QByteArray> WeekPlanModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(KindKeyRole, "kindKey");
    names.insert(ContactIdRole, "contactId");
    names.insert(ContactNameRole, "contactName");
    names.insert(ReasonRole, "reason");
    names.insert(StateRole, "state");
    names.insert(TemplateIdRole, "templateId");
    names.insert(TemplateNameRole, "templateName");
    names.insert(WithNoteRole, "withNote");
    names.insert(DateRole, "date");
    names.insert(IsTodayRole, "isToday");
    return names;
}

} // namespace rapport
