#include "core/io/CsvReader.h"
#include "core/io/CsvSniffer.h"
#include "core/io/CsvTable.h"
#include "core/io/CsvWriter.h"
#include "core/io/ImportFormats.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace rapport {
namespace {

QString dataPath(const QString& relative)
{
    return QStringLiteral(RAPPORT_TEST_DATA "/") + relative;
}

struct Table
{
    Status opened = success();
    CsvDialect dialect;
    QStringList header;
    QList<CsvRecord> rows;
    QList<CsvError> rejected;
    QList<CsvError> warnings;
    std::optional<CsvError> error;
};

Table readTable(QByteArray bytes)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvTable table(&buffer);
    Table result;
    result.opened = table.open();
    if (!result.opened)
        return result;
    result.dialect = table.dialect();
    result.header = table.header();
    CsvRecord row;
    while (table.next(row))
        result.rows.append(row);
    result.rejected = table.rejected();
    result.warnings = table.warnings();
    result.error = table.error();
    return result;
}

// A file of ../shared/realdata, read in place.
QString realPath(const char* relative)
{
    return QDir::cleanPath(QStringLiteral(RAPPORT_SHARED_TESTDATA "/../realdata/") + QString::fromLatin1(relative));
}

QList<qint64> linesOf(const QList<CsvError>& issues)
{
    QList<qint64> lines;
    for (const CsvError& issue : issues)
        lines.append(issue.line);
    return lines;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

// Every case of the csv-spectrum corpus: the records must equal the corpus' JSON.
TEST(CsvSpectrum, EveryCaseGivesTheExpectedRecords)
{
    const QDir csvs(dataPath(QStringLiteral("csv-spectrum/csvs")));
    const QStringList files = csvs.entryList({ QStringLiteral("*.csv") }, QDir::Files, QDir::Name);
    ASSERT_EQ(files.size(), 12);
    for (const QString& name : files) {
        SCOPED_TRACE(name.toStdString());
        const Table table = readTable(fileBytes(csvs.filePath(name)));
        ASSERT_TRUE(table.opened.ok()) << table.opened.error().toStdString();
        EXPECT_FALSE(table.error);
        EXPECT_TRUE(table.rejected.isEmpty());
        const QString jsonPath = dataPath(QStringLiteral("csv-spectrum/json/"))
            + QString(name).replace(QStringLiteral(".csv"), QStringLiteral(".json"));
        const QJsonDocument expected = QJsonDocument::fromJson(fileBytes(jsonPath));
        // The corpus' one defect: location_coordinates.json is an object with a wrong phone number.
        const bool defective = expected.isObject();
        const QJsonArray records = defective ? QJsonArray { expected.object() } : expected.array();
        ASSERT_EQ(table.rows.size(), records.size());
        for (qsizetype i = 0; i < records.size(); ++i) {
            const QJsonObject record = records.at(i).toObject();
            EXPECT_EQ(table.header.size(), record.size());
            for (qsizetype column = 0; column < table.header.size(); ++column) {
                const QString key = table.header.at(column);
                if (defective && key == u"Contact Phone Number")
                    continue;
                EXPECT_EQ(table.rows.at(i).fields.at(column), record.value(key).toString())
                    << "row " << i << " column " << key.toStdString();
            }
        }
    }
}

TEST(CsvReader, ReportsThePhysicalLineEachRecordStartsOn)
{
    QList<CsvRecord> records;
    const auto error
        = CsvReader::readAll("a,b\r\n\"x\ny\r\nz\",1\n\"q\"\"\",2\rlast,3", TextEncoding::Utf8, u',', records);
    ASSERT_FALSE(error);
    ASSERT_EQ(records.size(), 4);
    EXPECT_EQ(records[1].fields, (QStringList { QStringLiteral("x\ny\r\nz"), QStringLiteral("1") }));
    EXPECT_EQ(records[1].line, 2);
    EXPECT_EQ(records[2].fields, (QStringList { QStringLiteral("q\""), QStringLiteral("2") }));
    EXPECT_EQ(records[2].line, 5);
    EXPECT_EQ(records[3].fields, (QStringList { QStringLiteral("last"), QStringLiteral("3") }));
    EXPECT_EQ(records[3].line, 6);
}

TEST(CsvReader, KeepsEmptyFieldsAndToleratesStrayQuotes)
{
    QList<CsvRecord> records;
    ASSERT_FALSE(CsvReader::readAll(",,\n5\"1,\"a\"b\n", TextEncoding::Utf8, u',', records));
    ASSERT_EQ(records.size(), 2);
    EXPECT_EQ(records[0].fields, QStringList(3, QString()));
    EXPECT_EQ(records[1].fields, (QStringList { QStringLiteral("5\"1"), QStringLiteral("ab") }));
}

TEST(CsvReader, ReadsAcrossChunkBoundaries)
{
    // Far more than one 64 KiB chunk, with a multi-byte character and a quoted newline at every row.
    QByteArray bytes = "name,note\n";
    for (int i = 0; i < 20000; ++i)
        bytes += "Zoë " + QByteArray::number(i) + ",\"two\nlines\"\n";
    const Table table = readTable(bytes);
    ASSERT_TRUE(table.opened.ok());
    ASSERT_EQ(table.rows.size(), 20000);
    EXPECT_EQ(table.rows.last().fields.first(), QStringLiteral("Zoë 19999"));
    EXPECT_EQ(table.rows.last().line, 2 + 2 * 19999);
    EXPECT_EQ(table.rows.last().fields.last(), QStringLiteral("two\nlines"));
}

TEST(CsvReader, MalformedInputIsAnErrorOrARejectionWithItsLine)
{
    const struct
    {
        const char* name;
        QByteArray bytes;
        const char* openError; // the file cannot be used at all
        qint64 fatalLine; // reading stops with an error at this line
        QList<qint64> rejectedLines;
    } cases[] = {
        { "empty", QByteArray(), "empty", 0, {} },
        { "only blank lines", QByteArray("\n\r\n  \n"), "no text", 0, {} },
        { "binary", QByteArray("a,b\n1,\0\x01\x02", 9), "binary", 0, {} },
        { "binary after text", QByteArray("a,b\n1,2\n\xff\xfe\0\0", 12), "binary", 0, {} },
        { "unterminated quote", QByteArray("a,b\n1,2\n3,\"four\n5,6\n"), nullptr, 3, {} },
        { "wrong field counts", QByteArray("a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3,,\n"), nullptr, 0, { 3, 4 } },
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const Table table = readTable(c.bytes);
        if (c.openError) {
            ASSERT_FALSE(table.opened.ok());
            EXPECT_TRUE(table.opened.error().contains(QString::fromLatin1(c.openError)))
                << table.opened.error().toStdString();
            continue;
        }
        ASSERT_TRUE(table.opened.ok()) << table.opened.error().toStdString();
        if (c.fatalLine > 0) {
            ASSERT_TRUE(table.error);
            EXPECT_EQ(table.error->line, c.fatalLine);
            EXPECT_TRUE(table.error->message.contains(QStringLiteral("Line %1").arg(c.fatalLine)));
        } else {
            EXPECT_FALSE(table.error);
        }
        QList<qint64> lines;
        for (const CsvError& rejected : table.rejected) {
            lines.append(rejected.line);
            EXPECT_TRUE(rejected.message.contains(QStringLiteral("Line %1").arg(rejected.line)));
        }
        EXPECT_EQ(lines, c.rejectedLines);
    }
}

TEST(CsvReader, AnEndlessQuotedFieldStopsInsteadOfFillingMemory)
{
    QByteArray bytes = "a\n\"";
    bytes += QByteArray(CsvReader::kMaxFieldLength + 10, 'x');
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, TextEncoding::Utf8);
    CsvRecord record;
    ASSERT_TRUE(reader.next(record));
    EXPECT_FALSE(reader.next(record));
    ASSERT_TRUE(reader.error());
    EXPECT_EQ(reader.error()->line, 2);

    // Opened as a table, the sample holds too few records to find a header behind the field: the field is
    // the error, with its line.
    const Table table = readTable(bytes);
    ASSERT_FALSE(table.opened.ok());
    EXPECT_TRUE(table.opened.error().startsWith(QStringLiteral("Line 2: a field longer than")))
        << table.opened.error().toStdString();
}

