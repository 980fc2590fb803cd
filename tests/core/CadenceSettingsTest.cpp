#include "core/cadence/CadenceSettings.h"

#include "core/cadence/PlanService.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/SettingsRepository.h"

#include "TestDatabase.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

using test::DatabaseTest;

TEST(CadenceRule, PresetsHaveTheSeedsNumbers)
{
    struct Case
    {
        CadencePreset preset;
        const char* key;
        int requests;
        int notes;
        int followUps;
    };
    const QList<Case> cases {
        { CadencePreset::FourOneOne, "4-1-1", 4, 4, 4 },
        { CadencePreset::TenFourOne, "10-4-1", 10, 4, 1 },
    };
    for (const Case& c : cases) {
        const CadenceRule rule = CadenceRule::fromPreset(c.preset);
        EXPECT_EQ(rule, (CadenceRule { c.preset, c.requests, c.notes, c.followUps })) << c.key;
        EXPECT_EQ(toKey(c.preset), QString::fromLatin1(c.key));
        EXPECT_EQ(cadencePresetFromKey(QString::fromLatin1(c.key)), c.preset);
    }
    EXPECT_EQ(cadencePresetFromKey(u"custom"), CadencePreset::Custom);
    EXPECT_FALSE(cadencePresetFromKey(u"4-4-4").has_value());
}

TEST(AccountType, SetsTheNoteLength)
{
    EXPECT_EQ(noteCharacterLimit(AccountType::Premium), 300);
    EXPECT_EQ(noteCharacterLimit(AccountType::Basic), 200);
    EXPECT_EQ(accountTypeFromKey(u"basic"), AccountType::Basic);
    EXPECT_EQ(accountTypeFromKey(u"premium"), AccountType::Premium);
    EXPECT_FALSE(accountTypeFromKey(u"gold").has_value());
}

TEST_F(DatabaseTest, CadenceSettingsDefaultToTheDomain)
{
    const CadenceSettings settings(db());
    EXPECT_EQ(settings.rule().value(), CadenceRule::fromPreset(CadencePreset::FourOneOne));
    EXPECT_EQ(settings.limits().value(), Limits {});
    EXPECT_EQ(settings.accountType().value(), AccountType::Premium);
    EXPECT_EQ(settings.reminder().value(), ReminderSetting {});
    const Limits defaults;
    EXPECT_EQ(defaults.requestsPer7Days, 100);
    EXPECT_EQ(defaults.requestsPerDay, 20);
    EXPECT_EQ(defaults.noResponseDays, 21);
    EXPECT_EQ(defaults.engageAfterDays, 14);
    EXPECT_EQ(defaults.followUpAfterDays, 3);
    EXPECT_EQ(defaults.reRequestAfterDeclineDays, 90);
    EXPECT_EQ(defaults.reRequestAfterWithdrawalDays, 21);
    EXPECT_EQ(defaults.followUpWindowDays, 30);
    EXPECT_EQ(defaults.replyWindowDays, 14);
    EXPECT_EQ(defaults.silentAfterDays, 730);
    EXPECT_EQ(defaults.followUpMessagesMax, 3);
    EXPECT_EQ(defaults.followUpMessagesWindowDays, 180);
    EXPECT_EQ(defaults.basicNotesPerMonth, 5);
}

TEST_F(DatabaseTest, CadenceSettingsSurviveAReopen)
{
    {
        CadenceSettings settings(db());
        ASSERT_TRUE(settings.setRule(CadenceRule::custom(7, 3, 2)).ok());
        Limits limits;
        limits.noResponseDays = 28;
        limits.requestsPerDay = 10;
        ASSERT_TRUE(settings.setLimits(limits).ok());
        ASSERT_TRUE(settings.setAccountType(AccountType::Basic).ok());
        ASSERT_TRUE(settings.setReminder({ Qt::Friday, QTime(16, 30) }).ok());
    }
    reopen();
    const CadenceSettings settings(db());
    EXPECT_EQ(settings.rule().value(), CadenceRule::custom(7, 3, 2));
    EXPECT_EQ(settings.limits()->noResponseDays, 28);
    EXPECT_EQ(settings.limits()->requestsPerDay, 10);
    EXPECT_EQ(settings.limits()->requestsPer7Days, 100);
    EXPECT_EQ(settings.accountType().value(), AccountType::Basic);
    EXPECT_EQ(settings.reminder().value(), (ReminderSetting { Qt::Friday, QTime(16, 30) }));

    ASSERT_TRUE(CadenceSettings(db()).setRule(CadenceRule::fromPreset(CadencePreset::TenFourOne)).ok());
    EXPECT_EQ(CadenceSettings(db()).rule().value(), CadenceRule::fromPreset(CadencePreset::TenFourOne));
}

