#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString fixture(const char* name)
{
    return QStringLiteral(RAPPORT_TEST_DATA "/import/") + QString::fromLatin1(name);
}

// rapport-cli's inspect, import, export and demo, run as a user would.
class CliImportTest : public ::testing::Test
{
protected:
    CliRun cli(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(RAPPORT_CLI_PATH), arguments);
        EXPECT_TRUE(process.waitForFinished(60000)) << "rapport-cli did not finish";
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                 QString::fromUtf8(process.readAllStandardOutput()),
                 QString::fromUtf8(process.readAllStandardError()) };
    }
    CliRun withDb(const QStringList& arguments, const QString& db = {})
    {
        return cli(QStringList { QStringLiteral("--db"), db.isEmpty() ? m_dir.filePath(QStringLiteral("x.db")) : db }
                   + arguments);
    }
    QJsonObject json(const CliRun& run)
    {
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }
    QByteArray exported(const char* what, const QString& db = {})
    {
        const QString path = m_dir.filePath(QString::fromLatin1(what) + QStringLiteral(".csv"));
        const CliRun run = withDb({ QStringLiteral("export"), QString::fromLatin1(what), path }, db);
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        return file.readAll();
    }

    QTemporaryDir m_dir;
};

TEST_F(CliImportTest, InspectPrintsTheDialectHeaderRowsAndErrorsWithoutADatabase)
{
    const QJsonObject result
        = json(cli({ QStringLiteral("inspect"), fixture("linkedin-connections.csv"), QStringLiteral("--json") }));
    EXPECT_EQ(result.value(QStringLiteral("format")).toString(), QStringLiteral("linkedin-connections"));
    EXPECT_EQ(result.value(QStringLiteral("encoding")).toString(), QStringLiteral("UTF-8"));
    EXPECT_EQ(result.value(QStringLiteral("delimiter")).toString(), QStringLiteral(","));
    EXPECT_EQ(result.value(QStringLiteral("header")).toArray().size(), 7);
    const QJsonArray rows = result.value(QStringLiteral("rows")).toArray();
    ASSERT_EQ(rows.size(), 5);
    EXPECT_EQ(rows.at(1).toObject().value(QStringLiteral("Company")).toString(), QStringLiteral("Harbor & Vale, LLC"));
    EXPECT_TRUE(result.value(QStringLiteral("errors")).toArray().isEmpty());

    const QJsonObject semicolon
        = json(cli({ QStringLiteral("inspect"), fixture("generic-semicolon.csv"), QStringLiteral("--json") }));
    EXPECT_EQ(semicolon.value(QStringLiteral("encoding")).toString(), QStringLiteral("Windows-1252"));
    EXPECT_EQ(semicolon.value(QStringLiteral("delimiter")).toString(), QStringLiteral(";"));
    EXPECT_EQ(semicolon.value(QStringLiteral("format")).toString(), QStringLiteral("generic"));

    const CliRun counts
        = cli({ QStringLiteral("inspect"), fixture("malformed-field-count.csv"), QStringLiteral("--json") });
    const QJsonArray errors
        = QJsonDocument::fromJson(counts.out.toUtf8()).object().value(QStringLiteral("errors")).toArray();
    ASSERT_EQ(errors.size(), 2);
    EXPECT_EQ(errors.at(0).toObject().value(QStringLiteral("line")).toInt(), 3);
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("x.db"))));
}

TEST_F(CliImportTest, ImportReportsWhatItDidAndTheSecondTimeNothing)
{
    const QStringList import { QStringLiteral("import"), fixture("linkedin-connections.csv"),
                               QStringLiteral("--json") };
    const QJsonObject first = json(withDb(import));
    EXPECT_EQ(first.value(QStringLiteral("format")).toString(), QStringLiteral("linkedin-connections"));
    EXPECT_EQ(first.value(QStringLiteral("contacts_added")).toInt(), 4);
    EXPECT_EQ(first.value(QStringLiteral("contacts_merged")).toInt(), 0);
    EXPECT_EQ(first.value(QStringLiteral("interactions_added")).toInt(), 4);
    const QJsonArray skipped = first.value(QStringLiteral("skipped")).toArray();
    ASSERT_EQ(skipped.size(), 1);
    EXPECT_EQ(skipped.at(0).toObject().value(QStringLiteral("line")).toInt(), 8);
    EXPECT_FALSE(skipped.at(0).toObject().value(QStringLiteral("reason")).toString().isEmpty());

    const QJsonObject second = json(withDb(import));
    EXPECT_EQ(second.value(QStringLiteral("contacts_added")).toInt(), 0);
    EXPECT_EQ(second.value(QStringLiteral("interactions_added")).toInt(), 0);
}