TEST(CsvSniffer, DetectsEncodingDelimiterAndHeader)
{
    const struct
    {
        const char* file;
        TextEncoding encoding;
        QChar delimiter;
        int headerRecord;
        const char* firstColumn;
        const char* firstValue;
    } cases[] = {
        { "linkedin-connections.csv", TextEncoding::Utf8, u',', 3, "First Name", "Ada" },
        { "linkedin-connections-old.csv", TextEncoding::Utf8, u',', 0, "First Name", "Ada" },
        { "linkedin-connections-excel.csv", TextEncoding::Windows1252, u',', 3, "First Name", "Ada" },
        { "google-contacts-legacy.csv", TextEncoding::Utf16LE, u',', 0, "Name", "Inès Moreau" },
        { "outlook-desktop.csv", TextEncoding::Windows1252, u',', 0, "Title", "" },
        { "generic-semicolon.csv", TextEncoding::Windows1252, u';', 0, "Vorname", "Jürgen" },
        { "generic-tab.tsv", TextEncoding::Utf8, u'\t', 0, "Name", "Mara Ilić" },
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.file);
        const Table table = readTable(fileBytes(dataPath(QStringLiteral("import/") + QString::fromLatin1(c.file))));
        ASSERT_TRUE(table.opened.ok()) << table.opened.error().toStdString();
        EXPECT_EQ(table.dialect.encoding, c.encoding);
        EXPECT_EQ(table.dialect.delimiter, c.delimiter);
        EXPECT_EQ(table.dialect.headerRecord, c.headerRecord);
        EXPECT_EQ(table.header.value(0), QString::fromLatin1(c.firstColumn));
        ASSERT_FALSE(table.rows.isEmpty());
        EXPECT_EQ(table.rows.first().fields.first(), QString::fromUtf8(c.firstValue));
    }
}

