#include "core/io/ImportFormats.h"

#include "core/domain/KeepInTouch.h"

#include "core/domain/Identity.h"
#include "core/io/CsvTable.h"
#include "core/io/CsvWriter.h"
#include "core/io/ExportArchive.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

#include <array>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ImportFormats", text);
}

struct FormatNames
{
    ImportFormat format;
    const char* key;
    const char* label;
};

constexpr std::array<FormatNames, 8> kFormats { {
    { ImportFormat::LinkedInConnections, "linkedin-connections",
      QT_TRANSLATE_NOOP("ImportFormats", "LinkedIn connections (Connections.csv)") },
    { ImportFormat::LinkedInInvitations, "linkedin-invitations",
      QT_TRANSLATE_NOOP("ImportFormats", "LinkedIn invitations (Invitations.csv)") },
    { ImportFormat::LinkedInMessages, "linkedin-messages",
      QT_TRANSLATE_NOOP("ImportFormats", "LinkedIn messages (messages.csv)") },
    { ImportFormat::Google, "google", QT_TRANSLATE_NOOP("ImportFormats", "Google Contacts") },
    { ImportFormat::Outlook, "outlook", QT_TRANSLATE_NOOP("ImportFormats", "Outlook contacts") },
    { ImportFormat::RapportContacts, "rapport-contacts", QT_TRANSLATE_NOOP("ImportFormats", "Rapport contacts") },
    { ImportFormat::RapportInteractions, "rapport-interactions",
      QT_TRANSLATE_NOOP("ImportFormats", "Rapport interactions") },
    { ImportFormat::Generic, "generic", QT_TRANSLATE_NOOP("ImportFormats", "Other CSV (columns mapped by hand)") },
} };

// The columns of Rapport's own export (see Exporter); the import reads them by name too.
const QStringList kInteractionColumns { QStringLiteral("contact_profile_url"),
                                        QStringLiteral("contact_email"),
                                        QStringLiteral("contact_name"),
                                        QStringLiteral("kind"),
                                        QStringLiteral("occurred_at"),
                                        QStringLiteral("template"),
                                        QStringLiteral("text"),
                                        QStringLiteral("url") };

// Column lookup by name, case-insensitive; a missing column reads as empty.
class Columns
{
public:
    explicit Columns(const QStringList& header)
    {
        for (qsizetype i = 0; i < header.size(); ++i) {
            const QString key = header.at(i).trimmed().toCaseFolded();
            if (!m_index.contains(key))
                m_index.insert(key, int(i));
        }
    }
    bool has(QStringView name) const { return m_index.contains(name.toString().toCaseFolded()); }
    bool hasAll(std::initializer_list<const char*> names) const
    {
        for (const char* name : names) {
            if (!has(QString::fromLatin1(name)))
                return false;
        }
        return true;
    }
    int indexOf(const QString& name) const { return m_index.value(name.toCaseFolded(), -1); }
    // The names are string literals: their index is looked up once per literal.
    QString get(const QStringList& fields, const char* name) const
    {
        auto it = m_literals.constFind(name);
        if (it == m_literals.cend())
            it = m_literals.insert(name, indexOf(QString::fromLatin1(name)));
        return cell(fields, it.value());
    }
    QString get(const QStringList& fields, const QString& name) const { return cell(fields, indexOf(name)); }
    static QString cell(const QStringList& fields, int i)
    {
        return i >= 0 && i < fields.size() ? fields.at(i).trimmed() : QString();
    }

private:
    QHash<QString, int> m_index;
    mutable QHash<const char*, int> m_literals;
};

// Spaces Excel and LinkedIn put in dates (no-break, narrow no-break) become plain ones.
QString plainSpaces(QString text)
{
    for (QChar& c : text) {
        if (c == QChar(0x00A0) || c == QChar(0x202F) || c == QChar(0x2009))
            c = u' ';
    }
    return text.simplified();
}

// Two-digit years from a spreadsheet: Qt reads "25" as 1925.
QDate fixCentury(QDate date)
{
    return date.isValid() && date.year() < 1970 ? date.addYears(100) : date;
}

// "Nov" -> 11, for the English month abbreviations LinkedIn and Excel write (only the first three letters
// count, in any case).
int monthOf(QStringView name)
{
    if (name.size() < 3)
        return 0;
    static constexpr char16_t months[] = u"janfebmaraprmayjunjulaugsepoctnovdec";
    const char16_t a = name[0].toCaseFolded().unicode();
    const char16_t b = name[1].toCaseFolded().unicode();
    const char16_t c = name[2].toCaseFolded().unicode();
    for (int i = 0; i < 12; ++i) {
        if (months[3 * i] == a && months[3 * i + 1] == b && months[3 * i + 2] == c)
            return i + 1;
    }
    return 0;
}

