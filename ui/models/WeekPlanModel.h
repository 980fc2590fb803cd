#pragma once

#include "core/Result.h"
#include "core/cadence/WeekPlan.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>
#include <QLocale>
#include <QTimeZone>

#include <optional>

namespace rapport {

class PlanWorker;

// One week of the plan as a table: seven columns, one per day (the first is the locale's first day of the
// week), and in each column that day's action cards from the top. A cell below a day's last card is empty.
// Fed by a PlanWorker for the shown week and a `today` the caller sets (tests pin it): a reload asks the
// worker and keeps showing the plan it has until the new one comes (planChanged), so the window never waits.
//
// A card still to do can be dragged onto another day from today on (a card or an empty cell of that
// column): dropMimeData() does not move it itself but emits actionDropped(), so that the view makes the
// move an undoable command; the plan then shows it on its new day after the reload.
class WeekPlanModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, // PlanActionKind, as int
        KindKeyRole, // "send_request"...
        ContactIdRole, // qint64
        ContactNameRole,
        ReasonRole,
        StateRole, // PlanActionState, as int
        TemplateIdRole, // qint64, 0 when none
        TemplateNameRole,
        WithNoteRole, // bool
        DateRole, // QDate of the column (also in headerData)
        IsTodayRole, // bool, for every cell of today's column (also in headerData)
    };
    Q_ENUM(Role)

    explicit WeekPlanModel(PlanWorker& planner, QObject* parent = nullptr);

    void setLocale(const QLocale& locale);
    void setTimeZone(const QTimeZone& zone);
    // Today, for the highlight, the overdue actions and "Today"; does not reload.
    void setToday(const QDate& today);
    QDate today() const { return m_today; }
    // Shows the week holding `anyDay`, and reloads. Until called, the model shows today's week.
    void setWeek(const QDate& anyDay);

    // Plans the shown week again from the database (after something was logged).
    void reload();
    void previousWeek();
    void nextWeek();
    void goToToday();
    // A plan was asked for and has not come yet.
    bool isPlanning() const { return m_asked != m_answered; }
    // Why the last plan could not be made; empty when it was.
    QString error() const { return m_error; }

    const WeekPlan& plan() const { return m_plan; }
    QDate weekStart() const { return m_plan.weekStart; }
    QDate dateOfColumn(int column) const;
    int columnOf(const QDate& date) const; // -1 outside the shown week
    // The card at `index`, or nullptr for an empty cell.
    const PlanAction* action(const QModelIndex& index) const;
    QModelIndex indexOf(qint64 contactId, PlanActionKind kind) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString mimeType() { return QStringLiteral("application/x-rapport-plan-action"); }
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }

Q_SIGNALS:
    // When a plan asked for comes, or could not be made (error()): the progress and warnings may have changed.
    void planChanged();
    // A card of `contactId` and `kind` was dropped on the column of `day`.
    void actionDropped(qint64 contactId, rapport::PlanActionKind kind, const QDate& day);

private:
    struct Dragged
    {
        qint64 contactId = 0;
        PlanActionKind kind = PlanActionKind::SendRequest;
        QDate from;
    };
    static std::optional<Dragged> decode(const QMimeData* data);
    // The day a drop at (row, column, parent) lands on, if it may take a card.
    QDate dropDay(int column, const QModelIndex& parent) const;

    void show(const Result<WeekPlan>& planned, const QDate& shown);

    PlanWorker& m_planner;
    QLocale m_locale;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QDate m_today = QDate::currentDate();
    QDate m_shownDay; // invalid until a week is chosen: today's week
    WeekPlan m_plan;
    QList<QList<int>> m_days; // per column, the indexes into m_plan.actions
    int m_rows = 0;
    quint64 m_asked = 0; // the requests made, and the last one answered: older answers are dropped
    quint64 m_answered = 0;
    QString m_error;
};

} // namespace rapport
