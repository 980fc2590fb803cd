#include "app/cli/Cli.h"

#include "core/AppInfo.h"
#include "core/cadence/AccountType.h"
#include "core/cadence/CadenceSettings.h"
#include "core/cadence/Limits.h"
#include "core/domain/KeepInTouch.h"
#include "core/domain/StageResolver.h"
#include "core/io/ImportFormats.h"
#include "core/io/Json.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/KeepInTouchDates.h"
#include "core/storage/SilentConnections.h"
#include "core/storage/TagCadenceRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <climits>
#include <optional>

namespace rapport {

namespace {

// The application name stays "Rapport" so that QStandardPaths finds the GUI's data; messages name the
// program the user typed.
constexpr auto kProgram = "rapport-cli";

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

void printJson(QTextStream& out, const QJsonArray& array)
{
    out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

// ISO 8601 with a zone ("Z", "+02:00") is taken as given; without one, as local time.
QDateTime parseTime(const QString& text)
{
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

// A contact id as typed: a positive number.
std::optional<qint64> parseContactId(const QString& text)
{
    bool isNumber = false;
    const qint64 id = text.toLongLong(&isNumber);
    return isNumber && id > 0 ? std::optional(id) : std::nullopt;
}

QString notAContactId(const QString& text)
{
    return tr("\"%1\" is not a contact id (a positive number, see contacts list)").arg(text);
}

// The options contacts add and contacts edit share, in the help's order.
const QStringList kContactOptions { QStringLiteral("first"),   QStringLiteral("last"),
                                    QStringLiteral("company"), QStringLiteral("position"),
                                    QStringLiteral("url"),     QStringLiteral("email"),
                                    QStringLiteral("tags"),    QStringLiteral("keep-in-touch"),
                                    QStringLiteral("star") };

QString cadenceChoices()
{
    QStringList choices { QStringLiteral("none") };
    for (const keep_in_touch::Preset& preset : keep_in_touch::kPresets)
        choices.append(QStringLiteral("%1 (%2 days)").arg(QString::fromLatin1(preset.key)).arg(preset.days));
    return tr("%1 or a number of days from %2 to %3")
        .arg(choices.join(QStringLiteral(", ")))
        .arg(keep_in_touch::kMinDays)
        .arg(keep_in_touch::kMaxDays);
}

// The tag whose cadence a contact without one of its own gets: its tag with the shortest cadence.
QString cadenceTag(const Contact& contact, const QMap<QString, int>& tagDays)
{
    QString chosen;
    int shortest = 0;
    for (const QString& tag : contact.tags) {
        const int days = tagDays.value(tag.toLower());
        if (days > 0 && (shortest == 0 || days < shortest)) {
            shortest = days;
            chosen = tag;
        }
    }
    return chosen;
}

} // namespace

// Plain text columns for people, padded to the widest cell.
void Cli::printTable(QTextStream& out, const QList<QStringList>& rows)
{
    if (rows.isEmpty())
        return;
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList& row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    for (const QStringList& row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        out << line.trimmed() << '\n';
    }
}

Cli::Cli(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{
    m_parser.setApplicationDescription(tr("Rapport's command line: the same data and rules as the Rapport window."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    const QList<QCommandLineOption> options {
        { QStringLiteral("db"),
          tr("The database file (default: $RAPPORT_DB, else %1). Only a command that changes the data makes a new "
             "file there, in a folder that exists.")
              .arg(Database::defaultPath()),
          tr("path") },
        { QStringLiteral("json"), tr("Print JSON instead of text.") },
        { QStringLiteral("first"), tr("First name."), tr("name") },
        { QStringLiteral("last"), tr("Last name."), tr("name") },
        { QStringLiteral("company"), tr("Company."), tr("name") },
        { QStringLiteral("position"), tr("Position or headline."), tr("text") },
        { QStringLiteral("url"), tr("LinkedIn profile URL (contacts add, edit) or the URL shared (log)."), tr("url") },
        { QStringLiteral("email"), tr("Email address."), tr("address") },
        { QStringLiteral("tags"), tr("Tags, separated by commas (contacts add, edit; replaces the contact's tags)."),
          tr("tags") },
        { QStringLiteral("keep-in-touch"),
          tr("How often to keep in touch: %1 (contacts add, edit).").arg(cadenceChoices()), tr("cadence") },
        { QStringLiteral("star"), tr("Star the contact: first in every list of the plan (contacts add, edit).") },
        { QStringLiteral("unstar"), tr("Take the contact's star away (contacts edit).") },
        { QStringLiteral("due"),
          tr("Only the contacts due to keep in touch by today, the most overdue first (contacts list).") },
        { QStringLiteral("silent"),
          tr("Only the connections with no interaction for two years, no cadence and no star, the longest silent "
             "first: to review (contacts list).") },
        { QStringLiteral("at"), tr("When it happened, ISO 8601 (default: now; local time unless a zone is given)."),
          tr("time") },
        { QStringLiteral("text"), tr("The note or message text."), tr("text") },
        { QStringLiteral("template"), tr("The template a request's note came from."), tr("name") },
        { QStringLiteral("by"), tr("Group requests by week, month, template, source or personalized (stats)."),
          tr("grouping") },
        { QStringLiteral("from"), tr("The first day to count, YYYY-MM-DD (stats; default: the first request)."),
          tr("date") },
        { QStringLiteral("to"), tr("The last day to count, YYYY-MM-DD (stats; default: today)."), tr("date") },
        { QStringLiteral("today"), tr("The day to compute for, YYYY-MM-DD (default: today)."), tr("date") },
        { QStringLiteral("week"), tr("Any day of the week to plan, YYYY-MM-DD (plan; default: this week)."),
          tr("date") },
        { QStringLiteral("requests"), tr("Requests a week (rule set custom)."), tr("N") },
        { QStringLiteral("notes"), tr("Of them, with a personalized note (rule set custom)."), tr("N") },
        { QStringLiteral("followups"), tr("Follow-ups with content a week (rule set custom)."), tr("N") },
        { QStringLiteral("check-ins"), tr("Keep-in-touch check-ins a week (rule set custom)."), tr("N") },
        { QStringLiteral("account"), tr("The LinkedIn account: premium or basic (rule set)."), tr("type") },
        { QStringLiteral("format"), tr("The file's format (import), one of: %1.").arg(importFormatKeys()), tr("name") },
        { QStringLiteral("map"), tr("Columns to fields for a generic file (import): \"Column=field,...\"."),
          tr("mapping") },
        { QStringLiteral("dry-run"), tr("Show what the import would do without changing anything.") },
        { QStringLiteral("contacts"), tr("How many sample contacts to add (demo)."), tr("N") },
        { QStringLiteral("seed"), tr("The seed of the sample data (demo; default 1)."), tr("S") },
    };
    m_parser.addOptions(options);
    m_options = options;
    for (const QCommandLineOption& option : options) {
        if (!option.valueName().isEmpty())
            m_valueOptions += option.names();
    }

    m_commands = {
        { { QStringLiteral("contacts"), QStringLiteral("add") },
          QString(),
          kContactOptions,
          0,
          0,
          tr("Add a contact (--first and --last required)."),
          &Cli::contactsAdd,
          Access::Write },
        { { QStringLiteral("contacts"), QStringLiteral("edit") },
          QStringLiteral("CONTACT_ID"),
          kContactOptions + QStringList { QStringLiteral("unstar") },
          1,
          1,
          tr("Change a contact's fields, keep-in-touch cadence or star; what is not given stays as it is."),
          &Cli::contactsEdit,
          Access::Write },
        { { QStringLiteral("contacts"), QStringLiteral("list") },
          QString(),
          { QStringLiteral("due"), QStringLiteral("silent"), QStringLiteral("today"), QStringLiteral("json") },
          0,
          0,
          tr("List every contact with its stage and keep-in-touch cadence (--due: those due to keep in touch; "
             "--silent: connections gone silent, to review)."),
          &Cli::contactsList },
        { { QStringLiteral("tags"), QStringLiteral("list") },
          QString(),
          { QStringLiteral("json") },
          0,
          0,
          tr("List the tags, each with its number of contacts and its keep-in-touch cadence."),
          &Cli::tagsList },
        { { QStringLiteral("tags"), QStringLiteral("set-cadence") },
          QStringLiteral("TAG CADENCE"),
          {},
          2,
          2,
          tr("Keep in touch with a tag's contacts that have no cadence of their own. CADENCE is %1.")
              .arg(cadenceChoices()),
          &Cli::tagsSetCadence,
          Access::Write },
        { { QStringLiteral("log") },
          QStringLiteral("CONTACT_ID KIND"),
          { QStringLiteral("at"), QStringLiteral("text"), QStringLiteral("url"), QStringLiteral("template") },
          2,
          2,
          tr("Log an interaction. KIND is one of: %1.").arg(interactionKindKeys()),
          &Cli::log,
          Access::Write },
        { { QStringLiteral("interactions") },
          QStringLiteral("[CONTACT_ID]"),
          { QStringLiteral("json") },
          0,
          1,
          tr("List the interaction log, of one contact or of all."),
          &Cli::interactions },
        { { QStringLiteral("stats") },
          QString(),
          { QStringLiteral("by"), QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("today"),
            QStringLiteral("json") },
          0,
          0,
          tr("Acceptance rate, its cohorts, the funnel and the median days to accept."),
          &Cli::stats },
        { { QStringLiteral("plan") },
          QString(),
          { QStringLiteral("today"), QStringLiteral("week"), QStringLiteral("json") },
          0,
          0,
          tr("The week's plan: requests, follow-ups, check-ins, day by day, with progress."),
          &Cli::plan },
        { { QStringLiteral("rule"), QStringLiteral("show") },
          QString(),
          { QStringLiteral("json") },
          0,
          0,
          tr("Show the cadence rule, the account type and the limits."),
          &Cli::ruleShow },
        { { QStringLiteral("rule"), QStringLiteral("set") },
          QStringLiteral("[4-1-1|10-4-1|custom]"),
          { QStringLiteral("requests"), QStringLiteral("notes"), QStringLiteral("followups"),
            QStringLiteral("check-ins"), QStringLiteral("account") },
          0,
          1,
          tr("Choose the cadence rule (custom takes --requests, --notes, --followups, --check-ins) or the account "
             "type."),
          &Cli::ruleSet,
          Access::Write },
        { { QStringLiteral("inspect") },
          QStringLiteral("FILE"),
          { QStringLiteral("json") },
          1,
          1,
          tr("Show how a CSV file is read: format, encoding, delimiter, header, rows, errors (no database); for "
             "LinkedIn's export archive (.zip), the files it holds, their sizes and formats."),
          &Cli::inspect,
          Access::Read,
          true },
        { { QStringLiteral("import") },
          QStringLiteral("FILE"),
          { QStringLiteral("format"), QStringLiteral("map"), QStringLiteral("dry-run"), QStringLiteral("json") },
          1,
          1,
          tr("Import a CSV file (LinkedIn, Google, Outlook, Rapport's own, or mapped) in one transaction, or "
             "LinkedIn's export archive (.zip): its Connections.csv, Invitations.csv and messages.csv together."),
          &Cli::importFile,
          Access::Write,
          true },
        { { QStringLiteral("export") },
          QStringLiteral("contacts|interactions FILE"),
          {},
          2,
          2,
          tr("Export contacts or the interaction log as CSV."),
          &Cli::exportData },
        { { QStringLiteral("demo") },
          QString(),
          { QStringLiteral("contacts"), QStringLiteral("seed") },
          0,
          0,
          tr("Add sample contacts with a few years of interactions (--contacts N)."),
          &Cli::demo,
          Access::Write },
        { { QStringLiteral("backup") },
          QString(),
          {},
          0,
          0,
          tr("Back up the database now into the backups folder beside it."),
          &Cli::backup },
        { { QStringLiteral("restore") },
          QStringLiteral("[FILE]"),
          {},
          0,
          1,
          tr("Replace the database's data with a backup, keeping a backup of the current state first; without "
             "FILE, list this database's backups with their dates, sizes and contacts."),
          &Cli::restore },
    };
}

QString Cli::helpText() const
{
    QString text = m_parser.helpText();
    text.replace(QStringLiteral("[options]"), QStringLiteral("[--db path] <command> [options]"));
    text += u'\n' + tr("Commands:") + u'\n';
    for (const Command& command : m_commands) {
        QString synopsis = command.words.join(u' ');
        if (!command.arguments.isEmpty())
            synopsis += u' ' + command.arguments;
        for (const QString& option : command.options)
            synopsis += QStringLiteral(" [--%1]").arg(option);
        text += QStringLiteral("  %1\n      %2\n").arg(synopsis, command.summary);
    }
    return text;
}

QString Cli::helpText(const Command& command) const
{
    QString synopsis = command.words.join(u' ');
    if (!command.arguments.isEmpty())
        synopsis += u' ' + command.arguments;
    QList<std::pair<QString, QString>> rows;
    for (const QCommandLineOption& option : m_options) {
        const QString name = option.names().constFirst();
        if (name != u"db" && !command.options.contains(name))
            continue;
        QString usage = QStringLiteral("--") + name;
        if (!option.valueName().isEmpty())
            usage += QStringLiteral(" <%1>").arg(option.valueName());
        rows.append({ usage, option.description() });
    }
    rows.append({ QStringLiteral("-h, --help"), tr("Displays help for this command.") });
    qsizetype width = 0;
    for (const auto& row : std::as_const(rows))
        width = std::max(width, row.first.size());
    QString options;
    for (const auto& [usage, description] : std::as_const(rows))
        options += QStringLiteral("  %1  %2\n").arg(usage.leftJustified(width), description);
    return tr("Usage: %1 [--db path] %2 [options]").arg(QString::fromLatin1(kProgram), synopsis)
        + QStringLiteral("\n\n%1\n\n").arg(command.summary) + tr("Options:") + u'\n' + options;
}

const Cli::Command* Cli::findCommand(const QStringList& words) const
{
    const Command* chosen = nullptr;
    for (const Command& command : m_commands) {
        if (words.mid(0, command.words.size()) == command.words
            && (!chosen || command.words.size() > chosen->words.size()))
            chosen = &command;
    }
    return chosen;
}

int Cli::fail(const QString& message, int code)
{
    m_err << kProgram << ": " << message << '\n';
    m_err.flush();
    return code;
}

int Cli::run(const QStringList& arguments)
{
    // "-5" where a contact id goes is a (bad) argument, not an unknown option "5": numbers that start with a
    // minus and are not an option's value are hidden from the parser behind a mark, and given back after.
    static const QRegularExpression negativeNumber(QStringLiteral("^-[0-9]"));
    constexpr QChar kNegativeMark(0xE000);
    QStringList parsed;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (argument == u"--") {
            parsed += arguments.mid(i);
            break;
        }
        if (i > 0 && negativeNumber.match(argument).hasMatch()) {
            parsed.append(kNegativeMark + argument);
            continue;
        }
        parsed.append(argument);
        if (argument.startsWith(u"--") && m_valueOptions.contains(argument.mid(2)) && i + 1 < arguments.size())
            parsed.append(arguments[++i]);
    }
    if (!m_parser.parse(parsed))
        return fail(m_parser.errorText() + u' ' + tr("(see --help)"), BadUsage);
    if (m_parser.isSet(QStringLiteral("version"))) {
        m_out << kProgram << ' ' << AppInfo::version() << '\n';
        return Ok;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        // "import --help" is import's help; "--help" alone lists every command.
        const Command* command = findCommand(m_parser.positionalArguments());
        m_out << (command ? helpText(*command) : helpText());
        return Ok;
    }

    QStringList positional = m_parser.positionalArguments();
    for (QString& argument : positional) {
        if (argument.startsWith(kNegativeMark))
            argument.remove(0, 1);
    }
    if (positional.isEmpty()) {
        m_err << helpText();
        return BadUsage;
    }
    const Command* chosen = findCommand(positional);
    if (!chosen) {
        // "contacts", "tags" and "rule" are groups of commands: name the ones the group has.
        QStringList subcommands;
        for (const Command& command : m_commands) {
            if (command.words.size() > 1 && command.words.first() == positional.first())
                subcommands.append(command.words.at(1));
        }
        if (subcommands.isEmpty())
            return fail(tr("unknown command \"%1\" (see --help)").arg(positional.first()), BadUsage);
        if (positional.size() == 1) {
            return fail(tr("\"%1\" needs a command: %2 (see --help)")
                            .arg(positional.first(), subcommands.join(QStringLiteral(", "))),
                        BadUsage);
        }
        return fail(
            tr("unknown command \"%1\"; \"%2\" takes %3 (see --help)")
                .arg(positional.mid(0, 2).join(u' '), positional.first(), subcommands.join(QStringLiteral(", "))),
            BadUsage);
    }

    const QString name = chosen->words.join(u' ');
    for (const QString& option : m_parser.optionNames()) {
        if (option != u"db" && !chosen->options.contains(option))
            return fail(tr("--%1 does not apply to \"%2\" (see --help)").arg(option, name), BadUsage);
    }
    const QStringList rest = positional.mid(chosen->words.size());
    if (rest.size() < chosen->minArguments || rest.size() > chosen->maxArguments) {
        return fail(tr("\"%1\" takes %2 (see --help)")
                        .arg(name, chosen->arguments.isEmpty() ? tr("no arguments") : chosen->arguments),
                    BadUsage);
    }
    // An empty --db is a mistake (an unset variable in a script), not a request for the default database.
    if (m_parser.isSet(QStringLiteral("db")) && m_parser.value(QStringLiteral("db")).trimmed().isEmpty())
        return fail(tr("--db \"%1\" is not a path to a database file").arg(m_parser.value(QStringLiteral("db"))));
    if (const QString bad = badOptionValue(); !bad.isEmpty())
        return fail(bad);
    if (chosen->readsFile) {
        // A device or a pipe cannot be read twice (the format is sniffed first), and /dev/zero never ends.
        const QFileInfo file(rest.first());
        if (file.isDir())
            return fail(tr("%1 is a folder, not a CSV file").arg(rest.first()));
        if (file.exists() && !file.isFile())
            return fail(tr("%1 is not a regular file; save it to a file first").arg(rest.first()));
    }
    m_command = chosen;
    const int code = (this->*chosen->handler)(rest);
    m_out.flush();
    if (!m_createdDatabase.isEmpty()) {
        // A command that created a database and then failed (a file it could not import, a contact that is
        // not there) leaves nothing behind it: one line, the error, and no new empty database.
        if (code == Ok) {
            m_err << kProgram << ": "
                  << tr("created a new database at %1").arg(QDir::toNativeSeparators(m_createdDatabase)) << '\n';
        } else {
            for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
                QFile::remove(m_createdDatabase + suffix);
        }
        m_err.flush();
    }
    return code;
}

QString Cli::badOptionValue() const
{
    for (const char* day : { "from", "to", "today", "week" }) {
        const QString option = QString::fromLatin1(day);
        if (m_parser.isSet(option) && !parseDay(m_parser.value(option)).isValid()) {
            return tr("--%1 \"%2\" is not a date such as 2026-11-23 (YYYY-MM-DD)").arg(option, m_parser.value(option));
        }
    }
    const struct
    {
        const char* option;
        qint64 min;
        qint64 max; // 0: no upper bound here (the rule's limits check it, naming the limit)
    } numbers[] = {
        { "requests", 0, 0 },  { "notes", 0, 0 },          { "followups", 0, 0 },
        { "check-ins", 0, 0 }, { "contacts", 1, 1000000 }, { "seed", 0, 4294967295 },
    };
    for (const auto& number : numbers) {
        const QString option = QString::fromLatin1(number.option);
        if (!m_parser.isSet(option))
            continue;
        bool isNumber = false;
        const qint64 value = m_parser.value(option).trimmed().toLongLong(&isNumber);
        if (isNumber && value >= number.min && (number.max == 0 ? value <= INT_MAX : value <= number.max))
            continue;
        if (number.max == 0)
            return tr("--%1 \"%2\" is not a whole number of %3 or more")
                .arg(option, m_parser.value(option))
                .arg(number.min);
        return tr("--%1 \"%2\" is not a whole number from %3 to %4")
            .arg(option, m_parser.value(option))
            .arg(number.min)
            .arg(number.max);
    }
    if (m_parser.isSet(QStringLiteral("format")) && !importFormatFromKey(m_parser.value(QStringLiteral("format")))) {
        return tr("unknown format \"%1\"; use one of: %2")
            .arg(m_parser.value(QStringLiteral("format")), importFormatKeys());
    }
    return QString();
}

Result<std::unique_ptr<Database>> Cli::openDatabase()
{
    const bool writes = m_command && m_command->access == Access::Write && !m_parser.isSet(QStringLiteral("dry-run"));
    return openDatabase(writes ? Access::Write : Access::Read);
}

Result<std::unique_ptr<Database>> Cli::openDatabase(Access access)
{
    const QString path = Database::resolvePath(m_parser.value(QStringLiteral("db")));
    const bool atDefault = QFileInfo(path).absoluteFilePath() == QFileInfo(Database::defaultPath()).absoluteFilePath();
    const Database::Create create = atDefault ? Database::Create::FileAndFolders
        : access == Access::Write             ? Database::Create::File
                                              : Database::Create::Nothing;
    auto database = Database::open(path, create);
    if (database && (*database)->wasCreated() && !atDefault)
        m_createdDatabase = (*database)->path(); // said (or taken back) when the command has run
    return database;
}

QDate Cli::parseDay(const QString& text)
{
    const QString trimmed = text.trimmed();
    const QDate date = QDate::fromString(trimmed, QStringLiteral("yyyy-MM-dd"));
    return date.isValid() && trimmed.size() == 10 ? date : QDate();
}

Status Cli::applyContactOptions(Contact& contact) const
{
    const std::pair<const char*, QString Contact::*> texts[] = {
        { "first", &Contact::firstName },   { "last", &Contact::lastName },  { "company", &Contact::company },
        { "position", &Contact::position }, { "url", &Contact::profileUrl }, { "email", &Contact::email },
    };
    for (const auto& [option, member] : texts) {
        if (m_parser.isSet(QString::fromLatin1(option)))
            contact.*member = m_parser.value(QString::fromLatin1(option)).trimmed();
    }
    if (m_parser.isSet(QStringLiteral("tags"))) {
        static const QRegularExpression separators(QStringLiteral("[,;]"));
        contact.tags = normalizedTags(m_parser.value(QStringLiteral("tags")).split(separators));
    }
    if (m_parser.isSet(QStringLiteral("keep-in-touch"))) {
        const QString value = m_parser.value(QStringLiteral("keep-in-touch"));
        const std::optional<int> days = keep_in_touch::parse(value);
        if (!days)
            return Error { tr("--keep-in-touch \"%1\" is not a cadence; use %2").arg(value, cadenceChoices()) };
        contact.keepInTouchDays = *days;
    }
    if (m_parser.isSet(QStringLiteral("star")))
        contact.starred = true;
    if (m_parser.isSet(QStringLiteral("unstar")))
        contact.starred = false;
    return success();
}

int Cli::contactsAdd(const QStringList&)
{
    for (const char* required : { "first", "last" }) {
        if (!m_parser.isSet(QString::fromLatin1(required)))
            return fail(tr("contacts add needs --%1").arg(QString::fromLatin1(required)), BadUsage);
    }
    Contact contact;
    if (Status applied = applyContactOptions(contact); !applied)
        return fail(applied.error());

    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    auto id = ContactRepository(**database).add(contact);
    if (!id)
        return fail(id.error());
    m_out << tr("Added %1 (contact %2).").arg(contact.fullName()).arg(*id) << '\n';
    return Ok;
}

int Cli::contactsEdit(const QStringList& arguments)
{
    const std::optional<qint64> id = parseContactId(arguments[0]);
    if (!id)
        return fail(notAContactId(arguments[0]));
    const QStringList given = m_parser.optionNames();
    const bool changesSomething
        = std::any_of(given.cbegin(), given.cend(), [](const QString& option) { return option != u"db"; });
    if (!changesSomething) {
        return fail(tr("contacts edit needs something to change: --%1 or --unstar")
                        .arg(kContactOptions.join(QStringLiteral(", --"))),
                    BadUsage);
    }
    if (m_parser.isSet(QStringLiteral("star")) && m_parser.isSet(QStringLiteral("unstar")))
        return fail(tr("--star and --unstar cannot both be given"), BadUsage);

    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    ContactRepository repository(**database);
    auto contact = repository.find(*id);
    if (!contact)
        return fail(contact.error());
    if (Status applied = applyContactOptions(*contact); !applied)
        return fail(applied.error());
    if (Status updated = repository.update(*contact); !updated)
        return fail(updated.error());
    QString line = tr("Updated %1 (contact %2).").arg(contact->fullName()).arg(*id);
    if (m_parser.isSet(QStringLiteral("keep-in-touch")))
        line += u' ' + tr("Keep in touch: %1.").arg(keep_in_touch::describe(contact->keepInTouchDays));
    m_out << line << '\n';
    return Ok;
}

int Cli::contactsList(const QStringList&)
{
    const bool dueOnly = m_parser.isSet(QStringLiteral("due"));
    const bool silentOnly = m_parser.isSet(QStringLiteral("silent"));
    if (dueOnly && silentOnly)
        return fail(tr("--due and --silent cannot be used together"), BadUsage);
    QDate today = QDate::currentDate();
    if (m_parser.isSet(QStringLiteral("today"))) {
        if (!dueOnly && !silentOnly)
            return fail(tr("--today applies to contacts list only with --due or --silent"), BadUsage);
        today = parseDay(m_parser.value(QStringLiteral("today")));
        if (!today.isValid()) {
            return fail(tr("--today \"%1\" is not a date such as 2026-11-23 (YYYY-MM-DD)")
                            .arg(m_parser.value(QStringLiteral("today"))));
        }
    }

    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    auto contacts = ContactRepository(**database).all();
    if (!contacts)
        return fail(contacts.error());
    auto stages = InteractionRepository(**database)
                      .stages(QDateTime::currentDateTimeUtc(), StageResolver::kDefaultNoResponseDays);
    if (!stages)
        return fail(stages.error());
    auto dates = KeepInTouchDates::load(**database);
    if (!dates)
        return fail(dates.error());

    if (dueOnly) {
        // Due by today, the longest overdue first; the same day in the list's order.
        QList<Contact> due;
        for (const Contact& contact : std::as_const(*contacts)) {
            const auto date = dates->constFind(contact.id);
            if (date != dates->cend() && date->next.isValid() && date->next <= today)
                due.append(contact);
        }
        std::stable_sort(due.begin(), due.end(), [&](const Contact& a, const Contact& b) {
            return dates->value(a.id).next < dates->value(b.id).next;
        });
        *contacts = std::move(due);
    }
    if (silentOnly) {
        auto limits = CadenceSettings(**database).limits();
        if (!limits)
            return fail(limits.error());
        auto silent = SilentConnections::load(**database, today, limits->silentAfterDays);
        if (!silent)
            return fail(silent.error());
        QHash<qint64, Contact> byId;
        for (const Contact& contact : std::as_const(*contacts))
            byId.insert(contact.id, contact);
        contacts->clear();
        for (const SilentConnection& connection : std::as_const(*silent))
            contacts->append(byId.value(connection.contactId));
        if (contacts->isEmpty() && !m_parser.isSet(QStringLiteral("json"))) {
            m_out << tr("No connection has been silent for %1 days.").arg(limits->silentAfterDays) << '\n';
            return Ok;
        }
    }

    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Contact& contact : std::as_const(*contacts)) {
            const auto date = dates->constFind(contact.id);
            array.append(Json::fromContact(contact, stages->value(contact.id, Stage::Prospect),
                                           date != dates->cend() ? std::optional(*date) : std::nullopt));
        }
        printJson(m_out, array);
        return Ok;
    }
    if (dueOnly && contacts->isEmpty()) {
        m_out << tr("No contact is due to keep in touch by %1.").arg(today.toString(Qt::ISODate)) << '\n';
        return Ok;
    }
    // The keep-in-touch column only when some contact has a cadence, so that a list without any stays as it was.
    const bool withCadences = std::any_of(contacts->cbegin(), contacts->cend(),
                                          [&](const Contact& contact) { return dates->contains(contact.id); });
    QMap<QString, int> tagDays;
    if (withCadences) {
        auto tagCadences = TagCadenceRepository(**database).all();
        if (!tagCadences)
            return fail(tagCadences.error());
        tagDays = *tagCadences;
    }
    QList<QStringList> rows { { tr("ID"), tr("NAME"), tr("COMPANY"), tr("STAGE") } };
    if (withCadences)
        rows.first().append(tr("KEEP IN TOUCH"));
    for (const Contact& contact : std::as_const(*contacts)) {
        rows.append({ QString::number(contact.id), contact.fullName(), contact.company,
                      displayName(stages->value(contact.id, Stage::Prospect)) });
        if (!withCadences)
            continue;
        const auto date = dates->constFind(contact.id);
        if (date == dates->cend()) {
            rows.last().append(QString());
            continue;
        }
        QString cadence = keep_in_touch::describe(date->days);
        if (contact.keepInTouchDays <= 0)
            cadence += u' ' + tr("via %1").arg(cadenceTag(contact, tagDays));
        rows.last().append(tr("%1, next %2").arg(cadence, date->next.toString(Qt::ISODate)));
    }
    printTable(m_out, rows);
    return Ok;
}

int Cli::tagsList(const QStringList&)
{
    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    auto contacts = ContactRepository(**database).all();
    if (!contacts)
        return fail(contacts.error());
    auto cadences = TagCadenceRepository(**database).all();
    if (!cadences)
        return fail(cadences.error());

    struct TagUse
    {
        QString name; // as the first contact that has it spells it
        int contacts = 0;
    };
    QMap<QString, TagUse> tags; // by the lower-cased tag, as tags are compared
    for (const Contact& contact : std::as_const(*contacts)) {
        for (const QString& tag : contact.tags) {
            TagUse& use = tags[tag.toLower()];
            if (use.name.isEmpty())
                use.name = tag;
            ++use.contacts;
        }
    }
    // A cadence on a tag no contact has (yet) is listed too, so that it can be found and taken away.
    for (auto it = cadences->cbegin(); it != cadences->cend(); ++it) {
        if (!tags.contains(it.key()))
            tags.insert(it.key(), { it.key(), 0 });
    }

    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
            const int days = cadences->value(it.key());
            array.append(QJsonObject {
                { QStringLiteral("tag"), it->name },
                { QStringLiteral("contacts"), it->contacts },
                { QStringLiteral("keep_in_touch_days"), days > 0 ? QJsonValue(days) : QJsonValue() },
            });
        }
        printJson(m_out, array);
        return Ok;
    }
    if (tags.isEmpty()) {
        m_out << tr("No contact has a tag yet (contacts edit ID --tags TAG).") << '\n';
        return Ok;
    }
    QList<QStringList> rows { { tr("TAG"), tr("CONTACTS"), tr("KEEP IN TOUCH") } };
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        rows.append({ it->name, QString::number(it->contacts), keep_in_touch::describe(cadences->value(it.key())) });
    printTable(m_out, rows);
    return Ok;
}

int Cli::tagsSetCadence(const QStringList& arguments)
{
    const QString tag = normalizedTags({ arguments[0] }).value(0); // as contacts' tags are stored
    if (tag.isEmpty())
        return fail(tr("a tag needs a name"));
    const std::optional<int> days = keep_in_touch::parse(arguments[1]);
    if (!days)
        return fail(tr("\"%1\" is not a keep-in-touch cadence; use %2").arg(arguments[1], cadenceChoices()));

    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    if (Status stored = TagCadenceRepository(**database).set(tag, *days); !stored)
        return fail(stored.error());
    auto contacts = ContactRepository(**database).all();
    if (!contacts)
        return fail(contacts.error());
    const auto tagged = std::count_if(contacts->cbegin(), contacts->cend(), [&](const Contact& contact) {
        return contact.tags.contains(tag, Qt::CaseInsensitive);
    });
    m_out << tr("Keep in touch with tag %1: %2.").arg(tag, keep_in_touch::describe(*days)) << u' '
          << (tagged == 0       ? tr("No contact has this tag yet.")
                  : tagged == 1 ? tr("1 contact has it.")
                                : tr("%1 contacts have it.").arg(tagged))
          << '\n';
    return Ok;
}

int Cli::log(const QStringList& arguments)
{
    const std::optional<qint64> contactId = parseContactId(arguments[0]);
    if (!contactId)
        return fail(notAContactId(arguments[0]));
    Interaction interaction;
    interaction.contactId = *contactId;
    const auto kind = interactionKindFromKey(arguments[1]);
    if (!kind)
        return fail(tr("unknown kind \"%1\"; use one of: %2").arg(arguments[1], interactionKindKeys()));
    interaction.kind = *kind;
    interaction.occurredAt = QDateTime::currentDateTimeUtc();
    if (m_parser.isSet(QStringLiteral("at"))) {
        const QString at = m_parser.value(QStringLiteral("at"));
        interaction.occurredAt = parseTime(at);
        // Well formed, but a local time the clocks skip (02:30 on the night summer time starts): read as UTC
        // it is a time, so it is the zone that has no such time.
        if (!interaction.occurredAt.isValid() && parseTime(at.trimmed() + u'Z').isValid()) {
            return fail(tr("--at \"%1\" does not exist in the local time zone (%2): the clocks skip it; give the time "
                           "after the change or a zone such as +01:00")
                            .arg(at, QString::fromUtf8(QTimeZone::systemTimeZoneId())));
        }
        if (!interaction.occurredAt.isValid()) {
            return fail(tr("--at \"%1\" is not an ISO 8601 date and time such as 2026-11-21T09:30:00Z")
                            .arg(m_parser.value(QStringLiteral("at"))));
        }
    }
    interaction.text = m_parser.value(QStringLiteral("text"));
    interaction.url = m_parser.value(QStringLiteral("url")).trimmed();
    interaction.templateName = m_parser.value(QStringLiteral("template")).trimmed();

    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    if (interaction.kind == InteractionKind::RequestSent) {
        // The request was sent by hand already, so it is logged; but the user hears which limit it crossed.
        auto limits = CadenceSettings(**database).limits();
        auto everything = InteractionRepository(**database).all();
        if (limits && everything) {
            for (const LimitBreach& breach :
                 checkNewRequest(*limits, *everything, interaction.contactId, interaction.occurredAt))
                m_err << kProgram << ": " << tr("warning: %1").arg(breach.message) << '\n';
        }
        // Counted as LinkedIn counts (UTF-16 code units), against the account's limit.
        const AccountType account = CadenceSettings(**database).accountType().value_or(AccountType::Premium);
        if (const int limit = noteCharacterLimit(account); interaction.text.size() > limit) {
            m_err << kProgram << ": "
                  << tr("warning: the note is %1 characters, over the %2-character limit of a %3 account")
                         .arg(interaction.text.size())
                         .arg(limit)
                         .arg(displayName(account))
                  << '\n';
        }
    }
    auto id = InteractionRepository(**database).add(interaction);
    if (!id)
        return fail(id.error());
    m_out << tr("Logged %1 for contact %2 (interaction %3).")
                 .arg(toKey(interaction.kind))
                 .arg(interaction.contactId)
                 .arg(*id)
          << '\n';
    return Ok;
}

int Cli::interactions(const QStringList& arguments)
{
    qint64 contactId = 0;
    if (!arguments.isEmpty()) {
        const std::optional<qint64> parsed = parseContactId(arguments[0]);
        if (!parsed)
            return fail(notAContactId(arguments[0]));
        contactId = *parsed;
    }
    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    InteractionRepository repository(**database);
    if (contactId != 0) {
        if (auto contact = ContactRepository(**database).find(contactId); !contact)
            return fail(contact.error());
    }
    auto log = contactId != 0 ? repository.forContact(contactId) : repository.all();
    if (!log)
        return fail(log.error());

    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Interaction& interaction : *log)
            array.append(Json::fromInteraction(interaction));
        printJson(m_out, array);
        return Ok;
    }
    QList<QStringList> rows { { tr("ID"), tr("CONTACT"), tr("WHEN"), tr("KIND"), tr("TEXT") } };
    const QLocale locale;
    for (const Interaction& interaction : *log) {
        rows.append({ QString::number(interaction.id), QString::number(interaction.contactId),
                      locale.toString(interaction.occurredAt.toLocalTime(), QLocale::ShortFormat),
                      toKey(interaction.kind), interaction.text.simplified().left(60) });
    }
    printTable(m_out, rows);
    return Ok;
}

} // namespace rapport