// "21 Nov 2022" exactly as LinkedIn writes it, read without allocating; an invalid date for any other shape.
QDate dayMonthYear(QStringView text)
{
    const auto digits = [&](qsizetype from, qsizetype count, int& value) {
        value = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            if (i >= text.size() || !text[i].isDigit() || text[i].unicode() > 127)
                return false;
            value = value * 10 + (text[i].unicode() - u'0');
        }
        return true;
    };
    int day = 0;
    int year = 0;
    const qsizetype dayLength = text.size() > 1 && text[1] == u' ' ? 1 : 2;
    if (text.size() != dayLength + 9 || !digits(0, dayLength, day) || text[dayLength] != u' '
        || text[dayLength + 4] != u' ' || !digits(dayLength + 5, 4, year))
        return {};
    const int month = monthOf(text.mid(dayLength + 1, 3));
    return month > 0 ? QDate(year, month, day) : QDate();
}

// Connected On: "21 Nov 2022", "4 Nov 2022", and "01-Jul-25" from a file re-saved in Excel (also ISO
// "2022-11-21"). Split by hand: QLocale's format parser would cost more than the rest of the row. A date
// without a time is taken at noon UTC, so that it shows as the same day in every time zone but the farthest.
QDateTime parseConnectedOn(const QString& text)
{
    if (const QDate date = dayMonthYear(text); date.isValid())
        return QDateTime(date, QTime(12, 0), Qt::UTC);
    const QString clean = plainSpaces(text);
    QDate date = QDate::fromString(clean, Qt::ISODate);
    if (!date.isValid()) {
        const QList<QStringView> parts = QStringView(clean).split(clean.contains(u'-') ? u'-' : u' ');
        if (parts.size() == 3) {
            bool dayOk = false;
            bool yearOk = false;
            const int day = parts[0].toInt(&dayOk);
            const int month = monthOf(parts[1]);
            int year = parts[2].toInt(&yearOk);
            if (yearOk && parts[2].size() == 2)
                year += year < 70 ? 2000 : 1900;
            if (dayOk && yearOk && month > 0 && parts[1].size() >= 3)
                date = QDate(year, month, day);
        }
    }
    return date.isValid() ? QDateTime(date, QTime(12, 0), Qt::UTC) : QDateTime();
}

// Invitations' Sent At: "9/27/25, 8:41 AM", in UTC.
QDateTime parseSentAt(const QString& text)
{
    const QString clean = plainSpaces(text);
    const QLocale c = QLocale::c();
    for (const char* format : { "M/d/yy, h:mm AP", "M/d/yy, h:mm ap", "M/d/yyyy, h:mm AP", "M/d/yy h:mm AP" }) {
        QDateTime time = c.toDateTime(clean, QString::fromLatin1(format));
        if (time.isValid()) {
            const QDate date = QString::fromLatin1(format).contains(u"yyyy") ? time.date() : fixCentury(time.date());
            return QDateTime(date, time.time(), Qt::UTC);
        }
    }
    return {};
}

// messages.csv's DATE: "2025-10-06 23:49:02 UTC".
QDateTime parseMessageDate(const QString& text)
{
    QString clean = plainSpaces(text);
    if (clean.endsWith(u" UTC"))
        clean.chop(4);
    QDateTime time = QDateTime::fromString(clean, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!time.isValid())
        time = QDateTime::fromString(clean, QStringLiteral("yyyy-MM-dd HH:mm"));
    return time.isValid() ? QDateTime(time.date(), time.time(), Qt::UTC) : QDateTime();
}

