#include "core/io/formats/FormatRegistry.h"

namespace rapport::formats {

namespace {

// LinkedIn's messages.csv: CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO,
// RECIPIENT PROFILE URLS, DATE, SUBJECT, CONTENT, FOLDER. The file does not say whose it is: a message from
// the user's own name was sent, any other was received. Without the name given, the most frequent sender is
// taken as the user.
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
        return { QStringLiteral("FROM"), QStringLiteral("SENDER PROFILE URL"),
                 QStringLiteral("TO"),   QStringLiteral("RECIPIENT PROFILE URLS"),
                 QStringLiteral("DATE"), QStringLiteral("CONTENT") };
    }

    Status prepare(const ImportOptions& options, ParsedImport& description) override
    {
        m_ownName = options.ownName.trimmed();
        description.ownName = m_ownName;
        return success();
    }

    bool needsScan() const override { return m_ownName.isEmpty(); }
    void scan(const CsvRecord& row) override { ++m_senders[get(row, "FROM")]; }
    void finishScan(ParsedImport& description) override
    {
        int most = 0;
        for (auto it = m_senders.cbegin(); it != m_senders.cend(); ++it) {
            if (it.value() > most || (it.value() == most && it.key() < m_ownName)) {
                most = it.value();
                m_ownName = it.key();
            }
        }
        m_senders.clear();
        description.ownName = m_ownName;
    }

    void interpret(const CsvRecord& row, RecordSink& sink) override
    {
        const QString folder = get(row, "FOLDER").toUpper();
        if (folder == u"DRAFT" || folder == u"SPAM")
            return sink.skip(row.line, tr("a message in the %1 folder").arg(folder));
        const QString dateText = get(row, "DATE");
        const QDateTime at = parseUtcDateTime(dateText);
        if (!at.isValid())
            return sink.skip(row.line, tr("DATE \"%1\" is not a time such as 2025-10-06 23:49:02 UTC.").arg(dateText));
        QString text = get(row, "CONTENT");
        if (const QString subject = get(row, "SUBJECT"); !subject.isEmpty())
            text = text.isEmpty() ? subject : subject + QStringLiteral("\n\n") + text;

        const QString from = get(row, "FROM");
        if (from.compare(m_ownName, Qt::CaseInsensitive) != 0) {
            ImportRecord record;
            record.line = row.line;
            record.reference = true;
            setFullName(record.contact, from);
            record.contact.profileUrl = get(row, "SENDER PROFILE URL");
            record.interactions.append({ 0, 0, InteractionKind::MessageReceived, at, text, QString(), QString() });
            return add(sink, std::move(record));
        }
        const QStringList urls = get(row, "RECIPIENT PROFILE URLS").split(u',', Qt::SkipEmptyParts);
        const QString to = get(row, "TO");
        QStringList names = to.split(u',', Qt::SkipEmptyParts);
        if (urls.size() <= 1)
            names = QStringList { to };
        if (names.size() != urls.size() && !(urls.isEmpty() && !to.isEmpty())) {
            return sink.skip(
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
            add(sink, std::move(record));
        }
    }

private:
    QString m_ownName;
    QHash<QString, int> m_senders;
};

} // namespace

std::unique_ptr<FormatReader> linkedInMessages(const Columns& columns)
{
    return std::make_unique<LinkedInMessages>(columns);
}

} // namespace rapport::formats
