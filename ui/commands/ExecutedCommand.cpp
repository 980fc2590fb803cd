#include "ui/commands/ExecutedCommand.h"

#include <QUndoStack>

#include <utility>

namespace rapport {

ExecutedCommand::ExecutedCommand(const QString& text)
    : QUndoCommand(text)
{
}

bool ExecutedCommand::execute()
{
    m_error.clear();
    doRedo();
    m_executed = m_error.isEmpty();
    return m_executed;
}

void ExecutedCommand::redo()
{
    // QUndoStack::push() calls redo(); the change was already made by execute().
    if (std::exchange(m_executed, false))
        return;
    doRedo();
}

Status ExecutedCommand::push(QUndoStack* stack, std::unique_ptr<ExecutedCommand> command)
{
    if (!command->execute())
        return Error { command->error() };
    stack->push(command.release());
    return success();
}

} // namespace rapport
