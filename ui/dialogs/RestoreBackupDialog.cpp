#include "ui/dialogs/RestoreBackupDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rapport {

namespace {

QString contactsText(int count)
{
    if (count < 0)
        return RestoreBackupDialog::tr("unreadable");
    return count == 1 ? RestoreBackupDialog::tr("1 contact")
                      : RestoreBackupDialog::tr("%1 contacts").arg(QLocale().toString(count));
}

} // namespace

RestoreBackupDialog::RestoreBackupDialog(const QString& databasePath, QWidget* parent)
    : QDialog(parent)
    , m_backups(Backups::listFor(databasePath))
{
    setWindowTitle(tr("Restore from Backup"));
    const QLocale locale;
    m_contactsNow = Backups::contactCount(databasePath).value_or(-1);

    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setText(m_backups.isEmpty()
                       ? tr("%1 has no backups yet. Rapport makes one each day it is opened.")
                             .arg(QFileInfo(databasePath).fileName())
                       : tr("Backups of %1, newest first:").arg(QDir::toNativeSeparators(databasePath)));

    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels({ tr("Taken"), tr("Contacts"), tr("Size") });
    for (const BackupFile& backup : std::as_const(m_backups)) {
        const int contacts = Backups::contactCount(backup.path).value_or(-1);
        m_contacts.append(contacts);
        auto* item = new QTreeWidgetItem(m_list,
                                         { locale.toString(backup.takenAt.toLocalTime(), QLocale::ShortFormat),
                                           contacts < 0 ? tr("unreadable") : locale.toString(contacts),
                                           locale.formattedDataSize(backup.size) });
        item->setToolTip(0,
                         tr("%1\n%2").arg(locale.toString(backup.takenAt.toLocalTime(), QLocale::LongFormat),
                                          QDir::toNativeSeparators(backup.path)));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);

    m_consequence = new QLabel(this);
    m_consequence->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_restore = m_buttons->addButton(tr("Restore"), QDialogButtonBox::AcceptRole);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &RestoreBackupDialog::updateConsequence);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] {
        if (!selectedBackup().isEmpty())
            accept();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_consequence);
    layout->addWidget(m_buttons);
    resize(560, 380);
    if (!m_backups.isEmpty())
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateConsequence();
}

QString RestoreBackupDialog::selectedBackup() const
{
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    return row >= 0 && m_contacts.value(row) >= 0 ? m_backups[row].path : QString();
}

QString RestoreBackupDialog::consequence() const
{
    return m_consequence->text();
}

void RestoreBackupDialog::updateConsequence()
{
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    const bool usable = !selectedBackup().isEmpty();
    m_restore->setEnabled(usable);
    if (row < 0) {
        m_consequence->clear();
        return;
    }
    if (!usable) {
        m_consequence->setText(tr("This backup cannot be read."));
        return;
    }
    const QString now
        = m_contactsNow < 0 ? tr("Your data now cannot be read") : tr("%1 now").arg(contactsText(m_contactsNow));
    m_consequence->setText(tr("Restoring replaces all your data: %1, %2 in the backup. Your data as it is now is "
                              "backed up first, so this can be undone.")
                               .arg(now, contactsText(m_contacts[row])));
}

QString describeRestore(const RestoreReport& report)
{
    return RestoreBackupDialog::tr("Restored: %1 now, %2 before. Your data as it was is kept in %3.")
        .arg(contactsText(report.contactsRestored), contactsText(report.contactsBefore),
             QDir::toNativeSeparators(report.before));
}

} // namespace rapport
