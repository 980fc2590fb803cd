// "Save image…" on a chart writes a file as private as the database the chart comes from.
#include "ui/charts/ChartView.h"

#include <QChart>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLineSeries>
#include <QTemporaryDir>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <sys/types.h>
#endif

#include <gtest/gtest.h>

namespace rapport {
namespace {

#ifdef Q_OS_UNIX
class ChartImageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto* chart = new QChart;
        auto* series = new QLineSeries;
        series->append(0, 1);
        series->append(1, 3);
        chart->addSeries(series);
        chart->createDefaultAxes();
        m_view = std::make_unique<ChartView>(chart, QStringLiteral("chart.png"));
        m_view->resize(400, 300);
        m_previousUmask = ::umask(0);
    }

    void TearDown() override { ::umask(m_previousUmask); }

    static mode_t modeOf(const QString& path)
    {
        struct stat info = {};
        if (::stat(QFile::encodeName(path).constData(), &info) != 0)
            return mode_t(-1);
        return info.st_mode;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ChartView> m_view;
    mode_t m_previousUmask = 022;
};

TEST_F(ChartImageTest, ANewImageIsTheUsersAloneUnderUmaskZero)
{
    const QString path = m_dir.filePath(QStringLiteral("new.png"));
    const Status saved = m_view->saveImage(path);
    ASSERT_TRUE(saved.ok()) << saved.error().toStdString();
    EXPECT_EQ(modeOf(path) & 0777, mode_t(0600));
    EXPECT_FALSE(QImage(path).isNull());
}

TEST_F(ChartImageTest, AnImageSavedOverAReadableFileBecomesTheUsersAlone)
{
    const QString path = m_dir.filePath(QStringLiteral("old.png"));
    {
        QFile old(path);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("not yet a chart");
    }
    ASSERT_EQ(::chmod(QFile::encodeName(path).constData(), 0644), 0);
    const Status saved = m_view->saveImage(path);
    ASSERT_TRUE(saved.ok()) << saved.error().toStdString();
    EXPECT_EQ(modeOf(path) & 0777, mode_t(0600));
    EXPECT_FALSE(QImage(path).isNull());
}

TEST_F(ChartImageTest, ATargetThatIsNotARegularFileIsRefusedAndLeftAsItWas)
{
    const QString fifo = m_dir.filePath(QStringLiteral("pipe.png"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const Status saved = m_view->saveImage(fifo);
    EXPECT_FALSE(saved.ok());
    EXPECT_TRUE(saved.error().contains(QStringLiteral("not a regular file"))) << saved.error().toStdString();
    EXPECT_TRUE(S_ISFIFO(modeOf(fifo))) << "the pipe was replaced";

    const QString folder = m_dir.filePath(QStringLiteral("folder.png"));
    ASSERT_TRUE(QDir().mkdir(folder));
    EXPECT_FALSE(m_view->saveImage(folder).ok());
    EXPECT_TRUE(QFileInfo(folder).isDir());
}
#endif

} // namespace
} // namespace rapport
