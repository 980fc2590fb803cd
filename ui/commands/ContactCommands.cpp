#include "ui/commands/ContactCommands.h"

#include "core/storage/ContactOverview.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/KeepInTouchDates.h"
#include "ui/models/ContactTableModel.h"

#include <QCoreApplication>
#include <QLocale>

#include <utility>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactCommands", text);
}

} // namespace

ContactCommand::ContactCommand(Database& database, ContactTableModel* model, const QString& text)
    : ExecutedCommand(text, database)
    , m_database(database)
    , m_model(model)
{
}

void ContactCommand::refresh(qint64 contactId)
{
    if (!m_model)
        return;
    auto contact = ContactRepository(m_database).find(contactId);
    if (!contact) {
        m_model->removeId(contactId);
        return;
    }
    auto facts = ContactOverview::factsOf(m_database, contactId, QDateTime::currentDateTimeUtc());
    ContactFacts shown = facts.value_or({});
    // The next action comes from the whole week's plan, read again with the list.
    if (const int row = m_model->rowOf(contactId); row >= 0) {
        shown.nextAction = m_model->factsAt(row).nextAction;
        shown.nextActionDate = m_model->factsAt(row).nextActionDate;
    }
    m_model->upsert(*contact, shown);
}

AddContactCommand::AddContactCommand(Database& database, ContactTableModel* model, Contact contact)
    : ContactCommand(database, model, tr("Add “%1”").arg(contact.fullName()))
{
    m_contact.contact = std::move(contact);
}

void AddContactCommand::doRedo()
{
    if (m_contact.contact.id != 0) {
        // Brought back under its first id, with whatever was logged on it before the undo.
        if (check(ContactArchive::restore(m_database, m_contact)))
            refresh(m_contact.contact.id);
        return;
    }
    auto id = ContactRepository(m_database).add(m_contact.contact);
    if (!check(id))
        return;
    m_contact.contact = ContactRepository(m_database).find(*id).value_or(m_contact.contact);
    m_contact.contact.id = *id;
    refresh(*id);
}

void AddContactCommand::doUndo()
{
    auto current = ContactArchive::read(m_database, m_contact.contact.id);
    if (!check(current))
        return;
    m_contact = std::move(*current);
    if (check(ContactRepository(m_database).remove(m_contact.contact.id)))
        refresh(m_contact.contact.id);
}

EditContactCommand::EditContactCommand(Database& database, ContactTableModel* model, Contact before, Contact after)
    : ContactCommand(database, model, tr("Edit “%1”").arg(after.fullName()))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void EditContactCommand::apply(const Contact& contact)
{
    if (check(ContactRepository(m_database).update(contact)))
        refresh(contact.id);
}

RemoveContactsCommand::RemoveContactsCommand(Database& database, ContactTableModel* model, QList<qint64> ids)
    : ContactCommand(database, model,
                     ids.size() == 1 ? tr("Delete a contact")
                                     : tr("Delete %1 contacts").arg(QLocale().toString(ids.size())))
    , m_ids(std::move(ids))
{
}

void RemoveContactsCommand::doRedo()
{
    QList<ArchivedContact> archived;
    const Status removed = m_database.transaction([&]() -> Status {
        for (qint64 id : std::as_const(m_ids)) {
            auto one = ContactArchive::read(m_database, id);
            if (!one)
                return Error { one.error() };
            archived.append(std::move(*one));
            if (Status gone = ContactRepository(m_database).remove(id); !gone)
                return gone;
        }
        return success();
    });
    if (!check(removed))
        return;
    m_archived = std::move(archived);
    for (qint64 id : std::as_const(m_ids))
        refresh(id);
}

void RemoveContactsCommand::doUndo()
{
    const Status restored = m_database.transaction([&]() -> Status {
        for (const ArchivedContact& one : std::as_const(m_archived)) {
            if (Status back = ContactArchive::restore(m_database, one); !back)
                return back;
        }
        return success();
    });
    if (!check(restored))
        return;
    for (qint64 id : std::as_const(m_ids))
        refresh(id);
}

MergeContactsCommand::MergeContactsCommand(Database& database, ContactTableModel* model, Contact keptBefore,
                                           Contact merged, qint64 removedId)
    : ContactCommand(database, model, tr("Merge into “%1”").arg(keptBefore.fullName()))
    , m_before(std::move(keptBefore))
    , m_merged(std::move(merged))
    , m_removedId(removedId)
{
}

void MergeContactsCommand::doRedo()
{
    std::optional<ArchivedContact> removed;
    const Status merged = m_database.transaction([&]() -> Status {
        if (m_removedId != 0) {
            auto archived = ContactArchive::read(m_database, m_removedId);
            if (!archived)
                return Error { archived.error() };
            InteractionRepository log(m_database);
            for (Interaction entry : std::as_const(archived->interactions)) {
                entry.contactId = m_before.id;
                if (Status moved = log.update(entry); !moved)
                    return moved;
            }
            // Deleted before the update: the kept contact may take over its profile URL.
            if (Status gone = ContactRepository(m_database).remove(m_removedId); !gone)
                return gone;
            removed = std::move(*archived);
        }
        return ContactRepository(m_database).update(m_merged);
    });
    if (!check(merged))
        return;
    m_removed = std::move(removed);
    refresh(m_before.id);
    if (m_removedId != 0)
        refresh(m_removedId);
}

