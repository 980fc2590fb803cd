#include "ui/dialogs/PreferencesDialog.h"

#include "core/cadence/CadenceSettings.h"
#include "core/domain/KeepInTouch.h"
#include "core/storage/Database.h"
#include "core/storage/TagCadenceRepository.h"
#include "core/storage/WriteWait.h"
#include "ui/commands/ExecutedCommand.h"
#include "ui/commands/PendingWrites.h"
#include "ui/desktop/DesktopSettings.h"
#include "ui/dialogs/KeepInTouchPicker.h"
#include "ui/views/StatusColors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeEdit>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace rapport {

namespace {

constexpr int kTagColumn = 0;
constexpr int kCadenceColumn = 1;

} // namespace

PreferencesDialog::PreferencesDialog(Database& database, StartAtLogin startAtLogin, const QStringList& tagsInUse,
                                     QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_startAtLoginEntry(std::move(startAtLogin))
{
    setWindowTitle(tr("Preferences"));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createGeneralPage(), tr("&General"));
    m_tabs->addTab(createTagsPage(tagsInUse), tr("T&ags"));

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, StatusColors::error(errorPalette));
    m_error->setPalette(errorPalette);
    m_error->hide();
    m_waiting = new QLabel(tr("Waiting for another program (or another Rapport) to finish writing to the database… "
                              "Your preferences are saved as soon as it is done."),
                           this);
    m_waiting->setObjectName(QStringLiteral("waitingToSave"));
    m_waiting->setWordWrap(true);
    m_waiting->hide();
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    m_retry->setInterval(PendingWrites::kRetryMs);
    connect(m_retry, &QTimer::timeout, this, &PreferencesDialog::save);
    // Cancelled while waiting: nothing is saved, as Cancel says.
    connect(this, &QDialog::rejected, m_retry, &QTimer::stop);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_waiting);
    layout->addWidget(buttons);
    // Room for the Tags page's list, whatever the General page needs.
    resize(std::max(sizeHint().width(), 560), std::max(sizeHint().height(), 480));

    load();
}

QWidget* PreferencesDialog::createGeneralPage()
{
    auto* page = new QWidget(this);
    m_reminder = new QGroupBox(tr("&Weekly reminder"), page);
    m_reminder->setCheckable(true);
    m_reminder->setToolTip(tr("A reminder of what this week's plan asks: requests, follow-ups and check-ins."));
    m_day = new QComboBox(m_reminder);
    const QLocale locale;
    for (int i = 0; i < 7; ++i) {
        const int day = (int(locale.firstDayOfWeek()) - 1 + i) % 7 + 1;
        m_day->addItem(locale.standaloneDayName(day), day);
    }
    m_time = new QTimeEdit(m_reminder);
    m_time->setDisplayFormat(locale.timeFormat(QLocale::ShortFormat));
    auto* when = new QFormLayout(m_reminder);
    when->addRow(tr("&Day:"), m_day);
    when->addRow(tr("&Time:"), m_time);

    m_keepInTray = new QCheckBox(tr("&Keep running in the tray when the window is closed"), page);
    m_startAtLogin = new QCheckBox(tr("&Start Rapport at login"), page);
    m_startAtLogin->setToolTip(tr("Starts in the tray, ready for the weekly reminder."));

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_reminder);
    layout->addWidget(m_keepInTray);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        auto* noTray = new QLabel(
            tr("This desktop has no system tray: Rapport closes with its window and shows the reminder in it."), page);
        noTray->setWordWrap(true);
        noTray->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(noTray);
    }
    layout->addWidget(m_startAtLogin);
    layout->addStretch();
    return page;
}

QWidget* PreferencesDialog::createTagsPage(const QStringList& tagsInUse)
{
    auto* page = new QWidget(this);
    auto* intro = new QLabel(tr("A tag may carry a keep-in-touch cadence: its contacts that have none of their own "
                                "get a check-in when that many days have passed since your last interaction. With "
                                "several such tags, the shortest cadence applies."),
                             page);
    intro->setWordWrap(true);

    auto stored = TagCadenceRepository(m_database).all();
    if (!stored) {
        intro->setText(stored.error());
        intro->setForegroundRole(QPalette::BrightText);
    }
    m_storedTagCadences = stored.value_or(QMap<QString, int>());
    // The tags in use as they are written, and those with a cadence that no contact has any more.
    QStringList tags = tagsInUse;
    for (auto it = m_storedTagCadences.cbegin(); it != m_storedTagCadences.cend(); ++it) {
        if (!tags.contains(it.key(), Qt::CaseInsensitive))
            tags.append(it.key());
    }
    std::sort(tags.begin(), tags.end(),
              [](const QString& a, const QString& b) { return QString::compare(a, b, Qt::CaseInsensitive) < 0; });

    m_tagTable = new QTableWidget(int(tags.size()), 2, page);
    m_tagTable->setObjectName(QStringLiteral("tagCadences"));
    m_tagTable->setAccessibleName(tr("Cadence of each tag"));
    m_tagTable->setHorizontalHeaderLabels({ tr("Tag"), tr("Keep in touch") });
    m_tagTable->verticalHeader()->hide();
    m_tagTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_tagTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tagTable->setShowGrid(false);
    m_tagTable->horizontalHeader()->setSectionResizeMode(kTagColumn, QHeaderView::Stretch);
    m_tagTable->horizontalHeader()->setSectionResizeMode(kCadenceColumn, QHeaderView::ResizeToContents);
    for (int row = 0; row < int(tags.size()); ++row) {
        const QString& tag = tags.at(row);
        auto* item = new QTableWidgetItem(tag);
        item->setFlags(Qt::ItemIsEnabled);
        m_tagTable->setItem(row, kTagColumn, item);
        auto* picker = new KeepInTouchPicker(m_tagTable);
        picker->setObjectName(QStringLiteral("tagCadence"));
        picker->combo()->setAccessibleName(tr("Keep in touch with contacts tagged %1").arg(tag));
        picker->setDays(m_storedTagCadences.value(tag.toLower()));
        picker->setContentsMargins(4, 2, 4, 2);
        m_tagTable->setCellWidget(row, kCadenceColumn, picker);
    }
    m_tagTable->resizeRowsToContents();

    auto* empty = new QLabel(tr("No tags yet. Give contacts tags in their panel (“mentor”, “former colleague”), "
                                "then choose here how often to keep in touch with each."),
                             page);
    empty->setObjectName(QStringLiteral("noTags"));
    empty->setWordWrap(true);
    empty->setForegroundRole(QPalette::PlaceholderText);
    empty->setVisible(tags.isEmpty());
    m_tagTable->setVisible(!tags.isEmpty());

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(m_tagTable, 1);
    layout->addWidget(empty);
    layout->addStretch(tags.isEmpty() ? 1 : 0);
    return page;
}

