#include "core/io/formats/FormatRegistry.h"

#include <optional>

namespace rapport::formats {

namespace {

// LinkedIn's messages.csv since 2019: CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO,
// RECIPIENT PROFILE URLS (not in every export), DATE, SUBJECT, CONTENT, FOLDER, then ATTACHMENTS,
// IS MESSAGE DRAFT and IS CONVERSATION DRAFT in later ones. The file does not say whose it is: a message from
// the user's own name was sent, any other was received. Without the name given, the user is the name seen
// most often on either side, as they take part in every conversation.
class LinkedInMessages final : public FormatReader
{
public:
    using FormatReader::FormatReader;

    ImportFormat format() const override { return ImportFormat::LinkedInMessages; }
    bool matches() const override
    {
        return columns().hasAll({ "CONVERSATION ID", "FROM", "SENDER PROFILE URL", "DATE", "CONTENT" });
    }
    QStringList requiredColumns() const override
    {
        return { QStringLiteral("FROM"), QStringLiteral("SENDER PROFILE URL"), QStringLiteral("TO"),
                 QStringLiteral("DATE"), QStringLiteral("CONTENT") };
    }

    Status prepare(const ImportOptions& options, ParsedImport& description) override
    {
        m_ownName = options.ownName.simplified();
        description.ownName = m_ownName;
        return success();
    }

    // Without RECIPIENT PROFILE URLS (in some exports since 2023), a recipient's profile is the one the file
    // gives for them as a sender, so that a message to someone and their answer are logged on one contact.
    bool needsScan() const override { return m_ownName.isEmpty() || !m_hasRecipientUrls; }
    void scan(const CsvRecord& row) override
    {
        const QString from = get(row, "FROM").simplified();
        if (!from.isEmpty()) {
            ++m_seen[from].appearances;
            ++m_seen[from].sent;
            if (!m_hasRecipientUrls) {
                if (const QString url = get(row, "SENDER PROFILE URL"); !url.isEmpty())
                    m_senderProfiles.insert(from.toCaseFolded(), url);
            }
        }
        for (const Party& to : recipients(row).value_or(QList<Party> {})) {
            if (!to.name.isEmpty())
                ++m_seen[to.name].appearances;
        }
    }
    void finishScan(ParsedImport& description) override
    {
        if (m_ownName.isEmpty()) {
            // The most appearances, then the most messages sent, then the first name in order: the same file
            // always gives the same user.
            std::pair<int, int> most;
            for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it) {
                const std::pair<int, int> seen { it.value().appearances, it.value().sent };
                if (seen > most || (seen == most && it.key() < m_ownName)) {
                    most = seen;
                    m_ownName = it.key();
                }
            }
        }
        m_seen.clear();
        description.ownName = m_ownName;
    }

    void interpret(const CsvRecord& row, RecordSink& sink) override
    {
        const QString folder = get(row, "FOLDER").toUpper();
        if (folder == u"DRAFT" || folder == u"SPAM")
            return sink.skip(row.line, tr("a message in the %1 folder").arg(folder));
        if (truthy(get(row, "IS MESSAGE DRAFT")) || truthy(get(row, "IS CONVERSATION DRAFT")))
            return sink.skip(row.line, tr("a draft, never sent"));
        const QString dateText = get(row, "DATE");
        const QDateTime at = parseUtcDateTime(dateText);
        if (!at.isValid())
            return sink.skip(row.line, tr("DATE \"%1\" is not a time such as 2025-10-06 23:49:02 UTC.").arg(dateText));
        QString text = get(row, "CONTENT");
        if (const QString subject = get(row, "SUBJECT"); !subject.isEmpty())
            text = text.isEmpty() ? subject : subject + QStringLiteral("\n\n") + text;

        const QString from = get(row, "FROM").simplified();
        if (from.isEmpty())
            return sink.skip(row.line, tr("no sender (FROM is empty): whether it was sent or received is unknown"));
        if (!isOwn(from)) {
            ImportRecord record;
            record.line = row.line;
            record.reference = true;
            setFullName(record.contact, from);
            record.contact.profileUrl = get(row, "SENDER PROFILE URL");
            record.interactions.append({ 0, 0, InteractionKind::MessageReceived, at, text, QString(), QString() });
            return add(sink, std::move(record));
        }
        const std::optional<QList<Party>> to = recipients(row);
        if (!to) {
            return sink.skip(row.line,
                             tr("a message to several recipients whose names cannot be matched to their profiles"));
        }
        bool sent = false;
        for (const Party& party : *to) {
            if (party.name.isEmpty() || isOwn(party.name))
                continue;
            ImportRecord record;
            record.line = row.line;
            record.reference = true;
            setFullName(record.contact, party.name);
            record.contact.profileUrl = party.profileUrl;
            record.interactions.append({ 0, 0, InteractionKind::MessageSent, at, text, QString(), QString() });
            add(sink, std::move(record));
            sent = true;
        }
        if (!sent)
            sink.skip(row.line, tr("no recipient (TO is empty or only the user): the other party is unknown"));
    }

private:
    struct Party
    {
        QString name;
        QString profileUrl;
    };
    struct Seen
    {
        int appearances = 0;
        int sent = 0;
    };

    // The recipients, each with their profile when the file gives them (TO "Ann Lee,Bo Chen" and two URLs
    // for a group message); nothing when names and profiles cannot be paired.
    std::optional<QList<Party>> recipients(const CsvRecord& row) const
    {
        const QString to = get(row, "TO").simplified();
        const QStringList urls = get(row, "RECIPIENT PROFILE URLS").split(u',', Qt::SkipEmptyParts);
        if (!m_hasRecipientUrls)
            return QList<Party> { { to, m_senderProfiles.value(to.toCaseFolded()) } };
        if (urls.size() <= 1)
            return QList<Party> { { to, urls.value(0).trimmed() } };
        const QStringList names = to.split(u',', Qt::SkipEmptyParts);
        if (names.size() != urls.size())
            return std::nullopt;
        QList<Party> parties;
        for (qsizetype i = 0; i < names.size(); ++i)
            parties.append({ names.at(i).trimmed(), urls.at(i).trimmed() });
        return parties;
    }

    bool isOwn(const QString& name) const { return name.compare(m_ownName, Qt::CaseInsensitive) == 0; }

    const bool m_hasRecipientUrls = columns().has(u"RECIPIENT PROFILE URLS");
    QString m_ownName;
    QHash<QString, Seen> m_seen;
    QHash<QString, QString> m_senderProfiles; // by case-folded name
};

} // namespace

std::unique_ptr<FormatReader> linkedInMessages(const Columns& columns)
{
    return std::make_unique<LinkedInMessages>(columns);
}

} // namespace rapport::formats
