#include "ui/models/InteractionListModel.h"

#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace rapport {

namespace {

struct KindLook
{
    QChar glyph;
    QColor color;
};

// A symbol on a disc whose colour groups the kinds: requests blue, answers green or red, messages
// purple, sharing and engaging orange, meetings and notes grey.
KindLook lookOf(InteractionKind kind)
{
    const QColor request(0x2f, 0x6f, 0xd0), good(0x2e, 0x9d, 0x5b), bad(0xc8, 0x45, 0x3c), message(0x8a, 0x4f, 0xc2),
        content(0xd9, 0x86, 0x1c), other(0x70, 0x78, 0x80);
    switch (kind) {
    case InteractionKind::Followed:
        return { u'+', request };
    case InteractionKind::RequestSent:
        return { u'\u2192', request };
    case InteractionKind::RequestAccepted:
        return { u'\u2713', good };
    case InteractionKind::RequestDeclined:
        return { u'\u2715', bad };
    case InteractionKind::RequestWithdrawn:
        return { u'\u2190', bad };
    case InteractionKind::MessageSent:
        return { u'\u2709', message };
    case InteractionKind::MessageReceived:
        return { u'\u21a9', message };
    case InteractionKind::ContentShared:
        return { u'\u2197', content };
    case InteractionKind::Engaged:
        return { u'\u2665', content };
    case InteractionKind::Endorsed:
        return { u'\u2605', good };
    case InteractionKind::Met:
        return { u'\u25cf', other };
    case InteractionKind::Introduction:
        return { u'\u21c4', other };
    case InteractionKind::Thanks:
        return { u'\u263a', good };
    case InteractionKind::Note:
        return { u'\u270e', other };
    }
    return { u'?', other };
}

QPixmap paintIcon(InteractionKind kind, int size)
{
    const KindLook look = lookOf(kind);
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(look.color);
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1));
    QFont font = painter.font();
    font.setPixelSize(size * 6 / 10);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, QString(look.glyph));
    return pixmap;
}

} // namespace

InteractionListModel::InteractionListModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

QIcon InteractionListModel::iconFor(InteractionKind kind)
{
    static QHash<InteractionKind, QIcon> cache;
    auto found = cache.find(kind);
    if (found == cache.end()) {
        QIcon icon;
        for (int size : { 16, 24, 32, 48 })
            icon.addPixmap(paintIcon(kind, size));
        found = cache.insert(kind, icon);
    }
    return *found;
}

void InteractionListModel::setInteractions(QList<Interaction> interactions)
{
    beginResetModel();
    m_rows = std::move(interactions);
    // Newest first; entries at the same instant in the reverse of the order they were logged.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Interaction& a, const Interaction& b) {
        return a.occurredAt != b.occurredAt ? a.occurredAt > b.occurredAt : a.id > b.id;
    });
    endResetModel();
}

int InteractionListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int InteractionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant InteractionListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Interaction& entry = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString text = tr("%1 · %2").arg(displayName(entry.kind),
                                         QLocale().toString(entry.occurredAt.toLocalTime(), QLocale::ShortFormat));
        if (!entry.templateName.isEmpty())
            text += tr(" · template “%1”").arg(entry.templateName);
        if (!entry.text.isEmpty())
            text += u'\n' + entry.text.simplified();
        if (!entry.url.isEmpty())
            text += u'\n' + entry.url;
        return text;
    }
    case Qt::ToolTipRole:
        return entry.text.isEmpty() ? QVariant() : QVariant(entry.text);
    case Qt::AccessibleTextRole:
        return tr("%1 on %2")
            .arg(displayName(entry.kind), QLocale().toString(entry.occurredAt.toLocalTime(), QLocale::LongFormat));
    case Qt::DecorationRole:
        return iconFor(entry.kind);
    case InteractionIdRole:
        return entry.id;
    case KindRole:
        return int(entry.kind);
    default:
        return {};
    }
}

} // namespace rapport
