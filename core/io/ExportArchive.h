#pragma once

#include "core/Result.h"
#include "core/io/ImportFormats.h"

#include <QList>
#include <QString>

#include <memory>

class QIODevice;

namespace rapport {

// A ZIP archive, read with libzip: LinkedIn's data export as members download it
// (Basic_LinkedInDataExport_12-01-2026.zip, or Complete_…), with its CSV files at the top or in a folder.
//
// A file inside an archive is named by a path through it, as file managers show one:
// "/home/ada/Downloads/Basic_LinkedInDataExport_12-01-2026.zip/Connections.csv". openFile() opens such a path,
// or a plain file, so that everything that imports a file by its path (the CLI, the wizard, undo's redo) imports
// an archive's files too, streamed from the archive and never extracted to disk.
class ExportArchive
{
public:
    struct Entry
    {
        QString name; // its path inside the archive, with '/'
        qint64 size = 0; // uncompressed
        qint64 compressedSize = 0;
        bool encrypted = false;
        qint64 index = 0; // libzip's
    };

    ~ExportArchive();
    ExportArchive(const ExportArchive&) = delete;
    ExportArchive& operator=(const ExportArchive&) = delete;

    // Opens the archive and checks its directory: a file that is not a ZIP archive or whose directory is
    // damaged is refused.
    static Result<std::unique_ptr<ExportArchive>> open(const QString& path);
    // Whether `path` is a ZIP archive, by its first bytes.
    static bool isArchive(const QString& path);

    const QString& path() const { return m_path; }
    // Every file in it (folders left out), in the archive's order.
    const QList<Entry>& entries() const { return m_entries; }

    // Reads the entry as a device that can go back to its start (it is opened again), as the CSV reader
    // needs to read a file twice; the device keeps the archive open while it lives.
    Result<std::unique_ptr<QIODevice>> openEntry(const Entry& entry) const;
    // Reads the whole entry through, which checks every byte against its CRC: a damaged or encrypted entry
    // is refused with a line that says so.
    Status verify(const Entry& entry) const;

    // The LinkedIn files the archive holds, whatever their folder and letter case: Connections.csv,
    // Invitations.csv and messages.csv, in the order they are imported (see importPaths()).
    QList<Entry> linkedInFiles() const;
    // The format a LinkedIn file of the archive is, by its name.
    static std::optional<ImportFormat> linkedInFormat(const QString& entryName);

    // The paths through the archive at `path` of the LinkedIn files in it, in the order they are imported,
    // each one checked with verify(): an archive that holds none of them, or a damaged or encrypted one, is
    // refused. Connections first: they name a person as LinkedIn splits the name, with company, position and
    // email, so the contact is made from its richest row and the invitations and messages that name the same
    // person join it. Messages last, because a row of them refers to a contact it finds by profile URL or, in the
    // exports of 2018 without URLs, by name: the people must be there. (Stages need no order: they follow the
    // times of the requests and acceptances logged, whichever file brought them.)
    static Result<QStringList> importPaths(const QString& path);

    // A path through the archive at `archivePath` to its entry `entryName`.
    static QString entryPath(const QString& archivePath, const QString& entryName);
    // The archive a path through an archive lies in; empty for any other path.
    static QString archiveOf(const QString& path);
    // Opens a file to import: a plain file, or a file inside an archive named by a path through it.
    static Result<std::unique_ptr<QIODevice>> openFile(const QString& path);
    // Its size in bytes (uncompressed, for a file inside an archive); 0 when it cannot be read.
    static qint64 fileSize(const QString& path);

    // libzip's archive, kept open by the devices that read its files.
    struct Handle;

private:
    ExportArchive(QString path, std::shared_ptr<Handle> handle, QList<Entry> entries);

    QString m_path;
    std::shared_ptr<Handle> m_handle;
    QList<Entry> m_entries;
};

} // namespace rapport
