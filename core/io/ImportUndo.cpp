#include "core/io/ImportUndo.h"

#include "core/io/ExportArchive.h"
#include "core/io/ImportReader.h"
#include "core/io/Importer.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace rapport::ImportUndo {

namespace {

Result<qint64> largestId(Database& database, const QString& table)
{
    // sql: identifiers only (the table name comes from this file, never from input)
    auto query = sql::exec(database.connection(), QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(table));
    if (!query)
        return Error { query.error() };
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

} // namespace

Result<ImportCheckpoint> checkpoint(Database& database)
{
    auto point = mark(database);
    if (!point)
        return point;
    auto contacts = ContactRepository(database).all();
    if (!contacts)
        return Error { contacts.error() };
    point->contacts = std::move(*contacts);
    return point;
}

Status remember(Database& database, ImportCheckpoint& checkpoint, qint64 contactId)
{
    auto contact = ContactRepository(database).find(contactId);
    if (!contact)
        return Error { contact.error() };
    checkpoint.contacts.append(std::move(*contact));
    return success();
}

Result<ImportCheckpoint> mark(Database& database)
{
    ImportCheckpoint point;
    auto lastContact = largestId(database, QStringLiteral("contacts"));
    if (!lastContact)
        return Error { lastContact.error() };
    auto lastInteraction = largestId(database, QStringLiteral("interactions"));
    if (!lastInteraction)
        return Error { lastInteraction.error() };
    point.lastContactId = *lastContact;
    point.lastInteractionId = *lastInteraction;
    return point;
}

Status rollBack(Database& database, const ImportCheckpoint& checkpoint)
{
    return database.transaction([&]() -> Status {
        // The entries first: some of them belong to contacts that stay.
        auto entries = sql::exec(database.connection(), QStringLiteral("DELETE FROM interactions WHERE id > ?"),
                                 { checkpoint.lastInteractionId });
        if (!entries)
            return Error { entries.error() };
        auto added = sql::exec(database.connection(), QStringLiteral("DELETE FROM contacts WHERE id > ?"),
                               { checkpoint.lastContactId });
        if (!added)
            return Error { added.error() };
        // One contact at a time: the checkpoint may hold only the merged ones, and the database millions.
        ContactRepository repository(database);
        for (const Contact& before : checkpoint.contacts) {
            auto after = repository.find(before.id);
            if (after && *after == before)
                continue;
            if (!after)
                return Error { QCoreApplication::translate(
                                   "ImportUndo",
                                   "The contact %1 was deleted since the import, which can no longer be undone.")
                                   .arg(before.fullName()) };
            if (Status restored = repository.update(before, before.updatedAt); !restored)
                return restored;
        }
        return success();
    });
}

Result<QByteArray> fingerprint(const QString& path)
{
    // A file inside an archive is the same as long as the archive is.
    const QString archive = ExportArchive::archiveOf(path);
    QFile file(archive.isEmpty() ? path : archive);
    if (!file.open(QIODevice::ReadOnly))
        return Error { QCoreApplication::translate("ImportUndo", "Cannot read %1: %2")
                           .arg(QDir::toNativeSeparators(path), file.errorString()) };
    QCryptographicHash hash(QCryptographicHash::Sha1);
    if (!hash.addData(&file))
        return Error { QCoreApplication::translate("ImportUndo", "Cannot read %1: %2")
                           .arg(QDir::toNativeSeparators(path), file.errorString()) };
    const QFileInfo info(file);
    return QByteArray::number(info.size()) + ':' + QByteArray::number(info.lastModified().toMSecsSinceEpoch()) + ':'
        + hash.result().toHex();
}

Result<ImportSummary> importFile(Importer& importer, const ImportSource& source,
                                 const std::function<bool(qint64 placed)>& placed)
{
    if (!source.fingerprint.isEmpty()) {
        auto now = fingerprint(source.path);
        if (!now || *now != source.fingerprint)
            return Error { QCoreApplication::translate("ImportUndo",
                                                       "%1 changed or is gone since it was imported, so the import "
                                                       "cannot be made again from it. Import the file anew instead.")
                               .arg(QDir::toNativeSeparators(source.path)) };
    }
    if (source.dialect) {
        auto parsed = ImportReader::readFile(source.path, source.dialect, source.options);
        if (!parsed)
            return Error { parsed.error() };
        return importer.apply(*parsed, [&](qint64 done, qint64) { return !placed || placed(done); });
    }
    auto stream = ImportStream::openFile(source.path, source.options);
    if (!stream)
        return Error { stream.error() };
    qint64 records = 0;
    importer.setRecordsPlaced([&](qint64 done) { records = done; });
    auto summary = importer.apply(**stream, [&](qint64, qint64) { return !placed || placed(records); });
    importer.setRecordsPlaced({});
    return summary;
}

} // namespace rapport::ImportUndo
