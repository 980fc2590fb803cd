#include "ui/models/ContactTableModel.h"

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
        { { 2, Stage::Connected } });
    model.setContacts({}, {});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ContactTableModel, ShowsTheContactsAndTheirStages)
{
    ContactTableModel model;
    model.setContacts({ person(1, "Ada", "Lovelace", "Engines"), person(2, "Grace", "Hopper", "Navy", true) },
        { { 2, Stage::Connected } });
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
    model.setContacts({ person(1, "A", "A", ""), person(2, "B", "B", ""), person(3, "C", "C", "") },
        { { 1, Stage::Declined }, { 2, Stage::Connected } });
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.setSortRole(ContactTableModel::SortRole);
    proxy.sort(ContactTableModel::StageColumn);
    EXPECT_EQ(proxy.index(0, ContactTableModel::NameColumn).data().toString(), QStringLiteral("C C")); // prospect
    EXPECT_EQ(proxy.index(1, ContactTableModel::NameColumn).data().toString(), QStringLiteral("B B")); // connected
    EXPECT_EQ(proxy.index(2, ContactTableModel::NameColumn).data().toString(), QStringLiteral("A A")); // declined
}

} // namespace
} // namespace rapport
