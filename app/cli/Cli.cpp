#include "app/cli/Cli.h"

#include "core/AppInfo.h"
#include "core/cadence/CadenceSettings.h"
#include "core/cadence/Limits.h"
#include "core/domain/StageResolver.h"
#include "core/io/ImportFormats.h"
#include "core/io/Json.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

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
    m_parser.addOptions({
        { QStringLiteral("db"), tr("The database file (default: $RAPPORT_DB, else %1).").arg(Database::defaultPath()),
          tr("path") },
        { QStringLiteral("json"), tr("Print JSON instead of text.") },
        { QStringLiteral("first"), tr("First name."), tr("name") },
        { QStringLiteral("last"), tr("Last name."), tr("name") },
        { QStringLiteral("company"), tr("Company."), tr("name") },
        { QStringLiteral("position"), tr("Position or headline."), tr("text") },
        { QStringLiteral("url"), tr("LinkedIn profile URL (contacts add) or the URL shared (log)."), tr("url") },
        { QStringLiteral("email"), tr("Email address."), tr("address") },
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
        { QStringLiteral("account"), tr("The LinkedIn account: premium or basic (rule set)."), tr("type") },
        { QStringLiteral("format"), tr("The file's format (import), one of: %1.").arg(importFormatKeys()), tr("name") },
        { QStringLiteral("map"), tr("Columns to fields for a generic file (import): \"Column=field,...\"."),
          tr("mapping") },
        { QStringLiteral("dry-run"), tr("Show what the import would do without changing anything.") },
        { QStringLiteral("contacts"), tr("How many sample contacts to add (demo)."), tr("N") },
        { QStringLiteral("seed"), tr("The seed of the sample data (demo; default 1)."), tr("S") },
    });

    m_commands = {
        { { QStringLiteral("contacts"), QStringLiteral("add") },
          QString(),
          { QStringLiteral("first"), QStringLiteral("last"), QStringLiteral("company"), QStringLiteral("position"),
            QStringLiteral("url"), QStringLiteral("email") },
          0,
          0,
          tr("Add a contact (--first and --last required)."),
          &Cli::contactsAdd },
        { { QStringLiteral("contacts"), QStringLiteral("list") },
          QString(),
          { QStringLiteral("json") },
          0,
          0,
          tr("List every contact with its stage."),
          &Cli::contactsList },
        { { QStringLiteral("log") },
          QStringLiteral("CONTACT_ID KIND"),
          { QStringLiteral("at"), QStringLiteral("text"), QStringLiteral("url"), QStringLiteral("template") },
          2,
          2,
          tr("Log an interaction. KIND is one of: %1.").arg(interactionKindKeys()),
          &Cli::log },
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
            QStringLiteral("account") },
          0,
          1,
          tr("Choose the cadence rule (custom takes --requests, --notes, --followups) or the account type."),
          &Cli::ruleSet },
        { { QStringLiteral("inspect") },
          QStringLiteral("FILE"),
          { QStringLiteral("json") },
          1,
          1,
          tr("Show how a CSV file is read: format, encoding, delimiter, header, rows, errors (no database)."),
          &Cli::inspect },
        { { QStringLiteral("import") },
          QStringLiteral("FILE"),
          { QStringLiteral("format"), QStringLiteral("map"), QStringLiteral("dry-run"), QStringLiteral("json") },
          1,
          1,
          tr("Import a CSV file (LinkedIn, Google, Outlook, Rapport's own, or mapped) in one transaction."),
          &Cli::importFile },
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
          &Cli::demo },
        { { QStringLiteral("backup") },
          QString(),
          {},
          0,
          0,
          tr("Back up the database now into the backups folder beside it."),
          &Cli::backup },
        { { QStringLiteral("restore") },
          QStringLiteral("FILE"),
          {},
          1,
          1,
          tr("Replace the database with a backup, keeping a backup of the current state first."),
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

int Cli::fail(const QString& message, int code)
{
    m_err << kProgram << ": " << message << '\n';
    m_err.flush();
    return code;
}

int Cli::run(const QStringList& arguments)
{
    if (!m_parser.parse(arguments))
        return fail(m_parser.errorText() + u' ' + tr("(see --help)"), BadUsage);
    if (m_parser.isSet(QStringLiteral("version"))) {
        m_out << kProgram << ' ' << AppInfo::version() << '\n';
        return Ok;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_out << helpText();
        return Ok;
    }

    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty()) {
        m_err << helpText();
        return BadUsage;
    }
    const Command* chosen = nullptr;
    for (const Command& command : m_commands) {
        if (positional.mid(0, command.words.size()) == command.words
            && (!chosen || command.words.size() > chosen->words.size()))
            chosen = &command;
    }
    if (!chosen)
        return fail(tr("unknown command \"%1\" (see --help)").arg(positional.mid(0, 2).join(u' ')), BadUsage);

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
    const int code = (this->*chosen->handler)(rest);
    m_out.flush();
    return code;
}

