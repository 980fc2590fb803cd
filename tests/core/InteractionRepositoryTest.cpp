#include "core/storage/InteractionRepository.h"
#include "core/storage/ContactRepository.h"

#include "TestDatabase.h"

#include <QTimeZone>

#include <gtest/gtest.h>

namespace rapport {
namespace {

using test::DatabaseTest;
using test::utc;

class InteractionRepositoryTest : public DatabaseTest
{
protected:
    qint64 addContact(const char* first, const char* url = "")
    {
        Contact contact;
        contact.firstName = QString::fromUtf8(first);
        contact.profileUrl = QString::fromUtf8(url);
        return ContactRepository(db()).add(contact).value();
    }

    qint64 log(qint64 contactId, InteractionKind kind, const QDateTime& at, const char* text = "")
    {
        Interaction interaction;
        interaction.contactId = contactId;
        interaction.kind = kind;
        interaction.occurredAt = at;
        interaction.text = QString::fromUtf8(text);
        auto id = InteractionRepository(db()).add(interaction);
        EXPECT_TRUE(id.ok()) << id.error().toStdString();
        return id.ok() ? *id : 0;
    }
};

TEST_F(InteractionRepositoryTest, EveryFieldSurvivesAStoreAndReload)
{
    Interaction sent;
    sent.contactId = addContact("Ada");
    sent.kind = InteractionKind::RequestSent;
    sent.occurredAt = QDateTime(QDate(2026, 11, 20), QTime(8, 41, 12, 345), Qt::UTC);
    sent.text = QStringLiteral("Hi Ada, we met at the Analytical Engine talk — would love to connect. 🙂");
    sent.templateName = QStringLiteral("Met at an event");
    sent.url = QStringLiteral("https://example.com/talk");
    sent.id = InteractionRepository(db()).add(sent).value();
    reopen();
    auto stored = InteractionRepository(db()).find(sent.id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(*stored, sent);
    EXPECT_EQ(stored->occurredAt.timeSpec(), Qt::UTC);
}

TEST_F(InteractionRepositoryTest, AHugeNoteIsKeptWholeAndControlCharactersAreRefusedByField)
{
    Interaction note;
    note.contactId = addContact("Ada");
    note.kind = InteractionKind::Note;
    note.occurredAt = utc(2026, 11, 20);
    note.text = QString(1 << 20, u'x') + QStringLiteral("\nsecond line\ttab");
    note.id = InteractionRepository(db()).add(note).value();
    reopen();
    EXPECT_EQ(InteractionRepository(db()).find(note.id)->text, note.text);

    const struct
    {
        QString Interaction::*field;
        QString value;
        const char* named;
    } refused[] = {
        { &Interaction::text, QStringLiteral("bell \u0007 here"), "The note contains a control character (U+0007)." },
        { &Interaction::text, QStringLiteral("broken \uFFFD text"), "The note contains bytes that are not valid text" },
        { &Interaction::url, QStringLiteral("https://example.com/\nnext"),
          "The link contains a control character (U+000A)." },
        { &Interaction::templateName, QStringLiteral("tab\u001b"),
          "The template name contains a control character (U+001B)." },
    };
    for (const auto& [field, value, named] : refused) {
        Interaction bad = note;
        bad.id = 0;
        bad.*field = value;
        auto added = InteractionRepository(db()).add(bad);
        ASSERT_FALSE(added.ok()) << named;
        EXPECT_TRUE(added.error().startsWith(QString::fromUtf8(named))) << added.error().toStdString();
        bad.id = note.id;
        EXPECT_FALSE(InteractionRepository(db()).update(bad).ok()) << named;
    }
    EXPECT_EQ(InteractionRepository(db()).find(note.id)->text, note.text);
    EXPECT_EQ(InteractionRepository(db()).forContact(note.contactId)->size(), 1);
}

TEST_F(InteractionRepositoryTest, LocalTimesAreStoredAsTheSameInstant)
{
    const qint64 ada = addContact("Ada");
    const QDateTime inParis(QDate(2026, 7, 1), QTime(10, 0), QTimeZone("Europe/Paris"));
    const qint64 id = log(ada, InteractionKind::Met, inParis);
    const Interaction stored = InteractionRepository(db()).find(id).value();
    EXPECT_EQ(stored.occurredAt, inParis);
    EXPECT_EQ(stored.occurredAt.toUTC().time(), QTime(8, 0));
}

TEST_F(InteractionRepositoryTest, AnUnknownContactIsRefused)
{
    Interaction orphan;
    orphan.contactId = 404;
    orphan.occurredAt = utc(2026, 1, 1);
    auto id = InteractionRepository(db()).add(orphan);
    ASSERT_FALSE(id.ok());
    EXPECT_TRUE(id.error().contains(QStringLiteral("404")));
}

TEST_F(InteractionRepositoryTest, ForContactIsChronological)
{
    const qint64 ada = addContact("Ada");
    const qint64 bob = addContact("Bob");
    log(ada, InteractionKind::RequestAccepted, utc(2026, 3, 1));
    log(bob, InteractionKind::Note, utc(2026, 2, 1));
    log(ada, InteractionKind::RequestSent, utc(2026, 2, 1));
    auto entries = InteractionRepository(db()).forContact(ada);
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->size(), 2);
    EXPECT_EQ(entries->at(0).kind, InteractionKind::RequestSent);
    EXPECT_EQ(entries->at(1).kind, InteractionKind::RequestAccepted);
}

TEST_F(InteractionRepositoryTest, UpdateAndRemove)
{
    const qint64 ada = addContact("Ada");
    InteractionRepository repository(db());
    Interaction entry = repository.find(log(ada, InteractionKind::Note, utc(2026, 1, 1), "first")).value();
    entry.text = QStringLiteral("edited");
    entry.kind = InteractionKind::Met;
    ASSERT_TRUE(repository.update(entry).ok());
    EXPECT_EQ(repository.find(entry.id).value(), entry);
    ASSERT_TRUE(repository.remove(entry.id).ok());
    EXPECT_FALSE(repository.find(entry.id).ok());
    EXPECT_FALSE(repository.remove(entry.id).ok());
}

TEST_F(InteractionRepositoryTest, StagesAreDerivedFromTheLog)
{
    const QDateTime now = utc(2026, 11, 21);
    const qint64 prospect = addContact("Pat");
    const qint64 following = addContact("Fay");
    const qint64 requested = addContact("Rey");
    const qint64 silent = addContact("Sil");
    const qint64 connected = addContact("Con");
    const qint64 declined = addContact("Dec");
    log(prospect, InteractionKind::Note, utc(2026, 11, 1));
    log(following, InteractionKind::Followed, utc(2026, 11, 1));
    log(requested, InteractionKind::RequestSent, utc(2026, 11, 10));
    log(silent, InteractionKind::RequestSent, utc(2026, 10, 1));
    log(connected, InteractionKind::RequestSent, utc(2026, 10, 1));
    log(connected, InteractionKind::RequestAccepted, utc(2026, 10, 2));
    log(declined, InteractionKind::RequestSent, utc(2026, 10, 1));
    log(declined, InteractionKind::RequestDeclined, utc(2026, 10, 2));

    auto stages = InteractionRepository(db()).stages(now, 21);
    ASSERT_TRUE(stages.ok());
    EXPECT_EQ(stages->value(prospect, Stage::Prospect), Stage::Prospect);
    EXPECT_EQ(stages->value(following), Stage::Following);
    EXPECT_EQ(stages->value(requested), Stage::Requested);
    EXPECT_EQ(stages->value(silent), Stage::NoResponse);
    EXPECT_EQ(stages->value(connected), Stage::Connected);
    EXPECT_EQ(stages->value(declined), Stage::Declined);

    // Deleting the acceptance puts the contact back where the log says.
    const auto entries = InteractionRepository(db()).forContact(connected).value();
    ASSERT_TRUE(InteractionRepository(db()).remove(entries.last().id).ok());
    EXPECT_EQ(InteractionRepository(db()).stages(now, 21)->value(connected), Stage::NoResponse);
}

} // namespace
} // namespace rapport

namespace rapport {
namespace {

TEST_F(InteractionRepositoryTest, AMegabyteNoteIsStoredWhole)
{
    Interaction note;
    note.contactId = addContact("Ada");
    note.kind = InteractionKind::Note;
    note.occurredAt = utc(2026, 11, 1);
    note.text = QString(1 << 20, u'é');
    const qint64 id = InteractionRepository(db()).add(note).value();
    EXPECT_EQ(InteractionRepository(db()).find(id)->text, note.text);
}

} // namespace
} // namespace rapport