TEST(CsvSniffer, ByteOrderMarksAndInvalidUtf8)
{
    const struct
    {
        const char* name;
        QByteArray bytes;
        TextEncoding encoding;
    } cases[] = {
        { "UTF-8 BOM", QByteArray("\xEF\xBB\xBFname,city\nZo\xC3\xAB,K\xC3\xB6ln\n"), TextEncoding::Utf8 },
        { "UTF-8", QByteArray("name,city\nZo\xC3\xAB,K\xC3\xB6ln\n"), TextEncoding::Utf8 },
        { "UTF-16BE BOM", QByteArray("\xFE\xFF\0n\0a\0m\0e\0,\0c\0i\0t\0y\0\n\0Z\0o\0\xEB\0,\0K\0\xF6\0l\0n\0\n", 40),
          TextEncoding::Utf16BE },
        { "Windows-1252", QByteArray("name,city\nZo\xEB,K\xF6ln\n"), TextEncoding::Windows1252 },
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const Table table = readTable(c.bytes);
        ASSERT_TRUE(table.opened.ok()) << table.opened.error().toStdString();
        EXPECT_EQ(table.dialect.encoding, c.encoding);
        EXPECT_EQ(table.header, (QStringList { QStringLiteral("name"), QStringLiteral("city") }));
        ASSERT_EQ(table.rows.size(), 1);
        EXPECT_EQ(table.rows[0].fields, (QStringList { QStringLiteral("Zoë"), QStringLiteral("Köln") }));
    }
    // Windows-1252's own block: the euro sign and curly quotes, not Latin-1's control characters.
    const Table quotes = readTable(QByteArray("a\n\x80 \x93hi\x94\n"));
    ASSERT_EQ(quotes.rows.size(), 1);
    EXPECT_EQ(quotes.rows[0].fields[0], QStringLiteral("€ “hi”"));
}

