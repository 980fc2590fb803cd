#include "core/io/formats/FormatRegistry.h"

#include <QRegularExpression>

namespace rapport::formats {

namespace {

// Outlook's CSV export (First Name, Last Name, E-mail Address, Job Title, Business Phone, Categories...), as
// Outlook desktop and Google's "Outlook CSV" write it.
class OutlookContacts final : public FormatReader
{
public:
    using FormatReader::FormatReader;

    ImportFormat format() const override { return ImportFormat::Outlook; }
    bool matches() const override
    {
        return columns().has(u"E-mail Address") && columns().has(u"First Name")
            && (columns().has(u"Job Title") || columns().has(u"Business Phone") || columns().has(u"Categories"));
    }

    // Chosen for a file that has none of its name columns, it names the first of them.
    QStringList requiredColumns() const override
    {
        for (const char* name : { "First Name", "Last Name", "Display Name", "Name" }) {
            if (columns().has(QString::fromLatin1(name)))
                return {};
        }
        return { QStringLiteral("First Name") };
    }

    QString skipReasonNoName() const override { return tr("no name (its name columns are empty)"); }

    void interpret(const CsvRecord& row, RecordSink& sink) override
    {
        ImportRecord record;
        record.line = row.line;
        Contact& contact = record.contact;
        // A middle name stays with the given name: "Mary" and "Ann" are "Mary Ann".
        contact.firstName = joined({ get(row, "First Name"), get(row, "Middle Name") }, QStringLiteral(" "));
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
        add(sink, std::move(record));
    }
};

} // namespace

std::unique_ptr<FormatReader> outlookContacts(const Columns& columns)
{
    return std::make_unique<OutlookContacts>(columns);
}

} // namespace rapport::formats
