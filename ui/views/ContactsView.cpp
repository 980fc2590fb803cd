#include "ui/views/ContactsView.h"

#include "core/cadence/CadenceSettings.h"
#include "core/domain/KeepInTouch.h"
#include "core/storage/ContactOverview.h"
#include "ui/commands/ContactCommands.h"
#include "ui/dialogs/ContactDialog.h"
#include "ui/models/ContactFilterProxy.h"
#include "ui/models/ContactTableModel.h"
#include "ui/workers/PlanWorker.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace rapport {

namespace {

// The stage filter's item for silent connections (stages are 0 and up).
constexpr int kSilentItem = -2;

} // namespace

ContactsView::ContactsView(Database& database, PlanWorker& planner, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_planner(planner)
    , m_undoStack(undoStack)
    , m_model(new ContactTableModel(this))
    , m_proxy(new ContactFilterProxy(this))
    , m_search(new QLineEdit(this))
    , m_stage(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_due(new QCheckBox(tr("&Due to keep in touch"), this))
    , m_new(new QPushButton(tr("&New contact"), this))
    , m_table(new QTableView(this))
    , m_pages(new QStackedWidget(this))
{
    m_proxy->setContactModel(m_model);

    m_search->setPlaceholderText(tr("Search names, companies, positions, tags, notes…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search contacts"));
    connect(m_search, &QLineEdit::textChanged, m_proxy, &ContactFilterProxy::setSearchText);

    m_stage->setObjectName(QStringLiteral("stageFilter"));
    m_stage->setAccessibleName(tr("Stage filter"));
    m_stage->addItem(tr("All stages"));
    for (Stage stage : { Stage::Prospect, Stage::Following, Stage::Requested, Stage::Connected, Stage::NoResponse,
                         Stage::Declined, Stage::Withdrawn })
        m_stage->addItem(displayName(stage), int(stage));
    // Connections with no interaction for two years, no star and no cadence: to remove, keep or keep in touch with.
    m_stage->insertSeparator(m_stage->count());
    m_stage->addItem(tr("Silent for two years"), kSilentItem);
    m_stage->setItemData(m_stage->count() - 1,
                         tr("Connections with no interaction for two years, no star and no keep-in-touch cadence: "
                            "review them (delete, or choose Keep in Touch…)"),
                         Qt::ToolTipRole);
    connect(m_stage, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant stage = m_stage->currentData();
        const bool silent = stage.isValid() && stage.toInt() == kSilentItem;
        m_proxy->setSilentFilter(silent);
        m_proxy->setStageFilter(stage.isValid() && !silent ? std::optional(Stage(stage.toInt())) : std::nullopt);
    });
    m_tag->setAccessibleName(tr("Tag filter"));
    m_tag->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tag->setMaximumWidth(220);
    connect(m_tag, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setTagFilter(m_tag->currentData().toString()); });
    m_due->setObjectName(QStringLiteral("dueFilter"));
    m_due->setToolTip(tr("Only the contacts whose keep-in-touch date has come"));
    connect(m_due, &QCheckBox::toggled, m_proxy, &ContactFilterProxy::setDueFilter);
    m_new->setToolTip(tr("Add a contact (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    connect(m_new, &QPushButton::clicked, this, [this] { openContact(0); });

    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Contacts"));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ContactTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    // Wide enough for the header and a typical value, whatever the font and the language; what is left goes to
    // the tags (nine columns fit a window 1180 pixels wide without scrolling).
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto fit = [&](int column, const QString& sample) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        m_table->setColumnWidth(column,
                                std::max(metrics.horizontalAdvance(header), metrics.horizontalAdvance(sample)) + 22);
    };
    fit(ContactTableModel::StarredColumn, QStringLiteral("\u2605"));
    fit(ContactTableModel::NameColumn, QStringLiteral("Alexandra Castellanos"));
    fit(ContactTableModel::PositionColumn, QStringLiteral("Software Engineer"));
    fit(ContactTableModel::CompanyColumn, QStringLiteral("Summit Education"));
    fit(ContactTableModel::StageColumn, displayName(Stage::NoResponse));
    fit(ContactTableModel::LastInteractionColumn, QLocale().toString(QDate(2024, 12, 30), QLocale::ShortFormat));
    fit(ContactTableModel::NextActionColumn, tr("%1, %2").arg(tr("Check in"), QStringLiteral("Wed 30 Dec")));
    fit(ContactTableModel::KeepInTouchColumn, QLocale().toString(QDate(2024, 12, 30), QLocale::ShortFormat));
    fit(ContactTableModel::TagsColumn, QStringLiteral("mentor"));
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex& index) { openContact(m_proxy->contactIdAt(index.row())); });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint& position) {
        if (!m_table->indexAt(position).isValid())
            return;
        auto menu = createContextMenu(this);
        menu->exec(m_table->viewport()->mapToGlobal(position));
    });
    createKeepInTouchActions();
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ContactsView::updateSelectionActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ContactsView::updateSelectionActions);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ContactsView::updateSelectionActions);

    // Shortcuts that work anywhere in the place.
    auto* find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto* add = new QAction(tr("New contact"), this);
    add->setShortcut(QKeySequence::New);
    add->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(add, &QAction::triggered, this, [this] { openContact(0); });
    auto* remove = new QAction(tr("Delete"), m_table);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &ContactsView::deleteSelected);
    addAction(find);
    addAction(add);
    m_table->addAction(remove);

    connect(m_model, &QAbstractItemModel::modelReset, this, &ContactsView::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ContactsView::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ContactsView::updateEmptyState);

    auto* tablePage = new QWidget(m_pages);
    auto* tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_stage);
    bar->addWidget(m_tag);
    bar->addWidget(m_due);
    bar->addSpacing(8);
    bar->addWidget(m_keepInTouchButton);
    bar->addWidget(m_new);
    tableLayout->addLayout(bar);
    tableLayout->addWidget(createFilterBanner());
    tableLayout->addWidget(m_table);
    m_pages->addWidget(tablePage);
    m_pages->addWidget(createFirstRun());

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
}

