#include "ui/dialogs/PreferencesDialog.h"
#include "core/cadence/CadenceSettings.h"
#include "core/storage/Database.h"
#include "ui/desktop/DesktopSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>

#include <gtest/gtest.h>

namespace rapport {
namespace {

// The autostart file goes to $XDG_CONFIG_HOME/autostart: a temporary folder here, not the user's.
class PreferencesDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        m_testMode = QStandardPaths::isTestModeEnabled();
        QStandardPaths::setTestModeEnabled(false);
        m_configHome = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
        auto opened = Database::open(m_dir.filePath(QStringLiteral("preferences.sqlite")));
        ASSERT_TRUE(opened.ok()) << opened.error().toStdString();
        m_database = std::move(opened).value();
    }

    void TearDown() override
    {
        qputenv("XDG_CONFIG_HOME", m_configHome);
        QStandardPaths::setTestModeEnabled(m_testMode);
    }

    StartAtLogin entry() const
    {
        return StartAtLogin(
            QStringLiteral("/opt/My Apps/rapport"),
            { QStringLiteral("--background"), QStringLiteral("--db"), QStringLiteral("/data/100%.sqlite") });
    }

    QString autostartFile() const
    {
        return m_dir.filePath(QStringLiteral("config/autostart/io.github.rapport_crm.Rapport.desktop"));
    }

    // Space on the focused box, as a keyboard user would (a click in its middle may miss a short label).
    static void toggle(QCheckBox* box)
    {
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Space);
    }

    static void clickOk(PreferencesDialog& dialog)
    {
        QTest::mouseClick(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    bool m_testMode = false;
    QByteArray m_configHome;
};

TEST_F(PreferencesDialogTest, ShowsTheDefaultsFirst)
{
    PreferencesDialog dialog(*m_database, entry());
    EXPECT_TRUE(dialog.reminderBox()->isChecked());
    EXPECT_EQ(dialog.dayCombo()->currentData().toInt(), int(Qt::Monday));
    EXPECT_EQ(dialog.dayCombo()->count(), 7);
    EXPECT_EQ(dialog.timeEdit()->time(), QTime(9, 0));
    EXPECT_TRUE(dialog.keepInTrayBox()->isChecked());
    EXPECT_FALSE(dialog.startAtLoginBox()->isChecked());
}

TEST_F(PreferencesDialogTest, SavesWhatWasChosenAndShowsItNextTime)
{
    {
        PreferencesDialog dialog(*m_database, entry());
        dialog.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
        dialog.dayCombo()->setCurrentIndex(dialog.dayCombo()->findData(int(Qt::Thursday)));
        dialog.timeEdit()->setTime(QTime(17, 45));
        toggle(dialog.keepInTrayBox());
        toggle(dialog.startAtLoginBox());
        clickOk(dialog);
        EXPECT_EQ(dialog.result(), QDialog::Accepted);
    }
    EXPECT_EQ(CadenceSettings(*m_database).reminder().value(), (ReminderSetting { Qt::Thursday, QTime(17, 45), true }));
    EXPECT_FALSE(DesktopSettings::keepRunningInTray());

    QFile autostart(autostartFile());
    ASSERT_TRUE(autostart.open(QIODevice::ReadOnly)) << "the XDG autostart entry was written";
    const QString contents = QString::fromUtf8(autostart.readAll());
    EXPECT_TRUE(contents.startsWith(QStringLiteral("[Desktop Entry]\nType=Application\n")));
    EXPECT_TRUE(contents.contains(
        QStringLiteral("\nExec=\"/opt/My Apps/rapport\" \"--background\" \"--db\" \"/data/100%%.sqlite\"\n")))
        << contents.toStdString();
    autostart.close();

    PreferencesDialog again(*m_database, entry());
    EXPECT_EQ(again.dayCombo()->currentData().toInt(), int(Qt::Thursday));
    EXPECT_EQ(again.timeEdit()->time(), QTime(17, 45));
    EXPECT_FALSE(again.keepInTrayBox()->isChecked());
    EXPECT_TRUE(again.startAtLoginBox()->isChecked());
}

TEST_F(PreferencesDialogTest, TurnsTheReminderAndStartAtLoginOff)
{
    ASSERT_TRUE(entry().setEnabled(true).ok());
    ASSERT_TRUE(QFile::exists(autostartFile()));
    PreferencesDialog dialog(*m_database, entry());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    dialog.reminderBox()->setChecked(false);
    toggle(dialog.startAtLoginBox());
    clickOk(dialog);
    EXPECT_FALSE(CadenceSettings(*m_database).reminder()->enabled);
    EXPECT_FALSE(QFile::exists(autostartFile())) << "the autostart entry is removed";
}

TEST_F(PreferencesDialogTest, CancelChangesNothing)
{
    PreferencesDialog dialog(*m_database, entry());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    dialog.timeEdit()->setTime(QTime(7, 0));
    toggle(dialog.startAtLoginBox());
    QTest::mouseClick(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    EXPECT_EQ(CadenceSettings(*m_database).reminder()->time, QTime(9, 0));
    EXPECT_FALSE(QFile::exists(autostartFile()));
}

TEST(StartAtLogin, QuotesTheCommandLineForTheDesktopEntry)
{
    EXPECT_EQ(StartAtLogin::desktopExec(QStringLiteral("/usr/bin/rapport"), { QStringLiteral("--background") }),
              QStringLiteral("\"/usr/bin/rapport\" \"--background\""));
    EXPECT_EQ(StartAtLogin::desktopExec(QStringLiteral("/home/a$b/`x`/\"q\"\\r"), {}),
              QStringLiteral("\"/home/a\\\\$b/\\\\`x\\\\`/\\\\\"q\\\\\"\\\\\\\\r\""));
}

} // namespace
} // namespace rapport
