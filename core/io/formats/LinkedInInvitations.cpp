#include "core/io/formats/FormatRegistry.h"

namespace rapport::formats {

namespace {

// LinkedIn's Invitations.csv: From, To, Sent At, Message, Direction, inviterProfileUrl, inviteeProfileUrl
// (the two URLs since 2019). The user is the inviter of an OUTGOING invitation and the invitee of an INCOMING
// one, never a contact. An invitation the user sent is a pending request; one they received is a note, as it
// is not theirs to log.
class LinkedInInvitations final : public FormatReader
{
public:
    using FormatReader::FormatReader;

    ImportFormat format() const override { return ImportFormat::LinkedInInvitations; }
    bool matches() const override { return columns().hasAll({ "From", "To", "Sent At", "Direction" }); }
    QStringList requiredColumns() const override
    {
        return { QStringLiteral("From"), QStringLiteral("To"), QStringLiteral("Sent At"), QStringLiteral("Direction") };
    }

    void interpret(const CsvRecord& row, RecordSink& sink) override
    {
        const QString direction = get(row, "Direction").toUpper();
        const QString sentAtText = get(row, "Sent At");
        const QDateTime sentAt = parseShortDateTime(sentAtText);
        if (!sentAt.isValid())
            return sink.skip(row.line, tr("Sent At \"%1\" is not a time such as 9/27/25, 8:41 AM.").arg(sentAtText));
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
            return sink.skip(row.line, tr("Direction \"%1\" is neither OUTGOING nor INCOMING.").arg(direction));
        }
        if (record.contact.firstName.isEmpty() && record.contact.profileUrl.isEmpty())
            return sink.skip(row.line, tr("no name or profile for the other party of the invitation"));
        record.interactions.append(std::move(entry));
        add(sink, std::move(record));
    }
};

} // namespace

std::unique_ptr<FormatReader> linkedInInvitations(const Columns& columns)
{
    return std::make_unique<LinkedInInvitations>(columns);
}

} // namespace rapport::formats