KeepInTouchPicker* PreferencesDialog::tagCadence(const QString& tag) const
{
    for (int row = 0; row < m_tagTable->rowCount(); ++row) {
        if (m_tagTable->item(row, kTagColumn)->text().compare(tag, Qt::CaseInsensitive) == 0)
            return static_cast<KeepInTouchPicker*>(m_tagTable->cellWidget(row, kCadenceColumn));
    }
    return nullptr;
}

Status PreferencesDialog::saveTagCadences()
{
    QList<std::pair<QString, int>> changes;
    for (int row = 0; row < m_tagTable->rowCount(); ++row) {
        const QString tag = m_tagTable->item(row, kTagColumn)->text();
        const int days = static_cast<KeepInTouchPicker*>(m_tagTable->cellWidget(row, kCadenceColumn))->days();
        if (days != m_storedTagCadences.value(tag.toLower()))
            changes.append({ tag, days });
    }
    if (changes.isEmpty())
        return success();
    const Status saved = m_database.transaction([&]() -> Status {
        TagCadenceRepository repository(m_database);
        for (const auto& [tag, days] : std::as_const(changes)) {
            if (Status set = repository.set(tag, days); !set)
                return set;
        }
        return success();
    });
    if (saved) {
        m_tagCadencesChanged = true;
        for (const auto& [tag, days] : std::as_const(changes)) {
            if (days > 0)
                m_storedTagCadences.insert(tag.toLower(), days);
            else
                m_storedTagCadences.remove(tag.toLower());
        }
    }
    return saved;
}

void PreferencesDialog::load()
{
    auto reminder = CadenceSettings(m_database).reminder();
    if (!reminder) {
        m_error->setText(reminder.error());
        m_error->show();
    }
    const ReminderSetting setting = reminder.value_or(ReminderSetting {});
    m_reminder->setChecked(setting.enabled);
    m_day->setCurrentIndex(m_day->findData(int(setting.day)));
    m_time->setTime(setting.time);
    m_keepInTray->setChecked(DesktopSettings::keepRunningInTray());
    m_startAtLogin->setChecked(m_startAtLoginEntry.isEnabled());
}

bool PreferencesDialog::isWaitingToSave() const
{
    return m_retry->isActive();
}

void PreferencesDialog::accept()
{
    if (isWaitingToSave())
        return; // saved as soon as the lock is free
    save();
}

void PreferencesDialog::save()
{
    const ReminderSetting setting { Qt::DayOfWeek(m_day->currentData().toInt()), m_time->time(),
                                    m_reminder->isChecked() };
    Status saved = success();
    {
        // The window is behind this dialog: another process's write lock must not freeze it for the database's
        // busy timeout. A moment's wait, then another try in a while.
        const BriefWriteWait brief(m_database, ExecutedCommand::kBriefWaitMs);
        saved = m_database.transaction([&]() -> Status {
            if (Status reminder = CadenceSettings(m_database).setReminder(setting); !reminder)
                return reminder;
            return saveTagCadences();
        });
    }
    if (!saved && isBusyError(saved.error())) {
        m_error->hide();
        m_waiting->show();
        m_ok->setEnabled(false);
        m_retry->start();
        return;
    }
    m_waiting->hide();
    m_ok->setEnabled(true);
    if (saved && m_startAtLogin->isChecked() != m_startAtLoginEntry.isEnabled())
        saved = m_startAtLoginEntry.setEnabled(m_startAtLogin->isChecked());
    if (!saved) {
        m_error->setText(saved.error());
        m_error->show();
        return;
    }
    DesktopSettings::setKeepRunningInTray(m_keepInTray->isChecked());
    QDialog::accept();
}

} // namespace rapport