Result<std::unique_ptr<Database>> Cli::openDatabase()
{
    return Database::open(Database::resolvePath(m_parser.value(QStringLiteral("db"))));
}

int Cli::contactsAdd(const QStringList&)
{
    for (const char* required : { "first", "last" }) {
        if (!m_parser.isSet(QString::fromLatin1(required)))
            return fail(tr("contacts add needs --%1").arg(QString::fromLatin1(required)), BadUsage);
    }
    Contact contact;
    contact.firstName = m_parser.value(QStringLiteral("first")).trimmed();
    contact.lastName = m_parser.value(QStringLiteral("last")).trimmed();
    contact.company = m_parser.value(QStringLiteral("company")).trimmed();
    contact.position = m_parser.value(QStringLiteral("position")).trimmed();
    contact.profileUrl = m_parser.value(QStringLiteral("url")).trimmed();
    contact.email = m_parser.value(QStringLiteral("email")).trimmed();

    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    auto id = ContactRepository(**database).add(contact);
    if (!id)
        return fail(id.error());
    m_out << tr("Added %1 (contact %2).").arg(contact.fullName()).arg(*id) << '\n';
    return Ok;
}

int Cli::contactsList(const QStringList&)
{
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

    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Contact& contact : *contacts)
            array.append(Json::fromContact(contact, stages->value(contact.id, Stage::Prospect)));
        printJson(m_out, array);
        return Ok;
    }
    QList<QStringList> rows { { tr("ID"), tr("NAME"), tr("COMPANY"), tr("STAGE") } };
    for (const Contact& contact : *contacts) {
        rows.append({ QString::number(contact.id), contact.fullName(), contact.company,
                      displayName(stages->value(contact.id, Stage::Prospect)) });
    }
    printTable(m_out, rows);
    return Ok;
}

int Cli::log(const QStringList& arguments)
{
    bool isNumber = false;
    Interaction interaction;
    interaction.contactId = arguments[0].toLongLong(&isNumber);
    if (!isNumber || interaction.contactId <= 0)
        return fail(tr("\"%1\" is not a contact id (a positive number, see contacts list)").arg(arguments[0]));
    const auto kind = interactionKindFromKey(arguments[1]);
    if (!kind)
        return fail(tr("unknown kind \"%1\"; use one of: %2").arg(arguments[1], interactionKindKeys()));
    interaction.kind = *kind;
    interaction.occurredAt = QDateTime::currentDateTimeUtc();
    if (m_parser.isSet(QStringLiteral("at"))) {
        interaction.occurredAt = parseTime(m_parser.value(QStringLiteral("at")));
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
        bool isNumber = false;
        contactId = arguments[0].toLongLong(&isNumber);
        if (!isNumber || contactId <= 0)
            return fail(tr("\"%1\" is not a contact id (a positive number, see contacts list)").arg(arguments[0]));
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
