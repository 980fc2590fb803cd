#include "ui/views/TemplatesView.h"

#include "core/cadence/AccountType.h"
#include "core/cadence/CadenceSettings.h"
#include "core/cadence/Limits.h"
#include "core/domain/HowWeKnow.h"
#include "core/stats/AcceptanceStats.h"
#include "core/stats/StatsSnapshot.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/SettingsRepository.h"
#include "core/storage/TemplateRepository.h"
#include "core/templates/NoteLinter.h"
#include "core/templates/TemplateRenderer.h"
#include "ui/commands/TemplateCommands.h"
#include "ui/models/TemplateListModel.h"
#include "ui/views/PlaceholderHighlighter.h"
#include "ui/views/StatusColors.h"
#include "ui/workers/PlanWorker.h"

#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace rapport {

namespace {

constexpr auto kMyNameSetting = "profile/my_name";

QString bulletList(const QStringList& items, const QColor& color)
{
    QString html;
    for (const QString& item : items)
        html += QStringLiteral("<li style=\"color:%1\">%2</li>").arg(color.name(), item.toHtmlEscaped());
    return html;
}

} // namespace

TemplatesView::TemplatesView(Database& database, QUndoStack* undoStack, PlanWorker* planner, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_planner(planner)
    , m_undoStack(undoStack)
    , m_model(new TemplateListModel(this))
    , m_saveTimer(new QTimer(this))
{
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(400);
    connect(m_saveTimer, &QTimer::timeout, this, &TemplatesView::flush);
    buildUi();

    // Undo and redo change the model behind the editor's back: follow them.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& topLeft) {
        if (!m_loading && m_model->at(topLeft.row()).id == m_currentId)
            showTemplate(topLeft.row());
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_model->rowOf(m_currentId) < 0)
            showTemplate(std::min(m_list->currentIndex().row(), m_model->rowCount() - 1));
    });
}

TemplatesView::~TemplatesView()
{
    flush();
    // The children outlive this destructor (a line edit losing focus, a model being torn down): their
    // signals must not reach a half-destroyed view.
    for (QObject* child : findChildren<QObject*>())
        child->disconnect(this);
}