QWidget* ContactsView::createFirstRun()
{
    auto* page = new QWidget(m_pages);
    auto* layout = new QVBoxLayout(page);
    auto* heading = new QLabel(tr("No contacts yet"), page);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    heading->setFont(font);
    auto* body = new QLabel(tr("Start from your LinkedIn data export: in LinkedIn, Settings → Data privacy → "
                               "Get a copy of your data, then drop Connections.csv here. Or look around "
                               "with a few hundred made-up contacts first."),
                            page);
    body->setWordWrap(true);
    auto* importButton = new QPushButton(tr("Import your LinkedIn export…"), page);
    auto* sampleButton = new QPushButton(tr("Try with sample data"), page);
    auto* addButton = new QPushButton(tr("Add a contact"), page);
    connect(importButton, &QPushButton::clicked, this, &ContactsView::importRequested);
    connect(sampleButton, &QPushButton::clicked, this, &ContactsView::sampleDataRequested);
    connect(addButton, &QPushButton::clicked, this, [this] { openContact(0); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(importButton);
    buttons->addWidget(sampleButton);
    buttons->addWidget(addButton);
    buttons->addStretch();
    layout->addStretch();
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addLayout(buttons);
    layout->addStretch(2);
    return page;
}

void ContactsView::createKeepInTouchActions()
{
    m_keepInTouchMenu = new QMenu(this);
    m_keepInTouchMenu->setObjectName(QStringLiteral("keepInTouchMenu"));
    const auto add = [this](const QString& text, const QString& key, int days) {
        QAction* action = m_keepInTouchMenu->addAction(text, this, [this, days] {
            if (const Status set = setKeepInTouch(days); !set)
                QMessageBox::warning(this, tr("Cannot change the cadence"), set.error());
        });
        action->setObjectName(QStringLiteral("keepInTouch-") + key);
    };
    // "&Close (every 30 days)": each preset's first letter picks it from the keyboard.
    for (const keep_in_touch::Preset& preset : keep_in_touch::kPresets)
        add(u'&' + keep_in_touch::describe(preset.days), QString::fromLatin1(preset.key), preset.days);
    QAction* custom = m_keepInTouchMenu->addAction(tr("Custo&m…"), this, &ContactsView::askCustomKeepInTouch);
    custom->setObjectName(QStringLiteral("keepInTouch-custom"));
    m_keepInTouchMenu->addSeparator();
    add(tr("&None"), QStringLiteral("none"), keep_in_touch::kNone);

    m_keepInTouch = new QAction(QIcon(QStringLiteral(":/icons/week.svg")), tr("&Keep in Touch…"), this);
    m_keepInTouch->setObjectName(QStringLiteral("keepInTouchAction"));
    m_keepInTouch->setToolTip(tr("How often to keep in touch with the selected contacts: each gets a check-in "
                                 "when that many days have passed since your last interaction"));
    m_keepInTouch->setMenu(m_keepInTouchMenu);
    m_keepInTouch->setEnabled(false);
    m_keepInTouchButton = keepInTouchButton(this);
    m_keepInTouchButton->setText(m_keepInTouch->text());
}

QPushButton* ContactsView::keepInTouchButton(QWidget* parent)
{
    auto* button = new QPushButton(QIcon(QStringLiteral(":/icons/week.svg")), tr("Keep in Touch…"), parent);
    button->setObjectName(QStringLiteral("keepInTouchButton"));
    button->setToolTip(m_keepInTouch->toolTip());
    button->setMenu(m_keepInTouchMenu);
    button->setEnabled(m_keepInTouch->isEnabled());
    connect(m_keepInTouch, &QAction::changed, button,
            [this, button] { button->setEnabled(m_keepInTouch->isEnabled()); });
    return button;
}

void ContactsView::askCustomKeepInTouch()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    bool ok = false;
    const int days = QInputDialog::getInt(
        this, tr("Keep in touch"),
        ids.size() == 1
            ? tr("Keep in touch with the selected contact every so many days:")
            : tr("Keep in touch with the %1 selected contacts every so many days:").arg(QLocale().toString(ids.size())),
        60, keep_in_touch::kMinDays, keep_in_touch::kMaxDays, 1, &ok);
    if (!ok)
        return;
    if (const Status set = setKeepInTouch(days); !set)
        QMessageBox::warning(this, tr("Cannot change the cadence"), set.error());
}

QWidget* ContactsView::createFilterBanner()
{
    auto* banner = new QFrame(this);
    banner->setObjectName(QStringLiteral("filterBanner"));
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setAutoFillBackground(true);
    banner->setBackgroundRole(QPalette::AlternateBase);
    m_bannerText = new QLabel(banner);
    m_bannerText->setObjectName(QStringLiteral("filterBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::PlainText);
    QPushButton* keep = keepInTouchButton(banner);
    keep->setObjectName(QStringLiteral("bannerKeepInTouch"));
    auto* all = new QPushButton(tr("Show &All Contacts"), banner);
    all->setObjectName(QStringLiteral("showAllContacts"));
    connect(all, &QPushButton::clicked, this, &ContactsView::showAll);
    auto* row = new QHBoxLayout(banner);
    row->setContentsMargins(10, 6, 10, 6);
    row->addWidget(m_bannerText, 1);
    row->addWidget(keep);
    row->addWidget(all);
    banner->hide();
    m_banner = banner;
    return banner;
}

void ContactsView::showOnly(const QSet<qint64>& ids, const QString& why)
{
    m_search->clear();
    m_stage->setCurrentIndex(0);
    m_tag->setCurrentIndex(0);
    m_due->setChecked(false);
    m_proxy->setIdFilter(ids);
    m_bannerText->setText(why);
    m_banner->show();
    m_table->setFocus(Qt::OtherFocusReason);
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, ContactTableModel::NameColumn));
}

void ContactsView::showAll()
{
    m_proxy->setIdFilter(std::nullopt);
    m_banner->hide();
}

void ContactsView::updateSelectionActions()
{
    m_keepInTouch->setEnabled(m_table->selectionModel()->hasSelection());
    Q_EMIT selectionChanged();
}

int ContactsView::selectedCount() const
{
    return int(m_table->selectionModel()->selectedRows().size());
}

std::unique_ptr<QMenu> ContactsView::createContextMenu(QWidget* parent)
{
    auto menu = std::make_unique<QMenu>(parent);
    const QList<qint64> ids = selectedIds();
    QAction* open = menu->addAction(tr("&Open"), this, [this, ids] {
        if (!ids.isEmpty())
            openContact(ids.first());
    });
    open->setObjectName(QStringLiteral("openContact"));
    open->setEnabled(ids.size() == 1);
    menu->addAction(m_keepInTouch);
    menu->addSeparator();
    QAction* remove = menu->addAction(ids.size() > 1 ? tr("&Delete %1 Contacts").arg(QLocale().toString(ids.size()))
                                                     : tr("&Delete"),
                                      this, &ContactsView::deleteSelected);
    remove->setObjectName(QStringLiteral("deleteContacts"));
    remove->setEnabled(!ids.isEmpty());
    return menu;
}

Status ContactsView::setKeepInTouch(int days)
{
    if (const QString problem = keep_in_touch::problem(days); !problem.isEmpty())
        return Error { problem };
    QList<qint64> changing;
    for (qint64 id : selectedIds()) {
        const int row = m_model->rowOf(id);
        if (row >= 0 && m_model->contactAt(row).keepInTouchDays != days)
            changing.append(id);
    }
    if (changing.isEmpty())
        return success(); // nothing to change, nothing to undo
    const Status set = ExecutedCommand::push(
        m_undoStack, std::make_unique<SetKeepInTouchCommand>(m_database, m_model, std::move(changing), days));
    if (set)
        askForPlan(); // check-ins come and go
    return set;
}

Status ContactsView::reload()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto overview = ContactOverview::load(m_database, now);
    if (!overview)
        return Error { overview.error() };
    auto limits = CadenceSettings(m_database).limits();
    if (!limits)
        return Error { limits.error() };
    m_model->setToday(now.toLocalTime().date());
    m_model->setSilentAfterDays(limits->silentAfterDays);
    m_model->setOverview(std::move(*overview));
    m_model->setNextActions(m_nextActions);
    updateTags();
    askForPlan();
    return success();
}

