#pragma once

#include "core/io/ImportFormats.h"
#include "core/io/ImportUndo.h"
#include "core/io/Importer.h"

#include <QObject>

#include <atomic>

class QThread;

namespace rapport {

// Imports files into the database on a thread of its own, so the window keeps painting: it opens its own
// connection to the database file (a Qt Sql connection belongs to the thread that made it), fingerprints each
// file (for redo), and streams every file in one transaction, a batch at a time, so memory does not grow with
// the file. Its ImportCheckpoint for undo holds the largest ids and only the contacts the import merged into.
// cancel() rolls it all back. Once committed, it finds which of the contacts added are connections, for the
// wizard's last page.
class ImportWorker : public QObject
{
    Q_OBJECT

public:
    // `totalRecords`: the usable records of all the files, for progress.
    ImportWorker(QString databasePath, QList<ImportSource> files, qint64 totalRecords, QObject* parent = nullptr);
    ~ImportWorker() override; // cancels and waits for the thread

    void start();
    void cancel() { m_cancel = true; }
    bool isRunning() const;
    // Cancels and blocks until the thread has rolled back and ended.
    void cancelAndWait();

    // Valid once finished() was emitted.
    bool succeeded() const { return m_error.isEmpty() && !m_cancelled; }
    bool cancelled() const { return m_cancelled; }
    QString error() const { return m_error; }
    const QList<ImportSummary>& summaries() const { return m_summaries; }
    const ImportCheckpoint& checkpoint() const { return m_checkpoint; }
    // The files with their fingerprints as imported (valid once it succeeded).
    const QList<ImportSource>& files() const { return m_files; }
    // The contacts the import added that are connections (stage connected), by id: those one may now want
    // to keep in touch with.
    const QList<qint64>& addedConnections() const { return m_addedConnections; }

Q_SIGNALS:
    // Records applied out of all of them (emitted from the worker thread, received queued).
    void progress(qint64 done, qint64 total);
    void finished();

private:
    void run();

    QString m_path;
    QList<ImportSource> m_files;
    qint64 m_total = 0;
    QThread* m_thread = nullptr;
    std::atomic_bool m_cancel = false;
    // Written by the thread, read after finished().
    bool m_cancelled = false;
    QString m_error;
    QList<ImportSummary> m_summaries;
    ImportCheckpoint m_checkpoint;
    QList<qint64> m_addedConnections;
};

} // namespace rapport
