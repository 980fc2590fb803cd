#include "core/io/formats/FormatRegistry.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace rapport {

namespace formats {

namespace {

// The header's names for a one-line message: a line break inside a name is a space.
QString columnList(const QStringList& header)
{
    QStringList names;
    for (const QString& name : header)
        names.append(name.simplified());
    return names.join(QStringLiteral(", "));
}

// Any other CSV: each column feeds the field the mapping gives it (guessed from the header when the user gave
// none).
class GenericCsv final : public FormatReader
{
public:
    using FormatReader::FormatReader;

    ImportFormat format() const override { return ImportFormat::Generic; }
    bool matches() const override { return true; }

    Status prepare(const ImportOptions& options, ParsedImport& description) override
    {
        m_mapping = options.mapping.isEmpty() ? ImportFormats::guessMapping(columns().header()) : options.mapping;
        description.mapping = m_mapping;
        bool named = false;
        for (const auto& mapped : std::as_const(m_mapping))
            named
                = named || mapped.second == u"name" || mapped.second == u"first_name" || mapped.second == u"last_name";
        if (!named) {
            return Error { tr("No column gives a name: map one to name, first_name or last_name (columns: %1).")
                               .arg(columnList(columns().header())) };
        }
        return success();
    }

    void interpret(const CsvRecord& row, RecordSink& sink) override
    {
        ImportRecord record;
        record.line = row.line;
        Contact& contact = record.contact;
        QStringList given;
        QStringList family;
        QString fullName;
        for (const auto& [column, field] : std::as_const(m_mapping)) {
            const QString value = get(row, column);
            if (value.isEmpty())
                continue;
            if (field == u"first_name" || field == u"middle_name") {
                given.append(value);
            } else if (field == u"last_name") {
                family.append(value);
            } else if (field == u"name") {
                if (fullName.isEmpty())
                    fullName = value;
            } else if (field == u"tags") {
                contact.tags += value.split(QRegularExpression(QStringLiteral("[;,]")));
            } else if (field == u"starred") {
                contact.starred = contact.starred || truthy(value);
            } else if (QString* target = textField(contact, field); !target) {
                continue;
            } else if (takesOneValue(field)) {
                // The first column with a value: "Primary Email", else "Secondary Email".
                if (target->isEmpty())
                    *target = value;
            } else {
                *target = target->isEmpty() ? value : *target + u' ' + value;
            }
        }
        // A full name ("Display Name") only when the row gives neither a first nor a last name.
        contact.firstName = given.join(u' ');
        contact.lastName = family.join(u' ');
        if (contact.firstName.isEmpty() && contact.lastName.isEmpty())
            setFullName(contact, fullName);
        contact.tags = normalizedTags(contact.tags);
        add(sink, std::move(record));
    }

    QString skipReasonNoName() const override { return tr("no name (its name columns are empty)"); }

private:
    // The contact's text field a mapping's field names, or null.
    static QString* textField(Contact& contact, QStringView field)
    {
        for (const ContactTextField& text : kContactTextFields) {
            if (field == QLatin1StringView(text.name))
                return &(contact.*text.member);
        }
        return nullptr;
    }
    // A second address or number is not added to the first.
    static bool takesOneValue(QStringView field)
    {
        return field == u"email" || field == u"phone" || field == u"profile_url";
    }

    ColumnMapping m_mapping;
};

} // namespace

std::unique_ptr<FormatReader> genericCsv(const Columns& columns)
{
    return std::make_unique<GenericCsv>(columns);
}

} // namespace formats

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ImportFormats", text);
}

// The fields' names in other files' headers, written as their letters only, lower-case ("jobtitle" for "Job
// Title", "E-mail" is "email").
struct Synonyms
{
    const char* field;
    std::initializer_list<const char*> names;
};

