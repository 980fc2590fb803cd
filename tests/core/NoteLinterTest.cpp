#include "core/templates/NoteLinter.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

QList<LintWarning::Rule> rules(const QString& body, TemplateKind kind = TemplateKind::ConnectionNote,
                               const std::optional<Contact>& contact = {})
{
    QList<LintWarning::Rule> result;
    for (const LintWarning& warning : NoteLinter::lint(body, kind, contact)) {
        EXPECT_FALSE(warning.message.isEmpty());
        result.append(warning.rule);
    }
    return result;
}

using Rule = LintWarning::Rule;

TEST(NoteLinter, AGoodNoteHasNoWarnings)
{
    EXPECT_TRUE(
        rules(QStringLiteral("Hi {first_name}, it was great meeting you at {event}. I'd like to stay in touch."))
            .isEmpty());
    EXPECT_TRUE(
        rules(QStringLiteral("Hi {first_name}, {mutual_connection} mentioned I should connect with you.")).isEmpty());
}

TEST(NoteLinter, NoNameIsGeneric)
{
    EXPECT_TRUE(rules(QStringLiteral("Hi, great meeting you at {event}.")).contains(Rule::Generic));
    EXPECT_FALSE(rules(QStringLiteral("Hi {full_name}, great meeting you at {event}.")).contains(Rule::Generic));
}

TEST(NoteLinter, ANameWrittenOutCountsWhenTheContactIsKnown)
{
    Contact ada;
    ada.firstName = QStringLiteral("Ada");
    EXPECT_FALSE(rules(QStringLiteral("Hi Ada, great meeting you at {event}."), TemplateKind::ConnectionNote, ada)
                     .contains(Rule::Generic));
    EXPECT_TRUE(rules(QStringLiteral("Hi Adam, great meeting you at {event}."), TemplateKind::ConnectionNote, ada)
                    .contains(Rule::Generic));
}

TEST(NoteLinter, MoreThanTwoSentencesIsTooLong)
{
    EXPECT_FALSE(rules(QStringLiteral("Hi {first_name}, we met at {event}. Let's connect!")).contains(Rule::TooLong));
    EXPECT_TRUE(rules(QStringLiteral("Hi {first_name}, we met at {event}. I liked it. Let's connect!"))
                    .contains(Rule::TooLong));
    // Messages may be longer, up to five sentences; a long, vague follow-up trips spam filters too.
    EXPECT_FALSE(
        rules(QStringLiteral("Hi {first_name}. One. Two. Three."), TemplateKind::FollowUp).contains(Rule::TooLong));
    const QString eight = QStringLiteral("Hi {first_name}. One. Two. Three. Four. Five. Six. Seven. Eight.");
    EXPECT_TRUE(rules(eight, TemplateKind::FollowUp).contains(Rule::TooLong));
    EXPECT_TRUE(rules(eight, TemplateKind::CheckIn).contains(Rule::TooLong));
    EXPECT_FALSE(rules(QStringLiteral("Hi {first_name}. One. Two. Three. Four.\n\nBest regards,\n{my_name}"),
                       TemplateKind::FollowUp)
                     .contains(Rule::TooLong))
        << "the sign-off is not a sentence";
}

TEST(NoteLinter, SentencesAreCountedLikeAPersonWould)
{
    EXPECT_EQ(NoteLinter::sentenceCount(QStringLiteral("One. Two! Three?")), 3);
    EXPECT_EQ(NoteLinter::sentenceCount(QStringLiteral("Version 2.5 is out")), 1);
    EXPECT_EQ(NoteLinter::sentenceCount(QStringLiteral("Great talk. Let's connect")), 2);
    EXPECT_EQ(NoteLinter::sentenceCount(QStringLiteral("Wow!!! Really?!")), 2);
    EXPECT_EQ(NoteLinter::sentenceCount(QString()), 0);
}

TEST(NoteLinter, SalesWordsArePitches)
{
    for (const char* body : { "Hi {first_name}, we met at {event}. Want a demo?",
                              "Hi {first_name}, we met at {event}; 20% discount this week.",
                              "Hi {first_name}, we met at {event}. Special offer inside.",
                              "Hi {first_name}, we met at {event}. See our PRICING page.",
                              "Hi {first_name}, we met at {event}. Ready to buy?",
                              "Hi {first_name}, we met at {event}. I am open to new roles.",
                              "Hi {first_name}, we met at {event}. Check out my course!",
                              "Hi {first_name}, we met at {event}. Please subscribe to my newsletter." })
        EXPECT_TRUE(rules(QString::fromUtf8(body)).contains(Rule::SalesPitch)) << body;
    EXPECT_TRUE(rules(QStringLiteral("Hi {first_name}, thought you'd like this article. Check out my course too."),
                      TemplateKind::FollowUp)
                    .contains(Rule::SalesPitch))
        << "every kind is linted";
    // Whole words only.
    EXPECT_FALSE(rules(QStringLiteral("Hi {first_name}, we met at {event} in Buyuk.")).contains(Rule::SalesPitch));
}

TEST(NoteLinter, NoReasonToConnect)
{
    EXPECT_TRUE(rules(QStringLiteral("Hi {first_name}, I'd like to add you to my network.")).contains(Rule::NoReason));
    for (const char* body :
         { "Hi {first_name}, we both went to {school}.", "Hi {first_name}, I enjoyed your talk on compilers.",
           "Hi {first_name}, I loved your post about {topic}.", "Hi {first_name}, we worked together at Acme." })
        EXPECT_FALSE(rules(QString::fromUtf8(body)).contains(Rule::NoReason)) << body;
    // A message says why it is written.
    EXPECT_TRUE(
        rules(QStringLiteral("Hi {first_name}, a quick hello."), TemplateKind::CheckIn).contains(Rule::NoReason));
    EXPECT_FALSE(rules(QStringLiteral("Hi {first_name}, saw the news about your new role. Congratulations!"),
                       TemplateKind::CheckIn)
                     .contains(Rule::NoReason));
    EXPECT_TRUE(
        rules(QStringLiteral("Hi {first_name}, thought you might find this article useful."), TemplateKind::FollowUp)
            .isEmpty());
}

TEST(NoteLinter, EmptyBodyHasNoWarnings)
{
    EXPECT_TRUE(rules(QStringLiteral("  ")).isEmpty());
}

} // namespace
} // namespace rapport
