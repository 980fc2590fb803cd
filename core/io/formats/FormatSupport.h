#pragma once

#include "core/domain/Contact.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <initializer_list>

// What the import's format readers share: column lookup by name, the dates the exports write, names.
namespace rapport::formats {

// Column lookup by name, case-insensitive; a missing column reads as empty.
class Columns
{
public:
    explicit Columns(const QStringList& header);

    const QStringList& header() const { return m_header; }
    bool has(QStringView name) const { return m_index.contains(name.toString().toCaseFolded()); }
    bool hasAll(std::initializer_list<const char*> names) const;
    // The names of `names` the header lacks.
    QStringList missing(const QStringList& names) const;
    int indexOf(const QString& name) const { return m_index.value(name.toCaseFolded(), -1); }
    // The column called `name`, else the first whose name contains it ("De-Identified First Name" for
    // "First Name", in a file whose columns were renamed); -1 when none does.
    int indexContaining(const QString& name) const;
    // The names are string literals: their index is looked up once per literal.
    QString get(const QStringList& fields, const char* name) const;
    QString get(const QStringList& fields, const QString& name) const { return cell(fields, indexOf(name)); }
    static QString cell(const QStringList& fields, int i)
    {
        return i >= 0 && i < fields.size() ? fields.at(i).trimmed() : QString();
    }

private:
    QStringList m_header;
    QHash<QString, int> m_index;
    mutable QHash<const char*, int> m_literals;
};

// Spaces Excel and LinkedIn put in dates (no-break, narrow no-break) become plain ones.
QString plainSpaces(QString text);

// A day such as LinkedIn's Connected On: "21 Nov 2022", "4 Nov 2022", and "01-Jul-25" or "4-Mar-18" from a file
// re-saved in Excel (also ISO "2022-11-21"), taken at noon UTC so that it shows as the same day in every time
// zone but the farthest; or a day and time as LinkedIn wrote them until 2019, "1/8/18, 6:14 PM", in UTC.
// Invalid for any other text.
QDateTime parseDay(const QString& text);
// Invitations' Sent At: "9/27/25, 8:41 AM", in UTC.
QDateTime parseShortDateTime(const QString& text);
// messages.csv's DATE: "2025-10-06 23:49:02 UTC".
QDateTime parseUtcDateTime(const QString& text);
// "2025-10-06T23:49:02Z", Rapport's own export.
QDateTime parseIso(const QString& text);

// Text with HTML's character references decoded, as LinkedIn's exports of 2018 wrote messages: "&rsquo;",
// "&amp;", "&#39;", "&#x2019;". A reference it does not know is left as it is.
QString decodeHtmlEntities(const QString& text);

// "Mary Ann Smith" -> ("Mary", "Ann Smith"): the first word is the given name.
void setFullName(Contact& contact, const QString& fullName);

bool isLinkedInUrl(const QString& url);
// "1", "true", "yes", "y", "x" in any case.
bool truthy(const QString& text);
// The non-empty parts, trimmed, joined by `separator`.
QString joined(const QStringList& parts, const QString& separator);

} // namespace rapport::formats
