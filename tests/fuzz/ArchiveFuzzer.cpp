// libFuzzer target for LinkedIn's export archive: the bytes as a ZIP file dropped on the window. The archive
// is opened (libzip checks its directory), every entry is read and verified, and the LinkedIn files in it
// are imported as `rapport-cli import ARCHIVE` reads them, through the paths into the archive. Any crash,
// hang, sanitizer report or runaway allocation is a finding.
#include "core/io/ExportArchive.h"
#include "core/io/ImportFormats.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QIODevice>

#include <cstddef>
#include <cstdint>

namespace {

using namespace rapport;

// libzip opens archives by path: the input is written to one file per process, in memory where there is tmpfs.
QString archivePath()
{
    static const QString path = [] {
        const QString dir = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
        return dir + QStringLiteral("/rapport-archive-fuzzer-%1.zip").arg(QCoreApplication::applicationPid());
    }();
    return path;
}

// Reads a device to its end, up to a bound, as the import would stream it.
void drain(QIODevice* device)
{
    char chunk[16384];
    qint64 total = 0;
    for (qint64 read; total < (64 << 20) && (read = device->read(chunk, sizeof chunk)) > 0;)
        total += read;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString path = archivePath();
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            __builtin_trap();
        file.write(reinterpret_cast<const char*>(data), qint64(size));
    }
    if (auto archive = ExportArchive::open(path)) {
        for (const ExportArchive::Entry& entry : (*archive)->entries()) {
            (void)(*archive)->verify(entry);
            if (auto device = (*archive)->openEntry(entry)) {
                drain(device->get());
                // Back to its start, as the CSV reader goes when it has sniffed the file.
                if ((*device)->seek(0))
                    drain(device->get());
            }
        }
    }
    if (auto paths = ExportArchive::importPaths(path)) {
        for (const QString& file : std::as_const(*paths))
            (void)ImportFormats::readFile(file);
    }
    return 0;
}
