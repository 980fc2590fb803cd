#include "app/gui/SingleInstance.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace rapport {

namespace {

// Bumped when the message changes, so that an older running instance ignores what it cannot read.
constexpr quint32 kMagic = 0x52505031; // "RPP1"
constexpr char kAcknowledged = 'k';

QString canonicalDatabasePath(const QString& path)
{
    // A symlink to the database and the database itself are one file: both resolve to the file's own path.
    // The file may not exist yet (first start), its folder usually does: resolve what can be resolved.
    const QFileInfo file(path);
    QString canonical = file.canonicalFilePath();
    if (canonical.isEmpty()) {
        const QString folder = QFileInfo(file.absolutePath()).canonicalFilePath();
        canonical
            = folder.isEmpty() ? QDir::cleanPath(file.absoluteFilePath()) : QDir(folder).filePath(file.fileName());
    }
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    canonical = canonical.toCaseFolded(); // the usual file systems there ignore case
#endif
    return canonical;
}

} // namespace

SingleInstance::SingleInstance(QString key, QObject* parent)
    : QObject(parent)
    , m_key(std::move(key))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::keyFor(const QString& databasePath)
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    const QByteArray identity = (user + u'\n' + canonicalDatabasePath(databasePath)).toUtf8();
    const QByteArray hash = QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex().left(24);
    const QString name = QStringLiteral("rapport-") + QString::fromLatin1(hash);
#if defined(Q_OS_UNIX)
    // In the user's own runtime folder (mode 0700), where only they can connect. Not QLocalServer's
    // UserAccessOption: it renames its socket over an existing one, so a second listen() would succeed.
    if (const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation); !runtime.isEmpty())
        return QDir(runtime).filePath(name);
#endif
    return name;
}

bool SingleInstance::sendToRunning(const QStringList& files, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_key);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray message;
    QDataStream out(&message, QIODevice::WriteOnly);
    out << kMagic << files;
    socket.write(message);
    // The answer says the files arrived; a running instance too busy to answer still owns the database.
    if (socket.waitForBytesWritten(timeoutMs) && socket.waitForReadyRead(timeoutMs)) {
        if (socket.read(1) != QByteArray(1, kAcknowledged))
            qWarning("Rapport: the running instance gave an unexpected answer");
    } else {
        qWarning("Rapport: the running instance did not answer: %s", qUtf8Printable(socket.errorString()));
    }
    socket.disconnectFromServer();
    return true;
}

Status SingleInstance::listen()
{
    m_server = new QLocalServer(this);
#if defined(Q_OS_WIN)
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
#endif
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::receive);
    if (m_server->listen(m_key))
        return success();
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        // Either another instance just started, or one crashed and left its socket behind.
        QLocalSocket probe;
        probe.connectToServer(m_key);
        if (probe.waitForConnected(1000))
            return Error { QCoreApplication::translate("SingleInstance",
                                                       "Rapport is already running on this database.") };
        QLocalServer::removeServer(m_key);
        if (m_server->listen(m_key))
            return success();
    }
    return Error { QCoreApplication::translate("SingleInstance", "Cannot listen for other launches of Rapport: %1")
                       .arg(m_server->errorString()) };
}

void SingleInstance::receive()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto read = [this, socket] {
            QDataStream in(socket);
            in.startTransaction();
            quint32 magic = 0;
            QStringList files;
            in >> magic >> files;
            if (!in.commitTransaction())
                return; // more to come
            socket->write(QByteArray(1, kAcknowledged));
            socket->flush();
            if (magic == kMagic)
                Q_EMIT filesReceived(files);
        };
        connect(socket, &QLocalSocket::readyRead, this, read);
        if (socket->bytesAvailable() > 0)
            read();
    }
}

} // namespace rapport
