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
    Output run(const QByteArray& arguments)
    {
        QProcess process;
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
