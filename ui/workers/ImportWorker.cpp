#include "ui/workers/ImportWorker.h"

#include "core/storage/ContactOverview.h"
#include "core/storage/Database.h"

#include <QThread>

#include <algorithm>

namespace rapport {

ImportWorker::ImportWorker(QString databasePath, QList<ParsedImport> files, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_files(std::move(files))
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
    qint64 total = 0;
    for (const ParsedImport& file : std::as_const(m_files))
        total += file.records.size();
    const Status done = (*database)->transaction([&]() -> Status {
        auto point = ImportUndo::checkpoint(**database);
        if (!point)
            return Error { point.error() };
        m_checkpoint = std::move(*point);
        Importer importer(**database);
        qint64 before = 0;
        for (const ParsedImport& file : std::as_const(m_files)) {
            // The importer counts its own steps; the window counts rows, this file's share of them.
            const qint64 rows = file.records.size();
            auto summary = importer.apply(file, [&](qint64 step, qint64 steps) {
                Q_EMIT progress(before + (steps > 0 ? std::min(step, steps) * rows / steps : rows), total);
                return !m_cancel.load();
            });
            if (!summary)
                return Error { summary.error() };
            m_summaries.append(std::move(*summary));
            before += file.records.size();
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
    // Committed: what is read now only helps the wizard say what came in, so a failure costs nothing more.
    if (auto overview = ContactOverview::load(**database, QDateTime::currentDateTimeUtc())) {
        for (const Contact& contact : std::as_const(overview->contacts)) {
            if (contact.id > m_checkpoint.lastContactId && overview->facts.value(contact.id).stage == Stage::Connected)
                m_addedConnections.append(contact.id);
        }
    }
}

} // namespace rapport