const Synonyms kSynonyms[] = {
    { "first_name", { "firstname", "givenname", "first", "forename", "vorname", "prenom", "nombre" } },
    { "middle_name", { "middlename", "additionalname", "middle", "secondname" } },
    { "last_name", { "lastname", "surname", "familyname", "last", "nachname", "nom", "apellido", "apellidos" } },
    { "name", { "name", "fullname", "displayname", "contact", "contactname", "person" } },
    { "position",
      { "position", "jobtitle", "title", "headline", "role", "occupation", "beruf", "titel", "poste", "cargo" } },
    { "company",
      { "company", "companyname", "organization", "organisation", "employer", "account", "firma", "unternehmen",
        "entreprise", "societe", "empresa" } },
    { "location", { "location", "city", "address", "ort", "stadt", "ville", "ciudad" } },
    { "profile_url",
      { "url", "profileurl", "linkedin", "linkedinurl", "linkedinprofile", "personlinkedinurl", "profile" } },
    { "email", { "email", "emails", "emailaddress", "mail", "workemail", "primaryemail" } },
    { "phone",
      { "phone", "phones", "phonenumber", "phonenumbers", "mobile", "mobilenumber", "mobilephone", "telephone", "tel",
        "telefon", "telefono" } },
    { "tags", { "tags", "labels", "categories", "groups" } },
    { "notes", { "notes", "note", "comments", "notiz", "notizen", "bemerkung", "remarques", "notas" } },
    { "starred", { "starred", "favorite", "favourite" } },
};

// Names too common to be taken for a field when they are only a part of a column's name ("Screen Name",
// "Last Modified", "Photo URL", "Email Address").
const QStringList kWholeNamesOnly { QStringLiteral("name"),    QStringLiteral("first"),   QStringLiteral("last"),
                                    QStringLiteral("middle"),  QStringLiteral("contact"), QStringLiteral("person"),
                                    QStringLiteral("account"), QStringLiteral("url"),     QStringLiteral("profile"),
                                    QStringLiteral("address"), QStringLiteral("mail"),    QStringLiteral("role"),
                                    QStringLiteral("tel"),     QStringLiteral("nom"),     QStringLiteral("ort") };

// Words that make a column someone else's, or not a value of the field its name contains ("Assistant's Phone",
// "Phonetic First Name", "Phone 1 - Type").
const QStringList kOtherWords { QStringLiteral("assistant"), QStringLiteral("assistants"), QStringLiteral("manager"),
                                QStringLiteral("managers"),  QStringLiteral("spouse"),     QStringLiteral("fax"),
                                QStringLiteral("pager"),     QStringLiteral("phonetic"),   QStringLiteral("yomi"),
                                QStringLiteral("type"),      QStringLiteral("label") };

// The fields several columns may feed: the first one with a value in a row is taken ("Primary Email",
// "Secondary Email").
bool takesSeveralColumns(QStringView field)
{
    return field == u"email" || field == u"phone";
}

// Whether a column's words only say which of a person's addresses or numbers it holds ("Secondary Email",
// "Home Phone 2", "E-mail 2 Address"), so that it may feed an email or phone field fed already ("Email
// Status", "Car Phone" may not).
bool isAnotherAddressOrNumber(const QStringList& words)
{
    static const QStringList which {
        QStringLiteral("primary"), QStringLiteral("secondary"), QStringLiteral("other"),    QStringLiteral("home"),
        QStringLiteral("work"),    QStringLiteral("business"),  QStringLiteral("personal"), QStringLiteral("private"),
        QStringLiteral("mobile"),  QStringLiteral("cell"),      QStringLiteral("number"),   QStringLiteral("numbers"),
        QStringLiteral("address"), QStringLiteral("e"),         QStringLiteral("mail"),     QStringLiteral("email"),
        QStringLiteral("emails"),  QStringLiteral("phone"),     QStringLiteral("phones"),   QStringLiteral("telephone"),
        QStringLiteral("tel")
    };
    static const QRegularExpression number(QStringLiteral("^[0-9]+$"));
    return std::all_of(words.cbegin(), words.cend(),
                       [](const QString& word) { return which.contains(word) || number.match(word).hasMatch(); });
}

