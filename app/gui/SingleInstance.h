#pragma once

#include "core/Result.h"

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace rapport {

// One Rapport per database (never two writers on one file): the first to start listens on a local socket
// named after the user and the database; the next ones hand it their command line's files and exit.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(QString key, QObject* parent = nullptr);
    ~SingleInstance() override;

    // The key for `databasePath` (which need not exist yet) and the current user: a hash of the canonical
    // path, so two databases can run side by side.
    static QString keyFor(const QString& databasePath);

    // Asks the running instance, if any, to come forward and import `files`. True when one answered.
    bool sendToRunning(const QStringList& files, int timeoutMs = 3000);
    // Becomes the running instance. A socket left behind by one that crashed is removed first; refused
    // when another instance started listening first (then sendToRunning() reaches it).
    Status listen();

Q_SIGNALS:
    // Another launch asked to come forward, with its files (absolute paths; maybe none).
    void filesReceived(const QStringList& files);

private:
    void receive();

    QString m_key;
    QLocalServer* m_server = nullptr;
};

} // namespace rapport
