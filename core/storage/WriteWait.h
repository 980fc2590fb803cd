#pragma once

#include <QString>

namespace rapport {

class Database;

// How long a connection waits for another connection's write lock (a CLI import, another Rapport) before a
// write fails as busy. Database opens every connection with 5 s, which suits a command line; the window
// writes on its GUI thread, where 5 s is a frozen window: within this scope it waits only a moment, and
// the caller tries the change again later (isBusyError).
class BriefWriteWait
{
public:
    BriefWriteWait(Database& database, int milliseconds);
    ~BriefWriteWait();
    BriefWriteWait(const BriefWriteWait&) = delete;
    BriefWriteWait& operator=(const BriefWriteWait&) = delete;

private:
    Database& m_database;
    int m_previous = -1;
};

// True if `error` says a write was refused because another connection held the write lock: the same change
// may succeed once that connection is done.
bool isBusyError(const QString& error);

} // namespace rapport
