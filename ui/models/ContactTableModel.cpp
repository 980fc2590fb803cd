#include "ui/models/ContactTableModel.h"

#include "core/domain/KeepInTouch.h"

#include <QFont>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <limits>
#include <numeric>

namespace rapport {

ContactTableModel::ContactTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

ContactTableModel::Row ContactTableModel::makeRow(Contact contact, ContactFacts facts)
{
    Row row;
    row.tags = contact.tags.join(QStringLiteral(", "));
    row.name = contact.fullName();
    row.nameKey = row.name.toCaseFolded();
    row.positionKey = contact.position.toCaseFolded();
    row.companyKey = contact.company.toCaseFolded();
    row.tagsKey = row.tags.toCaseFolded();
    row.haystack
        = QStringList { row.nameKey, row.companyKey, row.positionKey, row.tagsKey, contact.notes.toCaseFolded() }.join(
            u'\n');
    row.contact = std::move(contact);
    row.facts = std::move(facts);
    return row;
}

void ContactTableModel::setContacts(QList<Contact> contacts, QHash<qint64, ContactFacts> facts)
{
    beginResetModel();
    m_rows.clear();
    m_ranks = {};
    m_rows.reserve(contacts.size());
    for (Contact& contact : contacts) {
        ContactFacts rowFacts = facts.value(contact.id);
        m_rows.append(makeRow(std::move(contact), std::move(rowFacts)));
    }
    m_rowOf.clear();
    reindex(0);
    endResetModel();
}

void ContactTableModel::setOverview(ContactOverview overview)
{
    setContacts(std::move(overview.contacts), std::move(overview.facts));
}

void ContactTableModel::setNextActions(const QHash<qint64, NextAction>& next)
{
    int first = -1;
    int last = -1;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        ContactFacts& facts = m_rows[i].facts;
        const NextAction action = next.value(m_rows.at(i).contact.id);
        if (facts.nextActionDate == action.date && facts.nextAction == action.action)
            continue;
        facts.nextActionDate = action.date;
        facts.nextAction = action.action;
        first = first < 0 ? i : first;
        last = i;
    }
    if (first < 0)
        return;
    m_ranks[NextActionColumn].clear();
    Q_EMIT dataChanged(index(first, NextActionColumn), index(last, NextActionColumn),
                       { Qt::DisplayRole, Qt::ToolTipRole, SortRole });
}

void ContactTableModel::reindex(int from)
{
    m_rowOf.reserve(m_rows.size());
    for (int row = from; row < int(m_rows.size()); ++row)
        m_rowOf.insert(m_rows.at(row).contact.id, row);
}

void ContactTableModel::upsert(const Contact& contact, const ContactFacts& facts)
{
    const int row = rowOf(contact.id);
    if (row < 0) {
        const int last = int(m_rows.size());
        beginInsertRows({}, last, last);
        m_rows.append(makeRow(contact, facts));
        m_ranks = {};
        m_rowOf.insert(contact.id, last);
        endInsertRows();
    } else {
        m_rows[row] = makeRow(contact, facts);
        m_ranks = {};
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    Q_EMIT contactChanged(contact.id);
}

void ContactTableModel::removeId(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_ranks = {};
    m_rowOf.remove(id);
    reindex(row);
    endRemoveRows();
    Q_EMIT contactChanged(id);
}

void ContactTableModel::updateKeepInTouch(const QHash<qint64, int>& ownDays,
                                          const QHash<qint64, KeepInTouchDate>& dates)
{
    for (auto it = ownDays.cbegin(); it != ownDays.cend(); ++it) {
        if (const int row = rowOf(it.key()); row >= 0) {
            Contact contact = m_rows.at(row).contact;
            contact.keepInTouchDays = it.value();
            m_rows[row] = makeRow(contact, m_rows.at(row).facts);
        }
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        ContactFacts& facts = m_rows[i].facts;
        const KeepInTouchDate date = dates.value(m_rows.at(i).contact.id);
        if (facts.keepInTouchDays == date.days && facts.nextKeepInTouch == date.next)
            continue;
        facts.keepInTouchDays = date.days;
        facts.nextKeepInTouch = date.next;
        first = first < 0 ? i : first;
        last = i;
    }
    for (auto it = ownDays.cbegin(); it != ownDays.cend(); ++it) {
        if (const int row = rowOf(it.key()); row >= 0) {
            first = first < 0 ? row : std::min(first, row);
            last = std::max(last, row);
        }
    }
    if (first < 0)
        return;
    m_ranks = {};
    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    for (auto it = ownDays.cbegin(); it != ownDays.cend(); ++it)
        Q_EMIT contactChanged(it.key());
}

void ContactTableModel::setToday(const QDate& today)
{
    if (today == m_today)
        return;
    m_today = today;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, KeepInTouchColumn), index(int(m_rows.size()) - 1, KeepInTouchColumn),
                           { Qt::FontRole, Qt::ToolTipRole });
}

