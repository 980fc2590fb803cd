#pragma once

#include "core/Result.h"

#include <QStringList>

namespace rapport {

class Database;

// Writes contacts and the interaction log as CSV (UTF-8, comma, CRLF, RFC 4180, formula-safe cells)
// through QSaveFile, so a failed export never leaves half a file (domain: Import and export). The files
// re-import losslessly as rapport-contacts and rapport-interactions.
class Exporter
{
public:
    explicit Exporter(Database& database);

    static QStringList contactColumns();
    static QStringList interactionColumns();

    // The number of rows written.
    Result<int> exportContacts(const QString& path);
    Result<int> exportInteractions(const QString& path);

private:
    Database& m_database;
};

} // namespace rapport
