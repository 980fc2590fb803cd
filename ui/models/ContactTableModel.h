#pragma once

#include "core/cadence/Limits.h"
#include "core/domain/Contact.h"
#include "core/storage/ContactOverview.h"
#include "core/storage/KeepInTouchDates.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringMatcher>

#include <array>

namespace rapport {

// A snapshot of all contacts with their stage, last interaction, next planned action and when each is next due
// to keep in touch. data() reads only
// memory, never the database, so scrolling through tens of thousands of rows stays smooth; what the search
// and sorting compare is prepared once per row, when the row is set.
class ContactTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StarredColumn,
        NameColumn,
        PositionColumn,
        CompanyColumn,
        StageColumn,
        LastInteractionColumn,
        NextActionColumn,
        KeepInTouchColumn,
        TagsColumn,
        ColumnCount
    };
    enum Role
    {
        ContactIdRole = Qt::UserRole + 1,
        SortRole,
        StageRole
    };

    explicit ContactTableModel(QObject* parent = nullptr);

    // Replaces the snapshot; contacts missing from `facts` are prospects with nothing logged.
    void setContacts(QList<Contact> contacts, QHash<qint64, ContactFacts> facts);
    void setOverview(ContactOverview overview);
    // Sets every row's next planned action (none for a contact missing from `next`).
    void setNextActions(const QHash<qint64, NextAction>& next);
    // Adds the contact or replaces the row that has its id.
    void upsert(const Contact& contact, const ContactFacts& facts);
    // After cadences changed (contacts' own, or a tag's): sets the own cadence of the contacts in `ownDays`
    // (by id; their other fields and facts stay) and every row's keep-in-touch cadence and next date from
    // `dates` (none when missing).
    void updateKeepInTouch(const QHash<qint64, int>& ownDays, const QHash<qint64, KeepInTouchDate>& dates);
    // The day "due to keep in touch" is measured against; the current date unless set.
    void setToday(const QDate& today);
    QDate today() const { return m_today; }
    void removeId(qint64 id);

    const Contact& contactAt(int row) const { return m_rows.at(row).contact; }
    const ContactFacts& factsAt(int row) const { return m_rows.at(row).facts; }
    // -1 when no row has this id.
    int rowOf(qint64 id) const { return m_rowOf.value(id, -1); }
    // Every tag in use, sorted.
    QStringList allTags() const;

    // What the filter proxy asks, without a QVariant per call: `words` match case-folded words, and all
    // must appear in the row's name, company, position, tags or notes.
    bool matches(int row, const QList<QStringMatcher>& words) const;
    bool hasTag(int row, const QString& tag) const;
    Stage stageAt(int row) const { return m_rows.at(row).facts.stage; }
    // Next due to keep in touch today or earlier.
    bool dueToKeepInTouch(int row) const;
    // A connection silent for `silentAfterDays` (no interaction of any kind), without a star or a cadence: listed
    // for the user to review (domain: Silent connections).
    bool silent(int row) const;
    void setSilentAfterDays(int days) { m_silentAfterDays = days; }
    // Orders two rows by a column: negative, zero or positive, as `left` sorts before, with or after `right`.
    int compare(int left, int right, int column) const;
    // Each row's place when sorted by `column` (ties by name, then by row): comparing two ranks is what
    // the proxy sorts by, so 30,000 rows re-sort without a string comparison. Computed once per column
    // until the rows change.
    const QList<int>& sortRanks(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // A row was added, changed or removed by upsert() or removeId().
    void contactChanged(qint64 id);

private:
    struct Row
    {
        Contact contact;
        ContactFacts facts;
        QString tags; // for display
        QString name; // for display
        QString haystack; // case-folded name, company, position, tags and notes
        QString nameKey, positionKey, companyKey, tagsKey; // case-folded, for sorting
    };
    static Row makeRow(Contact contact, ContactFacts facts);
    void reindex(int from);

    QList<Row> m_rows;
    QHash<qint64, int> m_rowOf;
    mutable std::array<QList<int>, ColumnCount> m_ranks; // empty: not computed since the rows changed
    QDate m_today = QDate::currentDate();
    int m_silentAfterDays = Limits {}.silentAfterDays;
};

} // namespace rapport
