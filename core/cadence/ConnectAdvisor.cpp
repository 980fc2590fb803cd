#include "core/cadence/ConnectAdvisor.h"

#include "core/domain/HowWeKnow.h"

#include <QCoreApplication>

namespace rapport {

namespace {

// Why the advisor says what it says; the sentence is composed only when someone reads it.
enum class Basis
{
    StayAnonymous,
    MetToday,
    HighProfile,
    LittleInCommon,
    NothingAgainst,
    WorkedTogether,
    StudiedTogether,
    Introduced,
    MetAtEvent,
    BusinessInterest,
    Interview,
};

bool knowEachOtherPersonally(std::optional<HowWeKnow> how)
{
    return how == HowWeKnow::WorkedTogether || how == HowWeKnow::StudiedTogether || how == HowWeKnow::Introduced;
}

Basis basisFor(const Contact& contact, const QDate& metOn, const QDate& today)
{
    if (contact.stayAnonymous)
        return Basis::StayAnonymous;
    if (metOn.isValid() && metOn == today)
        return Basis::MetToday;
    const std::optional<HowWeKnow> how = howWeKnowFromKey(contact.howWeKnow);
    if (contact.highProfile && !knowEachOtherPersonally(how))
        return Basis::HighProfile;
    if (!how.has_value())
        return contact.littleInCommon ? Basis::LittleInCommon : Basis::NothingAgainst;
    switch (*how) {
    case HowWeKnow::WorkedTogether:
        return Basis::WorkedTogether;
    case HowWeKnow::StudiedTogether:
        return Basis::StudiedTogether;
    case HowWeKnow::Introduced:
        return Basis::Introduced;
    case HowWeKnow::MetAtEvent:
        return Basis::MetAtEvent;
    case HowWeKnow::BusinessInterest:
        return Basis::BusinessInterest;
    case HowWeKnow::Interview:
        break;
    }
    return Basis::Interview;
}

ConnectAdvice adviceOf(Basis basis)
{
    switch (basis) {
    case Basis::StayAnonymous:
    case Basis::MetToday:
    case Basis::HighProfile:
    case Basis::LittleInCommon:
        return ConnectAdvice::FollowFirst;
    default:
        return ConnectAdvice::Connect;
    }
}

QString reasonOf(Basis basis)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("ConnectAdvisor", text); };
    switch (basis) {
    case Basis::StayAnonymous:
        return tr("You want to stay anonymous: following shows you their posts without asking.");
    case Basis::MetToday:
        return tr("You met only today: follow now and connect in a few days, referring to where you met.");
    case Basis::HighProfile:
        return tr("An influencer or very high-profile person rarely accepts people they do not know well: "
                  "follow their posts first.");
    case Basis::LittleInCommon:
        return tr("Little in common yet: follow first and build a connection through their posts.");
    case Basis::NothingAgainst:
        return tr("Nothing says to follow first: say in your note how you know them or why you connect.");
    case Basis::WorkedTogether:
        return tr("You worked together: connect and remind them where.");
    case Basis::StudiedTogether:
        return tr("You studied together: connect and mention the school.");
    case Basis::Introduced:
        return tr("You were introduced: connect and name the mutual connection.");
    case Basis::MetAtEvent:
        return tr("You met at an event: connect soon and refer to it.");
    case Basis::BusinessInterest:
        return tr("You share a business interest: connect and say what you would like to discuss.");
    case Basis::Interview:
        break;
    }
    return tr("After an interview: connect to stay in their mind.");
}

} // namespace

ConnectRecommendation ConnectAdvisor::advise(const Contact& contact, const QDate& metOn, const QDate& today)
{
    const Basis basis = basisFor(contact, metOn, today);
    return { adviceOf(basis), reasonOf(basis) };
}

ConnectAdvice ConnectAdvisor::adviceFor(const Contact& contact, const QDate& metOn, const QDate& today)
{
    return adviceOf(basisFor(contact, metOn, today));
}

} // namespace rapport
