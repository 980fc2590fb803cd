#include "ui/views/WeekView.h"

#include "core/domain/Interaction.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/PlanAdjustmentRepository.h"
#include "core/templates/NoteComposer.h"
#include "ui/commands/PlanCommands.h"
#include "ui/dialogs/ContentSharedDialog.h"
#include "ui/models/KeepInTouchModel.h"
#include "ui/models/WeekPlanModel.h"
#include "ui/views/ActionCardDelegate.h"
#include "ui/views/StatusColors.h"

#include <QClipboard>
#include <QDateEdit>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QResizeEvent>
#include <QShowEvent>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace rapport {

namespace {

void showProgress(QProgressBar* bar, const PlanProgress& progress)
{
    bar->setRange(0, std::max(progress.target, 1));
    bar->setValue(std::min(progress.done, std::max(progress.target, 1)));
    //: Progress towards a weekly target: "Requests 3 / 4" (the target's name is the bar's accessible name)
    bar->setFormat(WeekView::tr("%1 %2 / %3").arg(bar->accessibleName()).arg(progress.done).arg(progress.target));
}

// A list this many rows high shows enough to act on without taking the week's place.
constexpr int kKeepInTouchRows = 6;
constexpr int kKeepInTouchRowPadding = 8;

// Rows with room around the text: the list is read and clicked, not scanned like a spreadsheet.
class RoomyRowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const QSize size = QStyledItemDelegate::sizeHint(option, index);
        return QSize(size.width(), std::max(size.height(), option.fontMetrics.height()) + kKeepInTouchRowPadding);
    }
};

} // namespace

WeekView::WeekView(Database& database, PlanWorker& planner, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_model(new WeekPlanModel(planner, this))
    , m_delegate(new ActionCardDelegate(this))
    , m_undoStack(undoStack ? undoStack : new QUndoStack(this))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_keepInTouchModel = new KeepInTouchModel(this);
    buildUi();
    connect(m_model, &WeekPlanModel::planChanged, this, &WeekView::showPlan);
    connect(m_model, &WeekPlanModel::actionDropped, this, [this](qint64 contactId, PlanActionKind kind, QDate day) {
        showStatus(moveTo(m_model->indexOf(contactId, kind), day));
    });
}

WeekView::~WeekView() = default;

void WeekView::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

void WeekView::setLocale(const QLocale& locale)
{
    QWidget::setLocale(locale);
    m_model->setLocale(locale);
    m_keepInTouchModel->setLocale(locale);
    m_date->setLocale(locale);
}

void WeekView::setTimeZone(const QTimeZone& zone)
{
    m_zone = zone;
    m_model->setTimeZone(zone);
}

QDateTime WeekView::now() const
{
    return m_now();
}

QDate WeekView::today() const
{
    return now().toTimeZone(m_zone).date();
}

