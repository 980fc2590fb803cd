#include "core/io/DemoData.h"

#include <QRandomGenerator>
#include <QSet>

namespace rapport::DemoData {

namespace {

const char* const kFirstNames[]
    = { "Amara", "Ben",       "Chloé",   "Daniel", "Elif",   "Farah", "Gabriel", "Hana",  "Ivan",   "Julia",
        "Kenji", "Lena",      "Mateo",   "Nadia",  "Oliver", "Priya", "Quentin", "Rosa",  "Samuel", "Tanvi",
        "Umar",  "Valentina", "William", "Ximena", "Yusuf",  "Zoe",   "Aisha",   "Bruno", "Clara",  "Diego",
        "Emma",  "Felix",     "Grace",   "Hugo",   "Ingrid", "Jonas", "Kavya",   "Lucas", "Maya",   "Noah",
        "Olga",  "Pedro",     "Rania",   "Sofia",  "Tomás",  "Uma",   "Victor",  "Wen",   "Yara",   "Zain" };
const char* const kLastNames[]
    = { "Achebe",  "Bergström", "Castillo",  "Dubois",   "Eriksen",  "Fernandes", "García", "Hoffmann",   "Ibrahim",
        "Jansen",  "Kowalski",  "Lindqvist", "Moreau",   "Nakamura", "O'Brien",   "Petrov", "Quinn",      "Rossi",
        "Schmidt", "Takahashi", "Umarov",    "Van Dijk", "Wójcik",   "Xu",        "Yilmaz", "Zimmermann", "Adeyemi",
        "Bauer",   "Chen",      "Delgado",   "Evans",    "Fischer",  "Gupta",     "Haddad", "Ivanova",    "Jones",
        "Kim",     "López",     "Müller",    "Novak",    "Okafor",   "Patel",     "Reyes",  "Silva",      "Tanaka",
        "Ueda",    "Vega",      "Weber",     "Young",    "Zhang" };
const char* const kCompanies[] = { "Northwind Analytics",  "Bluepeak Software",    "Contoso Health",
                                   "Fabrikam Robotics",    "Lumen Labs",           "Tailspin Logistics",
                                   "Adatum Finance",       "Harbor & Vale",        "Quantaris",
                                   "Greenleaf Energy",     "Brightline Media",     "Orbital Systems",
                                   "Kestrel Security",     "Meridian Bank",        "Woodgrove Retail",
                                   "Atlas Biotech",        "Pinecrest Consulting", "Redwood Games",
                                   "Silverline Insurance", "Nimbus Cloud",         "Helix Pharma",
                                   "Aurora Mobility",      "Crescent Foods",       "Summit Education",
                                   "Vertex Semiconductors" };
const char* const kPositions[] = { "Software Engineer",   "Senior Software Engineer",
                                   "Engineering Manager", "Product Manager",
                                   "Head of Product",     "Data Scientist",
                                   "UX Designer",         "CTO",
                                   "VP Engineering",      "Founder & CEO",
                                   "Marketing Lead",      "Sales Director",
                                   "Recruiter",           "Talent Partner",
                                   "Solutions Architect", "DevOps Engineer",
                                   "Research Scientist",  "Customer Success Manager",
                                   "Operations Manager",  "Financial Analyst" };
const char* const kLocations[] = { "Berlin, Germany",
                                   "London, United Kingdom",
                                   "Paris, France",
                                   "Amsterdam, Netherlands",
                                   "Lisbon, Portugal",
                                   "Madrid, Spain",
                                   "Stockholm, Sweden",
                                   "Warsaw, Poland",
                                   "New York, United States",
                                   "San Francisco, United States",
                                   "Toronto, Canada",
                                   "Bangalore, India",
                                   "Singapore",
                                   "Tokyo, Japan",
                                   "Sydney, Australia",
                                   "Lagos, Nigeria",
                                   "São Paulo, Brazil",
                                   "Dubai, United Arab Emirates" };
const char* const kTags[] = { "recruiting", "engineering", "product", "investor",    "mentor",
                              "client",     "speaker",     "alumni",  "open source", "design" };
const char* const kEvents[]
    = { "FOSDEM", "Web Summit", "KubeCon Europe", "a local meetup", "QtWS", "PyCon", "a product conference" };
const char* const kSchools[]
    = { "TU München", "University of Lisbon", "ETH Zürich", "Imperial College", "Sciences Po", "KTH" };
const char* const kTopics[] = { "distributed systems", "product discovery", "hiring",          "developer experience",
                                "climate tech",        "open source",       "data engineering" };
const char* const kMutuals[] = { "Ines Moreau", "Tom Becker", "Aiko Sato", "Ravi Menon", "Lea Novak" };

template <std::size_t N> QString pick(QRandomGenerator& random, const char* const (&list)[N])
{
    return QString::fromUtf8(list[random.bounded(int(N))]);
}

bool chance(QRandomGenerator& random, int percent)
{
    return random.bounded(100) < percent;
}

// A working-day time between 08:00 and 18:00 UTC, `daysBack` days before `lastDay`.
QDateTime workingTime(QRandomGenerator& random, QDate lastDay, int daysBack)
{
    QDate day = lastDay.addDays(-daysBack);
    while (day.dayOfWeek() > 5)
        day = day.addDays(-1);
    return QDateTime(day, QTime(8 + random.bounded(10), random.bounded(60), random.bounded(60)), Qt::UTC);
}

QString slug(const QString& text)
{
    QString result;
    for (const QChar c : text.normalized(QString::NormalizationForm_D).toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            result += c;
        else if (c == u' ' || c == u'-')
            result += u'-';
    }
    return result;
}

} // namespace

// How the network is made, for `contacts` people:
// - Most are connections from the user's LinkedIn export: only a "connected on" date, years back.
// - The user's own requests go at most 4 a week (the 4-1-1 rule) over the last three years, none yet in
//   the current week, each with a note from the default template that fits how they know the person;
//   about 40% are accepted, and some declined, withdrawn or never answered; a few were asked again once.
// - A few hundred prospects at most, some of them to follow first, and a few dozen contacts with a
//   keep-in-touch cadence (the starred ones Close).
ParsedImport generate(int contacts, quint32 seed, QDate lastDay)
{
    QRandomGenerator random(seed);
    const QDateTime end(lastDay, QTime(18, 0), Qt::UTC);
    const QDate thisWeek = lastDay.addDays(1 - lastDay.dayOfWeek());
    constexpr int kRequestsPerWeek = 4;
    const int requests = std::min(contacts * 55 / 100, kRequestsPerWeek * 156);
    const int prospects = std::min(contacts * 12 / 100, 300);
    const int following = std::min(contacts * 5 / 100, 60);
    int cadences = std::min(std::max(contacts / 8, 1), 40);
    int starred = std::min(std::max(contacts / 25, 1), 20);
    QSet<QDate> retryFridays; // one second request a week at most
    ParsedImport parsed;
    parsed.format = ImportFormat::RapportContacts;
    parsed.rowCount = contacts;
    for (int i = 0; i < contacts; ++i) {
        ImportRecord record;
        record.line = i + 2;
        Contact& contact = record.contact;
        contact.firstName = pick(random, kFirstNames);
        contact.lastName = pick(random, kLastNames);
        contact.company = pick(random, kCompanies);
        contact.position = pick(random, kPositions);
        contact.location = pick(random, kLocations);
        contact.profileUrl = QStringLiteral("https://www.linkedin.com/in/%1-%2-%3")
                                 .arg(slug(contact.firstName), slug(contact.lastName))
                                 .arg(random.generate() & 0xffffff, 6, 16, QChar(u'0'));
        if (chance(random, 20)) {
            contact.email = QStringLiteral("%1.%2@example.com").arg(slug(contact.firstName), slug(contact.lastName));
        }
        if (chance(random, 30))
            contact.tags.append(pick(random, kTags));
        contact.tags = normalizedTags(contact.tags);
        if (chance(random, 35))
            contact.topic = pick(random, kTopics);
        auto addEntry = [&](InteractionKind kind, const QDateTime& at, const QString& text = {},
                            const QString& templateName = {}, const QString& url = {}) {
            if (at <= end)
                record.interactions.append({ 0, 0, kind, at, text, templateName, url });
        };
        // How we know each other, in the advisor's words, and the default template that fits it.
        const auto knowEachOther = [&]() -> QString {
            switch (random.bounded(6)) {
            case 0:
                contact.howWeKnow = QStringLiteral("met_at_event");
                contact.event = pick(random, kEvents);
                return QStringLiteral("Met at an event");
            case 1:
                contact.howWeKnow = QStringLiteral("studied_together");
                contact.school = pick(random, kSchools);
                return QStringLiteral("Fellow alum");
            case 2:
                contact.howWeKnow = QStringLiteral("introduced");
                contact.mutualConnection = pick(random, kMutuals);
                return QStringLiteral("Mutual connection");
            case 3:
                contact.howWeKnow = QStringLiteral("worked_together");
                return {};
            case 4:
                contact.howWeKnow = QStringLiteral("business_interest");
                return {};
            default:
                return {};
            }
        };

        const int kind = i % 100; // spread each kind over the whole list
        const int index = i / 100;
        const int perHundred = std::max(1, 100 * requests / std::max(contacts, 1));
        if (kind < perHundred && index * perHundred + kind < requests) {
            // The k-th request of the user's, in week k / 4 before this one, Monday to Thursday.
            const int k = index * perHundred + kind;
            const QDate day = thisWeek.addDays(-7 * (1 + k / kRequestsPerWeek) + k % kRequestsPerWeek);
            const QDateTime sent(day, QTime(8 + random.bounded(10), random.bounded(60)), Qt::UTC);
            contact.createdAt = sent.addDays(-random.bounded(1, 10));
            QString templateName = knowEachOther();
            const bool personalized = chance(random, 85);
            if (personalized && templateName.isEmpty())
                templateName = QStringLiteral("Admire your work");
            const QString note = personalized
                ? QStringLiteral("Hi %1, I'd be glad to connect. %2")
                      .arg(contact.firstName,
                           contact.topic.isEmpty() ? QStringLiteral("I enjoy your posts.")
                                                   : QStringLiteral("I follow your work on %1.").arg(contact.topic))
                : QString();
            addEntry(InteractionKind::RequestSent, sent, note, personalized ? templateName : QString());
            const int outcome = random.bounded(100);
            // Personalized notes do better, as the seeds say; overall about 40% are accepted.
            if (outcome < (personalized ? 42 : 25)) {
                const QDateTime accepted = sent.addSecs(3600LL * random.bounded(2, 24 * 10));
                addEntry(InteractionKind::RequestAccepted, accepted);
                if (chance(random, 75)) {
                    addEntry(InteractionKind::ContentShared, accepted.addDays(3),
                             QStringLiteral("Thought you might like this article."), QString(),
                             QStringLiteral("https://example.com/articles/%1").arg(random.bounded(1000)));
                }
                QDateTime next = accepted.addDays(random.bounded(20, 200));
                while (next <= end && chance(random, 50)) {
                    if (chance(random, 50)) {
                        addEntry(InteractionKind::MessageReceived, next, QStringLiteral("Good to hear from you!"));
                        // Most are answered; a recent one may still wait for a reply.
                        if (chance(random, 85))
                            addEntry(InteractionKind::MessageSent, next.addSecs(3600LL * random.bounded(1, 30)),
                                     QStringLiteral("Likewise, thanks!"));
                    } else {
                        addEntry(chance(random, 50) ? InteractionKind::Engaged : InteractionKind::Endorsed, next);
                    }
                    next = next.addDays(random.bounded(40, 200));
                }
            } else {
                QDateTime answered;
                if (outcome < 54) {
                    answered = sent.addDays(random.bounded(1, 15));
                    addEntry(InteractionKind::RequestDeclined, answered);
                } else if (outcome < 60) {
                    answered = sent.addDays(random.bounded(21, 40));
                    addEntry(InteractionKind::RequestWithdrawn, answered);
                } else {
                    answered = sent; // no response
                }
                // Asked again once, months later, on a Friday (declined or never answered only).
                if (outcome < 54 || outcome >= 60) {
                    const QDate retryDay = answered.date().addDays(random.bounded(95, 140));
                    const QDate friday = retryDay.addDays(5 - retryDay.dayOfWeek());
                    if (friday < thisWeek && !retryFridays.contains(friday) && chance(random, 25)) {
                        retryFridays.insert(friday);
                        const QDateTime again(friday, QTime(10, 0), Qt::UTC);
                        addEntry(
                            InteractionKind::RequestSent, again,
                            QStringLiteral("Hi %1, trying once more: I'd be glad to connect.").arg(contact.firstName),
                            QStringLiteral("Admire your work"));
                        if (chance(random, 40))
                            addEntry(InteractionKind::RequestAccepted, again.addDays(random.bounded(1, 6)));
                        else if (chance(random, 30))
                            addEntry(InteractionKind::RequestDeclined, again.addDays(random.bounded(1, 10)));
                    }
                }
            }
        } else if (kind >= 90 && index * 10 + (kind - 90) < prospects) {
            // A prospect: nothing sent yet; a few the advisor says to follow first.
            contact.createdAt = workingTime(random, lastDay, random.bounded(120));
            knowEachOther();
            if (chance(random, 15)) {
                contact.howWeKnow.clear();
                contact.littleInCommon = true;
            } else if (chance(random, 5)) {
                contact.highProfile = true;
            }
            if (chance(random, 10))
                addEntry(InteractionKind::Met, workingTime(random, lastDay, random.bounded(1, 6)));
        } else if (kind >= 85 && kind < 90 && index * 5 + (kind - 85) < following) {
            contact.createdAt = workingTime(random, lastDay, random.bounded(200));
            contact.highProfile = chance(random, 50);
            addEntry(InteractionKind::Followed, contact.createdAt.addSecs(600));
            if (chance(random, 50))
                addEntry(InteractionKind::Engaged, contact.createdAt.addDays(random.bounded(7, 30)));
        } else {
            // A connection from the LinkedIn export: only the day it was made, up to eight years back.
            const QDateTime connected = workingTime(random, lastDay, random.bounded(30, 8 * 365));
            contact.createdAt = connected;
            addEntry(InteractionKind::RequestAccepted, connected);
            if (chance(random, 1)) {
                const QDateTime wrote = workingTime(random, lastDay, random.bounded(0, 400));
                addEntry(InteractionKind::MessageReceived, wrote,
                         QStringLiteral("Hi! Are you still at %1?").arg(contact.company));
                if (chance(random, 85))
                    addEntry(InteractionKind::MessageSent, wrote.addSecs(3600LL * random.bounded(1, 30)),
                             QStringLiteral("I am, yes. Good to hear from you!"));
            }
        }
        // The few the user keeps in touch with: the starred ones Close, the others Regular.
        const bool connection
            = std::any_of(record.interactions.cbegin(), record.interactions.cend(),
                          [](const Interaction& e) { return e.kind == InteractionKind::RequestAccepted; });
        if (connection && cadences > 0 && chance(random, std::max(3, 4000 / std::max(contacts, 1)))) {
            --cadences;
            contact.starred = starred-- > 0;
            contact.keepInTouchDays = contact.starred ? 30 : 90;
            // Kept in touch with so far: the last time about one cadence ago, give or take two weeks.
            addEntry(InteractionKind::MessageSent,
                     workingTime(random, lastDay, std::max(1, contact.keepInTouchDays - 14 + random.bounded(28))),
                     QStringLiteral("How are things at %1?").arg(contact.company));
        }
        parsed.records.append(record);
    }
    return parsed;
}

} // namespace rapport::DemoData