void ContactsView::askForPlan()
{
    const QDate today = QDate::currentDate();
    m_planner.plan({ today, today, QLocale() }, this, [this](const Result<WeekPlan>& plan) {
        if (plan)
            showPlan(*plan);
    });
}

void ContactsView::showPlan(const WeekPlan& plan)
{
    m_nextActions = ContactOverview::nextActions(plan);
    m_model->setNextActions(m_nextActions);
}

void ContactsView::updateTags()
{
    const QString current = m_tag->currentData().toString();
    const QSignalBlocker blocker(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("All tags"));
    for (const QString& tag : m_model->allTags())
        m_tag->addItem(tag, tag);
    const int found = m_tag->findData(current);
    m_tag->setCurrentIndex(found < 0 ? 0 : found);
    m_proxy->setTagFilter(m_tag->currentData().toString());
}

void ContactsView::updateEmptyState()
{
    m_pages->setCurrentIndex(m_model->rowCount() == 0 ? 1 : 0);
}

QList<qint64> ContactsView::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        ids.append(m_proxy->contactIdAt(index.row()));
    return ids;
}

ContactDialog* ContactsView::openContact(qint64 id)
{
    auto* dialog = new ContactDialog(m_database, m_undoStack, m_model, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void ContactsView::deleteSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    // No confirmation: Edit → Undo brings them back with their logs.
    const Status removed
        = ExecutedCommand::push(m_undoStack, std::make_unique<RemoveContactsCommand>(m_database, m_model, ids));
    if (!removed)
        QMessageBox::warning(this, tr("Cannot delete"), removed.error());
}

} // namespace rapport