QDateTime parseIso(const QString& text)
{
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

// "Mary Ann Smith" -> ("Mary", "Ann Smith"): the first word is the given name.
void setFullName(Contact& contact, const QString& fullName)
{
    const QString name = fullName.simplified();
    const qsizetype space = name.indexOf(u' ');
    contact.firstName = space < 0 ? name : name.left(space);
    contact.lastName = space < 0 ? QString() : name.mid(space + 1);
}

// Google's multi-value cells: "a@x.com ::: b@y.com".
QStringList multiValues(const QString& cell)
{
    QStringList values;
    for (const QString& value : cell.split(QStringLiteral(" ::: "), Qt::SkipEmptyParts)) {
        if (!value.trimmed().isEmpty())
            values.append(value.trimmed());
    }
    return values;
}

bool isLinkedInUrl(const QString& url)
{
    return url.contains(QStringLiteral("linkedin.com/"), Qt::CaseInsensitive);
}

bool truthy(const QString& text)
{
    const QString value = text.trimmed().toLower();
    return value == u"1" || value == u"true" || value == u"yes" || value == u"y" || value == u"x";
}

QString joined(const QStringList& parts, const QString& separator)
{
    QStringList nonEmpty;
    for (const QString& part : parts) {
        if (!part.trimmed().isEmpty())
            nonEmpty.append(part.trimmed());
    }
    return nonEmpty.join(separator);
}

QString noName()
{
    return tr("no name (a member who left LinkedIn, or an empty row)");
}

using Row = CsvRecord;

// Connections.csv's columns, looked up once: its files are the ones with tens of thousands of rows.
struct ConnectionColumns
{
    explicit ConnectionColumns(const Columns& columns)
        : firstName(columns.indexOf(QStringLiteral("First Name")))
        , lastName(columns.indexOf(QStringLiteral("Last Name")))
        , url(columns.indexOf(QStringLiteral("URL")))
        , email(columns.indexOf(QStringLiteral("Email Address")))
        , company(columns.indexOf(QStringLiteral("Company")))
        , position(columns.indexOf(QStringLiteral("Position")))
        , connectedOn(columns.indexOf(QStringLiteral("Connected On")))
    {
    }
    int firstName;
    int lastName;
    int url;
    int email;
    int company;
    int position;
    int connectedOn;
};

// Each interpreter turns one row into records or a reason to skip it.
class Interpreter
{
public:
    Interpreter(const Columns& columns, ParsedImport& parsed)
        : m_columns(columns)
        , m_connection(columns)
        , m_parsed(parsed)
    {
    }

    void skip(qint64 line, const QString& reason) { m_parsed.skipped.append({ line, reason }); }
    void add(ImportRecord&& record)
    {
        // A reference may be found by its profile or email alone; a contact of its own needs a name.
        if (!record.reference && record.contact.firstName.isEmpty() && record.contact.lastName.isEmpty()) {
            skip(record.line, noName());
            return;
        }
        m_parsed.records.append(std::move(record));
    }

    void interpret(ImportFormat format, const Row& row)
    {
        switch (format) {
        case ImportFormat::LinkedInConnections:
            return connection(row);
        case ImportFormat::LinkedInInvitations:
            return invitation(row);
        case ImportFormat::LinkedInMessages:
            return message(row);
        case ImportFormat::Google:
            return google(row);
        case ImportFormat::Outlook:
            return outlook(row);
        case ImportFormat::RapportContacts:
            return rapportContact(row);
        case ImportFormat::RapportInteractions:
            return rapportInteraction(row);
        case ImportFormat::Generic:
            return generic(row);
        }
    }

    void connection(const Row& row)
    {
        ImportRecord record;
        record.line = row.line;
        Contact& contact = record.contact;
        contact.firstName = Columns::cell(row.fields, m_connection.firstName);
        contact.lastName = Columns::cell(row.fields, m_connection.lastName);
        contact.profileUrl = Columns::cell(row.fields, m_connection.url);
        contact.email = Columns::cell(row.fields, m_connection.email);
        contact.company = Columns::cell(row.fields, m_connection.company);
        contact.position = Columns::cell(row.fields, m_connection.position);
        const QString connectedOn = Columns::cell(row.fields, m_connection.connectedOn);
        if (contact.firstName.isEmpty() && contact.lastName.isEmpty())
            return skip(row.line, noName());
        if (!connectedOn.isEmpty()) {
            const QDateTime at = parseConnectedOn(connectedOn);
            if (!at.isValid()) {
                return skip(row.line,
                            tr("Connected On \"%1\" is not a date such as 21 Nov 2022 or 01-Jul-25.").arg(connectedOn));
            }
            Interaction accepted;
            accepted.kind = InteractionKind::RequestAccepted;
            accepted.occurredAt = at;
            record.interactions.append(std::move(accepted));
        }
        add(std::move(record));
    }

    void invitation(const Row& row)
    {
        const QString direction = get(row, "Direction").toUpper();
        const QString sentAtText = get(row, "Sent At");
        const QDateTime sentAt = parseSentAt(sentAtText);
        if (!sentAt.isValid())
            return skip(row.line, tr("Sent At \"%1\" is not a time such as 9/27/25, 8:41 AM.").arg(sentAtText));
        ImportRecord record;
        record.line = row.line;
        Interaction entry;
        entry.occurredAt = sentAt;
        const QString message = get(row, "Message");
        if (direction == u"OUTGOING") {
            setFullName(record.contact, get(row, "To"));
            record.contact.profileUrl = get(row, "inviteeProfileUrl");
            entry.kind = InteractionKind::RequestSent;
            entry.text = message;
        } else if (direction == u"INCOMING") {
            setFullName(record.contact, get(row, "From"));
            record.contact.profileUrl = get(row, "inviterProfileUrl");
            entry.kind = InteractionKind::Note;
            entry.text = message.isEmpty() ? tr("Invited me to connect (pending on LinkedIn).")
                                           : tr("Invited me to connect (pending on LinkedIn): %1").arg(message);
        } else {
            return skip(row.line, tr("Direction \"%1\" is neither OUTGOING nor INCOMING.").arg(direction));
        }
        record.interactions.append(std::move(entry));
        add(std::move(record));
    }

    void message(const Row& row)
    {
        const QString folder = get(row, "FOLDER").toUpper();
        if (folder == u"DRAFT" || folder == u"SPAM")
            return skip(row.line, tr("a message in the %1 folder").arg(folder));
        const QString dateText = get(row, "DATE");
        const QDateTime at = parseMessageDate(dateText);
        if (!at.isValid())
            return skip(row.line, tr("DATE \"%1\" is not a time such as 2025-10-06 23:49:02 UTC.").arg(dateText));
        QString text = get(row, "CONTENT");
        if (const QString subject = get(row, "SUBJECT"); !subject.isEmpty())
            text = text.isEmpty() ? subject : subject + QStringLiteral("\n\n") + text;

        const QString from = get(row, "FROM");
        if (from.compare(m_parsed.ownName, Qt::CaseInsensitive) != 0) {
            ImportRecord record;
            record.line = row.line;
            record.reference = true;
            setFullName(record.contact, from);
            record.contact.profileUrl = get(row, "SENDER PROFILE URL");
            record.interactions.append({ 0, 0, InteractionKind::MessageReceived, at, text, QString(), QString() });
            return add(std::move(record));
        }
        const QStringList urls = get(row, "RECIPIENT PROFILE URLS").split(u',', Qt::SkipEmptyParts);
        const QString to = get(row, "TO");
        QStringList names = to.split(u',', Qt::SkipEmptyParts);
        if (urls.size() <= 1)
            names = QStringList { to };
        if (names.size() != urls.size() && !(urls.isEmpty() && !to.isEmpty())) {
            return skip(
                row.line,
                tr("a message to %1 recipients whose names cannot be matched to their profiles").arg(urls.size()));
        }
        for (qsizetype i = 0; i < names.size(); ++i) {
            ImportRecord record;
            record.line = row.line;
            record.reference = true;
            setFullName(record.contact, names.at(i));
            record.contact.profileUrl = i < urls.size() ? urls.at(i).trimmed() : QString();
            record.interactions.append({ 0, 0, InteractionKind::MessageSent, at, text, QString(), QString() });
            add(std::move(record));
        }
    }

    void google(const Row& row)
    {
        ImportRecord record;
        record.line = row.line;
        Contact& contact = record.contact;
        contact.firstName = first(row, { "First Name", "Given Name" });
        contact.lastName = first(row, { "Last Name", "Family Name" });
        if (contact.firstName.isEmpty() && contact.lastName.isEmpty())
            setFullName(contact, first(row, { "Name", "File As", "Nickname" }));
        contact.company = first(row, { "Organization Name", "Organization 1 - Name" });
        contact.position = first(row, { "Organization Title", "Organization 1 - Title" });
        contact.notes = get(row, "Notes");
        QStringList emails;
        QStringList phones;
        QStringList websites;
        for (int n = 1; n <= 9; ++n) {
            emails += multiValues(get(row, QStringLiteral("E-mail %1 - Value").arg(n)));
            phones += multiValues(get(row, QStringLiteral("Phone %1 - Value").arg(n)));
            websites += multiValues(get(row, QStringLiteral("Website %1 - Value").arg(n)));
        }
        contact.email = emails.value(0);
        contact.phone = phones.value(0);
        for (const QString& website : std::as_const(websites)) {
            if (isLinkedInUrl(website)) {
                contact.profileUrl = website;
                break;
            }
        }
        contact.location
            = joined({ get(row, "Address 1 - City"), get(row, "Address 1 - Region"), get(row, "Address 1 - Country") },
                     QStringLiteral(", "));
        if (contact.location.isEmpty())
            contact.location = first(row, { "Address 1 - Formatted", "Location" }).simplified();
        // System groups ("* myContacts", "* starred") are not the user's tags; "* starred" is a star.
        for (const QString& label : multiValues(first(row, { "Labels", "Group Membership" }))) {
            if (label.compare(QStringLiteral("* starred"), Qt::CaseInsensitive) == 0)
                contact.starred = true;
            else if (!label.startsWith(u'*'))
                contact.tags.append(label);
        }
        contact.tags = normalizedTags(contact.tags);
        add(std::move(record));
    }

    void outlook(const Row& row)
    {
        ImportRecord record;
        record.line = row.line;
        Contact& contact = record.contact;
        contact.firstName = get(row, "First Name");
        contact.lastName = get(row, "Last Name");
        if (contact.firstName.isEmpty() && contact.lastName.isEmpty())
            setFullName(contact, first(row, { "Display Name", "Name", "E-mail Display Name" }));
        contact.company = get(row, "Company");
        contact.position = get(row, "Job Title");
        contact.email = first(row, { "E-mail Address", "E-mail 2 Address", "E-mail 3 Address" });
        contact.phone = first(row, { "Mobile Phone", "Business Phone", "Primary Phone", "Home Phone", "Other Phone" });
        contact.location = joined(
            { first(row, { "Business City", "Home City", "Other City" }),
              first(row, { "Business Country/Region", "Business Country", "Home Country/Region", "Home Country" }) },
            QStringLiteral(", "));
        const QString webPage = get(row, "Web Page");
        if (isLinkedInUrl(webPage))
            contact.profileUrl = webPage;
        contact.notes = get(row, "Notes");
        contact.tags = normalizedTags(get(row, "Categories").split(QRegularExpression(QStringLiteral("[;,]"))));
        add(std::move(record));
    }

    void rapportContact(const Row& row)
    {
        ImportRecord record;
        record.line = row.line;
        Contact& contact = record.contact;
        for (const ContactTextField& field : kContactTextFields)
            contact.*field.member = raw(row, field.name);
        contact.tags = splitTags(raw(row, "tags"));
        contact.starred = truthy(raw(row, "starred"));
        const QString keepInTouch = raw(row, "keep_in_touch");
        if (!keepInTouch.isEmpty()) {
            const std::optional<int> days = keep_in_touch::parse(keepInTouch);
            if (!days)
                return skip(row.line,
                            tr("keep_in_touch \"%1\" is not none, close, regular, occasional, yearly or a "
                               "number of days from 7 to 730.")
                                .arg(keepInTouch));
            contact.keepInTouchDays = *days;
        }
        const QString created = raw(row, "created_at");
        contact.createdAt = parseIso(created);
        if (!created.isEmpty() && !contact.createdAt.isValid())
            return skip(row.line, tr("created_at \"%1\" is not an ISO 8601 time.").arg(created));
        add(std::move(record));
    }

    void rapportInteraction(const Row& row)
    {
        const QString kindText = raw(row, "kind");
        const auto kind = interactionKindFromKey(kindText);
        if (!kind)
            return skip(row.line, tr("kind \"%1\" is not one of: %2").arg(kindText, interactionKindKeys()));
        const QString at = raw(row, "occurred_at");
        Interaction entry;
        entry.kind = *kind;
        entry.occurredAt = parseIso(at);
        if (!entry.occurredAt.isValid())
            return skip(row.line, tr("occurred_at \"%1\" is not an ISO 8601 time.").arg(at));
        entry.templateName = raw(row, "template");
        entry.text = raw(row, "text");
        entry.url = raw(row, "url");
        ImportRecord record;
        record.line = row.line;
        record.reference = true;
        record.contact.profileUrl = raw(row, "contact_profile_url");
        record.contact.email = raw(row, "contact_email");
        setFullName(record.contact, raw(row, "contact_name"));
        record.interactions.append(std::move(entry));
        add(std::move(record));
    }

    void generic(const Row& row)
    {
        ImportRecord record;
        record.line = row.line;
        Contact& contact = record.contact;
        for (const auto& [column, field] : std::as_const(m_parsed.mapping)) {
            const QString value = get(row, column);
            if (value.isEmpty())
                continue;
            if (field == u"name") {
                Contact named;
                setFullName(named, value);
                if (contact.firstName.isEmpty())
                    contact.firstName = named.firstName;
                if (contact.lastName.isEmpty())
                    contact.lastName = named.lastName;
            } else if (field == u"tags") {
                contact.tags += value.split(QRegularExpression(QStringLiteral("[;,]")));
            } else if (field == u"starred") {
                contact.starred = contact.starred || truthy(value);
            } else {
                for (const ContactTextField& text : kContactTextFields) {
                    if (field == QLatin1StringView(text.name)) {
                        QString& target = contact.*text.member;
                        target = target.isEmpty() ? value : target + u' ' + value;
                    }
                }
            }
        }
        contact.tags = normalizedTags(contact.tags);
        add(std::move(record));
    }

private:
    QString get(const Row& row, const char* name) const { return m_columns.get(row.fields, name); }
    QString get(const Row& row, const QString& name) const { return m_columns.get(row.fields, name); }
    // Rapport's own cells: untrimmed, with the formula guard taken off.
    QString raw(const Row& row, const char* name) const
    {
        const int i = m_columns.indexOf(QString::fromLatin1(name));
        return i >= 0 && i < row.fields.size() ? CsvWriter::unescapeFormula(row.fields.at(i)) : QString();
    }
    QString first(const Row& row, std::initializer_list<const char*> names) const
    {
        for (const char* name : names) {
            if (QString value = get(row, name); !value.isEmpty())
                return value;
        }
        return {};
    }

    const Columns& m_columns;
    const ConnectionColumns m_connection;
    ParsedImport& m_parsed;
};

// The columns a format cannot do without, to check a format the caller chose.
QString missingColumns(ImportFormat format, const Columns& columns)
{
    auto need = [&](std::initializer_list<const char*> names) {
        QStringList missing;
        for (const char* name : names) {
            if (!columns.has(QString::fromLatin1(name)))
                missing.append(QString::fromLatin1(name));
        }
        return missing.join(QStringLiteral(", "));
    };
    switch (format) {
    case ImportFormat::LinkedInConnections:
        return need({ "First Name", "Last Name", "Connected On" });
    case ImportFormat::LinkedInInvitations:
        return need({ "From", "To", "Sent At", "Direction" });
    case ImportFormat::LinkedInMessages:
        return need({ "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS", "DATE", "CONTENT" });
    case ImportFormat::RapportContacts:
        return need({ "first_name", "last_name", "profile_url", "email" });
    case ImportFormat::RapportInteractions:
        return need({ "contact_profile_url", "contact_email", "contact_name", "kind", "occurred_at" });
    case ImportFormat::Google:
    case ImportFormat::Outlook:
    case ImportFormat::Generic:
        return {};
    }
    return {};
}

QString normalizedColumn(const QString& name)
{
    QString result;
    for (const QChar c : name.toCaseFolded()) {
        if (c.isLetterOrNumber())
            result += c;
    }
    return result;
}

} // namespace