void WeekView::buildUi()
{
    m_previous = new QToolButton(this);
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolTip(tr("Previous week"));
    m_today = new QPushButton(tr("&Today"), this);
    m_today->setToolTip(tr("Back to this week"));
    m_next = new QToolButton(this);
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolTip(tr("Next week"));
    m_weekLabel = new QLabel(this);
    QFont titleFont = m_weekLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_weekLabel->setFont(titleFont);
    m_date = new QDateEdit(this);
    m_date->setCalendarPopup(true);
    m_date->setToolTip(tr("Show the week of a day"));

    auto* navigation = new QHBoxLayout;
    navigation->addWidget(m_previous);
    navigation->addWidget(m_today);
    navigation->addWidget(m_next);
    navigation->addSpacing(12);
    navigation->addWidget(m_weekLabel);
    navigation->addStretch();
    navigation->addWidget(new QLabel(tr("Go to:"), this));
    navigation->addWidget(m_date);

    auto addBar = [this](QHBoxLayout* layout, const char* name, const QString& title, const QString& tip) {
        auto* bar = new QProgressBar(this);
        bar->setObjectName(QString::fromLatin1(name));
        bar->setAccessibleName(title);
        bar->setTextVisible(true);
        bar->setAlignment(Qt::AlignCenter);
        bar->setMinimumWidth(120);
        bar->setToolTip(tip);
        layout->addWidget(bar, 1);
        return bar;
    };
    auto* progress = new QHBoxLayout;
    progress->setSpacing(12);
    m_requests = addBar(progress, "requestsBar", tr("Requests"),
                        tr("Connection requests sent this week, of the rule's target"));
    m_followUps = addBar(progress, "followUpsBar", tr("Follow-ups"), tr("Follow-ups done this week, of those due"));
    m_checkIns = addBar(progress, "checkInsBar", tr("Check-ins"),
                        tr("Check-ins done this week, of those due (at most the rule's check-ins a week)"));
    m_replies = addBar(progress, "repliesBar", tr("Replies"),
                       tr("Messages answered this week, of those received in the last two weeks and not answered"));

    m_warnings = new QLabel(this);
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    m_warnings->hide();
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->hide();

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setItemDelegate(m_delegate);
    m_table->setShowGrid(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setWordWrap(false);
    // Cards move between days through the model (mimeData / dropMimeData), always onto a cell.
    m_table->setDragDropMode(QAbstractItemView::DragDrop);
    m_table->setDefaultDropAction(Qt::MoveAction);
    m_table->setDragDropOverwriteMode(true);
    m_table->setDropIndicatorShown(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(ActionCardDelegate::cardHeight(m_table->fontMetrics()));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setMinimumSectionSize(110);

    m_keepInTouchToggle = new QToolButton(this);
    m_keepInTouchToggle->setObjectName(QStringLiteral("keepInTouchToggle"));
    m_keepInTouchToggle->setAutoRaise(true);
    m_keepInTouchToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_keepInTouchToggle->setToolTip(tr("Show or hide everyone due to keep in touch"));
    QFont headingFont = m_keepInTouchToggle->font();
    headingFont.setBold(true);
    m_keepInTouchToggle->setFont(headingFont);
    connect(m_keepInTouchToggle, &QToolButton::clicked, this,
            [this] { setKeepInTouchExpanded(!m_keepInTouchExpanded); });

    m_keepInTouchList = new QTreeView(this);
    m_keepInTouchList->setObjectName(QStringLiteral("keepInTouchList"));
    m_keepInTouchList->setAccessibleName(tr("Keep in touch"));
    m_keepInTouchList->setModel(m_keepInTouchModel);
    m_keepInTouchList->setItemDelegate(new RoomyRowDelegate(m_keepInTouchList));
    m_keepInTouchList->setRootIsDecorated(false);
    m_keepInTouchList->setUniformRowHeights(true);
    m_keepInTouchList->setAlternatingRowColors(true);
    m_keepInTouchList->setAllColumnsShowFocus(true);
    m_keepInTouchList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_keepInTouchList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_keepInTouchList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_keepInTouchList->setContextMenuPolicy(Qt::CustomContextMenu);
    m_keepInTouchList->header()->setStretchLastSection(true);
    m_keepInTouchList->header()->setSectionsMovable(false);
    const QFontMetrics metrics = m_keepInTouchList->fontMetrics();
    const auto widest = [&](std::initializer_list<QString> samples) {
        int width = 0;
        for (const QString& sample : samples)
            width = std::max(width, metrics.horizontalAdvance(sample));
        return width + 28;
    };
    m_keepInTouchList->header()->resizeSection(KeepInTouchModel::NameColumn,
                                               widest({ QStringLiteral("Alexandra Castellanos-Whitfield") }));
    m_keepInTouchList->header()->resizeSection(KeepInTouchModel::DueColumn,
                                               widest({ QStringLiteral("Wed 30 Sep"), QStringLiteral("30 Sep 2026") }));
    m_keepInTouchList->header()->resizeSection(KeepInTouchModel::WhenColumn,
                                               widest({ tr("this week"), tr("waits"), tr("Planned") }));
    fitKeepInTouchList();
    connect(m_keepInTouchList, &QTreeView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT contactActivated(m_keepInTouchModel->actionAt(index.row()).contactId);
    });
    connect(m_keepInTouchList, &QTreeView::customContextMenuRequested, this, [this](const QPoint& position) {
        const QModelIndex index = m_keepInTouchList->indexAt(position);
        if (!index.isValid())
            return;
        if (auto menu = createKeepInTouchMenu(index.row(), this))
            menu->exec(m_keepInTouchList->viewport()->mapToGlobal(position));
    });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(navigation);
    layout->addLayout(progress);
    layout->addWidget(m_warnings);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_keepInTouchToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_keepInTouchList);
    setKeepInTouchExpanded(true);

    connect(m_previous, &QToolButton::clicked, m_model, &WeekPlanModel::previousWeek);
    connect(m_next, &QToolButton::clicked, m_model, &WeekPlanModel::nextWeek);
    connect(m_today, &QPushButton::clicked, this, [this] {
        m_model->setToday(now().toTimeZone(m_zone).date());
        m_model->goToToday();
    });
    connect(m_date, &QDateEdit::userDateChanged, this, [this](QDate day) {
        if (m_model->columnOf(day) < 0)
            showWeekOf(day);
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const PlanAction* item = m_model->action(index))
            Q_EMIT contactActivated(item->contactId);
    });
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint& position) {
        const QModelIndex index = m_table->indexAt(position);
        if (auto menu = createCardMenu(index, this))
            menu->exec(m_table->viewport()->mapToGlobal(position));
    });
}

