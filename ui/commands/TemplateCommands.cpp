#include "ui/commands/TemplateCommands.h"

#include "core/storage/TemplateRepository.h"
#include "ui/models/TemplateListModel.h"

#include <QCoreApplication>

#include <utility>

namespace rapport {

TemplateCommand::TemplateCommand(Database& database, TemplateListModel* model, const QString& text)
    : ExecutedCommand(text, database)
    , m_database(database)
    , m_model(model)
{
}

AddTemplateCommand::AddTemplateCommand(Database& database, TemplateListModel* model, Template item, const QString& text)
    : TemplateCommand(database, model, text)
    , m_template(std::move(item))
{
}

void AddTemplateCommand::doRedo()
{
    // The first redo assigns the id; later ones bring the template back under it.
    auto id = TemplateRepository(m_database).add(m_template);
    if (!check(id))
        return;
    m_template.id = *id;
    if (auto stored = TemplateRepository(m_database).find(*id))
        m_template = *stored;
    m_model->upsert(m_template);
}

void AddTemplateCommand::doUndo()
{
    if (auto current = TemplateRepository(m_database).find(m_template.id))
        m_template = *current; // keep what was typed since, for redo
    const Status removed = TemplateRepository(m_database).remove(m_template.id);
    if (check(removed))
        m_model->removeId(m_template.id);
}

RemoveTemplateCommand::RemoveTemplateCommand(Database& database, TemplateListModel* model, Template item)
    : TemplateCommand(database, model, QCoreApplication::translate("TemplatesView", "Delete “%1”").arg(item.name))
    , m_template(std::move(item))
{
}

void RemoveTemplateCommand::doRedo()
{
    if (auto current = TemplateRepository(m_database).find(m_template.id))
        m_template = *current;
    const Status removed = TemplateRepository(m_database).remove(m_template.id);
    if (check(removed))
        m_model->removeId(m_template.id);
}

void RemoveTemplateCommand::doUndo()
{
    auto id = TemplateRepository(m_database).add(m_template);
    if (check(id))
        m_model->upsert(m_template);
}

SetTemplateFieldCommand::SetTemplateFieldCommand(Database& database, TemplateListModel* model, qint64 id, Field field,
                                                 QVariant before, QVariant after)
    : TemplateCommand(database, model,
                      field == Field::Name ? QCoreApplication::translate("TemplatesView", "Rename template")
                          : field == Field::Kind
                          ? QCoreApplication::translate("TemplatesView", "Change template kind")
                          : QCoreApplication::translate("TemplatesView", "Change whom a note is for"))
    , m_id(id)
    , m_field(field)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void SetTemplateFieldCommand::apply(const QVariant& value)
{
    TemplateRepository repository(m_database);
    auto current = repository.find(m_id);
    if (!check(current))
        return;
    Template changed = *current;
    switch (m_field) {
    case Field::Name:
        changed.name = value.toString();
        break;
    case Field::Kind:
        changed.kind = TemplateKind(value.toInt());
        break;
    case Field::ForHowWeKnow:
        changed.forHowWeKnow = value.toStringList();
        break;
    }
    const Status updated = repository.update(changed);
    if (!check(updated))
        return;
    m_model->upsert(repository.find(m_id).value());
}

} // namespace rapport