struct ImportStream::Private
{
    std::unique_ptr<QIODevice> file; // openFile()'s: a file, or one inside an archive
    QIODevice* device = nullptr;
    std::optional<CsvTable> table;
    ParsedImport parsed; // the description, and the records and skipped rows of the batch being read
    std::optional<Columns> columns;
    std::optional<Interpreter> interpreter;
    QString error;

    Status open(const ImportOptions& options);
    // messages.csv: the most frequent sender, read through the whole file before the first batch.
    Status findOwnName();
};

Status ImportStream::Private::open(const ImportOptions& options)
{
    table.emplace(device);
    if (Status opened = table->open(); !opened)
        return Error { opened.error() };

    parsed.dialect = table->dialect();
    parsed.header = table->header();
    parsed.format = options.format.value_or(ImportFormats::detect(parsed.header));
    columns.emplace(parsed.header);
    if (const QString missing = missingColumns(parsed.format, *columns); !missing.isEmpty()) {
        return Error { tr("This is not a %1 file: it has no column %2 (its columns are: %3).")
                           .arg(toKey(parsed.format), missing, parsed.header.join(QStringLiteral(", "))) };
    }
    if (parsed.format == ImportFormat::Generic) {
        parsed.mapping = options.mapping.isEmpty() ? ImportFormats::guessMapping(parsed.header) : options.mapping;
        bool named = false;
        for (const auto& mapped : std::as_const(parsed.mapping))
            named
                = named || mapped.second == u"name" || mapped.second == u"first_name" || mapped.second == u"last_name";
        if (!named) {
            return Error { tr("No column gives a name: map one to name, first_name or last_name (columns: %1).")
                               .arg(parsed.header.join(QStringLiteral(", "))) };
        }
    }
    if (parsed.format == ImportFormat::LinkedInMessages) {
        parsed.ownName = options.ownName.trimmed();
        if (parsed.ownName.isEmpty()) {
            if (Status found = findOwnName(); !found)
                return found;
        }
    }
    interpreter.emplace(*columns, parsed);
    return success();
}

