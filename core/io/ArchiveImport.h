#pragma once

#include "core/Result.h"
#include "core/io/ImportFormats.h"
#include "core/io/Importer.h"

#include <QList>

namespace rapport {

class Database;

// Importing LinkedIn's data export as it is downloaded, a ZIP archive (ExportArchive): its Connections.csv,
// Invitations.csv and messages.csv, whichever it holds, in ExportArchive::importPaths()'s order, in one
// transaction, so that either every file is imported or none. Each file is streamed from the archive.
namespace ArchiveImport {

struct FileSummary
{
    QString path; // the path through the archive (ExportArchive::entryPath)
    ImportSummary summary;
};

// `options` apply to every file (the user's own name for messages.csv; a format is detected per file). A dry
// run imports the same way and takes it all back, so that its counts are those of the import, each file seeing
// the contacts the files before it brought.
Result<QList<FileSummary>> run(Database& database, const QString& archivePath, const ImportOptions& options,
                               bool dryRun);

} // namespace ArchiveImport

} // namespace rapport
