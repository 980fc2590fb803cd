#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <zip.h>

#include <gtest/gtest.h>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

QByteArray fixture(const char* name)
{
    QFile file(QStringLiteral(RAPPORT_TEST_DATA "/import/") + QString::fromLatin1(name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name;
    return file.readAll();
}

// rapport-cli's inspect and import of LinkedIn's export as it is downloaded, a ZIP archive.
class CliArchiveTest : public ::testing::Test
{
protected:
    CliRun cli(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(RAPPORT_CLI_PATH),
                      QStringList { QStringLiteral("--db"), m_dir.filePath(QStringLiteral("x.db")) } + arguments);
        EXPECT_TRUE(process.waitForFinished(60000)) << "rapport-cli did not finish";
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                 QString::fromUtf8(process.readAllStandardOutput()),
                 QString::fromUtf8(process.readAllStandardError()) };
    }
    QJsonObject json(const CliRun& run)
    {
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }
    // LinkedIn's files from tests/data in a folder of the archive, as LinkedIn names them.
    QString writeExport(const char* password = nullptr)
    {
        const QString path = m_dir.filePath(QStringLiteral("Basic_LinkedInDataExport_12-01-2026.zip"));
        int error = 0;
        zip_t* zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        EXPECT_NE(zip, nullptr);
        m_contents = { fixture("linkedin-messages.csv"), fixture("linkedin-connections.csv"),
                       fixture("linkedin-invitations.csv") };
        const char* names[] = { "Basic_LinkedInDataExport_12-01-2026/messages.csv",
                                "Basic_LinkedInDataExport_12-01-2026/Connections.csv",
                                "Basic_LinkedInDataExport_12-01-2026/Invitations.csv" };
        for (int i = 0; i < 3; ++i) {
            zip_source_t* source
                = zip_source_buffer(zip, m_contents.at(i).constData(), zip_uint64_t(m_contents.at(i).size()), 0);
            const zip_int64_t index = zip_file_add(zip, names[i], source, 0);
            EXPECT_GE(index, 0);
            if (password) {
                EXPECT_EQ(zip_file_set_encryption(zip, zip_uint64_t(index), ZIP_EM_AES_256, password), 0);
            }
        }
        EXPECT_EQ(zip_close(zip), 0);
        return path;
    }
    int contactCount()
    {
        const CliRun run = cli({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--json") });
        return int(QJsonDocument::fromJson(run.out.toUtf8()).array().size());
    }

    QTemporaryDir m_dir;
    QList<QByteArray> m_contents;
};

TEST_F(CliArchiveTest, InspectListsTheFilesTheirSizesAndFormatsInImportOrder)
{
    const QJsonObject result = json(cli({ QStringLiteral("inspect"), writeExport(), QStringLiteral("--json") }));
    const QJsonArray files = result.value(QStringLiteral("files")).toArray();
    ASSERT_EQ(files.size(), 3);
    const QJsonObject first = files.at(0).toObject();
    EXPECT_EQ(first.value(QStringLiteral("name")).toString(),
              QStringLiteral("Basic_LinkedInDataExport_12-01-2026/Connections.csv"));
    EXPECT_EQ(first.value(QStringLiteral("format")).toString(), QStringLiteral("linkedin-connections"));
    EXPECT_EQ(first.value(QStringLiteral("size")).toInteger(), fixture("linkedin-connections.csv").size());
    EXPECT_EQ(first.value(QStringLiteral("rows")).toInt(), 5);
    EXPECT_EQ(files.at(1).toObject().value(QStringLiteral("format")).toString(),
              QStringLiteral("linkedin-invitations"));
    EXPECT_EQ(files.at(2).toObject().value(QStringLiteral("format")).toString(), QStringLiteral("linkedin-messages"));

    const CliRun text = cli({ QStringLiteral("inspect"), writeExport() });
    EXPECT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("1. Basic_LinkedInDataExport_12-01-2026/Connections.csv")))
        << text.out.toStdString();
}

// The same counts as the three files imported one by one, in one run and one transaction.
TEST_F(CliArchiveTest, ImportsTheArchiveLikeItsFilesOneByOne)
{
    const QJsonObject result = json(cli({ QStringLiteral("import"), writeExport(), QStringLiteral("--json") }));
    const QJsonArray files = result.value(QStringLiteral("files")).toArray();
    ASSERT_EQ(files.size(), 3);
    EXPECT_EQ(files.at(0).toObject().value(QStringLiteral("format")).toString(),
              QStringLiteral("linkedin-connections"));
    const int archived = contactCount();
    EXPECT_GT(archived, 0);

    const QString loose = m_dir.filePath(QStringLiteral("loose.db"));
    for (const char* name : { "linkedin-connections.csv", "linkedin-invitations.csv", "linkedin-messages.csv" }) {
        QProcess process;
        process.start(QStringLiteral(RAPPORT_CLI_PATH),
                      { QStringLiteral("--db"), loose, QStringLiteral("import"),
                        QStringLiteral(RAPPORT_TEST_DATA "/import/") + QString::fromLatin1(name) });
        ASSERT_TRUE(process.waitForFinished(60000));
        ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    }
    QProcess list;
    list.start(QStringLiteral(RAPPORT_CLI_PATH),
               { QStringLiteral("--db"), loose, QStringLiteral("contacts"), QStringLiteral("list"),
                 QStringLiteral("--json") });
    ASSERT_TRUE(list.waitForFinished(60000));
    EXPECT_EQ(QJsonDocument::fromJson(list.readAllStandardOutput()).array().size(), archived);

    const CliRun again
        = cli({ QStringLiteral("import"), m_dir.filePath(QStringLiteral("Basic_LinkedInDataExport_12-01-2026.zip")) });
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(
        QStringLiteral("Connections.csv (LinkedIn connections (Connections.csv)): 0 contacts added")))
        << again.out.toStdString();
    // Each file's summary says what it matched, as a file's import does.
    EXPECT_TRUE(again.out.contains(QStringLiteral("rows matched a contact and brought nothing new")))
        << again.out.toStdString();
    EXPECT_EQ(contactCount(), archived);
}

TEST_F(CliArchiveTest, AnEncryptedOrDamagedArchiveIsRefusedWithOneLineAndNothingImported)
{
    const CliRun encrypted = cli({ QStringLiteral("import"), writeExport("secret") });
    EXPECT_EQ(encrypted.exitCode, 1);
    EXPECT_TRUE(encrypted.err.contains(QStringLiteral("is encrypted"))) << encrypted.err.toStdString();
    EXPECT_EQ(encrypted.err.count(u'\n'), 1) << encrypted.err.toStdString();
    EXPECT_EQ(contactCount(), 0);

    const QString path = writeExport();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    ASSERT_TRUE(file.resize(file.size() - 30)); // into the directory at the end
    file.close();
    const CliRun damaged = cli({ QStringLiteral("import"), path });
    EXPECT_EQ(damaged.exitCode, 1);
    EXPECT_TRUE(damaged.err.contains(QStringLiteral("ZIP"))) << damaged.err.toStdString();
    EXPECT_EQ(contactCount(), 0);
    EXPECT_EQ(cli({ QStringLiteral("inspect"), path }).exitCode, 1);
}

TEST_F(CliArchiveTest, AFormatOrMappingDoesNotApplyToAnArchive)
{
    const CliRun run
        = cli({ QStringLiteral("import"), writeExport(), QStringLiteral("--format"), QStringLiteral("google") });
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QStringLiteral("--format"))) << run.err.toStdString();
}

} // namespace