// The encoding is checked in chunks of 64 KB: a character cut by a chunk's end is still UTF-8, a file whose
// only non-ASCII byte lies far into it is still Windows-1252, and a zero byte there is reported on its line.
TEST(CsvSniffer, LargeFilesAreCheckedToTheirEnd)
{
    QByteArray large("name,city\n");
    int lines = 1;
    while (large.size() < 3 * 64 * 1024) {
        large += "Zo\xC3\xAB,K\xC3\xB6ln \xF0\x9F\x98\x80\n";
        ++lines;
    }
    for (qsizetype shift = 0; shift < 4; ++shift) {
        SCOPED_TRACE(shift);
        const QByteArray shifted = QByteArray("name,city\n") + QByteArray(shift, 'x') + ",y\n" + large.mid(10);
        const Table table = readTable(shifted);
        ASSERT_TRUE(table.opened.ok());
        EXPECT_EQ(table.dialect.encoding, TextEncoding::Utf8);
        EXPECT_EQ(table.rows.last().fields, (QStringList { QString::fromUtf8("Zoë"), QString::fromUtf8("Köln 😀") }));
        EXPECT_TRUE(table.warnings.isEmpty());
    }
    QByteArray ascii("name,city\n");
    while (ascii.size() < 3 * 64 * 1024)
        ascii += "Zoe,Koln\n";
    const Table latin = readTable(ascii + "Zo\xEB,K\xF6ln\n");
    ASSERT_TRUE(latin.opened.ok());
    EXPECT_EQ(latin.dialect.encoding, TextEncoding::Windows1252);
    EXPECT_EQ(latin.rows.last().fields, (QStringList { QString::fromUtf8("Zoë"), QString::fromUtf8("Köln") }));
    const Table binary = readTable(large + QByteArray("a,\0b\n", 5));
    ASSERT_FALSE(binary.opened.ok());
    EXPECT_TRUE(binary.opened.error().contains(QStringLiteral("Line %1 holds a zero byte").arg(lines + 1)))
        << binary.opened.error().toStdString();
}

// A UTF-8 file with a few invalid bytes (a name cut in the middle of a character) stays UTF-8: each bad
// byte becomes U+FFFD, every row is read, and the rows holding one are reported with their line.
TEST(CsvSniffer, AFewInvalidBytesLeaveAFileUtf8)
{
    const Table table = readTable("name,city\nZo\xC3\xAB,K\xC3\xB6ln\nJo\xC3,Paris\n\"Ana\xC3\xAFs\nB\xE2\x9C\",Nice\n"
                                  "Ren\xC3\xA9"
                                  "e,S\xC3\xA8te\n");
    ASSERT_TRUE(table.opened.ok()) << table.opened.error().toStdString();
    EXPECT_EQ(table.dialect.encoding, TextEncoding::Utf8);
    ASSERT_EQ(table.rows.size(), 4);
    EXPECT_EQ(table.rows[0].fields, (QStringList { QString::fromUtf8("Zoë"), QString::fromUtf8("Köln") }));
    EXPECT_EQ(table.rows[1].fields, (QStringList { QString::fromUtf8("Jo\uFFFD"), QStringLiteral("Paris") }));
    EXPECT_EQ(table.rows[2].fields.first(), QString::fromUtf8("Anaïs\nB\uFFFD\uFFFD"));
    EXPECT_EQ(table.rows[3].fields, (QStringList { QString::fromUtf8("Renée"), QString::fromUtf8("Sète") }));
    EXPECT_TRUE(table.rejected.isEmpty());
    EXPECT_EQ(linesOf(table.warnings), (QList<qint64> { 3, 4 }));
    for (const CsvError& warning : table.warnings) {
        EXPECT_EQ(warning.message,
                  QString::fromUtf8("Line %1: invalid UTF-8 bytes replaced with \uFFFD.").arg(warning.line));
    }

    // A bad byte in the header is reported on the header's line; a file cut inside its last character too.
    const Table header = readTable("na\xC3me,city\nZo\xC3\xAB,K\xC3\xB6ln\nRen\xC3\xA9"
                                   "e,S\xC3\xA8te\nJo,Par\xC3");
    ASSERT_TRUE(header.opened.ok());
    EXPECT_EQ(header.dialect.encoding, TextEncoding::Utf8);
    EXPECT_EQ(header.header.first(), QString::fromUtf8("na\uFFFDme"));
    EXPECT_EQ(linesOf(header.warnings), (QList<qint64> { 1, 4 }));
    EXPECT_EQ(header.rows.last().fields.last(), QString::fromUtf8("Par\uFFFD"));

    // The anonymised LinkedIn export whose names were cut to three bytes: 3 rows of 2,903.
    const Table real = readTable(fileBytes(realPath("linkedin-connections/AiDLraj_2020_deidentified_Connections.csv")));
    ASSERT_TRUE(real.opened.ok());
    EXPECT_EQ(real.dialect.encoding, TextEncoding::Utf8);
    EXPECT_EQ(real.header.first(), QStringLiteral("De-Identified First Name"));
    EXPECT_EQ(real.rows.size(), 2903);
    EXPECT_EQ(linesOf(real.warnings), (QList<qint64> { 642, 1657, 2085 }));
    EXPECT_TRUE(real.rejected.isEmpty());
    const auto accented
        = std::find_if(real.rows.cbegin(), real.rows.cend(), [](const CsvRecord& row) { return row.line == 642; });
    ASSERT_NE(accented, real.rows.cend());
    EXPECT_TRUE(accented->fields.at(4).startsWith(QString::fromUtf8("Analyste Propriété Intellectuelle")));
}

