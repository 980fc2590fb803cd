#include "ui/workers/PlanWorker.h"

#include "core/cadence/PlanService.h"
#include "core/storage/Database.h"

#include <QThread>

#include <atomic>

namespace rapport {

// What the thread uses: opened there on the first request and closed there at the end.
struct PlanWorker::Shared
{
    QString path;
    std::unique_ptr<Database> database;
    std::atomic_bool stopping = false;
};

PlanWorker::PlanWorker(QString databasePath, QObject* parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>())
    , m_thread(new QThread(this))
    , m_context(new QObject)
{
    m_shared->path = std::move(databasePath);
    m_thread->setObjectName(QStringLiteral("Planner"));
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

PlanWorker::~PlanWorker()
{
    m_shared->stopping = true;
    // Queued after every request, so it runs last: the connection is closed on the thread that opened it.
    QMetaObject::invokeMethod(m_context, [shared = m_shared] {
        shared->database.reset();
        QThread::currentThread()->quit();
    });
    m_thread->wait();
}

void PlanWorker::plan(const Request& request, QObject* receiver, Done done)
{
    const quint64 ticket = ++m_lastTicket;
    m_waiting.insert(ticket, { receiver, std::move(done) });
    // `this` outlives the thread (the destructor waits for it); an answer posted to it after it is gone is
    // dropped with it.
    QMetaObject::invokeMethod(m_context, [this, shared = m_shared, request, ticket] {
        if (shared->stopping)
            return;
        Result<WeekPlan> result = Error { tr("The plan was not made.") };
        if (!shared->database) {
            auto opened = Database::open(shared->path);
            if (opened)
                shared->database = std::move(opened).value();
            else
                result = Error { opened.error() };
        }
        if (shared->database)
            result
                = PlanService::weekPlan(*shared->database, request.week, request.today, request.locale, request.zone);
        QMetaObject::invokeMethod(
            this, [this, ticket, result = std::move(result)] { answer(ticket, result); }, Qt::QueuedConnection);
    });
}

void PlanWorker::answer(quint64 ticket, const Result<WeekPlan>& result)
{
    const Waiting waiting = m_waiting.take(ticket);
    if (waiting.receiver && waiting.done)
        waiting.done(result);
}

} // namespace rapport
