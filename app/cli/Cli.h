#pragma once

#include "core/Result.h"

#include <QCommandLineParser>
#include <QDate>
#include <QJsonArray>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <vector>

namespace rapport {

class Database;
struct Contact;
struct ImportConflict;
struct ImportPossibleDuplicate;
struct ImportSummary;

// rapport-cli: subcommands over core. Exit codes: 0 success, 1 bad input (one line on stderr saying
// what is wrong), 2 bad usage.
class Cli
{
public:
    enum ExitCode
    {
        Ok = 0,
        BadInput = 1,
        BadUsage = 2
    };

    // Whether a command changes the database. Only one that does creates a database file that is not
    // there yet (at a --db or $RAPPORT_DB path; the default location is always created).
    enum class Access
    {
        Read,
        Write
    };

    Cli(QTextStream& out, QTextStream& err);
    int run(const QStringList& arguments);

private:
    struct Command
    {
        QStringList words; // "contacts", "add"
        QString arguments; // positional arguments for the help text
        QStringList options; // option names this command accepts
        int minArguments;
        int maxArguments;
        QString summary;
        int (Cli::*handler)(const QStringList& arguments);
        Access access = Access::Read; // --dry-run makes any command a reading one
        bool readsFile = false; // its FILE argument is read (and must be a regular file)
    };

    int contactsAdd(const QStringList& arguments);
    int contactsEdit(const QStringList& arguments);
    int contactsList(const QStringList& arguments);
    int tagsList(const QStringList& arguments);
    int tagsSetCadence(const QStringList& arguments);
    int log(const QStringList& arguments);
    int interactions(const QStringList& arguments);
    int stats(const QStringList& arguments); // CliStats.cpp
    int plan(const QStringList& arguments); // CliPlan.cpp
    int ruleShow(const QStringList& arguments); // CliPlan.cpp
    int ruleSet(const QStringList& arguments); // CliPlan.cpp
    int inspect(const QStringList& arguments); // CliImport.cpp
    int importFile(const QStringList& arguments); // CliImport.cpp
    int exportData(const QStringList& arguments); // CliImport.cpp
    int demo(const QStringList& arguments); // CliImport.cpp
    int inspectArchive(const QString& path); // CliArchive.cpp
    int importArchive(const QString& path); // CliArchive.cpp
    int backup(const QStringList& arguments); // CliBackup.cpp
    int restore(const QStringList& arguments); // CliBackup.cpp

    // Opens --db, else $RAPPORT_DB, else the default location, for what the running command does.
    Result<std::unique_ptr<Database>> openDatabase();
    // A --db or $RAPPORT_DB path is created only for Access::Write, in a folder that exists, with a note
    // on stderr when the command succeeds (and removed when it fails); the default location is created
    // with its folders, for any command.
    Result<std::unique_ptr<Database>> openDatabase(Access access);
    // One line on stderr naming the first option whose value is not what it takes (a date, a number in
    // range, a known key), or an empty string.
    QString badOptionValue() const;
    // Sets the fields given as options (--first, --company, --tags, --keep-in-touch, --star, ...) on `contact`,
    // for contacts add and contacts edit; an error names the option and the value.
    Status applyContactOptions(Contact& contact) const;
    // A day as YYYY-MM-DD, strictly: "2026-02-30" and "23.11.2026" are not dates (an invalid date).
    static QDate parseDay(const QString& text);
    int fail(const QString& message, int code = BadInput);
    static void printTable(QTextStream& out, const QList<QStringList>& rows);
    QString helpText() const;
    // One command's synopsis, summary and options.
    QString helpText(const Command& command) const;
    // The command `words` start with (the longest that fits: "contacts add"), or null.
    const Command* findCommand(const QStringList& words) const;

    QTextStream& m_out;
    QTextStream& m_err;
    QCommandLineParser m_parser;
    QList<QCommandLineOption> m_options; // every command's, for the help
    QStringList m_valueOptions; // the names of the options that take a value
    std::vector<Command> m_commands;
    const Command* m_command = nullptr; // the one running
    QString m_createdDatabase; // the database file this run created at a --db or $RAPPORT_DB path
};

// The parts of an import's summary that importing a file and an archive (CliArchive.cpp) both print
// (CliImport.cpp).
QJsonArray conflictsJson(const QList<ImportConflict>& conflicts);
QJsonArray possibleDuplicatesJson(const QList<ImportPossibleDuplicate>& duplicates);
void printMatches(QTextStream& out, const ImportSummary& summary);

} // namespace rapport