void TemplatesView::buildUi()
{
    m_list = new QListView(this);
    m_list->setModel(m_model);
    m_list->setAccessibleName(tr("Templates"));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                flush();
                showTemplate(current.row());
            });
    auto* deleteShortcut = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteShortcut, &QShortcut::activated, this, &TemplatesView::deleteTemplate);

    auto* add = new QToolButton(this);
    add->setText(tr("New"));
    add->setToolTip(tr("New template"));
    add->setPopupMode(QToolButton::InstantPopup);
    add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* addMenu = new QMenu(add);
    for (TemplateKind kind : { TemplateKind::ConnectionNote, TemplateKind::FollowUp, TemplateKind::CheckIn })
        addMenu->addAction(displayName(kind), this, [this, kind] { addTemplate(kind); });
    add->setMenu(addMenu);
    auto* duplicate = new QPushButton(tr("Duplicate"), this);
    connect(duplicate, &QPushButton::clicked, this, &TemplatesView::duplicateTemplate);
    auto* remove = new QPushButton(tr("Delete"), this);
    remove->setToolTip(tr("Delete the template (Del); Edit ▸ Undo brings it back"));
    connect(remove, &QPushButton::clicked, this, &TemplatesView::deleteTemplate);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(duplicate);
    buttons->addWidget(remove);
    buttons->addStretch();
    leftLayout->addLayout(buttons);

    m_editor = new QWidget(this);
    m_name = new QLineEdit(m_editor);
    m_name->setAccessibleName(tr("Template name"));
    connect(m_name, &QLineEdit::editingFinished, this, &TemplatesView::commitName);
    m_kind = new QComboBox(m_editor);
    m_kind->setAccessibleName(tr("Template kind"));
    for (TemplateKind kind : { TemplateKind::ConnectionNote, TemplateKind::FollowUp, TemplateKind::CheckIn })
        m_kind->addItem(displayName(kind), int(kind));
    connect(m_kind, &QComboBox::activated, this, &TemplatesView::commitKind);
    m_forWhom = new QComboBox(m_editor);
    m_forWhom->setObjectName(QStringLiteral("templateForWhom"));
    m_forWhom->setAccessibleName(tr("Whom the note is for"));
    m_forWhom->setToolTip(tr("The plan suggests a note written for how you know the person first, then the "
                             "best-performing note for anyone."));
    m_forWhom->addItem(tr("Anyone"), QString());
    for (HowWeKnow value : kAllHowWeKnow)
        m_forWhom->addItem(displayName(value), toKey(value));
    connect(m_forWhom, &QComboBox::activated, this, &TemplatesView::commitForWhom);

    m_body = new QPlainTextEdit(m_editor);
    m_body->setAccessibleName(tr("Template text"));
    m_body->setTabChangesFocus(true);
    m_body->setMinimumHeight(90);
    new PlaceholderHighlighter(m_body->document());
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        scheduleSave();
        refreshCounters();
    });

    m_insert = new QToolButton(m_editor);
    m_insert->setText(tr("Insert placeholder"));
    m_insert->setPopupMode(QToolButton::InstantPopup);
    auto* insertMenu = new QMenu(m_insert);
    for (const QString& name : TemplateRenderer::placeholders()) {
        const QString token = u'{' + name + u'}';
        QAction* action = insertMenu->addAction(
            QStringLiteral("%1  —  %2").arg(token, TemplateRenderer::placeholderDescription(name)));
        connect(action, &QAction::triggered, this, [this, token] {
            m_body->insertPlainText(token);
            m_body->setFocus();
        });
    }
    m_insert->setMenu(insertMenu);
    m_counter = new QLabel(m_editor);
    m_counter->setAccessibleName(tr("Template length"));

    m_contact = new QComboBox(m_editor);
    m_contact->setAccessibleName(tr("Preview for contact"));
    m_contact->setEditable(true);
    m_contact->setInsertPolicy(QComboBox::NoInsert);
    m_contact->setMinimumContentsLength(24);
    connect(m_contact, &QComboBox::currentIndexChanged, this, &TemplatesView::refreshCounters);
    m_preview = new QPlainTextEdit(m_editor);
    m_preview->setReadOnly(true);
    m_preview->setAccessibleName(tr("Preview"));
    m_preview->setMinimumHeight(70);
    m_previewCounter = new QLabel(m_editor);
    m_previewCounter->setAccessibleName(tr("Preview length"));
    m_copy = new QPushButton(tr("Copy"), m_editor);
    m_copy->setToolTip(tr("Copy the note for this contact to the clipboard"));
    connect(m_copy, &QPushButton::clicked, this, &TemplatesView::copyNote);
    m_copyStatus = new QLabel(m_editor);
    m_copyStatus->setWordWrap(true);
    m_lint = new QLabel(m_editor);
    m_lint->setWordWrap(true);
    m_lint->setTextFormat(Qt::RichText);
    m_lint->setAccessibleName(tr("Warnings"));
    m_stats = new QLabel(m_editor);
    m_stats->setObjectName(QStringLiteral("templateStats"));
    m_stats->setWordWrap(true); // a template with answers says a long sentence: it must not widen the window
    m_myNameEdit = new QLineEdit(m_editor);
    m_myNameEdit->setPlaceholderText(tr("Your name, for {my_name}"));
    m_myNameEdit->setAccessibleName(tr("Your name"));
    connect(m_myNameEdit, &QLineEdit::editingFinished, this, &TemplatesView::setMyName);

    auto* header = new QFormLayout;
    header->addRow(tr("&Name:"), m_name);
    header->addRow(tr("&Kind:"), m_kind);
    header->addRow(tr("&For:"), m_forWhom);
    header->addRow(tr("Your name:"), m_myNameEdit);

    auto* bodyFooter = new QHBoxLayout;
    bodyFooter->addWidget(m_insert);
    bodyFooter->addStretch();
    bodyFooter->addWidget(m_counter);

    auto* previewBox = new QGroupBox(tr("Preview"), m_editor);
    auto* previewLayout = new QVBoxLayout(previewBox);
    auto* previewFor = new QHBoxLayout;
    auto* forLabel = new QLabel(tr("&For:"), previewBox);
    forLabel->setBuddy(m_contact);
    previewFor->addWidget(forLabel);
    previewFor->addWidget(m_contact, 1);
    previewLayout->addLayout(previewFor);
    previewLayout->addWidget(m_preview);
    auto* previewFooter = new QHBoxLayout;
    previewFooter->addWidget(m_copyStatus, 1);
    previewFooter->addWidget(m_previewCounter);
    previewFooter->addWidget(m_copy);
    previewLayout->addLayout(previewFooter);
    previewLayout->addWidget(m_lint);

    auto* editorLayout = new QVBoxLayout(m_editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addLayout(header);
    editorLayout->addWidget(m_body, 2);
    editorLayout->addLayout(bodyFooter);
    editorLayout->addWidget(previewBox, 2);
    editorLayout->addWidget(m_stats);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 240, 700 });
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
}

