#include "core/cadence/ConnectAdvisor.h"

#include "core/domain/HowWeKnow.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

const QDate kToday(2026, 11, 26);

TEST(ConnectAdvisor, FollowsTheSeedsConnectOrFollowGuidance)
{
    struct Case
    {
        const char* how;
        bool highProfile;
        bool littleInCommon;
        bool stayAnonymous;
        QDate metOn;
        ConnectAdvice advice;
        const char* mentions;
    };
    const QDate none;
    const QList<Case> cases {
        { "worked_together", false, false, false, none, ConnectAdvice::Connect, "worked together" },
        { "studied_together", false, false, false, none, ConnectAdvice::Connect, "studied together" },
        { "introduced", false, false, false, none, ConnectAdvice::Connect, "introduced" },
        { "met_at_event", false, false, false, kToday.addDays(-4), ConnectAdvice::Connect, "event" },
        { "business_interest", false, false, false, none, ConnectAdvice::Connect, "business interest" },
        { "interview", false, false, false, none, ConnectAdvice::Connect, "interview" },
        { "", false, false, false, none, ConnectAdvice::Connect, "why" },
        { "", true, false, false, none, ConnectAdvice::FollowFirst, "high-profile" },
        { "met_at_event", true, false, false, none, ConnectAdvice::FollowFirst, "high-profile" },
        { "worked_together", true, false, false, none, ConnectAdvice::Connect, "worked together" },
        { "", false, true, false, none, ConnectAdvice::FollowFirst, "Little in common" },
        { "business_interest", false, true, false, none, ConnectAdvice::Connect, "business interest" },
        { "worked_together", false, false, true, none, ConnectAdvice::FollowFirst, "anonymous" },
        { "met_at_event", false, false, false, kToday, ConnectAdvice::FollowFirst, "only today" },
        { "", false, false, false, kToday, ConnectAdvice::FollowFirst, "only today" },
        { "met_at_event", false, false, false, kToday.addDays(-1), ConnectAdvice::Connect, "event" },
        { "an old free-text value", false, false, false, none, ConnectAdvice::Connect, "why" },
    };
    for (const Case& c : cases) {
        Contact contact;
        contact.howWeKnow = QString::fromLatin1(c.how);
        contact.highProfile = c.highProfile;
        contact.littleInCommon = c.littleInCommon;
        contact.stayAnonymous = c.stayAnonymous;
        const ConnectRecommendation advice = ConnectAdvisor::advise(contact, c.metOn, kToday);
        const std::string label = std::string(c.how) + (c.highProfile ? " high-profile" : "")
            + (c.littleInCommon ? " little-in-common" : "") + (c.stayAnonymous ? " anonymous" : "")
            + (c.metOn == kToday ? " met-today" : "");
        EXPECT_EQ(advice.advice, c.advice) << label;
        EXPECT_TRUE(advice.reason.contains(QString::fromLatin1(c.mentions), Qt::CaseInsensitive))
            << label << ": " << advice.reason.toStdString();
        EXPECT_EQ(ConnectAdvisor::adviceFor(contact, c.metOn, kToday), c.advice) << label;
    }
}

TEST(HowWeKnow, KeysRoundTripAndUnknownTextIsNone)
{
    for (HowWeKnow value : kAllHowWeKnow) {
        EXPECT_EQ(howWeKnowFromKey(toKey(value)), value);
        EXPECT_FALSE(displayName(value).isEmpty());
    }
    EXPECT_EQ(toKey(HowWeKnow::MetAtEvent), QStringLiteral("met_at_event"));
    EXPECT_FALSE(howWeKnowFromKey(u"we go way back").has_value());
    EXPECT_FALSE(howWeKnowFromKey(u"").has_value());
}

} // namespace
} // namespace rapport
