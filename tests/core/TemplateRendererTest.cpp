#include "core/templates/TemplateRenderer.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

Contact ada()
{
    Contact c;
    c.firstName = QStringLiteral("Ada");
    c.lastName = QStringLiteral("Lovelace");
    c.company = QStringLiteral("Analytical Engines");
    c.position = QStringLiteral("Head of Computation");
    c.event = QStringLiteral("the Difference Engine demo");
    c.mutualConnection = QStringLiteral("Charles Babbage");
    c.school = QStringLiteral("University of London");
    c.topic = QStringLiteral("poetical science");
    return c;
}

TEST(TemplateRenderer, FillsEveryPlaceholder)
{
    const QString body = QStringLiteral("{first_name}|{last_name}|{full_name}|{company}|{position}|{event}|{mutual_"
                                        "connection}|{school}|{topic}|{my_name}");
    const RenderedNote note = TemplateRenderer(QStringLiteral("Mary Somerville")).render(body, ada());
    EXPECT_TRUE(note.complete());
    EXPECT_EQ(
        note.text,
        QStringLiteral("Ada|Lovelace|Ada Lovelace|Analytical Engines|Head of Computation|the Difference Engine demo|"
                       "Charles Babbage|University of London|poetical science|Mary Somerville"));
    EXPECT_EQ(TemplateRenderer::placeholders().size(), 10);
}

TEST(TemplateRenderer, ReportsEmptyFieldsWithTheirPosition)
{
    Contact contact = ada();
    contact.event.clear();
    const QString body = QStringLiteral("Hi {first_name}, great to meet you at {event}.");
    const RenderedNote note = TemplateRenderer().render(body, contact);
    ASSERT_EQ(note.problems.size(), 1);
    const PlaceholderProblem& problem = note.problems.first();
    EXPECT_EQ(problem.name, QStringLiteral("event"));
    EXPECT_EQ(problem.reason, PlaceholderProblem::Reason::Empty);
    EXPECT_EQ(problem.position, body.indexOf(u"{event}"));
    EXPECT_EQ(problem.length, 7);
    EXPECT_TRUE(problem.message.contains(QStringLiteral("Ada Lovelace")));
    // The unresolved placeholder stays visible in the rendered text.
    EXPECT_EQ(note.text, QStringLiteral("Hi Ada, great to meet you at {event}."));
    EXPECT_FALSE(note.complete());
}

TEST(TemplateRenderer, AWhitespaceOnlyFieldIsEmpty)
{
    Contact contact = ada();
    contact.topic = QStringLiteral("   ");
    EXPECT_FALSE(TemplateRenderer().render(QStringLiteral("{topic}"), contact).complete());
}

TEST(TemplateRenderer, MyNameComesFromTheProfile)
{
    const RenderedNote missing = TemplateRenderer().render(QStringLiteral("Best, {my_name}"), ada());
    ASSERT_EQ(missing.problems.size(), 1);
    EXPECT_TRUE(missing.problems.first().message.contains(QStringLiteral("profile")));
    EXPECT_TRUE(TemplateRenderer(QStringLiteral("Me")).render(QStringLiteral("Best, {my_name}"), ada()).complete());
}

TEST(TemplateRenderer, ReportsUnknownPlaceholders)
{
    const QString body = QStringLiteral("Hi {nickname} and {First_Name}, {first_name}");
    const RenderedNote note = TemplateRenderer().render(body, ada());
    ASSERT_EQ(note.problems.size(), 2);
    EXPECT_EQ(note.problems[0].name, QStringLiteral("nickname"));
    EXPECT_EQ(note.problems[0].reason, PlaceholderProblem::Reason::Unknown);
    EXPECT_EQ(note.problems[0].position, 3);
    EXPECT_EQ(note.problems[1].name, QStringLiteral("First_Name"));
    EXPECT_EQ(note.text, QStringLiteral("Hi {nickname} and {First_Name}, Ada"));
}

TEST(TemplateRenderer, BracesThatAreNotPlaceholdersAreText)
{
    const RenderedNote note = TemplateRenderer().render(QStringLiteral("{ not one } {} {first_name"), ada());
    EXPECT_TRUE(note.complete());
    EXPECT_EQ(note.text, QStringLiteral("{ not one } {} {first_name"));
}

TEST(TemplateRenderer, CountsUtf16CodeUnitsAsABrowserDoes)
{
    Contact contact = ada();
    contact.firstName = QStringLiteral("Zoë"); // precomposed ë: 1 unit
    EXPECT_EQ(TemplateRenderer().render(QStringLiteral("{first_name}"), contact).length(), 3);
    contact.firstName = QString::fromUtf8("Zoe\xCC\x88"); // e + combining diaeresis: 2 units
    EXPECT_EQ(TemplateRenderer().render(QStringLiteral("{first_name}"), contact).length(), 4);
    // An emoji outside the BMP counts 2.
    EXPECT_EQ(TemplateRenderer().render(QString::fromUtf8("Hi \xF0\x9F\x91\x8B"), contact).length(), 5);
}

TEST(TemplateRenderer, LengthAtTheLimit)
{
    Contact contact = ada();
    contact.topic = QString(290, u'x');
    const QString body = QStringLiteral("0123456789{topic}"); // 10 + 290
    EXPECT_EQ(TemplateRenderer().render(body, contact).length(), 300);
    EXPECT_EQ(TemplateRenderer().render(body + u'!', contact).length(), 301);
}

TEST(TemplateRenderer, ScanMarksKnownAndUnknown)
{
    const auto spans = TemplateRenderer::scan(QStringLiteral("{first_name} {bogus}"));
    ASSERT_EQ(spans.size(), 2);
    EXPECT_TRUE(spans[0].known);
    EXPECT_EQ(spans[0].position, 0);
    EXPECT_EQ(spans[0].length, 12);
    EXPECT_FALSE(spans[1].known);
    EXPECT_EQ(spans[1].position, 13);
}

} // namespace
} // namespace rapport
