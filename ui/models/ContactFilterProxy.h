#pragma once

#include "core/domain/Stage.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

namespace rapport {

class ContactTableModel;

// Filters the contacts by a search text (every word must appear in the name, company, position, tags or
// notes, case-insensitively), a stage, a tag, being due to keep in touch, and a set of ids (the contacts an
// import brought), and sorts every column by its natural order (stages in
// their order, dates as dates). It asks the ContactTableModel directly, so a keystroke over tens of
// thousands of rows costs no QVariant per row.
class ContactFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ContactFilterProxy(QObject* parent = nullptr);

    void setContactModel(ContactTableModel* model);
    ContactTableModel* contactModel() const { return m_model; }

    void setSearchText(const QString& text);
    QString searchText() const { return m_search; }
    void setStageFilter(std::optional<Stage> stage);
    std::optional<Stage> stageFilter() const { return m_stage; }
    // An empty tag shows every contact.
    void setTagFilter(const QString& tag);
    QString tagFilter() const { return m_tag; }
    // Only contacts next due to keep in touch today or earlier (ContactTableModel::today()).
    void setDueFilter(bool due);
    // Only connections gone silent, to review (ContactTableModel::silent()).
    void setSilentFilter(bool silent);
    bool dueFilter() const { return m_due; }
    // Only these contacts; nullopt shows every one.
    void setIdFilter(std::optional<QSet<qint64>> ids);
    const std::optional<QSet<qint64>>& idFilter() const { return m_ids; }

    // The contact shown on `row`, or 0.
    qint64 contactIdAt(int row) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    ContactTableModel* m_model = nullptr;
    QString m_search;
    QStringList m_words;
    QList<QStringMatcher> m_matchers; // one per word, built once per search
    std::optional<Stage> m_stage;
    QString m_tag;
    bool m_due = false;
    bool m_silent = false;
    std::optional<QSet<qint64>> m_ids;
};

} // namespace rapport