TEST_F(CliImportTest, DryRunAndUnusableFilesLeaveTheDatabaseAsItWas)
{
    ASSERT_EQ(withDb({ QStringLiteral("import"), fixture("google-contacts.csv") }).exitCode, 0);
    const QByteArray before = exported("contacts");
    const QJsonObject dry = json(withDb({ QStringLiteral("import"), fixture("linkedin-connections.csv"),
                                          QStringLiteral("--dry-run"), QStringLiteral("--json") }));
    EXPECT_EQ(dry.value(QStringLiteral("contacts_added")).toInt(), 3);
    EXPECT_EQ(exported("contacts"), before);

    for (const char* file : { "malformed-empty.csv", "malformed-binary.csv", "malformed-unterminated-quote.csv" }) {
        const CliRun run = withDb({ QStringLiteral("import"), fixture(file) });
        EXPECT_EQ(run.exitCode, 1) << file;
        EXPECT_EQ(run.err.count(u'\n'), 1) << run.err.toStdString();
        EXPECT_EQ(exported("contacts"), before) << file;
    }
    const CliRun wrong = withDb({ QStringLiteral("import"), fixture("google-contacts.csv"), QStringLiteral("--format"),
                                  QStringLiteral("linkedin-messages") });
    EXPECT_EQ(wrong.exitCode, 1);
    EXPECT_TRUE(wrong.err.contains(QStringLiteral("not a linkedin-messages file"))) << wrong.err.toStdString();
    EXPECT_EQ(withDb({ QStringLiteral("import"), fixture("google-contacts.csv"), QStringLiteral("--format"),
                       QStringLiteral("vcard") })
                  .exitCode,
              1); // a --format no reader has is a bad value
}

TEST_F(CliImportTest, AMappedGenericFile)
{
    const QJsonObject result
        = json(withDb({ QStringLiteral("import"), fixture("generic-semicolon.csv"), QStringLiteral("--map"),
                        QStringLiteral("Vorname=first_name,Nachname=last_name,Firma=company,E-Mail=email"),
                        QStringLiteral("--json") }));
    EXPECT_EQ(result.value(QStringLiteral("format")).toString(), QStringLiteral("generic"));
    EXPECT_EQ(result.value(QStringLiteral("contacts_added")).toInt(), 2);
    EXPECT_TRUE(exported("contacts").contains("J\xC3\xBCrgen,Wei\xC3\x9F,,Gr\xC3\xBCnwald AG,"));
    const CliRun bad = withDb({ QStringLiteral("import"), fixture("generic-semicolon.csv"), QStringLiteral("--map"),
                                QStringLiteral("Surname=last_name") });
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("Surname")));
}

TEST_F(CliImportTest, DemoIsDeterministicAndRoundTripsThroughExport)
{
    const QString a = m_dir.filePath(QStringLiteral("a.db"));
    const QString b = m_dir.filePath(QStringLiteral("b.db"));
    for (const QString& db : { a, b }) {
        const CliRun run = withDb({ QStringLiteral("demo"), QStringLiteral("--contacts"), QStringLiteral("50"),
                                    QStringLiteral("--seed"), QStringLiteral("9") },
                                  db);
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        EXPECT_TRUE(run.out.contains(QStringLiteral("50 sample contacts"))) << run.out.toStdString();
    }
    EXPECT_EQ(exported("contacts", a), exported("contacts", b));
    EXPECT_EQ(exported("interactions", a), exported("interactions", b));

    // The export of one, imported into a third database, exports the same again.
    const QString c = m_dir.filePath(QStringLiteral("c.db"));
    const QByteArray contacts = exported("contacts", a);
    const QByteArray log = exported("interactions", a);
    for (const char* what : { "contacts", "interactions" }) {
        const QString copy
            = m_dir.filePath(QStringLiteral("copy-") + QString::fromLatin1(what) + QStringLiteral(".csv"));
        ASSERT_TRUE(QFile::copy(m_dir.filePath(QString::fromLatin1(what) + QStringLiteral(".csv")), copy));
        ASSERT_EQ(withDb({ QStringLiteral("import"), copy }, c).exitCode, 0);
    }
    EXPECT_EQ(exported("contacts", c), contacts);
    EXPECT_EQ(exported("interactions", c), log);
    EXPECT_EQ(withDb({ QStringLiteral("demo") }).exitCode, 2);
}

