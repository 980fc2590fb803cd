#include "core/storage/Database.h"
#include "ui/MainWindow.h"
#include "ui/workers/PlanWorker.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPalette>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace rapport {
namespace {

// Every place, with sample data, at the smallest size the window promises (1024×640), in a light and a dark
// system palette. With RAPPORT_SCREENSHOT_DIR set, the grabs are also written there to be looked at.
class AppearanceTest : public ::testing::TestWithParam<bool>
{
protected:
    void SetUp() override
    {
        m_palette = QApplication::palette();
        if (dark())
            QApplication::setPalette(darkPalette());
        auto opened = Database::open(m_dir.filePath(QStringLiteral("appearance.sqlite")));
        ASSERT_TRUE(opened.ok()) << opened.error().toStdString();
        m_database = std::move(opened).value();
    }
    void TearDown() override { QApplication::setPalette(m_palette); }

    bool dark() const { return GetParam(); }

    // A dark palette as a desktop in dark mode hands it to Qt.
    static QPalette darkPalette()
    {
        QPalette palette;
        palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x1f));
        palette.setColor(QPalette::AlternateBase, QColor(0x27, 0x27, 0x27));
        palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        palette.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
        palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
        palette.setColor(QPalette::LinkVisited, QColor(0xb4, 0x9c, 0xff));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        palette.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
        palette.setColor(QPalette::ToolTipText, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
        palette.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
        palette.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
        palette.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
        palette.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
        palette.setColor(QPalette::Shadow, Qt::black);
        return palette;
    }

    // The mean lightness (0–255) of an image: a hard-coded white panel in dark mode pulls it up.
    static double meanLightness(const QImage& image)
    {
        const QImage small = image.scaled(128, 80, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                 .convertToFormat(QImage::Format_RGB32);
        double sum = 0;
        for (int y = 0; y < small.height(); ++y)
            for (int x = 0; x < small.width(); ++x)
                sum += QColor(small.pixel(x, y)).lightness();
        return sum / (small.width() * small.height());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    QPalette m_palette;
};

TEST_P(AppearanceTest, EveryPlaceFitsTheSmallestWindowAndFollowsThePalette)
{
    MainWindow window(*m_database);
    window.addSampleData();
    window.resize(1024, 640);
    window.show();
    const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
    const std::pair<MainWindow::Place, const char*> places[] = { { MainWindow::Place::Week, "week" },
                                                                 { MainWindow::Place::Contacts, "contacts" },
                                                                 { MainWindow::Place::Templates, "templates" },
                                                                 { MainWindow::Place::Insights, "insights" } };
    for (const auto& [place, name] : places) {
        SCOPED_TRACE(name);
        window.showPlace(place);
        ASSERT_TRUE(QTest::qWaitFor([&] { return window.planWorker()->pending() == 0; }, 10000));
        QApplication::processEvents();
        // Nothing in the place asks for more room than 1024×640: the window keeps that size.
        EXPECT_LE(window.minimumSizeHint().width(), 1024);
        EXPECT_LE(window.minimumSizeHint().height(), 640);
        EXPECT_EQ(window.size(), QSize(1024, 640));

        const QImage grabbed = window.grab().toImage();
        if (!shots.isEmpty())
            grabbed.save(QDir(shots).filePath(
                QStringLiteral("%1-%2.png")
                    .arg(QString::fromLatin1(name), dark() ? QStringLiteral("dark") : QStringLiteral("light"))));
        const double lightness = meanLightness(grabbed);
        if (dark())
            EXPECT_LT(lightness, 100) << "a part of the place does not follow the dark palette";
        else
            EXPECT_GT(lightness, 150);
    }
}

INSTANTIATE_TEST_SUITE_P(Palettes, AppearanceTest, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& palette) {
                             return palette.param ? "Dark" : "Light";
                         });

} // namespace
} // namespace rapport
