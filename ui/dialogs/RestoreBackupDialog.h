#pragma once

#include "core/storage/Backups.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace rapport {

// Lists the backups of one database (when each was taken, its size, how many contacts it holds) and says
// what restoring the chosen one replaces ("300 contacts now, 0 in the backup"). No file dialog: nothing
// in the process may open the database's files but SQLite.
class RestoreBackupDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RestoreBackupDialog(const QString& databasePath, QWidget* parent = nullptr);

    // The chosen backup, or an empty string.
    QString selectedBackup() const;
    // What the dialog says restoring the selected backup does.
    QString consequence() const;

private:
    void updateConsequence();

    QList<BackupFile> m_backups;
    QList<int> m_contacts; // per backup, -1 if unreadable
    int m_contactsNow = -1;
    QTreeWidget* m_list = nullptr;
    QLabel* m_consequence = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_restore = nullptr;
};

// "Restored: 12 contacts now, 300 before. …" for a message after a restore.
QString describeRestore(const RestoreReport& report);

} // namespace rapport
