#pragma once

#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>

class QUndoStack;

namespace rapport {

class ExecutedCommand;

// The changes of one undo stack that another process's write lock held back (a CLI import, another
// Rapport, a restore): each is tried again, in the order asked for, until it is made and goes on the
// stack, so the window waits without freezing and says that it waits.
class PendingWrites : public QObject
{
    Q_OBJECT

public:
    // How often a waiting change is tried again.
    static constexpr int kRetryMs = 250;

    // The stack's own (made on first use, a child of the stack).
    static PendingWrites* of(QUndoStack* stack);
    ~PendingWrites() override;

    bool isWaiting() const { return !m_queue.empty(); }
    int count() const { return int(m_queue.size()); }
    void enqueue(std::unique_ptr<ExecutedCommand> command);

Q_SIGNALS:
    // True while changes wait for another process to finish writing.
    void waitingChanged(bool waiting);
    // A waiting change was refused for another reason than the lock; it is dropped.
    void failed(const QString& error);

private:
    explicit PendingWrites(QUndoStack* stack);
    void retry();

    QUndoStack* m_stack;
    QTimer m_timer;
    std::deque<std::unique_ptr<ExecutedCommand>> m_queue;
};

} // namespace rapport
