#include "ui/commands/PlanCommands.h"

#include "core/storage/ContactArchive.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/PlanAdjustmentRepository.h"

namespace rapport {

PlanCommand::PlanCommand(Database& database, const QString& text, std::function<void()> changed)
    : ExecutedCommand(text, database)
    , m_database(database)
    , m_changed(std::move(changed))
{
}

void PlanCommand::notify() const
{
    if (m_changed)
        m_changed();
}

LogPlanActionCommand::LogPlanActionCommand(Database& database, Interaction interaction, const QString& text,
                                           std::function<void()> changed)
    : PlanCommand(database, text, std::move(changed))
    , m_interaction(std::move(interaction))
{
}

void LogPlanActionCommand::doRedo()
{
    if (check(ContactArchive::addOrRestoreInteraction(m_database, m_interaction)))
        notify();
}

void LogPlanActionCommand::doUndo()
{
    if (check(InteractionRepository(m_database).remove(m_interaction.id)))
        notify();
}

AdjustPlanCommand::AdjustPlanCommand(Database& database, PlanAdjustment after, std::optional<PlanAdjustment> before,
                                     const QString& text, std::function<void()> changed)
    : PlanCommand(database, text, std::move(changed))
    , m_after(std::move(after))
    , m_before(std::move(before))
{
}

void AdjustPlanCommand::doRedo()
{
    if (check(PlanAdjustmentRepository(m_database).set(m_after)))
        notify();
}

void AdjustPlanCommand::doUndo()
{
    PlanAdjustmentRepository adjustments(m_database);
    const Status restored = m_before ? adjustments.set(*m_before)
                                     : adjustments.remove(m_after.contactId, m_after.kind, m_after.weekStart);
    if (check(restored))
        notify();
}

} // namespace rapport
