#pragma once

#include <QString>
#include <QStringList>

class QFileDialog;
class QWidget;

namespace rapport {

// Every file dialog of the window goes through here, so that nothing but SQLite opens the database's files.
// POSIX locks belong to the process: a dialog that opens and closes rapport.sqlite, -wal or -shm to sniff
// its type or icon drops SQLite's locks, and another process then checkpoints and deletes the WAL under the
// open connections (SQLite's "How To Corrupt An SQLite Database File", 2.2). So on Unix the dialog is Qt's
// own (GTK's native one sniffs content itself), its icons and types come from file names alone, and the
// database's files are hidden from it and refused if typed in.
namespace FileDialogs {

// The database whose files no dialog may show or return (its -wal, -shm and -journal too). Several may be
// protected at once; each is kept until forgotten.
void protectDatabase(const QString& databasePath);
void forgetDatabase(const QString& databasePath);
// True if `path` is one of a protected database's files, through whatever symlink it is reached.
bool isProtected(const QString& path);

// Makes `dialog` safe to show on the database's folder: called by the functions below, and by any code
// that shows a QFileDialog of its own.
void configure(QFileDialog& dialog);

QString getOpenFileName(QWidget* parent, const QString& caption, const QString& folder, const QString& filter);
QStringList getOpenFileNames(QWidget* parent, const QString& caption, const QString& folder, const QString& filter);
QString getSaveFileName(QWidget* parent, const QString& caption, const QString& file, const QString& filter);

} // namespace FileDialogs

} // namespace rapport
