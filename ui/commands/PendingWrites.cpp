#include "ui/commands/PendingWrites.h"

#include "ui/commands/ExecutedCommand.h"

#include <QEventLoop>
#include <QUndoStack>

#include <vector>

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
    add(Step { Kind::Push, std::move(command) });
}

void PendingWrites::undo()
{
    step(Kind::Undo);
}

void PendingWrites::redo()
{
    step(Kind::Redo);
}

void PendingWrites::add(Step step)
{
    const bool wasWaiting = isWaiting();
    m_queue.push_back(std::move(step));
    if (!wasWaiting) {
        m_timer.start();
        Q_EMIT waitingChanged(true);
    }
}

void PendingWrites::step(Kind kind)
{
    Step next { kind, nullptr };
    // Made in the order asked for: behind a change that waits, an undo waits too.
    if (isWaiting()) {
        add(std::move(next));
        return;
    }
    QString error;
    switch (attempt(next, &error)) {
    case Outcome::Made:
        return;
    case Outcome::Busy:
        add(std::move(next));
        return;
    case Outcome::Failed:
        Q_EMIT failed(error);
        return;
    }
}

PendingWrites::Outcome PendingWrites::attempt(Step& step, QString* error)
{
    ExecutedCommand* command = nullptr;
    bool made = false;
    switch (step.kind) {
    case Kind::Push:
        command = step.command.get();
        made = command->execute();
        if (made)
            m_stack->push(step.command.release()); // its redo() is the change just made
        break;
    case Kind::Undo:
    case Kind::Redo: {
        const bool undo = step.kind == Kind::Undo;
        // The history may have been forgotten meanwhile (a restore): nothing is left to undo or redo.
        if (undo ? !m_stack->canUndo() : !m_stack->canRedo())
            return Outcome::Made;
        const int index = undo ? m_stack->index() - 1 : m_stack->index();
        // The stack hands out its commands as const; they are ours, and running one is what the stack does.
        command = dynamic_cast<ExecutedCommand*>(const_cast<QUndoCommand*>(m_stack->command(index)));
        if (!command) {
            undo ? m_stack->undo() : m_stack->redo();
            return Outcome::Made;
        }
        made = undo ? command->executeUndo() : command->execute();
        if (made)
            undo ? m_stack->undo() : m_stack->redo(); // the index follows the data, the change is not made twice
        else if (!command->wasBusy())
            *error = (undo ? tr("Cannot undo “%1”: %2") : tr("Cannot redo “%1”: %2"))
                         .arg(command->text(), command->error());
        break;
    }
    }
    if (made)
        return Outcome::Made;
    if (command->wasBusy())
        return Outcome::Busy;
    if (error->isEmpty())
        *error = command->error();
    return Outcome::Failed;
}

void PendingWrites::retry()
{
    while (!m_queue.empty()) {
        QString error;
        const Outcome outcome = attempt(m_queue.front(), &error);
        if (outcome == Outcome::Busy)
            return; // still held: the timer comes back
        m_queue.pop_front();
        if (outcome == Outcome::Failed)
            Q_EMIT failed(error);
    }
    m_timer.stop();
    Q_EMIT waitingChanged(false);
}

QStringList PendingWrites::descriptions() const
{
    // The stack as it will be when each waiting step comes: a new change drops what could be redone.
    std::vector<QString> texts;
    for (int i = 0; i < m_stack->count(); ++i)
        texts.push_back(m_stack->text(i));
    std::size_t index = std::size_t(m_stack->index());
    QStringList described;
    for (const Step& step : m_queue) {
        switch (step.kind) {
        case Kind::Push:
            texts.resize(index);
            texts.push_back(step.command->text());
            described.append(texts.back());
            ++index;
            break;
        case Kind::Undo:
            if (index > 0)
                described.append(tr("Undo “%1”").arg(texts.at(--index)));
            break;
        case Kind::Redo:
            if (index < texts.size())
                described.append(tr("Redo “%1”").arg(texts.at(index++)));
            break;
        }
    }
    return described;
}

bool PendingWrites::waitUntilWritten(int milliseconds)
{
    if (isWaiting())
        retry();
    if (!isWaiting() || milliseconds <= 0)
        return !isWaiting();
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &PendingWrites::waitingChanged, &loop, [&loop](bool waiting) {
        if (!waiting)
            loop.quit();
    });
    deadline.start(milliseconds);
    loop.exec();
    return !isWaiting();
}

void PendingWrites::discard()
{
    if (!isWaiting())
        return;
    m_queue.clear();
    m_timer.stop();
    Q_EMIT waitingChanged(false);
}

} // namespace rapport