bool ContactTableModel::dueToKeepInTouch(int row) const
{
    const QDate& next = m_rows.at(row).facts.nextKeepInTouch;
    return next.isValid() && next <= m_today;
}

bool ContactTableModel::silent(int row) const
{
    const Row& entry = m_rows.at(row);
    const QDateTime& last = entry.facts.lastInteraction;
    return entry.facts.stage == Stage::Connected && !entry.contact.starred && entry.facts.keepInTouchDays == 0
        && last.isValid() && last.date() < m_today.addDays(-m_silentAfterDays);
}

QStringList ContactTableModel::allTags() const
{
    QSet<QString> tags;
    for (const Row& row : m_rows) {
        for (const QString& tag : row.contact.tags)
            tags.insert(tag);
    }
    QStringList sorted(tags.cbegin(), tags.cend());
    std::sort(sorted.begin(), sorted.end(),
              [](const QString& a, const QString& b) { return QString::compare(a, b, Qt::CaseInsensitive) < 0; });
    return sorted;
}

bool ContactTableModel::matches(int row, const QList<QStringMatcher>& words) const
{
    const QString& haystack = m_rows.at(row).haystack;
    return std::all_of(words.cbegin(), words.cend(),
                       [&](const QStringMatcher& word) { return word.indexIn(haystack) >= 0; });
}

bool ContactTableModel::hasTag(int row, const QString& tag) const
{
    return m_rows.at(row).contact.tags.contains(tag, Qt::CaseInsensitive);
}

int ContactTableModel::compare(int left, int right, int column) const
{
    const Row& a = m_rows.at(left);
    const Row& b = m_rows.at(right);
    const auto order = [](const auto& x, const auto& y) { return x < y ? -1 : (y < x ? 1 : 0); };
    switch (column) {
    case StarredColumn:
        return order(a.contact.starred, b.contact.starred);
    case NameColumn:
        return QString::compare(a.nameKey, b.nameKey);
    case PositionColumn:
        return QString::compare(a.positionKey, b.positionKey);
    case CompanyColumn:
        return QString::compare(a.companyKey, b.companyKey);
    case StageColumn:
        return order(a.facts.stage, b.facts.stage);
    case LastInteractionColumn: {
        // Never contacted sorts before any date.
        const auto time = [](const Row& r) {
            return r.facts.lastInteraction.isValid() ? r.facts.lastInteraction.toMSecsSinceEpoch()
                                                     : std::numeric_limits<qint64>::min();
        };
        return order(time(a), time(b));
    }
    case NextActionColumn:
        if (a.facts.nextActionDate.isValid() != b.facts.nextActionDate.isValid())
            return a.facts.nextActionDate.isValid() ? -1 : 1; // planned ones first
        return order(a.facts.nextActionDate, b.facts.nextActionDate);
    case KeepInTouchColumn:
        if (a.facts.nextKeepInTouch.isValid() != b.facts.nextKeepInTouch.isValid())
            return a.facts.nextKeepInTouch.isValid() ? -1 : 1; // those with a cadence first
        return order(a.facts.nextKeepInTouch, b.facts.nextKeepInTouch);
    case TagsColumn:
        return QString::compare(a.tagsKey, b.tagsKey);
    default:
        return 0;
    }
}

