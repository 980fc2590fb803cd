#include "ui/workers/ImportWorker.h"

#include "core/storage/ContactOverview.h"
#include "core/storage/Database.h"

#include <QThread>

#include <algorithm>

namespace rapport {

namespace {

constexpr qint64 kMaxContactsRead = 100000;

} // namespace

ImportWorker::ImportWorker(QString databasePath, QList<ImportSource> files, qint64 totalRecords, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_files(std::move(files))
    , m_total(totalRecords)
{
}

ImportWorker::~ImportWorker()
{
    cancelAndWait();
}

void ImportWorker::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] { run(); });
    m_thread->setParent(this);
    connect(m_thread, &QThread::finished, this, &ImportWorker::finished);
    m_thread->start();
}

bool ImportWorker::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ImportWorker::cancelAndWait()
{
    if (!m_thread)
        return;
    m_cancel = true;
    m_thread->wait();
}

void ImportWorker::run()
{
    auto database = Database::open(m_path);
    if (!database) {
        m_error = database.error();
        return;
    }
    for (ImportSource& file : m_files) {
        auto print = ImportUndo::fingerprint(file.path);
        if (!print) {
            m_error = print.error();
            return;
        }
        file.fingerprint = std::move(*print);
    }
    const Status done = (*database)->transaction([&]() -> Status {
        auto point = ImportUndo::mark(**database);
        if (!point)
            return Error { point.error() };
        m_checkpoint = std::move(*point);
        Importer importer(**database);
        importer.setBeforeMerge([&](qint64 id) { return ImportUndo::remember(**database, m_checkpoint, id); });
        qint64 before = 0;
        for (const ImportSource& file : std::as_const(m_files)) {
            qint64 records = 0;
            auto summary = ImportUndo::importFile(importer, file, [&](qint64 placed) {
                records = placed;
                Q_EMIT progress(before + placed, m_total);
                return !m_cancel.load();
            });
            if (!summary)
                return Error { summary.error() };
            m_summaries.append(std::move(*summary));
            before += records;
        }
        // The last chance to change one's mind: nothing is committed yet.
        if (m_cancel)
            return Error { tr("The import was cancelled.") };
        return success();
    });
    m_cancelled = !done && m_cancel.load();
    if (!done) {
        if (!m_cancelled)
            m_error = done.error();
        m_summaries.clear();
        return;
    }
    // Committed: what is read now only helps the wizard say what came in, so a failure costs nothing more. It
    // reads every contact: past kMaxContactsRead (ids only grow, so the largest bounds their number) the offer
    // is left out rather than taking memory that grows with the database.
    qint64 added = 0;
    for (const ImportSummary& summary : std::as_const(m_summaries))
        added += summary.contactsAdded;
    if (m_checkpoint.lastContactId + added > kMaxContactsRead)
        return;
    if (auto overview = ContactOverview::load(**database, QDateTime::currentDateTimeUtc())) {
        for (const Contact& contact : std::as_const(overview->contacts)) {
            if (contact.id > m_checkpoint.lastContactId && overview->facts.value(contact.id).stage == Stage::Connected)
                m_addedConnections.append(contact.id);
        }
    }
}

} // namespace rapport
