#include "core/io/formats/FormatRegistry.h"

#include <QRegularExpression>

namespace rapport {

namespace formats {

namespace {

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
                               .arg(columns().header().join(QStringLiteral(", "))) };
        }
        return success();
    }

    void interpret(const CsvRecord& row, RecordSink& sink) override
    {
        ImportRecord record;
        record.line = row.line;
        Contact& contact = record.contact;
        for (const auto& [column, field] : std::as_const(m_mapping)) {
            const QString value = get(row, column);
            if (value.isEmpty())
                continue;
            if (field == u"name") {
                Contact named;
                setFullName(named, value);
                if (contact.firstName.isEmpty())
                    contact.firstName = named.firstName;
                if (contact.lastName.isEmpty())
                    contact.lastName = named.lastName;
            } else if (field == u"tags") {
                contact.tags += value.split(QRegularExpression(QStringLiteral("[;,]")));
            } else if (field == u"starred") {
                contact.starred = contact.starred || truthy(value);
            } else {
                for (const ContactTextField& text : kContactTextFields) {
                    if (field == QLatin1StringView(text.name)) {
                        QString& target = contact.*text.member;
                        target = target.isEmpty() ? value : target + u' ' + value;
                    }
                }
            }
        }
        contact.tags = normalizedTags(contact.tags);
        add(sink, std::move(record));
    }

private:
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

QString normalizedColumn(const QString& name)
{
    QString result;
    for (const QChar c : name.toCaseFolded()) {
        if (c.isLetterOrNumber())
            result += c;
    }
    return result;
}

} // namespace

namespace ImportFormats {

QStringList mappableFields()
{
    QStringList fields { QStringLiteral("name") };
    for (const ContactTextField& field : kContactTextFields)
        fields.append(QString::fromLatin1(field.name));
    fields << QStringLiteral("tags") << QStringLiteral("starred");
    return fields;
}

ColumnMapping guessMapping(const QStringList& header)
{
    static const QList<std::pair<const char*, QStringList>> synonyms {
        { "first_name",
          { QStringLiteral("firstname"), QStringLiteral("givenname"), QStringLiteral("first"),
            QStringLiteral("forename"), QStringLiteral("vorname"), QStringLiteral("prenom"),
            QStringLiteral("nombre") } },
        { "last_name",
          { QStringLiteral("lastname"), QStringLiteral("surname"), QStringLiteral("familyname"), QStringLiteral("last"),
            QStringLiteral("nachname"), QStringLiteral("nom"), QStringLiteral("apellido"),
            QStringLiteral("apellidos") } },
        { "name",
          { QStringLiteral("name"), QStringLiteral("fullname"), QStringLiteral("displayname"),
            QStringLiteral("contact"), QStringLiteral("contactname"), QStringLiteral("person") } },
        { "position",
          { QStringLiteral("position"), QStringLiteral("title"), QStringLiteral("jobtitle"), QStringLiteral("headline"),
            QStringLiteral("role"), QStringLiteral("beruf"), QStringLiteral("titel"), QStringLiteral("poste"),
            QStringLiteral("cargo") } },
        { "company",
          { QStringLiteral("company"), QStringLiteral("organization"), QStringLiteral("organisation"),
            QStringLiteral("employer"), QStringLiteral("companyname"), QStringLiteral("account"),
            QStringLiteral("firma"), QStringLiteral("unternehmen"), QStringLiteral("entreprise"),
            QStringLiteral("societe"), QStringLiteral("empresa") } },
        { "location",
          { QStringLiteral("location"), QStringLiteral("city"), QStringLiteral("address"), QStringLiteral("ort"),
            QStringLiteral("stadt"), QStringLiteral("ville"), QStringLiteral("ciudad") } },
        { "profile_url",
          { QStringLiteral("url"), QStringLiteral("linkedin"), QStringLiteral("linkedinurl"), QStringLiteral("profile"),
            QStringLiteral("profileurl"), QStringLiteral("linkedinprofile"), QStringLiteral("personlinkedinurl") } },
        { "email",
          { QStringLiteral("email"), QStringLiteral("emailaddress"), QStringLiteral("mail"),
            QStringLiteral("workemail") } },
        { "phone",
          { QStringLiteral("phone"), QStringLiteral("phonenumber"), QStringLiteral("mobile"),
            QStringLiteral("telephone"), QStringLiteral("tel"), QStringLiteral("telefon"),
            QStringLiteral("telefono") } },
        { "tags",
          { QStringLiteral("tags"), QStringLiteral("labels"), QStringLiteral("categories"),
            QStringLiteral("groups") } },
        { "notes",
          { QStringLiteral("notes"), QStringLiteral("note"), QStringLiteral("comments"), QStringLiteral("notiz"),
            QStringLiteral("notizen"), QStringLiteral("bemerkung"), QStringLiteral("remarques"),
            QStringLiteral("notas") } },
        { "starred", { QStringLiteral("starred"), QStringLiteral("favorite"), QStringLiteral("favourite") } },
    };
    ColumnMapping mapping;
    QStringList used;
    for (const QString& column : header) {
        const QString key = normalizedColumn(column);
        QString field;
        for (const ContactTextField& text : kContactTextFields) {
            if (key == normalizedColumn(QString::fromLatin1(text.name)))
                field = QString::fromLatin1(text.name);
        }
        for (const auto& [name, words] : synonyms) {
            if (field.isEmpty() && words.contains(key))
                field = QString::fromLatin1(name);
        }
        if (!field.isEmpty() && !used.contains(field)) {
            used.append(field);
            mapping.append({ column, field });
        }
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

} // namespace ImportFormats

} // namespace rapport
