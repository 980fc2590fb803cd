#include "core/io/Exporter.h"

#include "core/domain/KeepInTouch.h"

#include "core/io/CsvWriter.h"
#include "core/io/Json.h"
#include "core/storage/ContactColumns.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

#include <functional>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Exporter", text);
}

Result<int> writeFile(const QString& path, const QStringList& header,
                      const std::function<Result<int>(CsvWriter& writer)>& writeRows)
{
    // Writing goes to a new file renamed over the target: a device or a pipe would be replaced by a file.
    if (const QFileInfo target(path); target.exists() && !target.isFile()) {
        return Error { tr("%1 is not a regular file: export writes to a file, new or existing.")
                           .arg(QDir::toNativeSeparators(path)) };
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    // Contacts are as private as the database they come from, whatever the umask.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    CsvWriter writer(&file);
    if (!writer.writeRow(header))
        return Error { tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    auto rows = writeRows(writer);
    if (!rows) {
        file.cancelWriting();
        return rows;
    }
    if (!file.commit())
        return Error { tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    return rows;
}

} // namespace

Exporter::Exporter(Database& database)
    : m_database(database)
{
}

QStringList Exporter::contactColumns()
{
    return contact_columns::exported();
}

QStringList Exporter::interactionColumns()
{
    return { QStringLiteral("contact_profile_url"),
             QStringLiteral("contact_email"),
             QStringLiteral("contact_name"),
             QStringLiteral("kind"),
             QStringLiteral("occurred_at"),
             QStringLiteral("template"),
             QStringLiteral("text"),
             QStringLiteral("url") };
}

Result<int> Exporter::exportContacts(const QString& path)
{
    auto contacts = ContactRepository(m_database).all();
    if (!contacts)
        return Error { contacts.error() };
    return writeFile(path, contactColumns(), [&](CsvWriter& writer) -> Result<int> {
        for (const Contact& contact : std::as_const(*contacts)) {
            QStringList row;
            for (const QString& column : contactColumns()) {
                if (column == u"id") {
                    row.append(QString::number(contact.id));
                } else if (column == u"tags") {
                    row.append(joinTags(contact.tags));
                } else if (column == u"starred") {
                    row.append(contact.starred ? QStringLiteral("true") : QStringLiteral("false"));
                } else if (column == u"created_at") {
                    row.append(Json::isoUtc(contact.createdAt));
                } else if (column == u"keep_in_touch") {
                    row.append(contact.keepInTouchDays > 0 ? keep_in_touch::toKey(contact.keepInTouchDays) : QString());
                } else {
                    for (const ContactTextField& field : kContactTextFields) {
                        if (column == QLatin1StringView(field.name))
                            row.append(contact.*field.member);
                    }
                }
            }
            if (!writer.writeRow(row))
                return Error { tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)) };
        }
        return int(contacts->size());
    });
}

Result<int> Exporter::exportInteractions(const QString& path)
{
    auto contacts = ContactRepository(m_database).all();
    if (!contacts)
        return Error { contacts.error() };
    auto log = InteractionRepository(m_database).all();
    if (!log)
        return Error { log.error() };
    QHash<qint64, qsizetype> byId;
    for (qsizetype i = 0; i < contacts->size(); ++i)
        byId.insert(contacts->at(i).id, i);
    return writeFile(path, interactionColumns(), [&](CsvWriter& writer) -> Result<int> {
        for (const Interaction& entry : std::as_const(*log)) {
            const Contact& contact = contacts->at(byId.value(entry.contactId));
            if (!writer.writeRow({ contact.profileUrl, contact.email, contact.fullName(), toKey(entry.kind),
                                   Json::isoUtc(entry.occurredAt), entry.templateName, entry.text, entry.url }))
                return Error { tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)) };
        }
        return int(log->size());
    });
}

} // namespace rapport