// The reader decodes 64 KiB at a time: an invalid byte that ends a chunk must not take the delimiter after it
// (Qt 6.4's decoder drops the byte that follows a cut character found to be invalid).
TEST(CsvReader, AnInvalidByteEndingAChunkKeepsTheNextField)
{
    for (const QByteArray& bad : { QByteArray("\xC3"), QByteArray("\xE2\x9C"), QByteArray("\xF0\x9F\x98") }) {
        SCOPED_TRACE(bad.toHex().toStdString());
        QByteArray bytes("name,city\n");
        qint64 line = 2;
        while (bytes.size() < 60 * 1024) {
            bytes += "Zo\xC3\xAB,K\xC3\xB6ln\n";
            ++line;
        }
        bytes += QByteArray(64 * 1024 - bytes.size() - bad.size(), 'x') + bad + ",Paris\nEnd,K\xC3\xB6ln\n";
        const Table table = readTable(bytes);
        ASSERT_TRUE(table.opened.ok());
        EXPECT_EQ(table.dialect.encoding, TextEncoding::Utf8);
        EXPECT_TRUE(table.rejected.isEmpty());
        ASSERT_GE(table.rows.size(), 2);
        const CsvRecord& cut = table.rows.at(table.rows.size() - 2);
        EXPECT_EQ(cut.fields.value(0).right(bad.size() + 1),
                  QString(u'x') + QString(bad.size(), QChar::ReplacementCharacter));
        EXPECT_EQ(cut.fields.value(1), QStringLiteral("Paris"));
        EXPECT_EQ(linesOf(table.warnings), QList<qint64> { line });
    }
}

// The import keeps a row with invalid bytes and passes its warning on, in line order.
TEST(CsvSniffer, AnImportKeepsRowsWithInvalidBytesAndWarnsOfThem)
{
    QByteArray bytes("Name,Email\nZo\xC3\xAB Quill,zoe@example.com\nJo\xC3 Smith,jo@example.com\n"
                     "Ren\xC3\xA9"
                     "e Roe,renee@example.com\n");
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const auto parsed = ImportFormats::read(&buffer);
    ASSERT_TRUE(parsed.ok()) << parsed.error().toStdString();
    EXPECT_EQ(parsed->records.size(), 3);
    EXPECT_TRUE(parsed->skipped.isEmpty());
    ASSERT_EQ(parsed->warnings.size(), 1);
    EXPECT_EQ(parsed->warnings[0].line, 3);
    EXPECT_TRUE(parsed->warnings[0].reason.contains(QStringLiteral("invalid UTF-8 bytes")));
}

