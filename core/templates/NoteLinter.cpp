#include "core/templates/NoteLinter.h"

#include "core/templates/TemplateRenderer.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("NoteLinter", text);
}

bool usesPlaceholder(const QString& body, std::initializer_list<const char*> names)
{
    for (const PlaceholderSpan& span : TemplateRenderer::scan(body)) {
        for (const char* name : names) {
            if (span.name == QLatin1StringView(name))
                return true;
        }
    }
    return false;
}

bool containsWord(const QString& text, const QString& word)
{
    if (word.isEmpty())
        return false;
    const QRegularExpression pattern(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(word)),
                                     QRegularExpression::CaseInsensitiveOption
                                         | QRegularExpression::UseUnicodePropertiesOption);
    return pattern.match(text).hasMatch();
}

// Words of a pitch, not of a person reaching out (seeds: "too much of a sales or recruiting pitch").
QString salesWordIn(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("\\b(buy|buying|discounts?|offers?|offering|pricing|prices?|demos?|free trial|deals?|"
                       "purchase|sale|limited time|special price|quote|subscribe|sign up|"
                       "check out my (course|product|services?|book|newsletter|offer)|"
                       "open to (new )?(roles|opportunities|work|positions)|hire me|my services)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text);
    return match.hasMatch() ? match.captured(1) : QString();
}

// Phrases that say how we know each other or why connect (seeds: "state who you are and how you know
// each other or your common connection"; "mention shared interests").
bool givesAReason(const QString& body, TemplateKind kind)
{
    if (usesPlaceholder(body, { "event", "mutual_connection", "school", "topic" }))
        return true;
    static const QRegularExpression pattern(
        QStringLiteral("\\b(met|meeting|meet|conference|event|talk|introduc\\w*|mentioned|mutual|"
                       "worked|working together|colleague|studied|school|university|alumn\\w*|fellow|"
                       "your (post|article|work|talk|research|insights?)|shared? interests?|because|both)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    // A message to a connection says why it is written: something to share, news, a congratulation.
    static const QRegularExpression messageReason(
        QStringLiteral("\\b(thought|article|congrat\\w*|saw|read|remember\\w*|shar\\w+|news|link|post|"
                       "thanks?|thank you|reminded|came across|useful|helpful|curious|how (are|is)|catch up)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(body).hasMatch()
        || (kind != TemplateKind::ConnectionNote && messageReason.match(body).hasMatch());
}

// "keep it brief": a connection note in one or two sentences, a message in at most five.
int sentenceLimit(TemplateKind kind)
{
    return kind == TemplateKind::ConnectionNote ? 2 : 5;
}

} // namespace

int NoteLinter::sentenceCount(const QString& text)
{
    // A sentence ends at . ! ? or … followed by a space or the end; "2.5" and "e.g.x" do not end one.
    static const QRegularExpression end(QStringLiteral("[.!?\\x{2026}]+(?=\\s|$)"));
    int count = 0;
    auto matches = end.globalMatch(text);
    qsizetype lastEnd = 0;
    while (matches.hasNext()) {
        const auto match = matches.next();
        ++count;
        lastEnd = match.capturedEnd();
    }
    // Text after the last full stop is a sentence too ("Hi Ada, great talk. Let's connect").
    if (!text.mid(lastEnd).trimmed().isEmpty() && text.mid(lastEnd).contains(QRegularExpression(QStringLiteral("\\w"))))
        ++count;
    return count;
}

QList<LintWarning> NoteLinter::lint(const QString& body, TemplateKind kind, const std::optional<Contact>& contact)
{
    QList<LintWarning> warnings;
    if (body.trimmed().isEmpty())
        return warnings;

    const bool named = usesPlaceholder(body, { "first_name", "full_name", "last_name" })
        || (contact && (containsWord(body, contact->firstName) || containsWord(body, contact->lastName)));
    if (!named) {
        warnings.append({ LintWarning::Rule::Generic,
                          tr("No name: the note reads as if it could go to anyone. Greet them by {first_name}.") });
    }
    // The greeting before the first comma is not a sentence ("Hi {first_name}, ...").
    static const QRegularExpression greeting(
        QStringLiteral("^\\s*(hi|hello|hey|dear|good (morning|afternoon|evening))\\b[^,.!?\\n]*,"),
        QRegularExpression::CaseInsensitiveOption);
    // Nor is the sign-off at the end ("Best,\n{my_name}").
    static const QRegularExpression signOff(
        QStringLiteral("\\n\\s*(best|regards|kind regards|best regards|warm regards|cheers|thanks|thank you|warmly|"
                       "all the best|sincerely)\\b[^.!?\\n]*(\\n[^.!?\\n]*)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    QString sentences = body;
    sentences.remove(greeting);
    sentences.remove(signOff);
    if (const int count = sentenceCount(sentences); count > sentenceLimit(kind)) {
        warnings.append({ LintWarning::Rule::TooLong,
                          kind == TemplateKind::ConnectionNote
                              ? tr("%1 sentences: keep a connection note brief, one or two sentences.").arg(count)
                              : tr("%1 sentences: keep a message brief, five sentences at most; long, vague messages "
                                   "can trip spam detection.")
                                    .arg(count) });
    }
    if (const QString word = salesWordIn(body); !word.isEmpty()) {
        warnings.append(
            { LintWarning::Rule::SalesPitch,
              tr("\"%1\" sounds like a sales pitch, a common reason requests are declined. Keep the focus on "
                 "networking.")
                  .arg(word) });
    }
    if (!givesAReason(body, kind)) {
        warnings.append(
            { LintWarning::Rule::NoReason,
              kind == TemplateKind::ConnectionNote
                  ? tr("Nothing says how you know each other or why you want to connect: mention where you met, a "
                       "mutual connection, a shared school or a shared interest ({event}, {mutual_connection}, "
                       "{school}, {topic}).")
                  : tr("Nothing says why you write: share something useful, congratulate them, or mention what you "
                       "have in common ({topic}, {event}).") });
    }
    return warnings;
}

} // namespace rapport