// A column's name as lower-case words: "De-Identified First Name" -> de, identified, first, name;
// "emailAddress" -> email, address.
QStringList wordsOf(const QString& column)
{
    QStringList words;
    QString word;
    for (qsizetype i = 0; i < column.size(); ++i) {
        const QChar c = column.at(i);
        const bool newWord = c.isUpper() && i > 0 && column.at(i - 1).isLower();
        if (!c.isLetterOrNumber() || newWord) {
            if (!word.isEmpty())
                words.append(word);
            word.clear();
        }
        if (c.isLetterOrNumber())
            word += c.toCaseFolded();
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

// How well a column's name (as words) says `name`: the whole name is it (1000 and its length), or some of its
// consecutive words make it (its length: "First Name" in "De-Identified First Name"); 0 when neither.
int matchScore(const QStringList& words, const QString& name)
{
    if (words.join(QString()) == name)
        return 1000 + int(name.size());
    if (kWholeNamesOnly.contains(name))
        return 0;
    for (const QString& word : words) {
        if (kOtherWords.contains(word))
            return 0;
    }
    for (qsizetype first = 0; first < words.size(); ++first) {
        QString run;
        for (qsizetype last = first; last < words.size() && run.size() < name.size(); ++last)
            run += words.at(last);
        if (run == name)
            return int(name.size());
    }
    return 0;
}

} // namespace

namespace ImportFormats {

QStringList mappableFields()
{
    QStringList fields { QStringLiteral("name") };
    for (const ContactTextField& field : kContactTextFields) {
        fields.append(QString::fromLatin1(field.name));
        if (field.member == &Contact::firstName)
            fields.append(QStringLiteral("middle_name"));
    }
    fields << QStringLiteral("tags") << QStringLiteral("starred");
    return fields;
}

ColumnMapping guessMapping(const QStringList& header)
{
    struct Candidate
    {
        int column;
        QString field;
        int score;
    };
    const QStringList fields = mappableFields();
    QList<QStringList> words;
    for (const QString& column : header)
        words.append(wordsOf(column));
    QList<Candidate> candidates;
    for (int column = 0; column < int(header.size()); ++column) {
        for (const QString& field : fields) {
            // A field is also known by its own name ("how_we_know").
            int best = matchScore(words.at(column), QString(field).remove(u'_'));
            for (const Synonyms& synonyms : kSynonyms) {
                if (field != QLatin1StringView(synonyms.field))
                    continue;
                for (const char* name : synonyms.names)
                    best = std::max(best, matchScore(words.at(column), QString::fromLatin1(name)));
            }
            if (best > 0)
                candidates.append({ column, field, best });
        }
    }
    // The best matches first: an exact name before a name that contains it, a longer one before a shorter
    // ("Job Title" is the position, not "Title"), and then the header's order.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    QHash<int, QString> chosen;
    QStringList taken;
    for (const Candidate& candidate : std::as_const(candidates)) {
        const bool another
            = takesSeveralColumns(candidate.field) && isAnotherAddressOrNumber(words.at(candidate.column));
        if (chosen.contains(candidate.column) || (taken.contains(candidate.field) && !another))
            continue;
        chosen.insert(candidate.column, candidate.field);
        taken.append(candidate.field);
    }
    ColumnMapping mapping;
    for (int column = 0; column < int(header.size()); ++column) {
        if (chosen.contains(column))
            mapping.append({ header.at(column), chosen.value(column) });
    }
    return mapping;
}

Result<ColumnMapping> parseMapping(const QString& text, const QStringList& header)
{
    const formats::Columns columns(header);
    const QStringList fields = mappableFields();
    ColumnMapping mapping;
    for (const QString& pair : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.lastIndexOf(u'=');
        const QString column = pair.left(equals).trimmed();
        const QString field = pair.mid(equals + 1).trimmed().toLower();
        if (equals <= 0 || field.isEmpty())
            return Error { tr("\"%1\" in the mapping is not Column=field.").arg(pair.trimmed()) };
        if (!columns.has(column)) {
            return Error {
                tr("The file has no column \"%1\"; its columns are: %2").arg(column, header.join(QStringLiteral(", ")))
            };
        }
        if (!fields.contains(field))
            return Error { tr("\"%1\" is not a field; use one of: %2").arg(field, fields.join(QStringLiteral(", "))) };
        mapping.append({ header.at(columns.indexOf(column)), field });
    }
    if (mapping.isEmpty())
        return Error { tr("The mapping is empty; give it as \"Column=field,...\".") };
    return mapping;
}

QString mappingText(const ColumnMapping& mapping)
{
    QStringList pairs;
    for (const auto& [column, field] : mapping)
        pairs.append(column + u'=' + field);
    return pairs.join(QStringLiteral(", "));
}

} // namespace ImportFormats

} // namespace rapport
