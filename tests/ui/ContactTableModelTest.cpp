#include "ui/models/ContactTableModel.h"
#include "ui/models/ContactFilterProxy.h"
#include "ui/models/InteractionListModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>

#include <gtest/gtest.h>

namespace rapport {
namespace {

Contact person(qint64 id, const char* first, const char* last, const char* company, bool starred = false)
{
    Contact contact;
    contact.id = id;
    contact.firstName = QString::fromUtf8(first);
    contact.lastName = QString::fromUtf8(last);
    contact.company = QString::fromUtf8(company);
    contact.starred = starred;
    contact.tags = { QStringLiteral("alpha"), QStringLiteral("beta") };
    return contact;
}

TEST(ContactTableModel, PassesTheModelTesterThroughResets)
{
    ContactTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setContacts({ person(1, "Ada", "Lovelace", "Engines") }, {});
    model.setContacts({ person(1, "Ada", "Lovelace", "Engines"), person(2, "Grace", "Hopper", "Navy", true) },
                      { { 2, ContactFacts { Stage::Connected, {}, {}, {}, 0, {} } } });
    model.setContacts({}, {});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ContactTableModel, ShowsTheContactsAndTheirStages)
{
    ContactTableModel model;
    model.setContacts({ person(1, "Ada", "Lovelace", "Engines"), person(2, "Grace", "Hopper", "Navy", true) },
                      { { 2, ContactFacts { Stage::Connected, {}, {}, {}, 0, {} } } });
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, ContactTableModel::NameColumn).data().toString(), QStringLiteral("Ada Lovelace"));
    EXPECT_EQ(model.index(0, ContactTableModel::StageColumn).data().toString(), QStringLiteral("Prospect"));
    EXPECT_EQ(model.index(1, ContactTableModel::StageColumn).data().toString(), QStringLiteral("Connected"));
    EXPECT_EQ(model.index(1, ContactTableModel::CompanyColumn).data().toString(), QStringLiteral("Navy"));
    EXPECT_EQ(model.index(1, ContactTableModel::TagsColumn).data().toString(), QStringLiteral("alpha, beta"));
    EXPECT_FALSE(model.index(1, ContactTableModel::StarredColumn).data().toString().isEmpty());
    EXPECT_TRUE(model.index(0, ContactTableModel::StarredColumn).data().toString().isEmpty());
    EXPECT_EQ(model.index(1, 0).data(ContactTableModel::ContactIdRole).toLongLong(), 2);
}

TEST(ContactTableModel, SortsStagesInTheirNaturalOrderNotAlphabetically)
{
    ContactTableModel model;
    model.setContacts(
        { person(1, "A", "A", ""), person(2, "B", "B", ""), person(3, "C", "C", "") },
        { { 1, ContactFacts { Stage::Declined, {}, {}, {}, 0, {} } }, { 2, ContactFacts { Stage::Connected, {}, {}, {}, 0, {} } } });
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.setSortRole(ContactTableModel::SortRole);
    proxy.sort(ContactTableModel::StageColumn);
    EXPECT_EQ(proxy.index(0, ContactTableModel::NameColumn).data().toString(), QStringLiteral("C C")); // prospect
    EXPECT_EQ(proxy.index(1, ContactTableModel::NameColumn).data().toString(), QStringLiteral("B B")); // connected
    EXPECT_EQ(proxy.index(2, ContactTableModel::NameColumn).data().toString(), QStringLiteral("A A")); // declined
}

ContactFacts facts(Stage stage, QDateTime last = {}, QDate nextDate = {}, QString next = {})
{
    return { stage, std::move(last), nextDate, std::move(next), 0, {} };
}

class ContactFilterProxyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Contact ada = person(1, "Ada", "Lovelace", "Analytical Engines");
        ada.position = QStringLiteral("Mathematician");
        ada.tags = { QStringLiteral("science") };
        Contact grace = person(2, "Grace", "Hopper", "US Navy", true);
        grace.notes = QStringLiteral("Met at the COBOL conference");
        grace.tags = { QStringLiteral("navy"), QStringLiteral("science") };
        Contact alan = person(3, "Alan", "Turing", "Bletchley Park");
        alan.tags = {};
        model.setContacts({ ada, grace, alan },
                          { { 1, facts(Stage::Prospect, {}, QDate(2024, 6, 5), QStringLiteral("Send a request")) },
                            { 2, facts(Stage::Connected, QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC)) },
                            { 3, facts(Stage::Declined, QDateTime(QDate(2023, 1, 1), QTime(9, 0), Qt::UTC)) } });
        proxy.setContactModel(&model);
        proxy.sort(ContactTableModel::NameColumn);
    }

    QStringList names() const
    {
        QStringList shown;
        for (int row = 0; row < proxy.rowCount(); ++row)
            shown.append(proxy.index(row, ContactTableModel::NameColumn).data().toString());
        return shown;
    }

    ContactTableModel model;
    ContactFilterProxy proxy;
    QAbstractItemModelTester sourceTester { &model, QAbstractItemModelTester::FailureReportingMode::Fatal };
    QAbstractItemModelTester tester { &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal };
};

