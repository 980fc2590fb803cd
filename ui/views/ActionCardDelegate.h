#pragma once

#include <QStyledItemDelegate>

namespace rapport {

// Paints a WeekPlanModel cell as a card: the action's kind, the contact's name and the one-line reason.
// Done cards are dimmed and ticked, overdue ones marked; every cell of today's column is tinted.
class ActionCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The height of a card for a font: three lines and the margins.
    static int cardHeight(const QFontMetrics& metrics);
};

} // namespace rapport