void WeekView::fitKeepInTouchList()
{
    // Six rows, or fewer in a short window: the week's cards come first.
    const int rowHeight = m_keepInTouchList->fontMetrics().height() + kKeepInTouchRowPadding;
    const int rows = std::clamp(height() / 4 / rowHeight, 3, kKeepInTouchRows);
    m_keepInTouchList->setFixedHeight(m_keepInTouchList->header()->sizeHint().height() + rows * rowHeight
                                      + 2 * m_keepInTouchList->frameWidth());
}

void WeekView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitKeepInTouchList();
}

void WeekView::reload()
{
    m_model->setToday(now().toTimeZone(m_zone).date());
    m_model->reload();
}

void WeekView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Shown as a place or with its window, not given back by the window system after being minimized.
    if (!event->spontaneous())
        reload();
}

void WeekView::showWeekOf(const QDate& day)
{
    m_model->setToday(now().toTimeZone(m_zone).date());
    m_model->setWeek(day);
}

void WeekView::showStatus(const Status& status)
{
    m_error->setVisible(!status.ok());
    if (!status.ok()) {
        QPalette palette = m_error->palette();
        palette.setColor(QPalette::WindowText, StatusColors::error(palette));
        m_error->setPalette(palette);
        m_error->setText(status.error());
    }
}

void WeekView::showPlan()
{
    showStatus(m_model->error().isEmpty() ? success() : Status(Error { m_model->error() }));
    const WeekPlan& plan = m_model->plan();
    const QLocale locale = this->locale();
    //: The shown week: "23 Nov – 29 Nov 2026"
    m_weekLabel->setText(tr("%1 – %2").arg(locale.toString(plan.weekStart, tr("d MMM")),
                                           locale.toString(plan.weekEnd(), tr("d MMM yyyy"))));
    {
        const QSignalBlocker blocker(m_date);
        m_date->setDate(plan.weekStart);
    }
    m_today->setEnabled(m_model->columnOf(m_model->today()) < 0);
    showProgress(m_requests, plan.requests);
    showProgress(m_followUps, plan.followUps);
    showProgress(m_checkIns, plan.checkIns);
    showProgress(m_replies, plan.replies);
    showKeepInTouch();

    m_warnings->setVisible(!plan.warnings.isEmpty());
    QString html;
    const QString color = StatusColors::warning(palette()).name();
    for (const QString& warning : plan.warnings)
        html += QStringLiteral("<div style=\"color:%1\">\u26a0 %2</div>").arg(color, warning.toHtmlEscaped());
    m_warnings->setText(html);
}

