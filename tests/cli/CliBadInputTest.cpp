#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

// Every command with hostile input: clear errors (exit 1, one line naming the field), no crash, nothing lost.
class CliBadInputTest : public ::testing::Test
{
protected:
    struct Output
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // Raw bytes as arguments, through the shell, so that invalid UTF-8 reaches the program as it would.
    Output run(const QByteArray& arguments,
               const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral("/bin/sh"),
                      { QStringLiteral("-c"),
                        QStringLiteral("exec \"$0\" --db \"$1\" ") + QString::fromLatin1(arguments),
                        QStringLiteral(RAPPORT_CLI_PATH), m_dir.filePath(QStringLiteral("bad.sqlite")) });
        EXPECT_TRUE(process.waitForFinished(60000));
        EXPECT_EQ(process.exitStatus(), QProcess::NormalExit) << "crashed on: " << arguments.constData();
        return { process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError() };
    }

    QJsonArray contacts()
    {
        const Output list = run("contacts list --json");
        return QJsonDocument::fromJson(list.out).array();
    }

    QTemporaryDir m_dir;
};

TEST_F(CliBadInputTest, HugeAndControlCharacterInputIsHandled)
{
    ASSERT_EQ(run("contacts add --first Ada --last Lovelace").exitCode, 0);

    // A 10,000-character name and a note as long as one argument may be (Linux caps one at 128 KiB) are
    // stored whole.
    const QByteArray longName(10000, 'n');
    const Output named = run("contacts add --first " + longName + " --last X");
    EXPECT_EQ(named.exitCode, 0) << named.err.constData();
    EXPECT_EQ(contacts().at(1).toObject().value(QStringLiteral("first_name")).toString().size(), 10000);
    QFile note(m_dir.filePath(QStringLiteral("note.txt")));
    ASSERT_TRUE(note.open(QIODevice::WriteOnly));
    note.write(QByteArray(120000, 'x'));
    note.close();
    const Output logged = run("log 1 note --text \"$(cat '" + note.fileName().toUtf8() + "')\"");
    EXPECT_EQ(logged.exitCode, 0) << logged.err.constData();
    const QJsonArray log = QJsonDocument::fromJson(run("interactions 1 --json").out).array();
    ASSERT_EQ(log.size(), 1);
    EXPECT_EQ(log.at(0).toObject().value(QStringLiteral("text")).toString().size(), 120000);

    // Control characters and invalid UTF-8 in a name are refused, naming the field.
    const struct
    {
        QByteArray arguments;
        const char* mentions;
    } refused[] = {
        { "contacts add --first \"$(printf 'Ada\\007')\" --last B", "First name contains a control character" },
        { "contacts add --first A --last \"$(printf 'B\\033[31m')\"", "Last name contains a control character" },
        { "contacts add --first \"$(printf '\\377\\376')\" --last B", "not valid text" },
        { "contacts add --first A --last B --company \"$(printf 'Acme\\nInc')\"", "Company" },
        { "contacts add --first A --last B --url \"$(printf 'https://x.com/\\001')\"", "Profile URL" },
        { "log 1 note --at \"$(printf '\\377')\"", "--at" },
        { "log 99999999999999999999999 note", "contact id" },
        { "contacts add --first \"\" --last \"\"", "name" },
    };
    for (const auto& c : refused) {
        const Output output = run(c.arguments);
        EXPECT_EQ(output.exitCode, 1) << c.arguments.constData();
        EXPECT_TRUE(output.err.contains(c.mentions)) << c.arguments.constData() << " -> " << output.err.constData();
        EXPECT_EQ(output.err.count('\n'), 1) << output.err.constData();
    }
    EXPECT_EQ(contacts().size(), 2) << "nothing refused was stored, nothing stored was lost";
}

} // namespace

namespace {

TEST_F(CliBadInputTest, EditRefusesWhatAddRefusesAndChangesNothing)
{
    ASSERT_EQ(run("contacts add --first Ada --last Lovelace --company Engines --keep-in-touch close").exitCode, 0);
    const QJsonArray before = contacts();
    const struct
    {
        QByteArray arguments;
        const char* mentions;
    } refused[] = {
        { "contacts edit 1 --first \"$(printf 'Ada\\007')\"", "First name contains a control character" },
        { "contacts edit 1 --company \"$(printf 'Acme\\nInc')\"", "Company" },
        { "contacts edit 1 --first \"\" --last \"\"", "name" },
        { "contacts edit 1 --keep-in-touch \"$(printf 'close\\377')\"", "--keep-in-touch" },
        { "contacts edit 1 --keep-in-touch 99999999999999999999", "--keep-in-touch" },
        { "contacts edit 99999999999999999999 --star", "contact id" },
        { "tags set-cadence \"$(printf 'a\\377')\" \"$(printf '\\001')\"", "keep-in-touch cadence" },
    };
    for (const auto& c : refused) {
        const Output output = run(c.arguments);
        EXPECT_EQ(output.exitCode, 1) << c.arguments.constData();
        EXPECT_TRUE(output.err.contains(c.mentions)) << c.arguments.constData() << " -> " << output.err.constData();
        EXPECT_EQ(output.err.count('\n'), 1) << output.err.constData();
    }
    EXPECT_EQ(contacts(), before);
}

} // namespace