TEST_F(CliImportTest, NewConnectionsComeWithAHintToChooseWhomToKeepInTouchWith)
{
    const QString hint
        = QStringLiteral("Choose whom to keep in touch with: rapport-cli contacts edit ID --keep-in-touch "
                         "close (or tag them and use rapport-cli tags set-cadence TAG close).");
    // A dry run only reads: it needs a database to preview against.
    ASSERT_EQ(withDb({ QStringLiteral("rule"), QStringLiteral("set"), QStringLiteral("4-1-1") }).exitCode, 0);
    const CliRun dry
        = withDb({ QStringLiteral("import"), fixture("linkedin-connections.csv"), QStringLiteral("--dry-run") });
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_FALSE(dry.out.contains(hint)) << dry.out.toStdString();

    const CliRun first = withDb({ QStringLiteral("import"), fixture("linkedin-connections.csv") });
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.endsWith(QStringLiteral("4 connections imported. ") + hint + u'\n'))
        << first.out.toStdString();

    const CliRun again = withDb({ QStringLiteral("import"), fixture("linkedin-connections.csv") });
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_FALSE(again.out.contains(hint)) << "nothing added: " << again.out.toStdString();
    EXPECT_EQ(json(withDb({ QStringLiteral("import"), fixture("linkedin-connections.csv"), QStringLiteral("--json") }))
                  .value(QStringLiteral("added_connections"))
                  .toInt(-1),
              0);

    const QString other = m_dir.filePath(QStringLiteral("other.db"));
    const QJsonObject added = json(
        withDb({ QStringLiteral("import"), fixture("linkedin-connections.csv"), QStringLiteral("--json") }, other));
    EXPECT_EQ(added.value(QStringLiteral("added_connections")).toInt(), 4);
    const CliRun google = withDb({ QStringLiteral("import"), fixture("google-contacts.csv") }, other);
    ASSERT_EQ(google.exitCode, 0) << google.err.toStdString();
    EXPECT_FALSE(google.out.contains(hint)) << "not LinkedIn connections: " << google.out.toStdString();
    EXPECT_EQ(json(withDb({ QStringLiteral("import"), fixture("google-contacts-legacy.csv"), QStringLiteral("--json") },
                          other))
                  .value(QStringLiteral("added_connections"))
                  .toInt(-1),
              0);
}