TEST_F(DatabaseTest, TheReminderCanBeTurnedOffAndRemembersWhenItLastShowed)
{
    EXPECT_TRUE(CadenceSettings(db()).reminder()->enabled) << "on by default";
    EXPECT_FALSE(CadenceSettings(db()).reminderLastShown()->isValid()) << "a fresh database never showed one";
    {
        CadenceSettings settings(db());
        ASSERT_TRUE(settings.setReminder({ Qt::Tuesday, QTime(8, 15), false }).ok());
        ASSERT_TRUE(settings.setReminderLastShown(test::utc(2026, 11, 23, 8)).ok());
    }
    reopen();
    CadenceSettings settings(db());
    EXPECT_EQ(settings.reminder().value(), (ReminderSetting { Qt::Tuesday, QTime(8, 15), false }));
    EXPECT_EQ(settings.reminderLastShown().value(), test::utc(2026, 11, 23, 8));
    ASSERT_TRUE(settings.setReminder({ Qt::Tuesday, QTime(8, 15), true }).ok());
    EXPECT_TRUE(settings.reminder()->enabled) << "on again";

    ASSERT_TRUE(SettingsRepository(db()).setValue(QStringLiteral("reminder.enabled"), QStringLiteral("maybe")).ok());
    auto broken = settings.reminder();
    ASSERT_FALSE(broken.ok());
    EXPECT_TRUE(broken.error().contains(QStringLiteral("reminder.enabled"))) << broken.error().toStdString();
}

TEST_F(DatabaseTest, ARuleThatCannotWorkIsRefusedWithTheReason)
{
    struct Case
    {
        CadenceRule rule;
        const char* mentions;
    };
    const QList<Case> cases {
        { CadenceRule::custom(-1, 0, 0), "negative" },
        { CadenceRule::custom(3, 4, 1), "4 personalized notes" },
        { CadenceRule::custom(101, 4, 1), "limit of 100" },
    };
    CadenceSettings settings(db());
    for (const Case& c : cases) {
        const Status set = settings.setRule(c.rule);
        ASSERT_FALSE(set.ok());
        EXPECT_TRUE(set.error().contains(QString::fromLatin1(c.mentions))) << set.error().toStdString();
    }
    EXPECT_EQ(settings.rule().value(), CadenceRule::fromPreset(CadencePreset::FourOneOne)) << "nothing changed";
}

TEST_F(DatabaseTest, ABrokenStoredSettingIsAnErrorNamingIt)
{
    SettingsRepository repository(db());
    ASSERT_TRUE(repository.setValue(QStringLiteral("limits.requests_per_day"), QStringLiteral("lots")).ok());
    auto limits = CadenceSettings(db()).limits();
    ASSERT_FALSE(limits.ok());
    EXPECT_TRUE(limits.error().contains(QStringLiteral("limits.requests_per_day"))) << limits.error().toStdString();

    ASSERT_TRUE(repository.setValue(QStringLiteral("cadence.rule"), QStringLiteral("5-2-1")).ok());
    auto rule = CadenceSettings(db()).rule();
    ASSERT_FALSE(rule.ok());
    EXPECT_TRUE(rule.error().contains(QStringLiteral("5-2-1")));
}

TEST_F(DatabaseTest, ThePlanServiceUsesTheStoredRuleAndLimits)
{
    CadenceSettings settings(db());
    ASSERT_TRUE(settings.setRule(CadenceRule::fromPreset(CadencePreset::TenFourOne)).ok());
    auto plan = PlanService::weekPlan(db(), QDate(2026, 11, 26), QDate(2026, 11, 26),
                                      QLocale(QLocale::English, QLocale::UnitedKingdom));
    ASSERT_TRUE(plan.ok()) << plan.error().toStdString();
    EXPECT_EQ(plan->rule.preset, CadencePreset::TenFourOne);
    EXPECT_EQ(plan->weekStart, QDate(2026, 11, 23));
    EXPECT_EQ(plan->requests, (PlanProgress { 0, 10 }));
}

TEST_F(DatabaseTest, ThePlanFollowsEveryChangeWhetherMadeHereOrByAnotherConnection)
{
    const QDate today(2026, 11, 24);
    const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    const auto requests = [&](Database& database) {
        auto plan = PlanService::weekPlan(database, today, today, locale);
        EXPECT_TRUE(plan.ok()) << plan.error().toStdString();
        return plan.ok() ? plan->toDo(PlanActionKind::SendRequest) : -1;
    };
    const auto addProspect = [](Database& database, const char* name) {
        Contact contact;
        contact.firstName = QString::fromUtf8(name);
        ASSERT_TRUE(ContactRepository(database).add(contact).ok());
    };
    EXPECT_EQ(requests(db()), 0);
    EXPECT_EQ(requests(db()), 0); // asked again: the same plan
    addProspect(db(), "Ada");
    EXPECT_EQ(requests(db()), 1);
    // The import runs on a connection of its own; the window's plan must see what it wrote.
    auto other = Database::open(path());
    ASSERT_TRUE(other.ok()) << other.error().toStdString();
    addProspect(**other, "Grace");
    EXPECT_EQ(requests(db()), 2);
    ASSERT_TRUE(CadenceSettings(**other).setRule(CadenceRule::fromPreset(CadencePreset::TenFourOne)).ok());
    EXPECT_EQ(PlanService::weekPlan(db(), today, today, locale)->requests.target, 10);
}

} // namespace
} // namespace rapport
