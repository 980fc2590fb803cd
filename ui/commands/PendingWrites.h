#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <memory>

class QUndoStack;

namespace rapport {

class ExecutedCommand;

// The changes of one undo stack that another process's write lock held back (a CLI import, another
// Rapport, a restore): new changes, undos and redos, each tried again, in the order asked for, until it is
// made. Only then does the stack move (a new change is pushed, the index steps back or forth), so the undo
// history always says what the data is, and the window waits without freezing and says that it waits.
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

    // Undoes (redoes) the stack's current step now or, when another process holds the write lock, as soon as
    // it is free; the stack's index moves only once the data did. A step refused for another reason stays
    // where it was and failed() says why. These are what the window's Undo and Redo do.
    void undo();
    void redo();

    // What waits, in the order it will be made, as the user knows it ("Keep in touch every 30 days",
    // "Undo Import Connections.csv").
    QStringList descriptions() const;
    // Tries the waiting changes again until none waits or `milliseconds` have passed, with the event loop
    // running (the window is painted, nothing freezes); true if everything was made.
    bool waitUntilWritten(int milliseconds);
    // Forgets the waiting changes without making them: the user chose to lose them.
    void discard();

Q_SIGNALS:
    // True while changes wait for another process to finish writing.
    void waitingChanged(bool waiting);
    // A waiting change (or an undo, a redo) was refused for another reason than the lock; it is dropped and
    // the undo history is left as it was.
    void failed(const QString& error);

private:
    enum class Kind
    {
        Push,
        Undo,
        Redo,
    };
    struct Step
    {
        Kind kind = Kind::Push;
        std::unique_ptr<ExecutedCommand> command; // Push only: the stack holds the others' commands
    };
    enum class Outcome
    {
        Made,
        Busy,
        Failed,
    };

    explicit PendingWrites(QUndoStack* stack);
    void add(Step step);
    void step(Kind kind);
    Outcome attempt(Step& step, QString* error);
    void retry();

    QUndoStack* m_stack;
    QTimer m_timer;
    std::deque<Step> m_queue;
};

} // namespace rapport
