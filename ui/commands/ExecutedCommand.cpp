#include "ui/commands/ExecutedCommand.h"

#include "core/storage/WriteWait.h"
#include "ui/commands/PendingWrites.h"

#include <QUndoStack>

#include <utility>

namespace rapport {

ExecutedCommand::ExecutedCommand(const QString& text, Database& database)
    : QUndoCommand(text)
    , m_writer(database)
{
}

bool ExecutedCommand::execute()
{
    m_error.clear();
    {
        const BriefWriteWait brief(m_writer, kBriefWaitMs);
        doRedo();
    }
    m_executed = m_error.isEmpty();
    return m_executed;
}

bool ExecutedCommand::executeUndo()
{
    m_error.clear();
    {
        const BriefWriteWait brief(m_writer, kBriefWaitMs);
        doUndo();
    }
    m_undone = m_error.isEmpty();
    return m_undone;
}

bool ExecutedCommand::wasBusy() const
{
    return !m_error.isEmpty() && isBusyError(m_error);
}

void ExecutedCommand::redo()
{
    // QUndoStack::push() and redo() call redo(); the change was already made by execute().
    if (std::exchange(m_executed, false))
        return;
    // Called by the stack alone, nothing can refuse the step if it fails: the data must follow the history.
    m_error.clear();
    doRedo();
}

void ExecutedCommand::undo()
{
    if (std::exchange(m_undone, false))
        return;
    m_error.clear();
    doUndo();
}

Status ExecutedCommand::push(QUndoStack* stack, std::unique_ptr<ExecutedCommand> command)
{
    PendingWrites* pending = PendingWrites::of(stack);
    // Changes are made in the order they were asked for: behind one that waits, the next waits too.
    if (pending->isWaiting()) {
        pending->enqueue(std::move(command));
        return success();
    }
    if (command->execute()) {
        stack->push(command.release());
        return success();
    }
    if (command->wasBusy()) {
        pending->enqueue(std::move(command));
        return success();
    }
    return Error { command->error() };
}

} // namespace rapport