const QList<int>& ContactTableModel::sortRanks(int column) const
{
    QList<int>& ranks = m_ranks.at(std::clamp(column, 0, ColumnCount - 1));
    if (ranks.size() == m_rows.size())
        return ranks;
    QList<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int left, int right) {
        if (const int byColumn = compare(left, right, column); byColumn != 0)
            return byColumn < 0;
        if (const int byName = compare(left, right, NameColumn); byName != 0)
            return byName < 0;
        return left < right;
    });
    ranks.resize(m_rows.size());
    for (int place = 0; place < int(order.size()); ++place)
        ranks[order.at(place)] = place;
    return ranks;
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
    if (role == StageRole)
        return int(row.facts.stage);
    if (role == Qt::TextAlignmentRole && index.column() == StarredColumn)
        return Qt::AlignCenter;
    if (role == Qt::AccessibleTextRole && index.column() == StarredColumn)
        return row.contact.starred ? tr("Starred") : tr("Not starred");
    if (role == Qt::FontRole && index.column() == KeepInTouchColumn && dueToKeepInTouch(index.row())) {
        QFont due;
        due.setBold(true);
        return due;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        return row.name;
    case PositionColumn:
        return row.contact.position;
    case CompanyColumn:
        return row.contact.company;
    case StageColumn:
        return role == SortRole ? QVariant(int(row.facts.stage)) : QVariant(displayName(row.facts.stage));
    case LastInteractionColumn:
        if (role == SortRole)
            return row.facts.lastInteraction.isValid() ? row.facts.lastInteraction.toMSecsSinceEpoch() : qint64(-1);
        if (!row.facts.lastInteraction.isValid())
            return role == Qt::ToolTipRole ? tr("Nothing logged yet") : QString();
        return role == Qt::ToolTipRole
            ? locale.toString(row.facts.lastInteraction.toLocalTime(), QLocale::LongFormat)
            : locale.toString(row.facts.lastInteraction.toLocalTime().date(), QLocale::ShortFormat);
    case NextActionColumn:
        if (role == SortRole)
            return row.facts.nextActionDate;
        if (row.facts.nextAction.isEmpty())
            return QString();
        return tr("%1, %2").arg(row.facts.nextAction,
                                locale.toString(row.facts.nextActionDate, QStringLiteral("ddd d MMM")));
    case KeepInTouchColumn: {
        const ContactFacts& facts = row.facts;
        if (role == SortRole)
            return facts.nextKeepInTouch;
        if (!facts.nextKeepInTouch.isValid())
            return role == Qt::ToolTipRole ? tr("No keep-in-touch cadence") : QString();
        if (role == Qt::DisplayRole)
            return locale.toString(facts.nextKeepInTouch, QLocale::ShortFormat);
        const QString cadence = row.contact.keepInTouchDays > 0
            ? keep_in_touch::describe(facts.keepInTouchDays)
            //: The cadence a contact gets from its tags: "Close (every 30 days), from a tag"
            : tr("%1, from a tag").arg(keep_in_touch::describe(facts.keepInTouchDays));
        return (dueToKeepInTouch(index.row()) ? tr("%1\nDue since %2") : tr("%1\nNext due %2"))
            .arg(cadence, locale.toString(facts.nextKeepInTouch, QLocale::LongFormat));
    }
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
        return tr("Starred: your top 20%, first in every list of the plan");
    if (orientation == Qt::Horizontal && section == KeepInTouchColumn && role == Qt::ToolTipRole)
        return tr("When the contact is next due to keep in touch, by its own cadence or its tags'");
    if (orientation == Qt::Horizontal && section == NextActionColumn && role == Qt::ToolTipRole)
        return tr("The next action this week's plan holds for the contact");
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
    case LastInteractionColumn:
        return tr("Last interaction");
    case NextActionColumn:
        return tr("Next action");
    case KeepInTouchColumn:
        return tr("Keep in touch");
    case TagsColumn:
        return tr("Tags");
    case StarredColumn:
        return QStringLiteral("\u2605");
    default:
        return {};
    }
}

} // namespace rapport