TEST_F(ContactFilterProxyTest, SearchesNameCompanyPositionTagsAndNotesCaseInsensitively)
{
    const struct
    {
        const char* text;
        QStringList expected;
    } cases[] = {
        { "", { QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing"), QStringLiteral("Grace Hopper") } },
        { "lOVE", { QStringLiteral("Ada Lovelace") } },
        { "navy", { QStringLiteral("Grace Hopper") } }, // company and tag
        { "mathem", { QStringLiteral("Ada Lovelace") } }, // position
        { "cobol", { QStringLiteral("Grace Hopper") } }, // notes
        { "science", { QStringLiteral("Ada Lovelace"), QStringLiteral("Grace Hopper") } }, // tags
        { "grace cobol", { QStringLiteral("Grace Hopper") } }, // every word
        { "grace turing", {} },
    };
    for (const auto& [text, expected] : cases) {
        proxy.setSearchText(QString::fromUtf8(text));
        EXPECT_EQ(names(), expected) << text;
    }
}

TEST_F(ContactFilterProxyTest, FiltersByStageAndTagTogetherWithTheSearch)
{
    proxy.setStageFilter(Stage::Connected);
    EXPECT_EQ(names(), QStringList { QStringLiteral("Grace Hopper") });
    proxy.setStageFilter(std::nullopt);
    proxy.setTagFilter(QStringLiteral("Science"));
    EXPECT_EQ(names(), (QStringList { QStringLiteral("Ada Lovelace"), QStringLiteral("Grace Hopper") }));
    proxy.setSearchText(QStringLiteral("ada"));
    EXPECT_EQ(names(), QStringList { QStringLiteral("Ada Lovelace") });
    proxy.setTagFilter(QString());
    proxy.setSearchText(QString());
    EXPECT_EQ(names().size(), 3);
}

TEST_F(ContactFilterProxyTest, SortsEveryColumnInItsNaturalOrder)
{
    proxy.sort(ContactTableModel::LastInteractionColumn);
    EXPECT_EQ(names(),
              (QStringList { QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing"),
                             QStringLiteral("Grace Hopper") }));
    proxy.sort(ContactTableModel::StageColumn, Qt::DescendingOrder);
    EXPECT_EQ(names().first(), QStringLiteral("Alan Turing")); // declined is last of the stages
    proxy.sort(ContactTableModel::NextActionColumn);
    EXPECT_EQ(names().first(), QStringLiteral("Ada Lovelace")); // planned before unplanned
    proxy.sort(ContactTableModel::StarredColumn, Qt::DescendingOrder);
    EXPECT_EQ(names().first(), QStringLiteral("Grace Hopper"));
    for (int column = 0; column < ContactTableModel::ColumnCount; ++column) {
        proxy.sort(column);
        EXPECT_EQ(proxy.rowCount(), 3);
    }
}

TEST_F(ContactFilterProxyTest, KeepsInStepWithInsertsRemovalsAndChangesWhileFiltered)
{
    proxy.setSearchText(QStringLiteral("a"));
    Contact barbara = person(4, "Barbara", "Liskov", "MIT");
    model.upsert(barbara, facts(Stage::Requested));
    EXPECT_TRUE(names().contains(QStringLiteral("Barbara Liskov")));
    EXPECT_EQ(model.rowOf(4), 3);
    barbara.company = QStringLiteral("CLU");
    model.upsert(barbara, facts(Stage::Connected));
    EXPECT_EQ(model.rowCount(), 4);
    EXPECT_EQ(model.index(3, ContactTableModel::StageColumn).data().toString(), QStringLiteral("Connected"));
    model.removeId(2);
    EXPECT_FALSE(names().contains(QStringLiteral("Grace Hopper")));
    EXPECT_EQ(model.rowOf(4), 2); // the rows after it moved up
    EXPECT_EQ(model.allTags(),
              (QStringList { QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("science") }));
    model.setContacts({}, {});
    EXPECT_EQ(proxy.rowCount(), 0);
}

TEST(ContactTableModel, ShowsTheLastInteractionAndTheNextPlannedAction)
{
    ContactTableModel model;
    model.setContacts({ person(1, "Ada", "Lovelace", "Engines"), person(2, "Grace", "Hopper", "Navy") },
                      { { 1,
                          facts(Stage::Prospect, QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC), QDate(2024, 6, 5),
                                QStringLiteral("Send a request")) } });
    EXPECT_FALSE(model.index(0, ContactTableModel::LastInteractionColumn).data().toString().isEmpty());
    EXPECT_TRUE(model.index(0, ContactTableModel::NextActionColumn).data().toString().startsWith(u"Send a request"));
    EXPECT_TRUE(model.index(1, ContactTableModel::LastInteractionColumn).data().toString().isEmpty());
    EXPECT_TRUE(model.index(1, ContactTableModel::NextActionColumn).data().toString().isEmpty());
}

TEST(InteractionListModel, ListsNewestFirstWithAnIconPerKind)
{
    InteractionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Interaction sent;
    sent.id = 1;
    sent.kind = InteractionKind::RequestSent;
    sent.occurredAt = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
    sent.text = QStringLiteral("Hi Ada, loved your talk");
    sent.templateName = QStringLiteral("Event");
    Interaction accepted = sent;
    accepted.id = 2;
    accepted.kind = InteractionKind::RequestAccepted;
    accepted.occurredAt = sent.occurredAt.addDays(2);
    accepted.text.clear();
    accepted.templateName.clear();
    model.setInteractions({ sent, accepted });
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0).data(InteractionListModel::InteractionIdRole).toLongLong(), 2);
    const QString first = model.index(1).data().toString();
    EXPECT_TRUE(first.startsWith(u"Request sent")) << first.toStdString();
    EXPECT_TRUE(first.contains(u"Hi Ada, loved your talk"));
    EXPECT_TRUE(first.contains(u"Event"));
    EXPECT_FALSE(model.index(0).data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_EQ(model.rowOf(1), 1);
    model.setInteractions({});
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
} // namespace rapport
