#pragma once

#include "core/cadence/PlanAdjustment.h"
#include "core/domain/Interaction.h"

#include "ui/commands/ExecutedCommand.h"

#include <functional>
#include <optional>

namespace rapport {

class Database;

// Undoable actions taken from the week's cards. Each writes through core and then calls `changed`, after
// every redo and undo, so the plan and its progress follow at once.
class PlanCommand : public ExecutedCommand
{
protected:
    PlanCommand(Database& database, const QString& text, std::function<void()> changed);
    void notify() const;

    Database& m_database;

private:
    std::function<void()> m_changed;
};

// Logs what a card asked for (a request sent, content shared, ...); undo deletes the entry, redo brings it
// back under its id.
class LogPlanActionCommand : public PlanCommand
{
public:
    LogPlanActionCommand(Database& database, Interaction interaction, const QString& text,
                         std::function<void()> changed);
    qint64 interactionId() const { return m_interaction.id; }

protected:
    void doRedo() override;
    void doUndo() override;

private:
    Interaction m_interaction;
};

// Moves, snoozes or skips a card (a PlanAdjustment); undo puts back what was stored before, if anything.
class AdjustPlanCommand : public PlanCommand
{
public:
    AdjustPlanCommand(Database& database, PlanAdjustment after, std::optional<PlanAdjustment> before,
                      const QString& text, std::function<void()> changed);

protected:
    void doRedo() override;
    void doUndo() override;

private:
    PlanAdjustment m_after;
    std::optional<PlanAdjustment> m_before;
};

} // namespace rapport