// Japanese text in Shift-JIS is read as such, not as Windows-1252; Windows-1252 text whose curly quotes and
// accents happen to pair up like Shift-JIS bytes stays Windows-1252.
TEST(CsvSniffer, ShiftJisIsDetected)
{
    ASSERT_TRUE(TextDecoder::isAvailable(TextEncoding::ShiftJis)) << "this Qt has no ICU";
    const Table japanese = readTable(QByteArray("\x8e\x81\x96\xbc,\x83\x81\x81[\x83\x8b\x83"
                                                "A\x83h\x83\x8c\x83X\n"
                                                "\x8eR\x93"
                                                "c \x91\xbe\x98Y,taro@example.jp\n"));
    ASSERT_TRUE(japanese.opened.ok()) << japanese.opened.error().toStdString();
    EXPECT_EQ(japanese.dialect.encoding, TextEncoding::ShiftJis);
    EXPECT_EQ(japanese.header, (QStringList { QString::fromUtf8("氏名"), QString::fromUtf8("メールアドレス") }));
    ASSERT_EQ(japanese.rows.size(), 1);
    EXPECT_EQ(japanese.rows[0].fields.first(), QString::fromUtf8("山田 太郎"));
    EXPECT_TRUE(japanese.warnings.isEmpty());

    const Table real = readTable(fileBytes(realPath("csv-corpus/papaparse_sjis-sample.csv")));
    ASSERT_TRUE(real.opened.ok()) << real.opened.error().toStdString();
    EXPECT_EQ(real.dialect.encoding, TextEncoding::ShiftJis);
    EXPECT_EQ(real.header,
              (QStringList { QString::fromUtf8("コントロールカラム"), QString::fromUtf8("商品管理番号（商品URL）") }));

    const Table western = readTable("name,note\nO\x92"
                                    "Brien,caf\xE9s \x93"
                                    "Chez Ren\xE9\x94\n");
    ASSERT_TRUE(western.opened.ok());
    EXPECT_EQ(western.dialect.encoding, TextEncoding::Windows1252);
    ASSERT_EQ(western.rows.size(), 1);
    EXPECT_EQ(western.rows[0].fields,
              (QStringList { QString::fromUtf8("O’Brien"), QString::fromUtf8("cafés “Chez René”") }));
}

