#include "ui/commands/PendingWrites.h"

#include "ui/commands/ExecutedCommand.h"

#include <QUndoStack>

namespace rapport {

PendingWrites::PendingWrites(QUndoStack* stack)
    : QObject(stack)
    , m_stack(stack)
{
    m_timer.setInterval(kRetryMs);
    connect(&m_timer, &QTimer::timeout, this, &PendingWrites::retry);
}

PendingWrites::~PendingWrites() = default;

PendingWrites* PendingWrites::of(QUndoStack* stack)
{
    if (auto* existing = stack->findChild<PendingWrites*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new PendingWrites(stack);
}

void PendingWrites::enqueue(std::unique_ptr<ExecutedCommand> command)
{
    const bool wasWaiting = isWaiting();
    m_queue.push_back(std::move(command));
    if (!wasWaiting) {
        m_timer.start();
        Q_EMIT waitingChanged(true);
    }
}

void PendingWrites::retry()
{
    while (!m_queue.empty()) {
        ExecutedCommand* next = m_queue.front().get();
        if (next->execute()) {
            m_stack->push(m_queue.front().release());
            m_queue.pop_front();
        } else if (next->wasBusy()) {
            return; // still held: the timer comes back
        } else {
            const QString error = next->error();
            m_queue.pop_front();
            Q_EMIT failed(error);
        }
    }
    m_timer.stop();
    Q_EMIT waitingChanged(false);
}

} // namespace rapport
