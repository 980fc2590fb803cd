#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <array>

namespace rapport {

struct Contact
{
    qint64 id = 0; // 0 until stored
    QString firstName;
    QString lastName;
    QString position; // LinkedIn's headline
    QString company;
    QString location;
    QString profileUrl;
    QString email;
    QString phone;
    QStringList tags;
    bool starred = false;
    int keepInTouchDays = 0; // every N days (domain: Keep in touch); 0 for none, the default
    QString notes;
    // Personalization context the templates draw on.
    QString howWeKnow;
    QString event;
    QString mutualConnection;
    QString school;
    QString topic;
    // What the ConnectAdvisor weighs besides how we know each other (domain: Connect or follow).
    bool highProfile = false; // an influencer or a very high-profile person
    bool littleInCommon = false;
    bool stayAnonymous = false; // the user wants to follow without asking to connect
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC

    QString fullName() const;

    bool operator==(const Contact&) const = default;
};

// The plain-text fields of a contact under their snake_case names: the names of the database columns,
// the JSON keys and the export's columns. One list, so a new field cannot be forgotten in one of them.
// The other fields (id, tags, starred, the advisor's flags, timestamps) have types of their own and are handled
// by name.
struct ContactTextField
{
    const char* name;
    QString Contact::*member;
};

inline constexpr std::array<ContactTextField, 14> kContactTextFields { {
    { "first_name", &Contact::firstName },
    { "last_name", &Contact::lastName },
    { "position", &Contact::position },
    { "company", &Contact::company },
    { "location", &Contact::location },
    { "profile_url", &Contact::profileUrl },
    { "email", &Contact::email },
    { "phone", &Contact::phone },
    { "notes", &Contact::notes },
    { "how_we_know", &Contact::howWeKnow },
    { "event", &Contact::event },
    { "mutual_connection", &Contact::mutualConnection },
    { "school", &Contact::school },
    { "topic", &Contact::topic },
} };

// Tags are stored and exported joined by ';', so a tag never contains one.
inline constexpr QChar kTagSeparator = u';';

// A contact field's name for people: "first_name" -> "First name", "profile_url" -> "Profile URL".
QString fieldLabel(QStringView name);

// Why a contact's text cannot be stored as it is, naming the field ("First name contains a control
// character (U+0007)."), or an empty string. Only the notes may hold line breaks; text that was
// not valid UTF-8 (decoded to U+FFFD) is refused rather than kept garbled.
QString textProblem(const Contact& contact);

QStringList normalizedTags(const QStringList& tags);
QString joinTags(const QStringList& tags);
QStringList splitTags(const QString& joined);

} // namespace rapport