Status ImportStream::Private::findOwnName()
{
    QHash<QString, int> senders;
    CsvRecord record;
    while (table->next(record))
        ++senders[columns->get(record.fields, "FROM")];
    if (const auto& failure = table->error())
        return Error { failure->message };
    int most = 0;
    for (auto it = senders.cbegin(); it != senders.cend(); ++it) {
        if (it.value() > most || (it.value() == most && it.key() < parsed.ownName)) {
            most = it.value();
            parsed.ownName = it.key();
        }
    }
    // The rows are read again for their records, from the start, in the dialect already found.
    const CsvDialect dialect = table->dialect();
    table.emplace(device);
    return table->open(dialect);
}

ImportStream::ImportStream(std::unique_ptr<Private> data)
    : d(std::move(data))
{
}

ImportStream::~ImportStream() = default;

Result<std::unique_ptr<ImportStream>> ImportStream::openFile(const QString& path, const ImportOptions& options)
{
    auto file = ExportArchive::openFile(path);
    if (!file)
        return Error { file.error() };
    auto stream = open(file->get(), options);
    if (stream)
        (*stream)->d->file = std::move(*file);
    return stream;
}

Result<std::unique_ptr<ImportStream>> ImportStream::open(QIODevice* device, const ImportOptions& options)
{
    auto data = std::make_unique<Private>();
    data->device = device;
    if (Status opened = data->open(options); !opened)
        return Error { opened.error() };
    return std::unique_ptr<ImportStream>(new ImportStream(std::move(data)));
}

