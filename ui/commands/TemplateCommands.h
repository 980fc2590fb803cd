#pragma once

#include "core/domain/Template.h"

#include "ui/commands/ExecutedCommand.h"
#include <QString>
#include <QVariant>

namespace rapport {

class Database;
class TemplateListModel;

// Undoable changes to templates. Each writes through TemplateRepository and keeps the list model in
// step. Run it with execute() before pushing it (ExecutedCommand::push): a command whose first run fails is not pushed,
// and its error is shown instead.
class TemplateCommand : public ExecutedCommand
{
protected:
    TemplateCommand(Database& database, TemplateListModel* model, const QString& text);

    Database& m_database;
    TemplateListModel* m_model;
};

class AddTemplateCommand : public TemplateCommand
{
public:
    AddTemplateCommand(Database& database, TemplateListModel* model, Template item, const QString& text);
    qint64 templateId() const { return m_template.id; }

protected:
    void doRedo() override;
    void doUndo() override;

private:
    Template m_template;
};

class RemoveTemplateCommand : public TemplateCommand
{
public:
    RemoveTemplateCommand(Database& database, TemplateListModel* model, Template item);

protected:
    void doRedo() override;
    void doUndo() override;

private:
    Template m_template;
};

// Renames a template, changes its kind or whom it is for (how we know them); the body is saved as the user
// types and is not part of it.
class SetTemplateFieldCommand : public TemplateCommand
{
public:
    enum class Field
    {
        Name,
        Kind,
        ForHowWeKnow, // a QStringList of HowWeKnow keys
    };
    SetTemplateFieldCommand(Database& database, TemplateListModel* model, qint64 id, Field field, QVariant before,
                            QVariant after);

protected:
    void doRedo() override { apply(m_after); }
    void doUndo() override { apply(m_before); }

private:
    void apply(const QVariant& value);

    qint64 m_id;
    Field m_field;
    QVariant m_before;
    QVariant m_after;
};

} // namespace rapport
