#include "core/io/ExportArchive.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>

#include <zip.h>

#include <algorithm>
#include <array>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ExportArchive", text);
}

QString libzipError(int code)
{
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const QString text = QString::fromUtf8(zip_error_strerror(&error));
    zip_error_fini(&error);
    return text;
}

QString encryptedError(const QString& archive, const QString& entry)
{
    return tr("%1 is encrypted (%2 needs a password), and Rapport reads archives without one: download the "
              "export from LinkedIn again, or unpack it and import its CSV files.")
        .arg(QDir::toNativeSeparators(archive), entry);
}

QString damagedError(const QString& archive, const QString& why)
{
    return tr("%1 is damaged (%2): nothing was imported. Download the export from LinkedIn again.")
        .arg(QDir::toNativeSeparators(archive), why);
}

} // namespace

struct ExportArchive::Handle
{
    zip_t* zip = nullptr;
    ~Handle() { zip_discard(zip); }
};

namespace {

// An entry read through libzip as a random-access device: reading goes forward in the decompressed data, and
// going back reopens the entry and reads forward to the place (the CSV reader goes back only to the start).
class EntryDevice : public QIODevice
{
public:
    EntryDevice(std::shared_ptr<ExportArchive::Handle> archive, zip_uint64_t index, qint64 size)
        : m_archive(std::move(archive))
        , m_index(index)
        , m_size(size)
    {
    }
    ~EntryDevice() override { close(); }

    bool open(OpenMode mode) override
    {
        if ((mode & WriteOnly) || !rewind())
            return false;
        return QIODevice::open(mode);
    }

    void close() override
    {
        QIODevice::close();
        if (m_file)
            zip_fclose(m_file);
        m_file = nullptr;
    }

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }

    bool seek(qint64 pos) override
    {
        if (!QIODevice::seek(pos))
            return false;
        if (pos < m_offset && !rewind())
            return false;
        std::array<char, 64 * 1024> skipped;
        while (m_offset < pos) {
            if (readData(skipped.data(), std::min<qint64>(skipped.size(), pos - m_offset)) <= 0)
                return false;
        }
        return true;
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (!m_file)
            return -1;
        const zip_int64_t read = zip_fread(m_file, data, zip_uint64_t(maxSize));
        if (read < 0) {
            setErrorString(QString::fromUtf8(zip_file_strerror(m_file)));
            return -1;
        }
        m_offset += read;
        return read;
    }

    qint64 writeData(const char*, qint64) override { return -1; }

private:
    bool rewind()
    {
        if (m_file)
            zip_fclose(m_file);
        m_offset = 0;
        m_file = zip_fopen_index(m_archive->zip, m_index, 0);
        if (!m_file)
            setErrorString(QString::fromUtf8(zip_strerror(m_archive->zip)));
        return m_file != nullptr;
    }

    std::shared_ptr<ExportArchive::Handle> m_archive;
    zip_uint64_t m_index;
    qint64 m_size;
    zip_file_t* m_file = nullptr;
    qint64 m_offset = 0; // where m_file is in the decompressed data
};

