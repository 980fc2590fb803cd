#include "ui/dialogs/PreferencesDialog.h"
#include "core/cadence/CadenceSettings.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/TagCadenceRepository.h"
#include "ui/MainWindow.h"
#include "ui/desktop/DesktopSettings.h"
#include "ui/dialogs/KeepInTouchPicker.h"
#include "ui/models/ContactTableModel.h"
#include "ui/views/ContactsView.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimer>

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

TEST_F(PreferencesDialogTest, TheTagsPageSetsTheCadenceEachTagGivesItsContacts)
{
    ASSERT_TRUE(TagCadenceRepository(*m_database).set(QStringLiteral("alumni"), 90).ok()); // no contact has it
    PreferencesDialog dialog(*m_database, entry(), { QStringLiteral("mentor"), QStringLiteral("Friends") });
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto* tabs = dialog.findChild<QTabWidget*>();
    ASSERT_NE(tabs, nullptr);
    ASSERT_EQ(tabs->count(), 2);
    EXPECT_EQ(tabs->tabText(1), QStringLiteral("T&ags"));
    QTest::keyClick(tabs->tabBar(), Qt::Key_Right);
    ASSERT_EQ(tabs->currentIndex(), 1);

    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("tagCadences"));
    ASSERT_NE(table, nullptr);
    ASSERT_TRUE(table->isVisible());
    QStringList tags;
    for (int row = 0; row < table->rowCount(); ++row)
        tags.append(table->item(row, 0)->text());
    EXPECT_EQ(tags, (QStringList { QStringLiteral("alumni"), QStringLiteral("Friends"), QStringLiteral("mentor") }));
    ASSERT_NE(dialog.tagCadence(QStringLiteral("alumni")), nullptr);
    EXPECT_EQ(dialog.tagCadence(QStringLiteral("alumni"))->days(), 90);
    EXPECT_EQ(dialog.tagCadence(QStringLiteral("mentor"))->days(), 0);

    QComboBox* mentor = dialog.tagCadence(QStringLiteral("mentor"))->combo();
    mentor->setFocus();
    QTest::keyClick(mentor, Qt::Key_Down);
    EXPECT_EQ(mentor->currentText(), QStringLiteral("Close (every 30 days)"));
    QComboBox* alumni = dialog.tagCadence(QStringLiteral("alumni"))->combo();
    alumni->setFocus();
    QTest::keyClick(alumni, Qt::Key_Home);
    EXPECT_EQ(alumni->currentText(), QStringLiteral("None"));
    clickOk(dialog);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_TRUE(dialog.tagCadencesChanged());
    EXPECT_EQ(TagCadenceRepository(*m_database).all().value(),
              (QMap<QString, int> { { QStringLiteral("mentor"), 30 } }));

    PreferencesDialog unchanged(*m_database, entry(), { QStringLiteral("mentor") });
    unchanged.show();
    clickOk(unchanged);
    EXPECT_FALSE(unchanged.tagCadencesChanged());
}

TEST_F(PreferencesDialogTest, ATagsCadenceChangedInPreferencesShowsInTheContacts)
{
    Contact mentee;
    mentee.firstName = QStringLiteral("Mia");
    mentee.tags = { QStringLiteral("mentor") };
    const qint64 id = ContactRepository(*m_database).add(mentee).value();
    MainWindow window(*m_database);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ContactTableModel* model = window.contactsView()->model();
    ASSERT_EQ(model->factsAt(model->rowOf(id)).keepInTouchDays, 0);

    bool shown = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<PreferencesDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        KeepInTouchPicker* picker = dialog->tagCadence(QStringLiteral("mentor"));
        ASSERT_NE(picker, nullptr) << "the tags in use are listed";
        shown = true;
        picker->combo()->setFocus();
        QTest::keyClick(picker->combo(), Qt::Key_Down);
        clickOk(*dialog);
    });
    QAction* preferences = nullptr;
    for (QAction* menu : window.menuBar()->actions()) {
        for (QAction* item : menu->menu() ? menu->menu()->actions() : QList<QAction*>()) {
            if (item->text() == QStringLiteral("&Preferences…"))
                preferences = item;
        }
    }
    ASSERT_NE(preferences, nullptr);
    preferences->trigger();
    EXPECT_TRUE(shown);
    EXPECT_EQ(model->factsAt(model->rowOf(id)).keepInTouchDays, 30);
    EXPECT_EQ(model->factsAt(model->rowOf(id)).nextKeepInTouch, QDate::currentDate().addDays(30));
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
