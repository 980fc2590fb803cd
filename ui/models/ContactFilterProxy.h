#pragma once

#include "core/domain/Stage.h"

#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

namespace rapport {

class ContactTableModel;

// Filters the contacts by a search text (every word must appear in the name, company, position, tags or
// notes, case-insensitively), a stage and a tag, and sorts every column by its natural order (stages in
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
};

} // namespace rapport