namespace {

// Issue 18, item 10: every refusal is one line on stderr naming what is wrong, with one rule for the exit code
// everywhere: 1 for a bad value (a date, a number, a contact id, a file, a database path), 2 for bad usage
// (no command, an unknown one, an option or argument the command does not take).
TEST_F(CliBadInputTest, EveryRefusalIsOneLineWithOneRuleForTheExitCode)
{
    ASSERT_EQ(run("contacts add --first Ada --last Lovelace").exitCode, 0);
    const QByteArray csv = QByteArray(RAPPORT_TEST_DATA) + "/import/google-contacts.csv";
    const QByteArray folder = m_dir.path().toUtf8();
    const struct
    {
        QByteArray arguments;
        int exitCode;
        QByteArray says;
    } cases[] = {
        // Bad dates and times, wherever they are given.
        { "log 1 note --at yesterday", 1, "--at \"yesterday\" is not an ISO 8601 date and time" },
        { "plan --today 2026-13-01", 1, "--today \"2026-13-01\" is not a date such as 2026-11-23 (YYYY-MM-DD)" },
        { "plan --week tomorrow", 1, "--week \"tomorrow\" is not a date" },
        { "stats --from March", 1, "--from \"March\" is not a date such as 2026-11-23 (YYYY-MM-DD)" },
        { "stats --to 2026-02-30", 1, "--to \"2026-02-30\" is not a date" },
        { "stats --from 2026-03-10 --to 2026-03-01", 1, "--from 2026-03-10 is after --to 2026-03-01" },
        { "contacts list --due --today 23.11.2026", 1, "--today \"23.11.2026\" is not a date" },
        // Bad numbers and keys.
        { "rule set custom --requests abc", 1, "--requests \"abc\" is not a whole number of 0 or more" },
        { "demo --contacts abc", 1, "--contacts \"abc\" is not a whole number from 1 to 1000000" },
        { "demo --contacts 0", 1, "--contacts \"0\" is not a whole number from 1 to 1000000" },
        { "demo --contacts 5 --seed -1", 1, "--seed \"-1\" is not a whole number from 0 to 4294967295" },
        { "stats --by colour", 1, "--by \"colour\" is not one of" },
        { "import '" + csv + "' --format bogus", 1, "unknown format \"bogus\"" },
        // A negative number where a contact id goes is not taken for an option.
        { "log -5 note", 1, "\"-5\" is not a contact id" },
        { "interactions -5", 1, "\"-5\" is not a contact id" },
        { "contacts edit -5 --star", 1, "\"-5\" is not a contact id" },
        // Files that are not regular files: one line, no Qt warning about seeking after it.
        { "import /dev/zero", 1, "/dev/zero is not a regular file" },
        { "inspect /dev/stdin", 1, "/dev/stdin is not a regular file" },
        { "inspect '" + folder + "'", 1, "is a folder, not a CSV file" },
        // Database paths.
        { "--db '' contacts list", 1, "--db \"\" is not a path to a database file" },
        { "--db /dev/null contacts list", 1, "/dev/null is not a regular file, so it cannot be a database." },
        { "--db '" + folder + "/typo/r.sqlite' contacts add --first A --last B", 1,
          "The folder " + folder + "/typo does not exist." },
        { "--db '" + folder + "/new.sqlite' contacts list", 1,
          "The database " + folder + "/new.sqlite does not exist." },
        // Bad usage.
        { "contacts", 2, "\"contacts\" needs a command: add, edit, list (see --help)" },
        { "tags", 2, "\"tags\" needs a command: list, set-cadence (see --help)" },
        { "rule", 2, "\"rule\" needs a command: show, set (see --help)" },
        { "contacts remove 1", 2, "unknown command \"contacts remove\"; \"contacts\" takes add, edit, list" },
        { "frobnicate", 2, "unknown command \"frobnicate\"" },
        { "demo", 2, "demo needs --contacts N" },
        { "log 1", 2, "\"log\" takes CONTACT_ID KIND" },
        { "plan --due", 2, "--due does not apply to \"plan\"" },
        { "stats --bogus", 2, "Unknown option 'bogus'" },
    };
    for (const auto& c : cases) {
        const Output output = run(c.arguments);
        EXPECT_EQ(output.exitCode, c.exitCode) << c.arguments.constData() << " -> " << output.err.constData();
        EXPECT_TRUE(output.err.startsWith("rapport-cli: "))
            << c.arguments.constData() << " -> " << output.err.constData();
        EXPECT_TRUE(output.err.contains(c.says)) << c.arguments.constData() << " -> " << output.err.constData();
        EXPECT_EQ(output.err.count('\n'), 1) << c.arguments.constData() << " -> " << output.err.constData();
        EXPECT_TRUE(output.out.isEmpty()) << c.arguments.constData() << " -> " << output.out.constData();
    }
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("typo"))));
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("new.sqlite"))));
    EXPECT_EQ(contacts().size(), 1) << "nothing refused was stored";
}

// A local time the clocks skip is well formed: the message says the time does not exist, not that it is no date.
TEST_F(CliBadInputTest, ALocalTimeInTheSpringForwardGapIsNamedAsSuch)
{
    ASSERT_EQ(run("contacts add --first Ada --last Lovelace").exitCode, 0);
    QProcessEnvironment berlin = QProcessEnvironment::systemEnvironment();
    berlin.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin"));
    const Output gap = run("log 1 note --at 2026-03-29T02:30:00", berlin);
    EXPECT_EQ(gap.exitCode, 1);
    EXPECT_TRUE(gap.err.contains("--at \"2026-03-29T02:30:00\" does not exist in the local time zone (Europe/Berlin)"))
        << gap.err.constData();
    EXPECT_EQ(gap.err.count('\n'), 1) << gap.err.constData();
    // The hour after the change, and the same time with a zone, are logged.
    EXPECT_EQ(run("log 1 note --at 2026-03-29T03:30:00", berlin).exitCode, 0);
    EXPECT_EQ(run("log 1 note --at 2026-03-29T02:30:00+01:00", berlin).exitCode, 0);
}

} // namespace
