#pragma once

#include "core/domain/Interaction.h"

#include <QAbstractListModel>
#include <QIcon>
#include <QList>

namespace rapport {

// One contact's log for its timeline, newest first: an icon per kind, the kind and the local date, and the
// note, message or link under it.
class InteractionListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        InteractionIdRole = Qt::UserRole + 1,
        KindRole
    };

    explicit InteractionListModel(QObject* parent = nullptr);

    // Replaces the log (in any order; shown newest first).
    void setInteractions(QList<Interaction> interactions);
    const Interaction& interactionAt(int row) const { return m_rows.at(row); }
    // -1 when no row has this id.
    int rowOf(qint64 id) const;

    static QIcon iconFor(InteractionKind kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<Interaction> m_rows;
};

} // namespace rapport
