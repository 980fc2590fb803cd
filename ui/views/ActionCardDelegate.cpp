#include "ui/views/ActionCardDelegate.h"

#include "core/cadence/WeekPlan.h"
#include "ui/models/WeekPlanModel.h"
#include "ui/views/StatusColors.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace rapport {

namespace {

constexpr int kMargin = 3; // around the card, inside the cell
constexpr int kPadding = 6; // inside the card

// A short label and a colour per kind, so a column reads at a glance.
QString kindLabel(PlanActionKind kind)
{
    switch (kind) {
    case PlanActionKind::SendRequest:
        return QCoreApplication::translate("rapport::ActionCardDelegate", "Request");
    case PlanActionKind::FollowUp:
        return QCoreApplication::translate("rapport::ActionCardDelegate", "Follow-up");
    case PlanActionKind::Engage:
        return QCoreApplication::translate("rapport::ActionCardDelegate", "Engage");
    case PlanActionKind::CheckIn:
        return QCoreApplication::translate("rapport::ActionCardDelegate", "Check-in");
    case PlanActionKind::Reply:
        return QCoreApplication::translate("rapport::ActionCardDelegate", "Reply");
    case PlanActionKind::Follow:
        return QCoreApplication::translate("rapport::ActionCardDelegate", "Follow");
    }
    return {};
}

QColor kindColor(PlanActionKind kind)
{
    switch (kind) {
    case PlanActionKind::SendRequest:
        return QColor(0x1e, 0x6f, 0xd9);
    case PlanActionKind::FollowUp:
        return QColor(0x2e, 0x9d, 0x5b);
    case PlanActionKind::Engage:
        return QColor(0x8e, 0x5b, 0xd6);
    case PlanActionKind::CheckIn:
        return QColor(0xd9, 0x8a, 0x1e);
    case PlanActionKind::Reply:
        return QColor(0xc2, 0x3b, 0x6b);
    case PlanActionKind::Follow:
        return QColor(0x5b, 0x6b, 0x7d);
    }
    return {};
}

} // namespace

int ActionCardDelegate::cardHeight(const QFontMetrics& metrics)
{
    return 3 * metrics.height() + 2 * kPadding + 2 * kMargin + 4;
}

QSize ActionCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    return QSize(160, cardHeight(option.fontMetrics));
}

void ActionCardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QPalette& palette = option.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    if (index.data(WeekPlanModel::IsTodayRole).toBool()) {
        QColor tint = palette.color(QPalette::Highlight);
        tint.setAlpha(45);
        painter->fillRect(option.rect, tint);
    }

    const QVariant kindValue = index.data(WeekPlanModel::KindRole);
    if (!kindValue.isValid()) { // an empty cell below the day's last card
        painter->restore();
        return;
    }
    const auto kind = static_cast<PlanActionKind>(kindValue.toInt());
    const auto state = static_cast<PlanActionState>(index.data(WeekPlanModel::StateRole).toInt());
    const bool done = state == PlanActionState::Done;
    const bool overdue = state == PlanActionState::Overdue;
    const bool selected = option.state.testFlag(QStyle::State_Selected);

    const QRectF card = QRectF(option.rect).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    QPainterPath path;
    path.addRoundedRect(card, 5, 5);
    QColor border = overdue ? StatusColors::error(palette) : palette.color(QPalette::Mid);
    if (selected)
        border = palette.color(QPalette::Highlight);
    painter->setPen(QPen(border, selected || overdue ? 2 : 1));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawPath(path);

    // A stripe of the kind's colour on the left edge.
    QColor stripe = kindColor(kind);
    if (done)
        stripe.setAlpha(90);
    painter->setPen(Qt::NoPen);
    painter->setBrush(stripe);
    painter->drawRoundedRect(QRectF(card.left(), card.top(), 4, card.height()), 2, 2);

    if (done)
        painter->setOpacity(0.5);
    const QFontMetrics& metrics = option.fontMetrics;
    const int lineHeight = metrics.height();
    QRect text = card.toRect().adjusted(kPadding + 4, kPadding, -kPadding, -kPadding);

    // Line 1: the kind, and a tick or "overdue" at the right.
    QFont small = option.font;
    small.setPointSizeF(std::max(6.0, option.font.pointSizeF() * 0.85));
    painter->setFont(small);
    QString status;
    QColor statusColor = palette.color(QPalette::Text);
    if (done) {
        status = QStringLiteral("\u2713 ") + tr("done");
        statusColor = kindColor(PlanActionKind::FollowUp);
    } else if (overdue) {
        status = tr("overdue");
        statusColor = StatusColors::error(palette);
    }
    const QRect line1(text.left(), text.top(), text.width(), lineHeight);
    QFont statusFont = small;
    statusFont.setBold(true);
    const int statusWidth = status.isEmpty() ? 0 : QFontMetrics(statusFont).horizontalAdvance(status) + 4;
    painter->setPen(kindColor(kind));
    painter->drawText(line1.adjusted(0, 0, -statusWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(small).elidedText(kindLabel(kind), Qt::ElideRight, line1.width() - statusWidth));
    if (!status.isEmpty()) {
        painter->setFont(statusFont);
        painter->setPen(statusColor);
        painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, status);
    }

    // Line 2: the name; line 3: the reason.
    QFont bold = option.font;
    bold.setBold(true);
    bold.setStrikeOut(false);
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::Text));
    const QRect line2(text.left(), line1.bottom() + 2, text.width(), lineHeight);
    painter->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(index.data(WeekPlanModel::ContactNameRole).toString(),
                                                    Qt::ElideRight, line2.width()));
    painter->setFont(option.font);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const QRect line3(text.left(), line2.bottom() + 2, text.width(), lineHeight);
    painter->drawText(
        line3, Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(index.data(WeekPlanModel::ReasonRole).toString(), Qt::ElideRight, line3.width()));
    painter->restore();
}

} // namespace rapport