void TemplatesView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void TemplatesView::reload()
{
    flush();
    // Reading the plan and the statistics costs time on a large network: only for a place on screen.
    m_stale = !isVisible();
    if (m_stale)
        return;
    const qint64 keep = m_currentId;
    if (auto templates = TemplateRepository(m_database).all())
        m_model->setTemplates(std::move(*templates));

    if (auto account = CadenceSettings(m_database).accountType())
        m_noteLimit = noteCharacterLimit(*account);
    m_myName = SettingsRepository(m_database).value(QString::fromLatin1(kMyNameSetting)).value_or(QString());

    m_templateStats.clear();
    if (auto snapshot = StatsSnapshot::load(m_database)) {
        const int timeout = CadenceSettings(m_database).limits().value_or(Limits()).noResponseDays;
        const AcceptanceReport report
            = AcceptanceStats::compute(*snapshot, DateRange {}, QDate::currentDate(), timeout);
        for (const RateGroup& group : report.templates)
            m_templateStats.insert(group.key, group.counts);
    }
    m_myNameEdit->setText(m_myName);

    const qint64 previewId = m_contact->currentData().toLongLong();
    m_contacts = ContactRepository(m_database).all().value_or(QList<Contact>());
    std::sort(m_contacts.begin(), m_contacts.end(), [](const Contact& a, const Contact& b) {
        return QString::localeAwareCompare(a.fullName(), b.fullName()) < 0;
    });
    {
        const QSignalBlocker blocker(m_contact);
        m_contact->clear();
        for (const Contact& contact : m_contacts)
            m_contact->addItem(contact.fullName(), contact.id);
    }
    setPreviewContact(previewId);
    // By default, the next person the plan suggests writing to, once the plan has come.
    if (previewId == 0 && m_planner) {
        const QDate today = QDate::currentDate();
        m_planner->plan({ today, today, QLocale() }, this, [this](const Result<WeekPlan>& plan) {
            if (!plan || m_contact->currentData().toLongLong() != m_contacts.value(0).id)
                return; // no plan, or the user chose a contact meanwhile
            for (const PlanAction& action : plan->actions) {
                if (action.kind == PlanActionKind::SendRequest && action.state != PlanActionState::Done) {
                    setPreviewContact(action.contactId);
                    return;
                }
            }
        });
    }

    const int row = m_model->rowOf(keep);
    m_list->setCurrentIndex(m_model->index(row >= 0 ? row : 0));
    showTemplate(m_list->currentIndex().row());
}

void TemplatesView::selectTemplate(qint64 id)
{
    m_list->setCurrentIndex(m_model->index(m_model->rowOf(id)));
}

qint64 TemplatesView::currentTemplateId() const
{
    return m_currentId;
}

void TemplatesView::setPreviewContact(qint64 contactId)
{
    const int index = m_contact->findData(contactId);
    m_contact->setCurrentIndex(index >= 0 ? index : (m_contact->count() > 0 ? 0 : -1));
    refreshCounters();
}

const Contact* TemplatesView::previewContact() const
{
    const qint64 id = m_contact->currentData().toLongLong();
    for (const Contact& contact : m_contacts) {
        if (contact.id == id)
            return &contact;
    }
    return nullptr;
}

void TemplatesView::showTemplate(int row)
{
    m_loading = true;
    const bool valid = row >= 0 && row < m_model->rowCount();
    m_editor->setEnabled(valid);
    if (valid) {
        const Template& item = m_model->at(row);
        m_currentId = item.id;
        m_name->setText(item.name);
        m_kind->setCurrentIndex(m_kind->findData(int(item.kind)));
        m_forWhom->setCurrentIndex(
            item.forHowWeKnow.isEmpty() ? 0 : std::max(0, m_forWhom->findData(item.forHowWeKnow.first())));
        m_forWhom->setEnabled(item.kind == TemplateKind::ConnectionNote);
        if (m_body->toPlainText() != item.body)
            m_body->setPlainText(item.body);
        m_stats->setText(item.kind == TemplateKind::ConnectionNote ? statsText(m_templateStats.value(item.name))
                                                                   : QString());
    } else {
        m_currentId = 0;
        m_name->clear();
        m_body->clear();
        m_stats->clear();
    }
    m_loading = false;
    m_copyStatus->clear();
    refreshCounters();
}

