#pragma once

#include "core/Result.h"
#include "core/cadence/WeekPlan.h"

#include <QDate>
#include <QHash>
#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QTimeZone>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace rapport {

class Database;

// Plans weeks on a thread of its own, so that the window never waits for a plan: at 30,000 contacts
// reading what a plan needs takes a few hundred milliseconds, which on the GUI thread is a frozen window
// at every start and after every card action. The thread keeps one connection to the database file (a Qt
// Sql connection belongs to the thread that opened it) and PlanService's cache, so asking again for a
// week nothing has changed in costs nothing, whoever asks.
//
// Requests are planned in the order made; the answer comes back on the thread the worker lives on.
class PlanWorker : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QDate week; // any day of the week to plan
        QDate today;
        QLocale locale;
        QTimeZone zone = QTimeZone::systemTimeZone();
    };
    using Done = std::function<void(const Result<WeekPlan>&)>;

    explicit PlanWorker(QString databasePath, QObject* parent = nullptr);
    ~PlanWorker() override; // drops what is still queued and waits for the plan being made

    // Plans `request` and calls `done` with the plan, on this object's thread, unless `receiver` is gone
    // by then.
    void plan(const Request& request, QObject* receiver, Done done);
    // Plans still to answer.
    qsizetype pending() const { return m_waiting.size(); }

private:
    struct Waiting
    {
        QPointer<QObject> receiver;
        Done done;
    };
    void answer(quint64 ticket, const Result<WeekPlan>& result);

    const QString m_path;
    std::unique_ptr<Database> m_threadDatabase; // opened and closed on m_thread, used only there
    std::atomic_bool m_stopping = false;
    QThread* m_thread = nullptr;
    QObject* m_context = nullptr; // lives on m_thread
    quint64 m_lastTicket = 0;
    QHash<quint64, Waiting> m_waiting;
};

} // namespace rapport
