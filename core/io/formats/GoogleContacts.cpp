#include "core/io/formats/FormatRegistry.h"

namespace rapport::formats {

namespace {

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

// Google Contacts' CSV, the current layout (First Name, Last Name, Labels, E-mail 1 - Value...) and the
// legacy one (Given Name, Family Name, Group Membership...).
class GoogleContacts final : public FormatReader
{
public:
    using FormatReader::FormatReader;

    ImportFormat format() const override { return ImportFormat::Google; }
    bool matches() const override
    {
        return columns().has(u"E-mail 1 - Value")
            || columns().hasAll({ "Given Name", "Family Name", "Group Membership" })
            || columns().hasAll({ "First Name", "Organization Name", "Labels" });
    }

    // Chosen for a file that has none of its name columns, it names the current layout's first.
    QStringList requiredColumns() const override
    {
        for (const char* name : { "First Name", "Last Name", "Given Name", "Family Name", "Name", "File As" }) {
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
        contact.firstName
            = joined({ first(row, { "First Name", "Given Name" }), first(row, { "Middle Name", "Additional Name" }) },
                     QStringLiteral(" "));
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
        add(sink, std::move(record));
    }
};

} // namespace

std::unique_ptr<FormatReader> googleContacts(const Columns& columns)
{
    return std::make_unique<GoogleContacts>(columns);
}

} // namespace rapport::formats