QString TemplatesView::statsText(const RateCount& counts)
{
    if (counts.sent() == 0)
        return tr("Not used for a request yet.");
    const QLocale locale;
    QString text = counts.sent() == 1 ? tr("Sent with this template: 1 request")
                                      : tr("Sent with this template: %1 requests").arg(locale.toString(counts.sent()));
    if (counts.tooFewToTell()) {
        text += tr(" · %1 accepted of %2 answered: too few to tell yet").arg(counts.accepted).arg(counts.decided());
    } else if (const auto rate = counts.rate(); rate) {
        const auto interval = counts.interval();
        text += tr(" · accepted %1 of %2 answered: %3% (95% interval %4–%5%)")
                    .arg(counts.accepted)
                    .arg(counts.decided())
                    .arg(qRound(*rate * 100))
                    .arg(interval ? qRound(interval->low * 100) : 0)
                    .arg(interval ? qRound(interval->high * 100) : 100);
    }
    if (counts.open > 0)
        text += tr(" · %1 awaiting an answer").arg(counts.open);
    return text;
}

int TemplatesView::limitFor(TemplateKind kind) const
{
    return kind == TemplateKind::ConnectionNote ? m_noteLimit : 0;
}

TemplatesView::CounterState TemplatesView::counterState(qsizetype used, int limit)
{
    if (limit <= 0)
        return CounterState::Normal;
    if (used > limit)
        return CounterState::Error;
    // Warn from 90% of the limit on.
    return used * 10 >= qsizetype(limit) * 9 ? CounterState::Warning : CounterState::Normal;
}

void TemplatesView::updateCounter(QLabel* label, qsizetype used, int limit)
{
    const QLocale locale;
    QString text;
    if (limit <= 0)
        text = used == 1 ? tr("1 character") : tr("%1 characters").arg(locale.toString(used));
    else if (used > limit)
        text
            = tr("%1 / %2 — %3 over").arg(locale.toString(used), locale.toString(limit), locale.toString(used - limit));
    else
        text = tr("%1 / %2").arg(locale.toString(used), locale.toString(limit));
    label->setText(text);

    const CounterState state = counterState(used, limit);
    QPalette palette = label->palette();
    const QPalette base = this->palette();
    palette.setColor(QPalette::WindowText,
                     state == CounterState::Error         ? StatusColors::error(base)
                         : state == CounterState::Warning ? StatusColors::warning(base)
                                                          : base.color(QPalette::WindowText));
    label->setPalette(palette);
    label->setProperty("state",
                       state == CounterState::Error         ? QStringLiteral("error")
                           : state == CounterState::Warning ? QStringLiteral("warning")
                                                            : QStringLiteral("normal"));
    QFont font = label->font();
    font.setBold(state != CounterState::Normal);
    label->setFont(font);
}

void TemplatesView::refreshCounters()
{
    const QString body = m_body->toPlainText();
    const TemplateKind kind = TemplateKind(m_kind->currentData().toInt());
    const int limit = limitFor(kind);
    updateCounter(m_counter, body.size(), limit);

    const Contact* contact = previewContact();
    if (!contact || m_currentId == 0) {
        m_preview->setPlainText(QString());
        m_previewCounter->clear();
        m_lint->setText(m_contacts.isEmpty() ? tr("Add a contact to see a preview.") : QString());
        m_copy->setEnabled(false);
        return;
    }
    const RenderedNote note = TemplateRenderer(m_myName).render(body, *contact);
    m_preview->setPlainText(note.text);
    updateCounter(m_previewCounter, note.length(), limit);
    m_copy->setEnabled(!body.trimmed().isEmpty());

    QStringList problems;
    for (const PlaceholderProblem& problem : note.problems)
        problems.append(problem.message);
    QStringList warnings;
    for (const LintWarning& warning : NoteLinter::lint(body, kind, *contact))
        warnings.append(warning.message);
    const QPalette palette = this->palette();
    m_lint->setText(problems.isEmpty() && warnings.isEmpty()
                        ? tr("No warnings.")
                        : QStringLiteral("<ul style=\"margin-left:0; -qt-list-indent:1\">%1%2</ul>")
                              .arg(bulletList(problems, StatusColors::error(palette)),
                                   bulletList(warnings, StatusColors::warning(palette))));
}

void TemplatesView::scheduleSave()
{
    m_saveTimer->start();
}

void TemplatesView::flush()
{
    m_saveTimer->stop();
    if (m_currentId == 0)
        return;
    const int row = m_model->rowOf(m_currentId);
    if (row < 0 || m_model->at(row).body == m_body->toPlainText())
        return;
    Template changed = m_model->at(row);
    changed.body = m_body->toPlainText();
    if (Status saved = TemplateRepository(m_database).update(changed); !saved) {
        m_copyStatus->setText(tr("Not saved: %1").arg(saved.error()));
        return;
    }
    m_loading = true;
    m_model->upsert(changed);
    m_loading = false;
}