void WeekView::showKeepInTouch()
{
    m_keepInTouchModel->setPlan(m_model->plan());
    const int all = m_keepInTouchModel->rowCount();
    const int thisWeek = m_keepInTouchModel->thisWeekCount();
    const QLocale locale = this->locale();
    QString text;
    if (all == 0)
        text = tr("Keep in touch: nobody is due");
    else if (thisWeek == all)
        //: The collapsible list of contacts due to keep in touch: "Keep in touch: 3 due, all this week"
        text = tr("Keep in touch: %1 due, all this week").arg(locale.toString(all));
    else
        //: "Keep in touch: 12 due, 5 this week, 7 wait"
        text = tr("Keep in touch: %1 due, %2 this week, %3 wait")
                   .arg(locale.toString(all), locale.toString(thisWeek), locale.toString(all - thisWeek));
    m_keepInTouchToggle->setText(text);
    m_keepInTouchToggle->setEnabled(all > 0);
    setKeepInTouchExpanded(m_keepInTouchExpanded);
}

void WeekView::setKeepInTouchExpanded(bool expanded)
{
    m_keepInTouchExpanded = expanded;
    m_keepInTouchToggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_keepInTouchList->setVisible(expanded && m_keepInTouchModel->rowCount() > 0);
}

std::unique_ptr<QMenu> WeekView::createKeepInTouchMenu(int row, QWidget* parent)
{
    if (row < 0 || row >= m_keepInTouchModel->rowCount())
        return nullptr;
    const qint64 contactId = m_keepInTouchModel->actionAt(row).contactId;
    const bool thisWeek = m_keepInTouchModel->isThisWeek(row);
    auto menu = std::make_unique<QMenu>(parent);
    QAction* open
        = menu->addAction(tr("&Open contact"), this, [this, contactId] { Q_EMIT contactActivated(contactId); });
    open->setObjectName(QStringLiteral("openContact"));
    menu->setDefaultAction(open);
    menu->addSeparator();
    QAction* done = menu->addAction(tr("Mark &done"), this, [this, row] { showStatus(markKeepInTouchDone(row)); });
    done->setObjectName(QStringLiteral("markDone"));
    done->setToolTip(tr("Log a message sent to them now"));
    QAction* snooze
        = menu->addAction(tr("Snooze to &next week"), this, [this, row] { showStatus(snoozeKeepInTouch(row)); });
    snooze->setObjectName(QStringLiteral("snooze"));
    snooze->setEnabled(thisWeek);
    if (!thisWeek)
        snooze->setToolTip(tr("Not planned this week: it waits for a later week already."));
    QAction* skip = menu->addAction(tr("S&kip this week"), this, [this, row] { showStatus(skipKeepInTouch(row)); });
    skip->setObjectName(QStringLiteral("skip"));
    return menu;
}

Status WeekView::markKeepInTouchDone(int row)
{
    if (row < 0 || row >= m_keepInTouchModel->rowCount())
        return Error { tr("There is nobody on this row.") };
    const PlanAction item = m_keepInTouchModel->actionAt(row);
    // This week's check-in is marked as its card would be.
    if (const QModelIndex card = m_model->indexOf(item.contactId, PlanActionKind::CheckIn); card.isValid())
        return markDone(card);
    return markDone(item);
}

Status WeekView::snoozeKeepInTouch(int row)
{
    if (row < 0 || row >= m_keepInTouchModel->rowCount())
        return Error { tr("There is nobody on this row.") };
    const PlanAction item = m_keepInTouchModel->actionAt(row);
    if (!m_keepInTouchModel->isThisWeek(row))
        return Error {
            tr("%1 is not planned this week: the check-in waits for a later week already.").arg(item.contactName)
        };
    return adjust(item, m_model->weekStart().addDays(7), false, tr("Snooze %1 to next week").arg(item.contactName));
}

Status WeekView::skipKeepInTouch(int row)
{
    if (row < 0 || row >= m_keepInTouchModel->rowCount())
        return Error { tr("There is nobody on this row.") };
    const PlanAction item = m_keepInTouchModel->actionAt(row);
    return adjust(item, QDate(), true, tr("Skip %1 this week").arg(item.contactName));
}

