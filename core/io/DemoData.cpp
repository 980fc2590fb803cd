#include "core/io/DemoData.h"

#include <QRandomGenerator>

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
const char* const kHowWeKnow[] = { "worked together", "studied together", "introduced by a mutual connection",
                                   "met at an event", "shared interest",  "interviewed" };
const char* const kEvents[]
    = { "FOSDEM", "Web Summit", "KubeCon Europe", "a local meetup", "QtWS", "PyCon", "a product conference" };
const char* const kSchools[]
    = { "TU München", "University of Lisbon", "ETH Zürich", "Imperial College", "Sciences Po", "KTH" };
const char* const kTopics[] = { "distributed systems", "product discovery", "hiring",          "developer experience",
                                "climate tech",        "open source",       "data engineering" };
const char* const kTemplates[] = { "Met at an event", "Mutual connection", "Shared interest", "Alumni" };

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

ParsedImport generate(int contacts, quint32 seed, QDate lastDay)
{
    QRandomGenerator random(seed);
    const QDateTime end(lastDay, QTime(18, 0), Qt::UTC);
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
        if (chance(random, 10))
            contact.tags.append(pick(random, kTags));
        contact.tags = normalizedTags(contact.tags);
        contact.starred = chance(random, 8);
        contact.howWeKnow = chance(random, 60) ? pick(random, kHowWeKnow) : QString();
        if (contact.howWeKnow == u"met at an event")
            contact.event = pick(random, kEvents);
        if (contact.howWeKnow == u"studied together")
            contact.school = pick(random, kSchools);
        if (chance(random, 35))
            contact.topic = pick(random, kTopics);

        // Added on a day in the last three years; what happened since depends on the stage drawn.
        const int addedDaysBack = random.bounded(3 * 365);
        const QDateTime added = workingTime(random, lastDay, addedDaysBack);
        contact.createdAt = added;
        auto addEntry = [&](InteractionKind kind, const QDateTime& at, const QString& text = {},
                            const QString& templateName = {}, const QString& url = {}) {
            if (at <= end)
                record.interactions.append({ 0, 0, kind, at, text, templateName, url });
        };
        const int fate = random.bounded(100);
        if (fate < 12) {
            // A prospect: nothing sent yet.
        } else if (fate < 18) {
            addEntry(InteractionKind::Followed, added.addSecs(600));
        } else {
            const QDateTime sent = added.addDays(random.bounded(1, 10));
            const bool personalized = chance(random, 80);
            const QString templateName = personalized ? pick(random, kTemplates) : QString();
            const QString note = personalized
                ? QStringLiteral("Hi %1, %2 - would be glad to connect.")
                      .arg(contact.firstName,
                           contact.topic.isEmpty() ? QStringLiteral("enjoyed your posts")
                                                   : QStringLiteral("I follow your work on %1").arg(contact.topic))
                : QString();
            addEntry(InteractionKind::RequestSent, sent, note, templateName);
            const int outcome = random.bounded(100);
            // Personalized notes do better, as the seeds say; overall about 40% are accepted.
            if (outcome < (personalized ? 44 : 26)) {
                const QDateTime accepted = sent.addSecs(3600LL * random.bounded(2, 24 * 10));
                addEntry(InteractionKind::RequestAccepted, accepted);
                if (chance(random, 70)) {
                    addEntry(InteractionKind::ContentShared, accepted.addDays(3),
                             QStringLiteral("Thought you might like this article."), QString(),
                             QStringLiteral("https://example.com/articles/%1").arg(random.bounded(1000)));
                }
                QDateTime next = accepted.addDays(random.bounded(20, 120));
                while (next <= end && chance(random, 65)) {
                    const int what = random.bounded(4);
                    if (what == 0) {
                        addEntry(InteractionKind::MessageSent, next,
                                 QStringLiteral("How are things at %1?").arg(contact.company));
                        if (chance(random, 60))
                            addEntry(InteractionKind::MessageReceived, next.addSecs(3600LL * random.bounded(1, 48)),
                                     QStringLiteral("All good, thanks for asking!"));
                    } else if (what == 1) {
                        addEntry(InteractionKind::Engaged, next, QStringLiteral("Commented on their post."));
                    } else if (what == 2) {
                        addEntry(InteractionKind::Endorsed, next);
                    } else {
                        addEntry(InteractionKind::Met, next, QStringLiteral("Coffee chat."));
                    }
                    next = next.addDays(random.bounded(30, 150));
                }
            } else if (outcome < 52) {
                addEntry(InteractionKind::RequestDeclined, sent.addDays(random.bounded(1, 15)));
            } else if (outcome < 58) {
                addEntry(InteractionKind::RequestWithdrawn, sent.addDays(random.bounded(21, 40)));
            }
        }
        parsed.records.append(record);
    }
    return parsed;
}

} // namespace rapport::DemoData