bool TemplatesView::pushCommand(TemplateCommand* command)
{
    const Status pushed = ExecutedCommand::push(m_undoStack, std::unique_ptr<TemplateCommand>(command));
    if (!pushed)
        m_copyStatus->setText(pushed.error());
    return pushed.ok();
}

void TemplatesView::commitName()
{
    const int row = m_model->rowOf(m_currentId);
    if (row < 0 || m_loading)
        return;
    const QString before = m_model->at(row).name;
    const QString after = m_name->text().trimmed();
    if (after == before)
        return;
    if (after.isEmpty()) {
        m_name->setText(before);
        return;
    }
    if (!pushCommand(new SetTemplateFieldCommand(m_database, m_model, m_currentId, SetTemplateFieldCommand::Field::Name,
                                                 before, after)))
        m_name->setText(before); // refused, e.g. a name already taken: the status line says why
}

void TemplatesView::commitKind()
{
    const int row = m_model->rowOf(m_currentId);
    if (row < 0)
        return;
    const int before = int(m_model->at(row).kind);
    const int after = m_kind->currentData().toInt();
    if (before != after) {
        pushCommand(new SetTemplateFieldCommand(m_database, m_model, m_currentId, SetTemplateFieldCommand::Field::Kind,
                                                before, after));
    }
}

void TemplatesView::commitForWhom()
{
    const int row = m_model->rowOf(m_currentId);
    if (row < 0)
        return;
    const QStringList before = m_model->at(row).forHowWeKnow;
    const QString key = m_forWhom->currentData().toString();
    const QStringList after = key.isEmpty() ? QStringList() : QStringList { key };
    if (before != after) {
        pushCommand(new SetTemplateFieldCommand(m_database, m_model, m_currentId,
                                                SetTemplateFieldCommand::Field::ForHowWeKnow, before, after));
    }
}

void TemplatesView::setMyName()
{
    const QString name = m_myNameEdit->text().trimmed();
    if (name == m_myName)
        return;
    if (Status saved = SettingsRepository(m_database).setValue(QString::fromLatin1(kMyNameSetting), name); !saved) {
        m_copyStatus->setText(saved.error());
        return;
    }
    m_myName = name;
    refreshCounters();
}

void TemplatesView::addTemplate(TemplateKind kind)
{
    flush();
    const QString base = kind == TemplateKind::ConnectionNote ? tr("New connection note")
        : kind == TemplateKind::FollowUp                      ? tr("New follow-up")
                                                              : tr("New check-in");
    Template item;
    item.kind = kind;
    item.name = TemplateRepository(m_database).uniqueName(base).value_or(base);
    auto* command = new AddTemplateCommand(m_database, m_model, item, tr("New template"));
    const qint64 id = pushCommand(command) ? command->templateId() : 0;
    selectTemplate(id);
    m_name->setFocus();
    m_name->selectAll();
}

void TemplatesView::duplicateTemplate()
{
    flush();
    const int row = m_model->rowOf(m_currentId);
    if (row < 0)
        return;
    Template copy = m_model->at(row);
    copy.id = 0;
    copy.createdAt = copy.updatedAt = {};
    copy.name = TemplateRepository(m_database).uniqueName(copy.name).value_or(copy.name);
    auto* command = new AddTemplateCommand(m_database, m_model, copy, tr("Duplicate “%1”").arg(m_model->at(row).name));
    if (pushCommand(command))
        selectTemplate(command->templateId());
}

void TemplatesView::deleteTemplate()
{
    flush();
    const int row = m_model->rowOf(m_currentId);
    if (row < 0)
        return;
    pushCommand(new RemoveTemplateCommand(m_database, m_model, m_model->at(row)));
}

void TemplatesView::copyNote()
{
    const Contact* contact = previewContact();
    if (!contact || m_currentId == 0)
        return;
    const QString body = m_body->toPlainText();
    const TemplateKind kind = TemplateKind(m_kind->currentData().toInt());
    const RenderedNote note = TemplateRenderer(m_myName).render(body, *contact);
    if (const QString refusal = note.refusal(limitFor(kind)); !refusal.isEmpty()) {
        m_copyStatus->setText(tr("Not copied: %1.").arg(refusal));
        return;
    }
    QGuiApplication::clipboard()->setText(note.text);
    m_copyStatus->setText(tr("Copied the note for %1.").arg(contact->fullName()));
}

} // namespace rapport
