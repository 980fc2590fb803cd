#include "core/io/ArchiveImport.h"

#include "core/io/ExportArchive.h"
#include "core/storage/Database.h"

namespace rapport::ArchiveImport {

Result<QList<FileSummary>> run(Database& database, const QString& archivePath, const ImportOptions& options,
                               bool dryRun)
{
    auto paths = ExportArchive::importPaths(archivePath);
    if (!paths)
        return Error { paths.error() };
    QList<FileSummary> summaries;
    bool imported = false;
    const Status done = database.transaction([&]() -> Status {
        Importer importer(database);
        for (const QString& path : std::as_const(*paths)) {
            auto stream = ImportStream::openFile(path, options);
            if (!stream)
                return Error { QStringLiteral("%1: %2").arg(path, stream.error()) };
            auto summary = importer.apply(**stream);
            if (!summary)
                return Error { QStringLiteral("%1: %2").arg(path, summary.error()) };
            summaries.append({ path, std::move(*summary) });
        }
        imported = true;
        // A dry run ends here: failing the transaction takes back everything it wrote.
        return dryRun ? Status(Error {}) : success();
    });
    if (!imported || (!done && !dryRun))
        return Error { done.error() };
    return summaries;
}

} // namespace rapport::ArchiveImport
