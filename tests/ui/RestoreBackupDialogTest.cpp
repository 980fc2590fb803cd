#include "ui/dialogs/RestoreBackupDialog.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <gtest/gtest.h>

namespace rapport {
namespace {

class RestoreBackupDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_database = Database::open(path()).value();
    }

    QString path() const { return m_dir.filePath(QStringLiteral("rapport.sqlite")); }

    void add(const char* first)
    {
        Contact contact;
        contact.firstName = QString::fromLatin1(first);
        ASSERT_TRUE(ContactRepository(*m_database).add(contact).ok());
    }

    QPushButton* restoreButton(RestoreBackupDialog& dialog)
    {
        for (QAbstractButton* button : dialog.findChild<QDialogButtonBox*>()->buttons()) {
            if (dialog.findChild<QDialogButtonBox*>()->buttonRole(button) == QDialogButtonBox::AcceptRole)
                return qobject_cast<QPushButton*>(button);
        }
        return nullptr;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
};

TEST_F(RestoreBackupDialogTest, ListsThisDatabasesBackupsAndSaysWhatARestoreReplaces)
{
    const QDateTime day = QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
    const QString empty = Backups(*m_database).backupNow(day).value();
    add("Ada");
    const QString one = Backups(*m_database).backupNow(day.addDays(1)).value();
    add("Grace");
    add("Linus");
    // Another database's backup in the same folder is not offered.
    auto other = Database::open(m_dir.filePath(QStringLiteral("work.sqlite"))).value();
    ASSERT_TRUE(Backups(*other).backupNow(day.addDays(2)).ok());
    // Nor a broken file under a backup name.
    QFile(Backups(*m_database).folder() + QStringLiteral("/rapport-20261123-090000.sqlite")).open(QIODevice::WriteOnly);

    RestoreBackupDialog dialog(path());
    auto* list = dialog.findChild<QTreeWidget*>();
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->topLevelItemCount(), 2);
    EXPECT_EQ(list->topLevelItem(0)->text(1), QStringLiteral("1"));
    EXPECT_EQ(list->topLevelItem(1)->text(1), QStringLiteral("0"));
    // The newest is chosen first, and the dialog says what it replaces.
    EXPECT_EQ(dialog.selectedBackup(), one);
    EXPECT_TRUE(dialog.consequence().contains(QStringLiteral("3 contacts now, 1 contact in the backup")))
        << dialog.consequence().toStdString();
    list->setCurrentItem(list->topLevelItem(1));
    EXPECT_EQ(dialog.selectedBackup(), empty);
    EXPECT_TRUE(dialog.consequence().contains(QStringLiteral("0 contacts in the backup")))
        << dialog.consequence().toStdString();
    ASSERT_NE(restoreButton(dialog), nullptr);
    EXPECT_TRUE(restoreButton(dialog)->isEnabled());
}

TEST_F(RestoreBackupDialogTest, WithoutBackupsNothingCanBeRestored)
{
    RestoreBackupDialog dialog(path());
    EXPECT_EQ(dialog.findChild<QTreeWidget*>()->topLevelItemCount(), 0);
    EXPECT_TRUE(dialog.selectedBackup().isEmpty());
    EXPECT_FALSE(restoreButton(dialog)->isEnabled());
}

} // namespace
} // namespace rapport
