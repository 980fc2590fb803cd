#include "ui/workers/PlanWorker.h"

#include "core/cadence/PlanService.h"
#include "core/storage/Database.h"

#include <QThread>

namespace rapport {

PlanWorker::PlanWorker(QString databasePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_thread(new QThread(this))
    , m_context(new QObject)
{
    m_thread->setObjectName(QStringLiteral("Planner"));
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

PlanWorker::~PlanWorker()
{
    m_stopping = true;
    // Queued after every request, so it runs last: the connection is closed on the thread that opened it.
    QMetaObject::invokeMethod(m_context, [this] {
        m_threadDatabase.reset();
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
    QMetaObject::invokeMethod(m_context, [this, request, ticket] {
        if (m_stopping)
            return;
        Result<WeekPlan> result = Error { tr("The plan was not made.") };
        if (!m_threadDatabase) {
            auto opened = Database::open(m_path);
            if (opened)
                m_threadDatabase = std::move(opened).value();
            else
                result = Error { opened.error() };
        }
        if (m_threadDatabase)
            result
                = PlanService::weekPlan(*m_threadDatabase, request.week, request.today, request.locale, request.zone);
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
