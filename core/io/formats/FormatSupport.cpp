#include "core/io/formats/FormatSupport.h"

#include <QLocale>

namespace rapport::formats {

Columns::Columns(const QStringList& header)
    : m_header(header)
{
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString key = header.at(i).trimmed().toCaseFolded();
        if (!m_index.contains(key))
            m_index.insert(key, int(i));
    }
}

bool Columns::hasAll(std::initializer_list<const char*> names) const
{
    for (const char* name : names) {
        if (!has(QString::fromLatin1(name)))
            return false;
    }
    return true;
}

QStringList Columns::missing(const QStringList& names) const
{
    QStringList absent;
    for (const QString& name : names) {
        if (!has(name))
            absent.append(name);
    }
    return absent;
}

int Columns::indexContaining(const QString& name) const
{
    if (const int exact = indexOf(name); exact >= 0)
        return exact;
    for (qsizetype i = 0; i < m_header.size(); ++i) {
        if (m_header.at(i).contains(name, Qt::CaseInsensitive))
            return int(i);
    }
    return -1;
}

QString Columns::get(const QStringList& fields, const char* name) const
{
    auto it = m_literals.constFind(name);
    if (it == m_literals.cend())
        it = m_literals.insert(name, indexOf(QString::fromLatin1(name)));
    return cell(fields, it.value());
}

QString plainSpaces(QString text)
{
    for (QChar& c : text) {
        if (c == QChar(0x00A0) || c == QChar(0x202F) || c == QChar(0x2009))
            c = u' ';
    }
    return text.simplified();
}

namespace {

// Two-digit years from a spreadsheet: Qt reads "25" as 1925.
QDate fixCentury(QDate date)
{
    return date.isValid() && date.year() < 1970 ? date.addYears(100) : date;
}

// "Nov" -> 11, for the English month abbreviations LinkedIn and Excel write (only the first three letters
// count, in any case).
int monthOf(QStringView name)
{
    if (name.size() < 3)
        return 0;
    static constexpr char16_t months[] = u"janfebmaraprmayjunjulaugsepoctnovdec";
    const char16_t a = name[0].toCaseFolded().unicode();
    const char16_t b = name[1].toCaseFolded().unicode();
    const char16_t c = name[2].toCaseFolded().unicode();
    for (int i = 0; i < 12; ++i) {
        if (months[3 * i] == a && months[3 * i + 1] == b && months[3 * i + 2] == c)
            return i + 1;
    }
    return 0;
}

// "21 Nov 2022" exactly as LinkedIn writes it, read without allocating; an invalid date for any other shape.
QDate dayMonthYear(QStringView text)
{
    const auto digits = [&](qsizetype from, qsizetype count, int& value) {
        value = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            if (i >= text.size() || !text[i].isDigit() || text[i].unicode() > 127)
                return false;
            value = value * 10 + (text[i].unicode() - u'0');
        }
        return true;
    };
    int day = 0;
    int year = 0;
    const qsizetype dayLength = text.size() > 1 && text[1] == u' ' ? 1 : 2;
    if (text.size() != dayLength + 9 || !digits(0, dayLength, day) || text[dayLength] != u' '
        || text[dayLength + 4] != u' ' || !digits(dayLength + 5, 4, year))
        return {};
    const int month = monthOf(text.mid(dayLength + 1, 3));
    return month > 0 ? QDate(year, month, day) : QDate();
}

} // namespace

// Split by hand: QLocale's format parser would cost more than the rest of a Connections.csv row.
QDateTime parseDay(const QString& text)
{
    if (const QDate date = dayMonthYear(text); date.isValid())
        return QDateTime(date, QTime(12, 0), Qt::UTC);
    const QString clean = plainSpaces(text);
    if (clean.contains(u'/'))
        return parseShortDateTime(clean);
    QDate date = QDate::fromString(clean, Qt::ISODate);
    if (!date.isValid()) {
        const QList<QStringView> parts = QStringView(clean).split(clean.contains(u'-') ? u'-' : u' ');
        if (parts.size() == 3) {
            bool dayOk = false;
            bool yearOk = false;
            const int day = parts[0].toInt(&dayOk);
            const int month = monthOf(parts[1]);
            int year = parts[2].toInt(&yearOk);
            if (yearOk && parts[2].size() == 2)
                year += year < 70 ? 2000 : 1900;
            if (dayOk && yearOk && month > 0 && parts[1].size() >= 3)
                date = QDate(year, month, day);
        }
    }
    return date.isValid() ? QDateTime(date, QTime(12, 0), Qt::UTC) : QDateTime();
}

QDateTime parseShortDateTime(const QString& text)
{
    const QString clean = plainSpaces(text);
    const QLocale c = QLocale::c();
    for (const char* format : { "M/d/yy, h:mm AP", "M/d/yy, h:mm ap", "M/d/yyyy, h:mm AP", "M/d/yy h:mm AP" }) {
        QDateTime time = c.toDateTime(clean, QString::fromLatin1(format));
        if (time.isValid()) {
            const QDate date = QString::fromLatin1(format).contains(u"yyyy") ? time.date() : fixCentury(time.date());
            return QDateTime(date, time.time(), Qt::UTC);
        }
    }
    return {};
}