// A 50 MB cell in LinkedIn's preamble: one line that names the field and its line, not a guess about columns.
TEST_F(CliImportTest, AFieldTooLongIsNamedInOneLine)
{
    const QString path = m_dir.filePath(QStringLiteral("Connections.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("Notes:\n\"" + QByteArray(50 << 20, 'x')
               + "\"\n\n"
                 "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                 "Ada,Quill,https://www.linkedin.com/in/ada-quill,,,,1 Nov 2022\n");
    file.close();
    for (const QString& command : { QStringLiteral("import"), QStringLiteral("inspect") }) {
        const CliRun run = command == u"import" ? withDb({ command, path }) : cli({ command, path });
        EXPECT_EQ(run.exitCode, 1) << command.toStdString();
        EXPECT_TRUE(run.err.contains(QStringLiteral("Line 2: a field longer than 1048576 characters")))
            << run.err.toStdString();
        EXPECT_EQ(run.err.count(u'\n'), 1) << run.err.toStdString();
    }
}

// An import lists the first 1,000 rows it skips and counts them all.
TEST_F(CliImportTest, ManySkippedRowsAreCountedAndTheFirstListed)
{
    const QString path = m_dir.filePath(QStringLiteral("Connections.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
    for (int i = 0; i < 1500; ++i)
        file.write(",,,,Nobody,,1 Nov 2022\n");
    file.write("Ada,Quill,https://www.linkedin.com/in/ada-quill,,,,1 Nov 2022\n");
    file.close();
    const CliRun run = withDb({ QStringLiteral("import"), path });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("1 contacts added, 0 merged, 1 interactions added, 1500 rows skipped")))
        << run.out.toStdString().substr(0, 300);
    EXPECT_TRUE(run.out.contains(QStringLiteral("  line 1001: ")));
    EXPECT_FALSE(run.out.contains(QStringLiteral("  line 1002: ")));
    EXPECT_TRUE(run.out.contains(QStringLiteral("  ... and 500 more rows skipped.")));
    const QJsonObject again
        = json(withDb({ QStringLiteral("import"), path, QStringLiteral("--dry-run"), QStringLiteral("--json") }));
    EXPECT_EQ(again.value(QStringLiteral("contacts_added")).toInt(-1), 0);
    EXPECT_EQ(again.value(QStringLiteral("skipped_count")).toInt(), 1500);
    EXPECT_EQ(again.value(QStringLiteral("skipped")).toArray().size(), 1000);
}

// What an import kept out and could not tell: a row of a known email whose name differs (the contact's is kept,
// the row's reported), the rows that brought nothing new, and a namesake without profile URL or email (a new
// contact, pointed out).
TEST_F(CliImportTest, ConflictsUnchangedRowsAndPossibleDuplicatesAreReported)
{
    const QString path = m_dir.filePath(QStringLiteral("contacts.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("first_name,last_name,profile_url,email,how_we_know,company,location,phone\n"
               "Ambili,,,ambili@example.com,,,London,\n"
               "ambili1992,com,,ambili@example.com,,,,\n"
               "John,Smith,,,,,London,\n"
               "John,Smith,,,,,Sydney,\n");
    file.close();
    const QJsonObject first = json(withDb({ QStringLiteral("import"), path, QStringLiteral("--json") }));
    EXPECT_EQ(first.value(QStringLiteral("contacts_added")).toInt(), 3);
    EXPECT_EQ(first.value(QStringLiteral("contacts_unchanged")).toInt(-1), 1);
    EXPECT_EQ(first.value(QStringLiteral("conflict_count")).toInt(), 1);
    EXPECT_EQ(first.value(QStringLiteral("conflicts")).toArray(),
              (QJsonArray { QJsonObject { { QStringLiteral("line"), 3 },
                                          { QStringLiteral("field"), QStringLiteral("name") },
                                          { QStringLiteral("kept"), QStringLiteral("Ambili") },
                                          { QStringLiteral("ignored"), QStringLiteral("ambili1992 com") } } }));
    EXPECT_EQ(first.value(QStringLiteral("possible_duplicate_count")).toInt(), 1);
    EXPECT_EQ(first.value(QStringLiteral("possible_duplicates")).toArray(),
              (QJsonArray { QJsonObject { { QStringLiteral("line"), 5 },
                                          { QStringLiteral("name"), QStringLiteral("John Smith") },
                                          { QStringLiteral("contact_id"), 2 } } }));

    // Again, in words: every row is one of them now, and Ambili keeps her name.
    const CliRun again = withDb({ QStringLiteral("import"), path });
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(QStringLiteral("0 contacts added, 0 merged")));
    EXPECT_TRUE(again.out.contains(QStringLiteral("4 rows matched a contact and brought nothing new.\n")))
        << again.out.toStdString();
    EXPECT_TRUE(again.out.contains(QStringLiteral("1 value was left out because the contact has another:\n"
                                                  "  line 3: Name \"Ambili\" kept, \"ambili1992 com\" ignored\n")))
        << again.out.toStdString();
    EXPECT_FALSE(again.out.contains(QStringLiteral("same name"))) << again.out.toStdString();

    // Into another database, in words: the possible duplicate is named.
    const CliRun other = withDb({ QStringLiteral("import"), path }, m_dir.filePath(QStringLiteral("other.db")));
    ASSERT_EQ(other.exitCode, 0) << other.err.toStdString();
    EXPECT_TRUE(other.out.contains(QStringLiteral("1 contact was added beside one of the same name")))
        << other.out.toStdString();
    EXPECT_TRUE(other.out.contains(QStringLiteral("John Smith (line 5")));
}

} // namespace
