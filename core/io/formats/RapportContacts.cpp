#include "core/io/formats/FormatRegistry.h"

#include "core/domain/KeepInTouch.h"

namespace rapport::formats {

namespace {

// Rapport's own contacts export (see Exporter): every field under its snake_case name.
class RapportContacts final : public FormatReader
{
public:
    using FormatReader::FormatReader;

    ImportFormat format() const override { return ImportFormat::RapportContacts; }
    bool matches() const override
    {
        return columns().hasAll({ "first_name", "last_name", "profile_url", "how_we_know" });
    }
    QStringList requiredColumns() const override
    {
        return { QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("profile_url"),
                 QStringLiteral("email") };
    }

    void interpret(const CsvRecord& row, RecordSink& sink) override
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
                return sink.skip(row.line,
                                 tr("keep_in_touch \"%1\" is not none, close, regular, occasional, yearly or a "
                                    "number of days from 7 to 730.")
                                     .arg(keepInTouch));
            contact.keepInTouchDays = *days;
        }
        const QString created = raw(row, "created_at");
        contact.createdAt = parseIso(created);
        if (!created.isEmpty() && !contact.createdAt.isValid())
            return sink.skip(row.line, tr("created_at \"%1\" is not an ISO 8601 time.").arg(created));
        add(sink, std::move(record));
    }
};

} // namespace

std::unique_ptr<FormatReader> rapportContacts(const Columns& columns)
{
    return std::make_unique<RapportContacts>(columns);
}

} // namespace rapport::formats
