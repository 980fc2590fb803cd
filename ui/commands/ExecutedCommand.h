#pragma once

#include "core/Result.h"

#include <QString>
#include <QUndoCommand>

#include <memory>

class QUndoStack;

namespace rapport {

// An undoable change that is made once before it goes on the undo stack, so that a change refused by the
// database (a constraint, a locked file) never becomes an entry to undo. Subclasses write in doRedo() and
// doUndo() and record a failure with check(); push() runs the command and stacks it if it succeeded.
class ExecutedCommand : public QUndoCommand
{
public:
    // Runs the change once; true if it succeeded, so the command belongs on the undo stack.
    bool execute();
    QString error() const { return m_error; }

    void redo() final;
    void undo() final { doUndo(); }

    // Executes `command` and, if it succeeded, pushes it onto `stack`; otherwise returns its error.
    static Status push(QUndoStack* stack, std::unique_ptr<ExecutedCommand> command);

protected:
    explicit ExecutedCommand(const QString& text);

    // Records the error of a failed step (or clears it); true if `result` succeeded.
    template <class T> bool check(const Result<T>& result)
    {
        m_error = result ? QString() : result.error();
        return result.ok();
    }
    virtual void doRedo() = 0;
    virtual void doUndo() = 0;

private:
    QString m_error;
    bool m_executed = false;
};

} // namespace rapport
