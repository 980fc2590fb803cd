#pragma once

#include "core/io/ImportFormats.h"
#include "core/io/ImportUndo.h"
#include "core/io/Importer.h"

#include <QObject>

#include <atomic>

class QThread;

namespace rapport {

// Applies parsed files to the database on a thread of its own, so the window keeps painting: it opens its
// own connection to the database file (a Qt Sql connection belongs to the thread that made it), takes an
// ImportCheckpoint for undo, then imports every file in one transaction. cancel() rolls it all back. Once
// committed, it finds which of the contacts added are connections, for the wizard's last page.
class ImportWorker : public QObject
{
    Q_OBJECT

public:
    ImportWorker(QString databasePath, QList<ParsedImport> files, QObject* parent = nullptr);
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
    const QList<ParsedImport>& files() const { return m_files; }
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
    QList<ParsedImport> m_files;
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
