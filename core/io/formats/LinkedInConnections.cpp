#include "core/io/formats/FormatRegistry.h"

namespace rapport::formats {

namespace {

// LinkedIn's Connections.csv: First Name, Last Name, URL, Email Address, Company, Position, Connected On.
// Its files are the ones with tens of thousands of rows, so its columns are looked up once.
class LinkedInConnections final : public FormatReader
{
public:
    explicit LinkedInConnections(const Columns& columns)
        : FormatReader(columns)
        , m_firstName(columns.indexOf(QStringLiteral("First Name")))
        , m_lastName(columns.indexOf(QStringLiteral("Last Name")))
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
                    tr("Connected On \"%1\" is not a date such as 21 Nov 2022 or 01-Jul-25.").arg(connectedOn));
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
