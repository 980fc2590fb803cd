#pragma once

#include "core/Result.h"

#include <QString>
#include <QUndoCommand>

#include <memory>

class QUndoStack;

namespace rapport {

class Database;

// An undoable change that is made once before it goes on the undo stack, so that a change refused by the
// database (a constraint, a locked file) never becomes an entry to undo. Subclasses write in doRedo() and
// doUndo() and record a failure with check(); push() runs the command and stacks it if it succeeded.
//
// The window writes on its GUI thread: each run waits only a moment for another connection's write lock
// (BriefWriteWait), and push() hands a change refused as busy to the stack's PendingWrites, which tries it
// again until the lock is free, so the window never freezes for the database's busy timeout. Undo and redo
// go the same way (PendingWrites::undo(), redo()): the step is made first, and the stack's index moves only
// once it succeeded. A QUndoStack::undo() or redo() called directly cannot be refused, so it waits for the
// database's whole busy timeout instead of a moment.
class ExecutedCommand : public QUndoCommand
{
public:
    // How long one run waits for another connection's write lock.
    static constexpr int kBriefWaitMs = 150;

    // Runs the change once; true if it succeeded, so the command belongs on the undo stack (or the stack's
    // redo() may step over it: it does not run it again).
    bool execute();
    // Takes the change back once; true if it succeeded, so the stack's undo() may step over it (it does not
    // run it again).
    bool executeUndo();
    QString error() const { return m_error; }
    // The last run failed only because another connection held the write lock.
    bool wasBusy() const;

    void redo() final;
    void undo() final;

    // Executes `command` and, if it succeeded, pushes it onto `stack`; otherwise returns its error. A change
    // refused because another process is writing is not an error: it waits in PendingWrites::of(stack),
    // behind any other waiting change, and is pushed when it is made.
    static Status push(QUndoStack* stack, std::unique_ptr<ExecutedCommand> command);

protected:
    ExecutedCommand(const QString& text, Database& database);

    // Records the error of a failed step (or clears it); true if `result` succeeded.
    template <class T> bool check(const Result<T>& result)
    {
        m_error = result ? QString() : result.error();
        return result.ok();
    }
    virtual void doRedo() = 0;
    virtual void doUndo() = 0;
    // The change was made before the command was made (an import by its worker): pushing it runs nothing.
    void markExecuted() { m_executed = true; }

private:
    Database& m_writer;
    QString m_error;
    bool m_executed = false;
    bool m_undone = false;
};

} // namespace rapport
