#include "core/io/formats/FormatRegistry.h"

namespace rapport::formats {

namespace {

// LinkedIn's Connections.csv: First Name, Last Name, URL, Email Address, Company, Position, Connected On;
// before 2019 without URL and with Connected On as "1/8/18, 6:14 PM". When the user chooses this format, a
// column renamed around its name ("De-Identified First Name" in an anonymised sample) is still found. Its
// files are the ones with tens of thousands of rows, so its columns are looked up once.
class LinkedInConnections final : public FormatReader
{
public:
    explicit LinkedInConnections(const Columns& columns)
        : FormatReader(columns)
        , m_firstName(columns.indexContaining(QStringLiteral("First Name")))
        , m_lastName(columns.indexContaining(QStringLiteral("Last Name")))
        , m_url(columns.indexOf(QStringLiteral("URL")))
        , m_email(columns.indexOf(QStringLiteral("Email Address")))
        , m_company(columns.indexOf(QStringLiteral("Company")))
        , m_position(columns.indexOf(QStringLiteral("Position")))
        , m_connectedOn(columns.indexOf(QStringLiteral("Connected On")))
    {
    }

    ImportFormat format() const override { return ImportFormat::LinkedInConnections; }
    bool matches() const override { return columns().hasAll({ "First Name", "Last Name", "Connected On" }); }
    QStringList requiredColumns() const override
    {
        return { QStringLiteral("First Name"), QStringLiteral("Last Name"), QStringLiteral("Connected On") };
    }
    QStringList missingColumns() const override
    {
        QStringList missing;
        for (const auto& [index, name] :
             { std::pair { m_firstName, "First Name" }, std::pair { m_lastName, "Last Name" },
               std::pair { m_connectedOn, "Connected On" } }) {
            if (index < 0)
                missing.append(QString::fromLatin1(name));
        }
        return missing;
    }
    QString skipReasonNoName() const override { return tr("no name (a member who left LinkedIn, or an empty row)"); }

    void interpret(const CsvRecord& row, RecordSink& sink) override
    {
        ImportRecord record;
        record.line = row.line;
        Contact& contact = record.contact;
        contact.firstName = Columns::cell(row.fields, m_firstName);
        contact.lastName = Columns::cell(row.fields, m_lastName);
        contact.profileUrl = Columns::cell(row.fields, m_url);
        contact.email = Columns::cell(row.fields, m_email);
        contact.company = Columns::cell(row.fields, m_company);
        contact.position = Columns::cell(row.fields, m_position);
        const QString connectedOn = Columns::cell(row.fields, m_connectedOn);
        if (contact.firstName.isEmpty() && contact.lastName.isEmpty())
            return sink.skip(row.line, skipReasonNoName());
        if (!connectedOn.isEmpty()) {
            const QDateTime at = parseDay(connectedOn);
            if (!at.isValid()) {
                return sink.skip(
                    row.line,
                    tr("Connected On \"%1\" is not a date such as 21 Nov 2022, 01-Jul-25 or 1/8/18, 6:14 PM.")
                        .arg(connectedOn));
            }
            Interaction accepted;
            accepted.kind = InteractionKind::RequestAccepted;
            accepted.occurredAt = at;
            record.interactions.append(std::move(accepted));
        }
        add(sink, std::move(record));
    }

private:
    const int m_firstName;
    const int m_lastName;
    const int m_url;
    const int m_email;
    const int m_company;
    const int m_position;
    const int m_connectedOn;
};

} // namespace

std::unique_ptr<FormatReader> linkedInConnections(const Columns& columns)
{
    return std::make_unique<LinkedInConnections>(columns);
}

} // namespace rapport::formats
