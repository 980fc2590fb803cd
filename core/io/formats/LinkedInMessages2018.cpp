#include "core/io/formats/FormatRegistry.h"

namespace rapport::formats {

namespace {

// LinkedIn's Messages.csv until 2019: From, To, Date, Subject, Content, Direction, Folder. Direction says
// whether the user sent the message (OUTGOING, to To) or received it (INCOMING, from From), so the user's own
// name is never needed. Dates read "4/5/18, 1:23 PM"; the text is HTML-escaped ("&rsquo;", "&amp;").
class LinkedInMessages2018 final : public FormatReader
{
public:
    using FormatReader::FormatReader;

    ImportFormat format() const override { return ImportFormat::LinkedInMessages; }
    bool matches() const override { return columns().hasAll({ "From", "To", "Date", "Content", "Direction" }); }
    QStringList requiredColumns() const override
    {
        return { QStringLiteral("From"), QStringLiteral("To"), QStringLiteral("Date"), QStringLiteral("Content"),
                 QStringLiteral("Direction") };
    }

    void interpret(const CsvRecord& row, RecordSink& sink) override
    {
        const QString folder = get(row, "Folder").toUpper();
        if (folder == u"DRAFT" || folder == u"DRAFTS" || folder == u"SPAM")
            return sink.skip(row.line, tr("a message in the %1 folder").arg(folder));
        const QString direction = get(row, "Direction").toUpper();
        InteractionKind kind = InteractionKind::MessageReceived;
        QString other;
        if (direction == u"INCOMING") {
            other = get(row, "From");
        } else if (direction == u"OUTGOING") {
            kind = InteractionKind::MessageSent;
            other = get(row, "To");
        } else {
            return sink.skip(row.line, tr("Direction \"%1\" is neither OUTGOING nor INCOMING.").arg(direction));
        }
        if (other.isEmpty()) {
            return sink.skip(row.line,
                             kind == InteractionKind::MessageSent
                                 ? tr("no recipient (To is empty): the other party is unknown")
                                 : tr("no sender (From is empty): the other party is unknown"));
        }
        const QString dateText = get(row, "Date");
        QDateTime at = parseShortDateTime(dateText);
        if (!at.isValid())
            at = parseUtcDateTime(dateText);
        if (!at.isValid())
            at = parseIso(dateText);
        if (!at.isValid())
            return sink.skip(row.line, tr("Date \"%1\" is not a time such as 4/5/18, 1:23 PM.").arg(dateText));
        QString text = decodeHtmlEntities(get(row, "Content"));
        if (const QString subject = decodeHtmlEntities(get(row, "Subject")); !subject.isEmpty())
            text = text.isEmpty() ? subject : subject + QStringLiteral("\n\n") + text;

        ImportRecord record;
        record.line = row.line;
        record.reference = true;
        setFullName(record.contact, decodeHtmlEntities(other));
        record.interactions.append({ 0, 0, kind, at, text, QString(), QString() });
        add(sink, std::move(record));
    }
};

} // namespace

std::unique_ptr<FormatReader> linkedInMessages2018(const Columns& columns)
{
    return std::make_unique<LinkedInMessages2018>(columns);
}

} // namespace rapport::formats