// The archive a path through one names, and the entry's name in it; nothing for any other path.
std::optional<std::pair<QString, QString>> splitEntryPath(const QString& path)
{
    const QString normalized = QDir::fromNativeSeparators(path);
    if (QFileInfo::exists(normalized))
        return std::nullopt;
    for (qsizetype slash = normalized.lastIndexOf(u'/'); slash > 0; slash = normalized.lastIndexOf(u'/', slash - 1)) {
        const QFileInfo candidate(normalized.left(slash));
        if (candidate.isFile()) {
            if (!ExportArchive::isArchive(candidate.filePath()))
                return std::nullopt;
            return std::pair { candidate.filePath(), normalized.mid(slash + 1) };
        }
        if (candidate.exists())
            return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

ExportArchive::ExportArchive(QString path, std::shared_ptr<Handle> handle, QList<Entry> entries)
    : m_path(std::move(path))
    , m_handle(std::move(handle))
    , m_entries(std::move(entries))
{
}

ExportArchive::~ExportArchive() = default;

Result<std::unique_ptr<ExportArchive>> ExportArchive::open(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    file.close();
    int code = ZIP_ER_OK;
    auto handle = std::make_shared<Handle>();
    handle->zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!handle->zip) {
        if (code == ZIP_ER_NOZIP)
            return Error { tr("%1 is not a ZIP archive.").arg(QDir::toNativeSeparators(path)) };
        return Error { damagedError(path, libzipError(code)) };
    }
    QList<Entry> entries;
    const zip_int64_t count = zip_get_num_entries(handle->zip, 0);
    for (zip_int64_t index = 0; index < count; ++index) {
        zip_stat_t stat;
        if (zip_stat_index(handle->zip, zip_uint64_t(index), 0, &stat) != 0)
            return Error { damagedError(path, QString::fromUtf8(zip_strerror(handle->zip))) };
        const QString name = QString::fromUtf8(stat.name);
        if (name.endsWith(u'/'))
            continue; // a folder
        entries.append(
            { name, qint64(stat.size), qint64(stat.comp_size), stat.encryption_method != ZIP_EM_NONE, index });
    }
    return std::unique_ptr<ExportArchive>(new ExportArchive(path, std::move(handle), std::move(entries)));
}

bool ExportArchive::isArchive(const QString& path)
{
    if (QFileInfo(path).suffix().compare(u"zip", Qt::CaseInsensitive) == 0)
        return true;
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(4) == QByteArrayView("PK\x03\x04");
}

Result<std::unique_ptr<QIODevice>> ExportArchive::openEntry(const Entry& entry) const
{
    if (entry.encrypted)
        return Error { encryptedError(m_path, entry.name) };
    auto device = std::make_unique<EntryDevice>(m_handle, zip_uint64_t(entry.index), entry.size);
    if (!device->open(QIODevice::ReadOnly))
        return Error { damagedError(m_path, tr("%1: %2").arg(entry.name, device->errorString())) };
    return std::unique_ptr<QIODevice>(std::move(device));
}

Status ExportArchive::verify(const Entry& entry) const
{
    auto device = openEntry(entry);
    if (!device)
        return Error { device.error() };
    std::array<char, 64 * 1024> buffer;
    qint64 read = 0;
    while ((read = (*device)->read(buffer.data(), buffer.size())) > 0) { }
    if (read < 0)
        return Error { damagedError(m_path, tr("%1: %2").arg(entry.name, (*device)->errorString())) };
    return success();
}

std::optional<ImportFormat> ExportArchive::linkedInFormat(const QString& entryName)
{
    const QString file = entryName.section(u'/', -1).toLower();
    if (file == u"connections.csv")
        return ImportFormat::LinkedInConnections;
    if (file == u"invitations.csv")
        return ImportFormat::LinkedInInvitations;
    if (file == u"messages.csv")
        return ImportFormat::LinkedInMessages;
    return std::nullopt;
}

QList<ExportArchive::Entry> ExportArchive::linkedInFiles() const
{
    QList<Entry> files;
    for (const Entry& entry : m_entries) {
        if (linkedInFormat(entry.name))
            files.append(entry);
    }
    // The formats are declared in the order they import: connections, invitations, messages.
    std::stable_sort(files.begin(), files.end(),
                     [](const Entry& a, const Entry& b) { return *linkedInFormat(a.name) < *linkedInFormat(b.name); });
    return files;
}

Result<QStringList> ExportArchive::importPaths(const QString& path)
{
    auto archive = open(path);
    if (!archive)
        return Error { archive.error() };
    const QList<Entry> files = (*archive)->linkedInFiles();
    if (files.isEmpty()) {
        return Error { tr("%1 holds no Connections.csv, Invitations.csv or messages.csv: is it LinkedIn's data "
                          "export?")
                           .arg(QDir::toNativeSeparators(path)) };
    }
    QStringList paths;
    for (const Entry& entry : files) {
        if (Status whole = (*archive)->verify(entry); !whole)
            return Error { whole.error() };
        paths.append(entryPath(path, entry.name));
    }
    return paths;
}

QString ExportArchive::entryPath(const QString& archivePath, const QString& entryName)
{
    return QDir::fromNativeSeparators(archivePath) + u'/' + entryName;
}

QString ExportArchive::archiveOf(const QString& path)
{
    const auto split = splitEntryPath(path);
    return split ? split->first : QString();
}

qint64 ExportArchive::fileSize(const QString& path)
{
    if (const auto split = splitEntryPath(path)) {
        if (auto archive = open(split->first)) {
            for (const Entry& entry : (*archive)->entries()) {
                if (entry.name == split->second)
                    return entry.size;
            }
        }
        return 0;
    }
    return QFileInfo(path).size();
}

Result<std::unique_ptr<QIODevice>> ExportArchive::openFile(const QString& path)
{
    if (const auto split = splitEntryPath(path)) {
        auto archive = open(split->first);
        if (!archive)
            return Error { archive.error() };
        for (const Entry& entry : (*archive)->entries()) {
            if (entry.name == split->second)
                return (*archive)->openEntry(entry);
        }
        return Error { tr("%1 holds no file %2.").arg(QDir::toNativeSeparators(split->first), split->second) };
    }
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return Error { tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), file->errorString()) };
    return std::unique_ptr<QIODevice>(std::move(file));
}

} // namespace rapport