QDateTime parseUtcDateTime(const QString& text)
{
    QString clean = plainSpaces(text);
    if (clean.endsWith(u" UTC"))
        clean.chop(4);
    QDateTime time = QDateTime::fromString(clean, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!time.isValid())
        time = QDateTime::fromString(clean, QStringLiteral("yyyy-MM-dd HH:mm"));
    return time.isValid() ? QDateTime(time.date(), time.time(), Qt::UTC) : QDateTime();
}

QDateTime parseIso(const QString& text)
{
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString decodeHtmlEntities(const QString& text)
{
    if (!text.contains(u'&'))
        return text;
    static const QHash<QString, char16_t> named {
        { QStringLiteral("amp"), u'&' },         { QStringLiteral("lt"), u'<' },
        { QStringLiteral("gt"), u'>' },          { QStringLiteral("quot"), u'"' },
        { QStringLiteral("apos"), u'\'' },       { QStringLiteral("nbsp"), u' ' },
        { QStringLiteral("rsquo"), u'\u2019' },  { QStringLiteral("lsquo"), u'\u2018' },
        { QStringLiteral("rdquo"), u'\u201D' },  { QStringLiteral("ldquo"), u'\u201C' },
        { QStringLiteral("sbquo"), u'\u201A' },  { QStringLiteral("bdquo"), u'\u201E' },
        { QStringLiteral("ndash"), u'\u2013' },  { QStringLiteral("mdash"), u'\u2014' },
        { QStringLiteral("hellip"), u'\u2026' }, { QStringLiteral("bull"), u'\u2022' },
        { QStringLiteral("middot"), u'\u00B7' }, { QStringLiteral("laquo"), u'\u00AB' },
        { QStringLiteral("raquo"), u'\u00BB' },  { QStringLiteral("copy"), u'\u00A9' },
        { QStringLiteral("reg"), u'\u00AE' },    { QStringLiteral("trade"), u'\u2122' },
        { QStringLiteral("euro"), u'\u20AC' },   { QStringLiteral("pound"), u'\u00A3' },
        { QStringLiteral("deg"), u'\u00B0' },    { QStringLiteral("times"), u'\u00D7' },
        { QStringLiteral("eacute"), u'\u00E9' }, { QStringLiteral("egrave"), u'\u00E8' },
        { QStringLiteral("agrave"), u'\u00E0' }, { QStringLiteral("aacute"), u'\u00E1' },
        { QStringLiteral("iacute"), u'\u00ED' }, { QStringLiteral("oacute"), u'\u00F3' },
        { QStringLiteral("uacute"), u'\u00FA' }, { QStringLiteral("ccedil"), u'\u00E7' },
        { QStringLiteral("ntilde"), u'\u00F1' }, { QStringLiteral("auml"), u'\u00E4' },
        { QStringLiteral("ouml"), u'\u00F6' },   { QStringLiteral("uuml"), u'\u00FC' },
        { QStringLiteral("szlig"), u'\u00DF' },
    };
    QString decoded;
    decoded.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype end = text[i] == u'&' ? text.indexOf(u';', i + 1) : -1;
        if (end > i + 1 && end - i <= 10) {
            const QStringView name = QStringView(text).sliced(i + 1, end - i - 1);
            char32_t code = 0;
            if (name.startsWith(u'#')) {
                const bool hex = name.size() > 1 && (name[1] == u'x' || name[1] == u'X');
                bool ok = false;
                const uint value = hex ? name.sliced(2).toUInt(&ok, 16) : name.sliced(1).toUInt(&ok, 10);
                if (ok && value > 0 && value <= 0x10FFFF && !QChar::isSurrogate(value))
                    code = value;
            } else {
                code = named.value(name.toString());
            }
            if (code != 0) {
                decoded += QString::fromUcs4(&code, 1);
                i = end + 1;
                continue;
            }
        }
        decoded += text[i];
        ++i;
    }
    return decoded;
}

void setFullName(Contact& contact, const QString& fullName)
{
    const QString name = fullName.simplified();
    const qsizetype space = name.indexOf(u' ');
    contact.firstName = space < 0 ? name : name.left(space);
    contact.lastName = space < 0 ? QString() : name.mid(space + 1);
}

bool isLinkedInUrl(const QString& url)
{
    return url.contains(QStringLiteral("linkedin.com/"), Qt::CaseInsensitive);
}

bool truthy(const QString& text)
{
    const QString value = text.trimmed().toLower();
    return value == u"1" || value == u"true" || value == u"yes" || value == u"y" || value == u"x";
}

QString joined(const QStringList& parts, const QString& separator)
{
    QStringList nonEmpty;
    for (const QString& part : parts) {
        if (!part.trimmed().isEmpty())
            nonEmpty.append(part.trimmed());
    }
    return nonEmpty.join(separator);
}

} // namespace rapport::formats