const ParsedImport& ImportStream::description() const
{
    return d->parsed;
}

bool ImportStream::next(ParsedImport& batch, qsizetype rows)
{
    if (!d->error.isEmpty() || !d->table)
        return false;
    qsizetype read = 0;
    CsvRecord record;
    while (read < rows && d->table->next(record)) {
        d->interpreter->interpret(d->parsed.format, record);
        ++read;
    }
    if (const auto& failure = d->table->error())
        d->error = failure->message;
    const QList<CsvError> rejected = d->table->takeRejected();
    for (const CsvError& row : rejected)
        d->parsed.skipped.append({ row.line, row.message });
    std::stable_sort(d->parsed.skipped.begin(), d->parsed.skipped.end(),
                     [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
    batch.records.append(std::move(d->parsed.records));
    batch.skipped.append(std::move(d->parsed.skipped));
    d->parsed.records.clear();
    d->parsed.skipped.clear();
    batch.rowCount += read + rejected.size();
    return d->error.isEmpty() && (read > 0 || !rejected.isEmpty());
}

const QString& ImportStream::error() const
{
    return d->error;
}

qint64 ImportStream::bytesRead() const
{
    return d->table ? d->table->bytesRead() : 0;
}

qint64 ImportStream::size() const
{
    return d->table ? d->table->size() : 0;
}

QString toKey(ImportFormat format)
{
    return QString::fromLatin1(kFormats[std::size_t(format)].key);
}

std::optional<ImportFormat> importFormatFromKey(QStringView key)
{
    for (const FormatNames& names : kFormats) {
        if (key == QLatin1StringView(names.key))
            return names.format;
    }
    return std::nullopt;
}

QString importFormatKeys()
{
    QStringList keys;
    for (const FormatNames& names : kFormats)
        keys.append(QString::fromLatin1(names.key));
    return keys.join(QStringLiteral(", "));
}

QString displayName(ImportFormat format)
{
    return QCoreApplication::translate("ImportFormats", kFormats[std::size_t(format)].label);
}

namespace ImportFormats {

ImportFormat detect(const QStringList& header)
{
    const Columns columns(header);
    if (columns.hasAll({ "contact_profile_url", "kind", "occurred_at" }))
        return ImportFormat::RapportInteractions;
    if (columns.hasAll({ "first_name", "last_name", "profile_url", "how_we_know" }))
        return ImportFormat::RapportContacts;
    if (columns.hasAll({ "First Name", "Last Name", "Connected On" }))
        return ImportFormat::LinkedInConnections;
    if (columns.hasAll({ "From", "To", "Sent At", "Direction" }))
        return ImportFormat::LinkedInInvitations;
    if (columns.hasAll({ "CONVERSATION ID", "FROM", "SENDER PROFILE URL", "DATE", "CONTENT" }))
        return ImportFormat::LinkedInMessages;
    if (columns.has(u"E-mail 1 - Value") || columns.hasAll({ "Given Name", "Family Name", "Group Membership" })
        || columns.hasAll({ "First Name", "Organization Name", "Labels" }))
        return ImportFormat::Google;
    if (columns.has(u"E-mail Address") && columns.has(u"First Name")
        && (columns.has(u"Job Title") || columns.has(u"Business Phone") || columns.has(u"Categories")))
        return ImportFormat::Outlook;
    return ImportFormat::Generic;
}

QStringList mappableFields()
{
    QStringList fields { QStringLiteral("name") };
    for (const ContactTextField& field : kContactTextFields)
        fields.append(QString::fromLatin1(field.name));
    fields << QStringLiteral("tags") << QStringLiteral("starred");
    return fields;
}

ColumnMapping guessMapping(const QStringList& header)
{
    static const QList<std::pair<const char*, QStringList>> synonyms {
        { "first_name",
          { QStringLiteral("firstname"), QStringLiteral("givenname"), QStringLiteral("first"),
            QStringLiteral("forename"), QStringLiteral("vorname"), QStringLiteral("prenom"),
            QStringLiteral("nombre") } },
        { "last_name",
          { QStringLiteral("lastname"), QStringLiteral("surname"), QStringLiteral("familyname"), QStringLiteral("last"),
            QStringLiteral("nachname"), QStringLiteral("nom"), QStringLiteral("apellido"),
            QStringLiteral("apellidos") } },
        { "name",
          { QStringLiteral("name"), QStringLiteral("fullname"), QStringLiteral("displayname"),
            QStringLiteral("contact"), QStringLiteral("contactname"), QStringLiteral("person") } },
        { "position",
          { QStringLiteral("position"), QStringLiteral("title"), QStringLiteral("jobtitle"), QStringLiteral("headline"),
            QStringLiteral("role"), QStringLiteral("beruf"), QStringLiteral("titel"), QStringLiteral("poste"),
            QStringLiteral("cargo") } },
        { "company",
          { QStringLiteral("company"), QStringLiteral("organization"), QStringLiteral("organisation"),
            QStringLiteral("employer"), QStringLiteral("companyname"), QStringLiteral("account"),
            QStringLiteral("firma"), QStringLiteral("unternehmen"), QStringLiteral("entreprise"),
            QStringLiteral("societe"), QStringLiteral("empresa") } },
        { "location",
          { QStringLiteral("location"), QStringLiteral("city"), QStringLiteral("address"), QStringLiteral("ort"),
            QStringLiteral("stadt"), QStringLiteral("ville"), QStringLiteral("ciudad") } },
        { "profile_url",
          { QStringLiteral("url"), QStringLiteral("linkedin"), QStringLiteral("linkedinurl"), QStringLiteral("profile"),
            QStringLiteral("profileurl"), QStringLiteral("linkedinprofile"), QStringLiteral("personlinkedinurl") } },
        { "email",
          { QStringLiteral("email"), QStringLiteral("emailaddress"), QStringLiteral("mail"),
            QStringLiteral("workemail") } },
        { "phone",
          { QStringLiteral("phone"), QStringLiteral("phonenumber"), QStringLiteral("mobile"),
            QStringLiteral("telephone"), QStringLiteral("tel"), QStringLiteral("telefon"),
            QStringLiteral("telefono") } },
        { "tags",
          { QStringLiteral("tags"), QStringLiteral("labels"), QStringLiteral("categories"),
            QStringLiteral("groups") } },
        { "notes",
          { QStringLiteral("notes"), QStringLiteral("note"), QStringLiteral("comments"), QStringLiteral("notiz"),
            QStringLiteral("notizen"), QStringLiteral("bemerkung"), QStringLiteral("remarques"),
            QStringLiteral("notas") } },
        { "starred", { QStringLiteral("starred"), QStringLiteral("favorite"), QStringLiteral("favourite") } },
    };
    ColumnMapping mapping;
    QStringList used;
    for (const QString& column : header) {
        const QString key = normalizedColumn(column);
        QString field;
        for (const ContactTextField& text : kContactTextFields) {
            if (key == normalizedColumn(QString::fromLatin1(text.name)))
                field = QString::fromLatin1(text.name);
        }
        for (const auto& [name, words] : synonyms) {
            if (field.isEmpty() && words.contains(key))
                field = QString::fromLatin1(name);
        }
        if (!field.isEmpty() && !used.contains(field)) {
            used.append(field);
            mapping.append({ column, field });
        }
    }
    return mapping;
}

Result<ColumnMapping> parseMapping(const QString& text, const QStringList& header)
{
    const Columns columns(header);
    const QStringList fields = mappableFields();
    ColumnMapping mapping;
    for (const QString& pair : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.lastIndexOf(u'=');
        const QString column = pair.left(equals).trimmed();
        const QString field = pair.mid(equals + 1).trimmed().toLower();
        if (equals <= 0 || field.isEmpty())
            return Error { tr("\"%1\" in the mapping is not Column=field.").arg(pair.trimmed()) };
        if (!columns.has(column)) {
            return Error {
                tr("The file has no column \"%1\"; its columns are: %2").arg(column, header.join(QStringLiteral(", ")))
            };
        }
        if (!fields.contains(field))
            return Error { tr("\"%1\" is not a field; use one of: %2").arg(field, fields.join(QStringLiteral(", "))) };
        mapping.append({ header.at(columns.indexOf(column)), field });
    }
    if (mapping.isEmpty())
        return Error { tr("The mapping is empty; give it as \"Column=field,...\".") };
    return mapping;
}

Result<ParsedImport> read(QIODevice* device, const ImportOptions& options, const ImportProgress& progress)
{
    auto stream = ImportStream::open(device, options);
    if (!stream)
        return Error { stream.error() };
    ParsedImport parsed = (*stream)->description();
    while ((*stream)->next(parsed, 512)) {
        if (progress && !progress((*stream)->bytesRead(), (*stream)->size()))
            return Error { tr("The import was cancelled.") };
    }
    if (!(*stream)->error().isEmpty())
        return Error { (*stream)->error() };
    if (progress && !progress((*stream)->size(), (*stream)->size()))
        return Error { tr("The import was cancelled.") };
    return parsed;
}

Result<ParsedImport> readFile(const QString& path, const ImportOptions& options, const ImportProgress& progress)
{
    auto file = ExportArchive::openFile(path);
    if (!file)
        return Error { file.error() };
    return read(file->get(), options, progress);
}

} // namespace ImportFormats

} // namespace rapport
