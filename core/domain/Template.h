#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace rapport {

enum class TemplateKind
{
    ConnectionNote, // sent with a request: limited to 300 (Premium) or 200 (Basic) characters
    FollowUp, // a message after an acceptance, usually with content
    CheckIn, // a message to keep a relationship warm
};

QString toKey(TemplateKind kind); // "connection_note", "follow_up", "check_in"
std::optional<TemplateKind> templateKindFromKey(QStringView key);
QString displayName(TemplateKind kind);

struct Template
{
    qint64 id = 0; // 0 until stored
    QString name;
    TemplateKind kind = TemplateKind::ConnectionNote;
    QString body; // text with {placeholders}
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
    // The how-we-know values (HowWeKnow keys) a connection note is written for: the plan suggests it to
    // those contacts first. Empty for a note that suits anyone.
    QStringList forHowWeKnow;

    bool operator==(const Template&) const = default;
};

} // namespace rapport