void MergeContactsCommand::doUndo()
{
    const Status split = m_database.transaction([&]() -> Status {
        if (Status back = ContactRepository(m_database).update(m_before, m_before.updatedAt); !back)
            return back;
        if (!m_removed)
            return success();
        // Its entries go back to it under their ids.
        InteractionRepository log(m_database);
        for (const Interaction& entry : std::as_const(m_removed->interactions)) {
            if (Status gone = log.remove(entry.id); !gone)
                return gone;
        }
        return ContactArchive::restore(m_database, *m_removed);
    });
    if (!check(split))
        return;
    refresh(m_before.id);
    if (m_removedId != 0)
        refresh(m_removedId);
}

namespace {

QString keepInTouchText(qsizetype count, int days)
{
    const QString contacts = QLocale().toString(count);
    if (days > 0)
        return count == 1 ? tr("Keep in touch with 1 contact") : tr("Keep in touch with %1 contacts").arg(contacts);
    return count == 1 ? tr("Stop keeping in touch with 1 contact")
                      : tr("Stop keeping in touch with %1 contacts").arg(contacts);
}

} // namespace

SetKeepInTouchCommand::SetKeepInTouchCommand(Database& database, ContactTableModel* model, QList<qint64> ids, int days)
    : ContactCommand(database, model, keepInTouchText(ids.size(), days))
    , m_ids(std::move(ids))
    , m_days(days)
{
}

void SetKeepInTouchCommand::doRedo()
{
    const bool first = m_before.isEmpty();
    if (first) {
        auto before = ContactRepository(m_database).keepInTouchDays(m_ids);
        if (!check(before))
            return;
        m_before = std::move(before).value();
        if (m_ids.size() == 1 && m_model && m_model->rowOf(m_ids.first()) >= 0) {
            const QString name = m_model->contactAt(m_model->rowOf(m_ids.first())).fullName();
            setText(m_days > 0 ? tr("Keep in touch with “%1”").arg(name)
                               : tr("Stop keeping in touch with “%1”").arg(name));
        }
    }
    if (!check(ContactRepository(m_database).setKeepInTouchDays(m_ids, m_days)))
        return;
    QHash<qint64, int> after;
    for (qint64 id : std::as_const(m_ids))
        after.insert(id, m_days);
    showInModel(after);
}

void SetKeepInTouchCommand::doUndo()
{
    // One statement for each cadence the contacts had: usually one or two.
    QHash<int, QList<qint64>> byDays;
    for (auto it = m_before.cbegin(); it != m_before.cend(); ++it)
        byDays[it.value()].append(it.key());
    const Status restored = m_database.transaction([&]() -> Status {
        for (auto it = byDays.cbegin(); it != byDays.cend(); ++it) {
            if (Status back = ContactRepository(m_database).setKeepInTouchDays(it.value(), it.key()); !back)
                return back;
        }
        return success();
    });
    if (check(restored))
        showInModel(m_before);
}

void SetKeepInTouchCommand::showInModel(const QHash<qint64, int>& ownDays)
{
    if (!m_model)
        return;
    auto dates = KeepInTouchDates::load(m_database);
    if (!dates) {
        // Stored all the same: the rows are read again one by one.
        for (auto it = ownDays.cbegin(); it != ownDays.cend(); ++it)
            refresh(it.key());
        return;
    }
    m_model->updateKeepInTouch(ownDays, *dates);
}

AddInteractionCommand::AddInteractionCommand(Database& database, ContactTableModel* model, Interaction interaction)
    : ContactCommand(database, model, tr("Log “%1”").arg(displayName(interaction.kind)))
    , m_interaction(std::move(interaction))
{
}

void AddInteractionCommand::doRedo()
{
    if (check(ContactArchive::addOrRestoreInteraction(m_database, m_interaction)))
        refresh(m_interaction.contactId);
}

void AddInteractionCommand::doUndo()
{
    if (check(InteractionRepository(m_database).remove(m_interaction.id)))
        refresh(m_interaction.contactId);
}

EditInteractionCommand::EditInteractionCommand(Database& database, ContactTableModel* model, Interaction before,
                                               Interaction after)
    : ContactCommand(database, model, tr("Edit “%1”").arg(displayName(after.kind)))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void EditInteractionCommand::apply(const Interaction& interaction)
{
    if (check(InteractionRepository(m_database).update(interaction)))
        refresh(interaction.contactId);
}

RemoveInteractionCommand::RemoveInteractionCommand(Database& database, ContactTableModel* model,
                                                   Interaction interaction)
    : ContactCommand(database, model, tr("Delete “%1”").arg(displayName(interaction.kind)))
    , m_interaction(std::move(interaction))
{
}

void RemoveInteractionCommand::doRedo()
{
    if (check(InteractionRepository(m_database).remove(m_interaction.id)))
        refresh(m_interaction.contactId);
}

void RemoveInteractionCommand::doUndo()
{
    if (check(ContactArchive::restoreInteraction(m_database, m_interaction)))
        refresh(m_interaction.contactId);
}

} // namespace rapport
