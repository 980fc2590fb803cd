#pragma once

#include "core/cadence/WeekPlan.h"

#include <QAbstractTableModel>
#include <QList>
#include <QLocale>

namespace rapport {

// The plan's "Keep in touch" list (WeekPlan::keepInTouch): every contact due to keep in touch, in the plan's
// order, with when it is due, whether this week's plan holds its check-in or it waits for a later week, and
// the plan's reason.
class KeepInTouchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        DueColumn,
        WhenColumn, // "this week" or "waits"
        ReasonColumn, // the plan's one line: "last contact 3 months ago, every 30 days: …"
        ColumnCount
    };
    enum Role
    {
        ContactIdRole = Qt::UserRole + 1,
        ThisWeekRole, // bool
        DateRole, // QDate
    };

    explicit KeepInTouchModel(QObject* parent = nullptr);

    void setLocale(const QLocale& locale);
    void setPlan(const WeekPlan& plan);

    // The row's check-in; `thisWeek` when the week's plan holds it.
    const PlanAction& actionAt(int row) const { return m_rows.at(row).action; }
    bool isThisWeek(int row) const { return m_rows.at(row).thisWeek; }
    int thisWeekCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        PlanAction action;
        bool thisWeek = false;
    };

    QList<Row> m_rows;
    QLocale m_locale;
    QDate m_today;
};

} // namespace rapport
