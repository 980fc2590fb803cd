#pragma once

#include "core/domain/Contact.h"

#include <QDate>
#include <QString>

namespace rapport {

enum class ConnectAdvice
{
    Connect,
    FollowFirst,
};

struct ConnectRecommendation
{
    ConnectAdvice advice = ConnectAdvice::Connect;
    QString reason; // one sentence for the user, who decides

    bool operator==(const ConnectRecommendation&) const = default;
};

// Connect or follow first (domain: Connect or follow), from how we know the contact and the contact's
// flags. Precedence, from the seeds: the user's wish to stay anonymous and a first meeting today always
// mean follow first; a very high-profile person means follow first unless we know each other personally
// (worked or studied together, introduced); "little in common" means follow first unless how we know
// each other gives a reason to connect. Without any of these, connecting is the default: the note then says
// why. An unknown how-we-know value (free text from an old import) counts as none.
class ConnectAdvisor
{
public:
    // `metOn` is the day we last met (a "met" entry in the log), if ever; `today` pins "met only today".
    static ConnectRecommendation advise(const Contact& contact, const QDate& metOn, const QDate& today);
    // The advice alone, without composing the reason: what the planner asks of every prospect.
    static ConnectAdvice adviceFor(const Contact& contact, const QDate& metOn, const QDate& today);
};

} // namespace rapport