// Thunderbird and Google's "Outlook CSV" end every line with a comma: data rows one field longer than the
// header, with that field empty, keep the header (domain: Import and export).
TEST(CsvSniffer, RowsEndingWithACommaKeepTheHeader)
{
    const QStringList outlook { QStringLiteral("First Name"), QStringLiteral("Last Name"),
                                QStringLiteral("E-mail Address"), QStringLiteral("Job Title") };
    const Table one
        = readTable("First Name,Last Name,E-mail Address,Job Title\nAda,Lovelace,ada@example.com,Engineer,\n");
    ASSERT_TRUE(one.opened.ok());
    EXPECT_EQ(one.dialect.headerRecord, 0);
    EXPECT_EQ(one.header, outlook);
    ASSERT_EQ(one.rows.size(), 1);
    EXPECT_EQ(one.rows[0].fields,
              (QStringList { QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@example.com"),
                             QStringLiteral("Engineer") }));
    EXPECT_TRUE(one.rejected.isEmpty());

    // The header ending with a comma too, or it alone; a row longer by a value is still rejected.
    const struct
    {
        const char* name;
        QByteArray bytes;
    } cases[] = {
        { "rows", "a,b\nAda,Lovelace,\nBram,Okonkwo,\nCyd,Quill,\nDee,Roe,extra\n" },
        { "header and rows", "a,b,\nAda,Lovelace,\nBram,Okonkwo,\nCyd,Quill,\nDee,Roe,extra\n" },
        { "header", "a,b,\nAda,Lovelace\nBram,Okonkwo\nCyd,Quill\nDee,Roe,extra\n" },
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const Table table = readTable(c.bytes);
        ASSERT_TRUE(table.opened.ok());
        EXPECT_EQ(table.header, (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        ASSERT_EQ(table.rows.size(), 3);
        EXPECT_EQ(table.rows[2].fields, (QStringList { QStringLiteral("Cyd"), QStringLiteral("Quill") }));
        EXPECT_EQ(linesOf(table.rejected), (QList<qint64> { 5 }));
    }
}

// Real address book exports (../shared/realdata) are read with their own header.
TEST(CsvSniffer, RealAddressBookExportsKeepTheirHeader)
{
    const struct
    {
        const char* file;
        QChar delimiter;
        qsizetype columns;
        const char* firstColumn;
        const char* lastColumn;
        qsizetype rows;
        const char* firstValue;
    } cases[] = {
        { "other-contacts/thunderbird_basic_csv_addressbook.csv", u',', 37, "First Name", "Screen Name", 2, "John" },
        { "other-contacts/roundcube_thunderbird_plain.csv", u',', 37, "First Name", "Notes", 1, "Firstname" },
        { "other-contacts/roundcube_all_bom.csv", u',', 61, "Display Name", "Categories", 1, "Display Name" },
        { "other-contacts/thunderbird_csv_semicolon.csv", u';', 4, "Display Name", "Primary Email", 2, "John Doe" },
        { "outlook/roundcube_outlook_emails_only.csv", u',', 3, "E-mail Address", "E-mail 3 Address", 1,
          "test1@domain.tld" },
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.file);
        const Table table = readTable(fileBytes(realPath(c.file)));
        ASSERT_TRUE(table.opened.ok()) << table.opened.error().toStdString();
        EXPECT_EQ(table.dialect.delimiter, c.delimiter);
        EXPECT_EQ(table.dialect.headerRecord, 0);
        ASSERT_EQ(table.header.size(), c.columns);
        EXPECT_EQ(table.header.first(), QString::fromLatin1(c.firstColumn));
        EXPECT_EQ(table.header.last(), QString::fromLatin1(c.lastColumn));
        ASSERT_EQ(table.rows.size(), c.rows);
        EXPECT_EQ(table.rows.first().fields.first(), QString::fromLatin1(c.firstValue));
        EXPECT_TRUE(table.rejected.isEmpty());
    }
    const Table noHeader = readTable(fileBytes(realPath("other-contacts/thunderbird_csv_no_header.csv")));
    ASSERT_TRUE(noHeader.opened.ok());
    EXPECT_EQ(noHeader.dialect.headerRecord, -1);
    EXPECT_EQ(noHeader.rows.size(), 2);
}

// The parser torture files of ../shared/realdata/csv-corpus, read in place.
TEST(CsvSniffer, CsvCorpusFilesReadSensibly)
{
    auto read = [](const char* file) {
        return readTable(fileBytes(realPath((QByteArray("csv-corpus/") + file).constData())));
    };
    const QStringList abc { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") };
    const QStringList lastRow { QStringLiteral("4"), QStringLiteral("5"), QString::fromUtf8("ʤ") };
    const struct
    {
        const char* file;
        TextEncoding encoding;
        QStringList header;
        QStringList lastRow;
    } cases[] = {
        { "csvkit_test_utf16_little.csv", TextEncoding::Utf16LE, abc, lastRow },
        { "csvkit_test_utf16_big.csv", TextEncoding::Utf16BE, abc, lastRow },
        { "csvkit_test_utf8_bom.csv",
          TextEncoding::Utf8,
          { QStringLiteral("foo"), QStringLiteral("bar"), QStringLiteral("baz") },
          lastRow },
        { "csvkit_test_latin1.csv",
          TextEncoding::Windows1252,
          abc,
          { QStringLiteral("4"), QStringLiteral("5"), QString::fromUtf8("©") } },
        { "papaparse_utf-8-bom-sample.csv",
          TextEncoding::Utf8,
          { QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C") },
          { QStringLiteral("X"), QStringLiteral("Y"), QStringLiteral("Z") } },
        { "csvkit_mac_newlines.csv",
          TextEncoding::Utf8,
          abc,
          { QStringLiteral("Once upon\ra time"), QStringLiteral("5"), QStringLiteral("6") } },
        { "csvkit_bad.csv",
          TextEncoding::Utf8,
          { QStringLiteral("column_a"), QStringLiteral("column_b"), QStringLiteral("column_c") },
          { QStringLiteral("0"), QStringLiteral("mixed types.... uh oh"), QStringLiteral("17") } },
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.file);
        const Table table = read(c.file);
        ASSERT_TRUE(table.opened.ok()) << table.opened.error().toStdString();
        EXPECT_EQ(table.dialect.encoding, c.encoding);
        EXPECT_EQ(table.header, c.header);
        ASSERT_FALSE(table.rows.isEmpty());
        EXPECT_EQ(table.rows.last().fields, c.lastRow);
        EXPECT_FALSE(table.error);
        EXPECT_TRUE(table.warnings.isEmpty());
    }
    EXPECT_EQ(linesOf(read("csvkit_bad.csv").rejected), (QList<qint64> { 2, 3 }));

    const Table newline = read("csvkit_test_header_newline.csv");
    ASSERT_TRUE(newline.opened.ok());
    EXPECT_EQ(newline.header,
              (QStringList { QStringLiteral("start \t\n\v\f\r end"), QStringLiteral("b"), QStringLiteral("c") }));
    ASSERT_EQ(newline.rows.size(), 1);
    EXPECT_EQ(newline.rows[0].line, 8); // a CR alone ends a line too

    const Table zero = read("csvkit_null_byte.csv");
    ASSERT_FALSE(zero.opened.ok());
    EXPECT_TRUE(zero.opened.error().startsWith(QStringLiteral("Line 2 holds a zero byte")))
        << zero.opened.error().toStdString();
}

// The delimiter is the one that splits the first 50 records best; what comes after them in the 64 KB sample
// does not vote.
TEST(CsvSniffer, TheFirstFiftyRecordsChooseTheDelimiter)
{
    QByteArray bytes("x,y\n");
    for (int i = 1; i < 50; ++i)
        bytes += "a,b\n";
    while (bytes.size() < 2 * 64 * 1024)
        bytes += "p;q;r\n";
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const auto dialect = CsvSniffer::sniff(&buffer);
    ASSERT_TRUE(dialect.ok()) << dialect.error().toStdString();
    EXPECT_EQ(dialect->delimiter, u',');
    EXPECT_EQ(dialect->headerRecord, 0);
}

TEST(CsvSniffer, AFileWithoutHeaderGetsNumberedColumns)
{
    const Table table = readTable("Ada,Quill,ada@example.com\nBram,Okonkwo,bram@example.com\n");
    ASSERT_TRUE(table.opened.ok());
    EXPECT_EQ(table.dialect.headerRecord, -1);
    EXPECT_EQ(table.header,
              (QStringList { QStringLiteral("Column 1"), QStringLiteral("Column 2"), QStringLiteral("Column 3") }));
    EXPECT_EQ(table.rows.size(), 2);
}

TEST(CsvWriter, FormulaCellsAreGuardedAndUnguardedLosslessly)
{
    const QStringList cells { QStringLiteral("=SUM(A1:A9)"),
                              QStringLiteral("+44 20 7946 0958"),
                              QStringLiteral("-5"),
                              QStringLiteral("@handle"),
                              QStringLiteral("\tx"),
                              QStringLiteral("\rx"),
                              QStringLiteral("'=already"),
                              QStringLiteral("''+two"),
                              QStringLiteral("'plain"),
                              QStringLiteral("plain"),
                              QString() };
    for (const QString& cell : cells) {
        const QString written = CsvWriter::escapeFormula(cell);
        const bool risky = !cell.isEmpty() && QStringLiteral("=+-@\t\r'").contains(cell.at(0)) && cell != u"'plain";
        EXPECT_EQ(written.startsWith(u'\''), risky || cell.startsWith(u'\'')) << cell.toStdString();
        EXPECT_EQ(CsvWriter::unescapeFormula(written), cell) << cell.toStdString();
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    ASSERT_TRUE(writer.writeRow({ QStringLiteral("a,b"), QStringLiteral("say \"hi\""), QStringLiteral("two\nlines"),
                                  QStringLiteral("=1+1"), QStringLiteral("Zoë") }));
    EXPECT_EQ(bytes, QByteArray("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=1+1,Zo\xC3\xAB\r\n"));
}

} // namespace
} // namespace rapport
