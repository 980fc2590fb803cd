#pragma once

#include <QString>

#include <memory>

class QWidget;

namespace rapport {

class Database;

// Opens the database for the window. When it cannot be opened (not a Rapport file, a newer schema, a
// damaged file), says why and offers to restore it from one of its backups; the file itself is only
// replaced if the user picks a backup, and its old bytes are kept. Returns null if the user gives up.
std::unique_ptr<Database> openDatabaseInteractively(const QString& path, QWidget* parent = nullptr);

// Asks which of the database's backups to restore, saying what it replaces. Returns the chosen file, or an
// empty string.
QString chooseBackupToRestore(const QString& databasePath, QWidget* parent = nullptr);

} // namespace rapport
