#pragma once

#include "core/domain/Contact.h"
#include "core/domain/Interaction.h"
#include "core/storage/ContactArchive.h"

#include "ui/commands/ExecutedCommand.h"
#include <QString>

#include <optional>

namespace rapport {

class Database;
class ContactTableModel;

// Undoable changes to contacts and their logs. Each writes through the core repositories (several rows in
// one transaction) and keeps the contacts model in step, row by row. Run it with execute() before pushing
// it (ExecutedCommand::push): a command whose first run fails is not pushed, and its error is shown instead.
class ContactCommand : public ExecutedCommand
{
protected:
    ContactCommand(Database& database, ContactTableModel* model, const QString& text);
    // Reads the contact's row again (its stage and last interaction may have changed), or drops it.
    void refresh(qint64 contactId);

    Database& m_database;
    ContactTableModel* m_model;
};

class AddContactCommand : public ContactCommand
{
public:
    AddContactCommand(Database& database, ContactTableModel* model, Contact contact);
    qint64 contactId() const { return m_contact.contact.id; }

protected:
    void doRedo() override;
    void doUndo() override;

private:
    ArchivedContact m_contact; // with the interactions logged on it since, once undone
};

class EditContactCommand : public ContactCommand
{
public:
    EditContactCommand(Database& database, ContactTableModel* model, Contact before, Contact after);

protected:
    void doRedo() override { apply(m_after); }
    void doUndo() override { apply(m_before); }

private:
    void apply(const Contact& contact);

    Contact m_before;
    Contact m_after;
};

// Deletes one or more contacts with their logs; undo brings them back under their ids.
class RemoveContactsCommand : public ContactCommand
{
public:
    RemoveContactsCommand(Database& database, ContactTableModel* model, QList<qint64> ids);

protected:
    void doRedo() override;
    void doUndo() override;

private:
    QList<qint64> m_ids;
    QList<ArchivedContact> m_archived;
};

// Makes two records of the same person one: `kept` takes the merged fields and, when `removedId` is set,
// that contact's log; that contact is then deleted.
class MergeContactsCommand : public ContactCommand
{
public:
    MergeContactsCommand(Database& database, ContactTableModel* model, Contact keptBefore, Contact merged,
                         qint64 removedId = 0);

protected:
    void doRedo() override;
    void doUndo() override;

private:
    Contact m_before;
    Contact m_merged;
    qint64 m_removedId;
    std::optional<ArchivedContact> m_removed;
};

// Gives every contact of `ids` the keep-in-touch cadence `days` (0 for none), in one statement; undo puts
// each one's own cadence back. The contacts list follows with one reading of the cadences, not one per
// contact, so that thousands of contacts change at once.
class SetKeepInTouchCommand : public ContactCommand
{
public:
    SetKeepInTouchCommand(Database& database, ContactTableModel* model, QList<qint64> ids, int days);

protected:
    void doRedo() override;
    void doUndo() override;

private:
    void showInModel(const QHash<qint64, int>& ownDays);

    QList<qint64> m_ids;
    int m_days;
    QHash<qint64, int> m_before; // each one's own cadence before the first run
};

class AddInteractionCommand : public ContactCommand
{
public:
    AddInteractionCommand(Database& database, ContactTableModel* model, Interaction interaction);
    qint64 interactionId() const { return m_interaction.id; }

protected:
    void doRedo() override;
    void doUndo() override;

private:
    Interaction m_interaction;
};

class EditInteractionCommand : public ContactCommand
{
public:
    EditInteractionCommand(Database& database, ContactTableModel* model, Interaction before, Interaction after);

protected:
    void doRedo() override { apply(m_after); }
    void doUndo() override { apply(m_before); }

private:
    void apply(const Interaction& interaction);

    Interaction m_before;
    Interaction m_after;
};

class RemoveInteractionCommand : public ContactCommand
{
public:
    RemoveInteractionCommand(Database& database, ContactTableModel* model, Interaction interaction);

protected:
    void doRedo() override;
    void doUndo() override;

private:
    Interaction m_interaction;
};

} // namespace rapport
