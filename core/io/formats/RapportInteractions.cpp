#include "core/io/formats/FormatRegistry.h"

namespace rapport::formats {

namespace {

// Rapport's own log export (see Exporter): contact_profile_url, contact_email, contact_name, kind,
// occurred_at, template, text, url. Each row names the contact its entry belongs to.
class RapportInteractions final : public FormatReader
{
public:
    using FormatReader::FormatReader;

    ImportFormat format() const override { return ImportFormat::RapportInteractions; }
    bool matches() const override { return columns().hasAll({ "contact_profile_url", "kind", "occurred_at" }); }
    QStringList requiredColumns() const override
    {
        return { QStringLiteral("contact_profile_url"), QStringLiteral("contact_email"), QStringLiteral("contact_name"),
                 QStringLiteral("kind"), QStringLiteral("occurred_at") };
    }

    void interpret(const CsvRecord& row, RecordSink& sink) override
    {
        const QString kindText = raw(row, "kind");
        const auto kind = interactionKindFromKey(kindText);
        if (!kind)
            return sink.skip(row.line, tr("kind \"%1\" is not one of: %2").arg(kindText, interactionKindKeys()));
        const QString at = raw(row, "occurred_at");
        Interaction entry;
        entry.kind = *kind;
        entry.occurredAt = parseIso(at);
        if (!entry.occurredAt.isValid())
            return sink.skip(row.line, tr("occurred_at \"%1\" is not an ISO 8601 time.").arg(at));
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
        add(sink, std::move(record));
    }
};

} // namespace

std::unique_ptr<FormatReader> rapportInteractions(const Columns& columns)
{
    return std::make_unique<RapportInteractions>(columns);
}

} // namespace rapport::formats
