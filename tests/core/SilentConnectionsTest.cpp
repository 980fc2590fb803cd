#include "core/storage/SilentConnections.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TagCadenceRepository.h"

#include "TestDatabase.h"

#include <gtest/gtest.h>

namespace rapport::test {
namespace {

const QDate kToday(2026, 11, 26);

class SilentConnectionsTest : public DatabaseTest
{
protected:
    qint64 connection(const char* name, int silentDays, bool starred = false, int cadence = 0,
                      const QStringList& tags = {})
    {
        Contact contact;
        contact.firstName = QString::fromUtf8(name);
        contact.starred = starred;
        contact.keepInTouchDays = cadence;
        contact.tags = tags;
        const qint64 id = ContactRepository(db()).add(contact).value();
        log(id, InteractionKind::RequestAccepted, silentDays + 400);
        log(id, InteractionKind::MessageReceived, silentDays);
        return id;
    }
    void log(qint64 id, InteractionKind kind, int daysAgo)
    {
        Interaction entry;
        entry.contactId = id;
        entry.kind = kind;
        entry.occurredAt = QDateTime(kToday.addDays(-daysAgo), QTime(10, 0), Qt::UTC);
        ASSERT_TRUE(InteractionRepository(db()).add(entry).ok());
    }
    QList<qint64> silent()
    {
        QList<qint64> ids;
        for (const SilentConnection& connection : SilentConnections::load(db(), kToday, 730).value())
            ids.append(connection.contactId);
        return ids;
    }
};

TEST_F(SilentConnectionsTest, ListsConnectionsSilentForTwoYearsWithoutStarOrCadence)
{
    const qint64 threeYears = connection("Three years", 3 * 365);
    const qint64 twoYears = connection("Two years", 731);
    connection("One year", 365);
    connection("Starred", 3 * 365, true);
    connection("Close", 3 * 365, false, 30);
    connection("Mentor", 3 * 365, false, 0, { QStringLiteral("Mentor") });
    ASSERT_TRUE(TagCadenceRepository(db()).set(QStringLiteral("mentor"), 90).ok());
    Contact prospect;
    prospect.firstName = QStringLiteral("Prospect");
    const qint64 prospectId = ContactRepository(db()).add(prospect).value();
    log(prospectId, InteractionKind::Note, 1000);
    EXPECT_EQ(silent(), (QList<qint64> { threeYears, twoYears })) << "the longest silent first; only connections";
}

} // namespace
} // namespace rapport::test