std::unique_ptr<QMenu> WeekView::createCardMenu(const QModelIndex& index, QWidget* parent)
{
    const PlanAction* item = m_model->action(index);
    if (!item)
        return nullptr;
    auto menu = std::make_unique<QMenu>(parent);
    const qint64 contactId = item->contactId;
    const bool toDo = item->state != PlanActionState::Done;
    const QPersistentModelIndex card(index);
    const auto add = [&](const QString& text, const char* name, auto slot) {
        QAction* action = menu->addAction(text, this, slot);
        action->setObjectName(QString::fromLatin1(name));
        action->setEnabled(toDo);
        return action;
    };
    if (item->kind == PlanActionKind::SendRequest && item->withNote) {
        QAction* copy = add(tr("&Copy note and open profile"), "copyNote",
                            [this, card] { showStatus(copyNoteAndOpenProfile(card)); });
        if (item->templateId == 0) {
            copy->setEnabled(false);
            copy->setToolTip(tr("No connection-note template fits this contact yet: see Templates."));
        }
    }
    QString doneText = tr("Mark &done");
    if (item->kind == PlanActionKind::SendRequest)
        doneText = tr("Mark &sent");
    else if (item->kind == PlanActionKind::Reply)
        doneText = tr("Mark &replied");
    else if (item->kind == PlanActionKind::Follow)
        doneText = tr("Mark &followed");
    add(doneText, "markDone", [this, card] { showStatus(markDone(card)); });
    if (item->kind == PlanActionKind::FollowUp)
        add(tr("Mark content s&hared…"), "markContentShared", [this, card] { askContentShared(card); });
    menu->addSeparator();
    const QDate snoozeTo = std::max(item->date, today()).addDays(1);
    add(snoozeTo == today().addDays(1) ? tr("Snooze to &tomorrow")
                                       : tr("Snooze to &%1").arg(locale().dayName(snoozeTo.dayOfWeek())),
        "snooze", [this, card] { showStatus(snooze(card)); });
    add(tr("S&kip this week"), "skip", [this, card] { showStatus(skip(card)); });
    menu->addSeparator();
    menu->addAction(tr("&Open contact"), this, [this, contactId] { Q_EMIT contactActivated(contactId); });
    return menu;
}

Status WeekView::markDone(const QModelIndex& index)
{
    const PlanAction* found = m_model->action(index);
    if (!found)
        return Error { tr("There is no action on this card.") };
    return markDone(PlanAction(*found)); // a copy: the model is reset when the command runs
}

Status WeekView::markDone(const PlanAction& item)
{
    if (item.state == PlanActionState::Done)
        return Error { tr("%1 is done already.").arg(item.contactName) };
    Interaction entry;
    entry.contactId = item.contactId;
    entry.occurredAt = now().toUTC();
    switch (item.kind) {
    case PlanActionKind::SendRequest:
        entry.kind = InteractionKind::RequestSent;
        break;
    case PlanActionKind::FollowUp:
        entry.kind = InteractionKind::ContentShared;
        break;
    case PlanActionKind::Engage:
        entry.kind = InteractionKind::Engaged;
        break;
    case PlanActionKind::CheckIn:
    case PlanActionKind::Reply:
        entry.kind = InteractionKind::MessageSent;
        break;
    case PlanActionKind::Follow:
        entry.kind = InteractionKind::Followed;
        break;
    }

    // What was sent: the suggested template, rendered for the contact.
    if (item.templateId != 0 && item.kind != PlanActionKind::Engage) {
        auto contact = ContactRepository(m_database).find(item.contactId);
        if (!contact)
            return Error { contact.error() };
        auto note = NoteComposer(m_database).compose(item.templateId, *contact);
        if (!note)
            return Error { note.error() };
        if (!note->usable())
            return Error { tr("Not logged: %1. Fix the template “%2”, or log the request from the contact with "
                              "the text you sent.")
                               .arg(note->refusal, note->source.name) };
        entry.text = note->note.text;
        entry.templateName = note->source.name;
    }

    const QString text = tr("%1: %2").arg(displayName(entry.kind), item.contactName);
    QPointer<WeekView> self(this);
    return ExecutedCommand::push(m_undoStack, std::make_unique<LogPlanActionCommand>(m_database, entry, text, [self] {
                                     if (self)
                                         self->reload();
                                 }));
}

Status WeekView::copyNoteAndOpenProfile(const QModelIndex& index)
{
    const PlanAction* item = m_model->action(index);
    if (!item || item->kind != PlanActionKind::SendRequest)
        return Error { tr("Only a request card has a note to copy.") };
    if (item->templateId == 0)
        return Error { tr("No connection-note template fits %1: add one in Templates, or fill in the details "
                          "your templates use.")
                           .arg(item->contactName) };
    auto contact = ContactRepository(m_database).find(item->contactId);
    if (!contact)
        return Error { contact.error() };
    auto note = NoteComposer(m_database).compose(item->templateId, *contact);
    if (!note)
        return Error { note.error() };
    if (!note->usable())
        return Error { tr("Not copied: %1.").arg(note->refusal) };
    QGuiApplication::clipboard()->setText(note->note.text);
    if (contact->profileUrl.trimmed().isEmpty())
        return Error { tr("Copied the note, but %1 has no profile URL to open.").arg(contact->fullName()) };
    const QUrl profile = QUrl::fromUserInput(contact->profileUrl.trimmed());
    if (!QDesktopServices::openUrl(profile))
        return Error { tr("Copied the note, but the browser could not open %1.").arg(profile.toDisplayString()) };
    return success();
}

void WeekView::askContentShared(const QModelIndex& index)
{
    const PlanAction* item = m_model->action(index);
    if (!item)
        return;
    const QPersistentModelIndex card(index);
    ContentSharedDialog dialog(item->contactName, this);
    if (dialog.exec() == QDialog::Accepted)
        showStatus(markContentShared(card, dialog.url().toString(), dialog.title()));
}

Status WeekView::markContentShared(const QModelIndex& index, const QString& url, const QString& title)
{
    const PlanAction* item = m_model->action(index);
    if (!item)
        return Error { tr("There is no action on this card.") };
    if (const QString problem = ContentSharedDialog::urlProblem(url); !problem.isEmpty())
        return Error { problem };
    Interaction entry;
    entry.contactId = item->contactId;
    entry.kind = InteractionKind::ContentShared;
    entry.occurredAt = now().toUTC();
    entry.url = url.trimmed();
    entry.text = title.simplified();
    const QString text = tr("%1: %2").arg(displayName(entry.kind), item->contactName);
    QPointer<WeekView> self(this);
    return ExecutedCommand::push(m_undoStack, std::make_unique<LogPlanActionCommand>(m_database, entry, text, [self] {
                                     if (self)
                                         self->reload();
                                 }));
}

Status WeekView::snooze(const QModelIndex& index)
{
    const PlanAction* item = m_model->action(index);
    if (!item)
        return Error { tr("There is no action on this card.") };
    const QDate to = std::max(item->date, today()).addDays(1);
    return adjust(*item, to, false,
                  tr("Snooze %1 to %2").arg(item->contactName, locale().toString(to, QLocale::ShortFormat)));
}

Status WeekView::skip(const QModelIndex& index)
{
    const PlanAction* item = m_model->action(index);
    if (!item)
        return Error { tr("There is no action on this card.") };
    return adjust(*item, QDate(), true, tr("Skip %1 this week").arg(item->contactName));
}

Status WeekView::moveTo(const QModelIndex& index, const QDate& day)
{
    const PlanAction* item = m_model->action(index);
    if (!item)
        return Error { tr("There is no action on this card.") };
    if (day < today())
        return Error { tr("A card can only move to today or a day to come.") };
    if (m_model->columnOf(day) < 0)
        return Error { tr("A card can only move to a day of its week.") };
    return adjust(*item, day, false,
                  tr("Move %1 to %2").arg(item->contactName, locale().toString(day, QLocale::ShortFormat)));
}

Status WeekView::adjust(const PlanAction& item, const QDate& movedTo, bool skipped, const QString& text)
{
    if (item.state == PlanActionState::Done)
        return Error { tr("%1 is done already.").arg(item.contactName) };
    const QDate week = m_model->weekStart();
    auto before = PlanAdjustmentRepository(m_database).find(item.contactId, item.kind, week);
    if (!before)
        return Error { before.error() };
    const PlanAdjustment after { item.contactId, item.kind, week, movedTo, skipped };
    QPointer<WeekView> self(this);
    return ExecutedCommand::push(m_undoStack,
                                 std::make_unique<AdjustPlanCommand>(m_database, after, *before, text, [self] {
                                     if (self)
                                         self->reload();
                                 }));
}

} // namespace rapport
