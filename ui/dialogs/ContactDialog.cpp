#include "ui/dialogs/ContactDialog.h"

#include "core/cadence/ConnectAdvisor.h"
#include "core/domain/ContactMerge.h"
#include "core/domain/HowWeKnow.h"
#include "core/domain/KeepInTouch.h"
#include "core/domain/ProfileUrl.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TagCadenceRepository.h"
#include "core/storage/TemplateRepository.h"
#include "core/templates/NoteComposer.h"
#include "ui/commands/ContactCommands.h"
#include "ui/dialogs/InteractionDialog.h"
#include "ui/dialogs/KeepInTouchPicker.h"
#include "ui/models/ContactTableModel.h"
#include "ui/models/InteractionListModel.h"
#include "ui/views/StatusColors.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include <memory>

namespace rapport {

ContactDialog::ContactDialog(Database& database, QUndoStack* undoStack, ContactTableModel* model, qint64 contactId,
                             QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_undoStack(undoStack)
    , m_model(model)
    , m_id(contactId)
{
    setObjectName(QStringLiteral("contactDialog"));
    auto* tabs = new QTabWidget(this);
    tabs->addTab(createFieldsTab(), tr("C&ontact"));
    tabs->addTab(createPersonalTab(), tr("&Personalization"));
    const int noteTab = tabs->addTab(createNoteTab(), tr("&Note"));
    connect(tabs, &QTabWidget::currentChanged, this, [this, noteTab](int index) {
        if (index == noteTab)
            updateNote(); // the fields may have changed since
    });

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->setAutoFillBackground(false);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc8, 0x45, 0x3c));
    m_error->setPalette(errorPalette);
    m_error->setForegroundRole(QPalette::WindowText);
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ContactDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* left = new QVBoxLayout;
    left->addWidget(tabs, 1);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 5);
    columns->addWidget(createTimeline(), 4);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    if (m_id != 0) {
        if (auto stored = ContactRepository(m_database).find(m_id)) {
            m_stored = *stored;
            load(m_stored);
        } else {
            showError(stored.error());
        }
    }
    setWindowTitle(m_id == 0 ? tr("New contact") : m_stored.fullName());
    reloadTimeline();
    updateAdvice();
    updateActions();
    updateCadenceSource();
    updateNote();
    // The log changes when an entry is logged, edited, or when undo/redo touch this contact.
    connect(m_model, &ContactTableModel::contactChanged, this, [this](qint64 id) {
        if (id == m_id)
            reloadTimeline();
    });
    resize(920, 580);
}

QLineEdit* ContactDialog::lineEdit(const QString& name, const QString& accessibleName)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setAccessibleName(accessibleName);
    connect(edit, &QLineEdit::textChanged, this, &ContactDialog::updateAdvice);
    return edit;
}

QWidget* ContactDialog::createFieldsTab()
{
    auto* page = new QWidget(this);
    m_firstName = lineEdit(QStringLiteral("firstName"), tr("First name"));
    m_lastName = lineEdit(QStringLiteral("lastName"), tr("Last name"));
    m_position = lineEdit(QStringLiteral("position"), tr("Position"));
    m_company = lineEdit(QStringLiteral("company"), tr("Company"));
    m_location = lineEdit(QStringLiteral("location"), tr("Location"));
    m_profileUrl = lineEdit(QStringLiteral("profileUrl"), tr("Profile URL"));
    m_profileUrl->setPlaceholderText(QStringLiteral("https://www.linkedin.com/in/…"));
    m_openProfile = new QPushButton(tr("Open &profile"), this);
    m_openProfile->setObjectName(QStringLiteral("openProfile"));
    m_openProfile->setToolTip(tr("Open the profile in your browser"));
    connect(m_openProfile, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromUserInput(m_profileUrl->text().trimmed())); });
    connect(m_profileUrl, &QLineEdit::textChanged, this, &ContactDialog::updateActions);
    m_email = lineEdit(QStringLiteral("email"), tr("Email"));
    m_phone = lineEdit(QStringLiteral("phone"), tr("Phone"));
    m_tags = lineEdit(QStringLiteral("tags"), tr("Tags"));
    m_tags->setPlaceholderText(tr("comma-separated"));
    m_starred = new QCheckBox(tr("&Starred: one of my top 20%, first in every list of the plan"), this);
    m_starred->setObjectName(QStringLiteral("starred"));
    m_keepInTouch = new KeepInTouchPicker(this);
    m_keepInTouch->setObjectName(QStringLiteral("keepInTouch"));
    m_keepInTouch->setToolTip(tr("How often to check in with this contact. A check-in is planned when this many "
                                 "days have passed since your last interaction."));
    m_cadenceSource = new QLabel(this);
    m_cadenceSource->setObjectName(QStringLiteral("cadenceSource"));
    m_cadenceSource->setForegroundRole(QPalette::PlaceholderText);
    m_cadenceSource->setTextFormat(Qt::PlainText);
    m_tagCadences = TagCadenceRepository(m_database).all().value_or(QMap<QString, int>());
    connect(m_keepInTouch, &KeepInTouchPicker::daysChanged, this, &ContactDialog::updateCadenceSource);
    connect(m_tags, &QLineEdit::textChanged, this, &ContactDialog::updateCadenceSource);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setTabChangesFocus(true);

    auto* profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profileUrl, 1);
    profileRow->addWidget(m_openProfile);
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&First name:"), m_firstName);
    form->addRow(tr("&Last name:"), m_lastName);
    form->addRow(tr("Pos&ition:"), m_position);
    form->addRow(tr("&Company:"), m_company);
    form->addRow(tr("Locatio&n:"), m_location);
    auto* profileLabel = new QLabel(tr("Profile &URL:"), page);
    profileLabel->setBuddy(m_profileUrl);
    form->addRow(profileLabel, profileRow);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("P&hone:"), m_phone);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(QString(), m_starred);
    auto* cadenceRow = new QHBoxLayout;
    cadenceRow->addWidget(m_keepInTouch);
    cadenceRow->addWidget(m_cadenceSource, 1);
    auto* cadenceLabel = new QLabel(tr("&Keep in touch:"), page);
    cadenceLabel->setBuddy(m_keepInTouch->combo());
    form->addRow(cadenceLabel, cadenceRow);
    form->addRow(tr("No&tes:"), m_notes);
    return page;
}

QWidget* ContactDialog::createPersonalTab()
{
    auto* page = new QWidget(this);
    m_howWeKnow = new QComboBox(this);
    m_howWeKnow->setObjectName(QStringLiteral("howWeKnow"));
    m_howWeKnow->setAccessibleName(tr("How we know each other"));
    m_howWeKnow->addItem(tr("(not said)"), QString());
    for (HowWeKnow value : kAllHowWeKnow)
        m_howWeKnow->addItem(displayName(value), toKey(value));
    connect(m_howWeKnow, &QComboBox::currentIndexChanged, this, &ContactDialog::updateAdvice);
    m_event = lineEdit(QStringLiteral("event"), tr("Where we met"));
    m_mutualConnection = lineEdit(QStringLiteral("mutualConnection"), tr("Mutual connection"));
    m_school = lineEdit(QStringLiteral("school"), tr("Shared school"));
    m_topic = lineEdit(QStringLiteral("topic"), tr("Shared topic"));
    m_highProfile = new QCheckBox(tr("An influencer or very high-profile person"), this);
    m_littleInCommon = new QCheckBox(tr("We have little in common"), this);
    m_stayAnonymous = new QCheckBox(tr("I want to follow without asking to connect"), this);
    for (QCheckBox* box : { m_highProfile, m_littleInCommon, m_stayAnonymous })
        connect(box, &QCheckBox::toggled, this, &ContactDialog::updateAdvice);

    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&How we know each other:"), m_howWeKnow);
    form->addRow(tr("&Where we met (event):"), m_event);
    form->addRow(tr("&Mutual connection:"), m_mutualConnection);
    form->addRow(tr("Shared &school:"), m_school);
    form->addRow(tr("Shared &topic or interest:"), m_topic);
    form->addRow(QString(), m_highProfile);
    form->addRow(QString(), m_littleInCommon);
    form->addRow(QString(), m_stayAnonymous);
    return page;
}

QWidget* ContactDialog::createTimeline()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* adviceBox = new QGroupBox(tr("Connect or follow?"), box);
    auto* adviceLayout = new QVBoxLayout(adviceBox);
    m_advice = new QLabel(adviceBox);
    m_advice->setObjectName(QStringLiteral("advice"));
    m_advice->setWordWrap(true);
    m_advice->setTextFormat(Qt::PlainText);
    adviceLayout->addWidget(m_advice);
    layout->addWidget(adviceBox);

    auto* heading = new QLabel(tr("Timeline"), box);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);

    m_log = new InteractionListModel(this);
    m_timeline = new QListView(box);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setAccessibleName(tr("Timeline"));
    m_timeline->setModel(m_log);
    m_timeline->setIconSize(QSize(22, 22));
    m_timeline->setSpacing(2);
    m_timeline->setWordWrap(true);
    m_timeline->setTextElideMode(Qt::ElideRight);
    m_timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_timeline, &QListView::activated, this,
            [this](const QModelIndex& index) { editInteraction(index.row()); });
    connect(m_timeline->selectionModel(), &QItemSelectionModel::currentChanged, this, &ContactDialog::updateActions);
    layout->addWidget(m_timeline, 1);

    m_editEntry = new QPushButton(tr("E&dit…"), box);
    m_deleteEntry = new QPushButton(tr("Dele&te"), box);
    m_deleteEntry->setObjectName(QStringLiteral("deleteEntry"));
    connect(m_editEntry, &QPushButton::clicked, this, [this] { editInteraction(m_timeline->currentIndex().row()); });
    connect(m_deleteEntry, &QPushButton::clicked, this,
            [this] { deleteInteraction(m_timeline->currentIndex().row()); });
    auto* entryButtons = new QHBoxLayout;
    entryButtons->addStretch();
    entryButtons->addWidget(m_editEntry);
    entryButtons->addWidget(m_deleteEntry);
    layout->addLayout(entryButtons);

    auto* logBox = new QGroupBox(tr("Log an interaction"), box);
    m_logKind = new QComboBox(logBox);
    m_logKind->setObjectName(QStringLiteral("logKind"));
    m_logKind->setAccessibleName(tr("Kind of interaction"));
    for (InteractionKind kind : kAllInteractionKinds)
        m_logKind->addItem(InteractionListModel::iconFor(kind), displayName(kind), int(kind));
    m_logKind->setCurrentIndex(m_logKind->findData(int(InteractionKind::Note)));
    m_logWhen = new QDateTimeEdit(QDateTime::currentDateTime(), logBox);
    m_logWhen->setObjectName(QStringLiteral("logWhen"));
    m_logWhen->setAccessibleName(tr("When"));
    m_logWhen->setCalendarPopup(true);
    m_logWhen->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_logText = new QLineEdit(logBox);
    m_logText->setObjectName(QStringLiteral("logText"));
    m_logText->setPlaceholderText(tr("Note, message or request text (optional)"));
    m_logText->setAccessibleName(tr("Text of the interaction"));
    m_logUrl = new QLineEdit(logBox);
    m_logUrl->setObjectName(QStringLiteral("logUrl"));
    m_logUrl->setPlaceholderText(tr("Link shared (optional)"));
    m_logUrl->setAccessibleName(tr("Link of the interaction"));
    m_logButton = new QPushButton(tr("&Log"), logBox);
    m_logButton->setObjectName(QStringLiteral("logButton"));
    m_logButton->setAutoDefault(false);
    connect(m_logButton, &QPushButton::clicked, this, &ContactDialog::logInteraction);
    connect(m_logText, &QLineEdit::returnPressed, this, &ContactDialog::logInteraction);
    m_saveFirst = new QLabel(tr("Save the contact to log interactions."), logBox);
    auto* logGrid = new QGridLayout(logBox);
    logGrid->addWidget(m_logKind, 0, 0);
    logGrid->addWidget(m_logWhen, 0, 1);
    logGrid->addWidget(m_logButton, 0, 2);
    logGrid->addWidget(m_logText, 1, 0, 1, 3);
    logGrid->addWidget(m_logUrl, 2, 0, 1, 3);
    logGrid->addWidget(m_saveFirst, 3, 0, 1, 3);
    logGrid->setColumnStretch(0, 1);
    layout->addWidget(logBox);
    return box;
}

QWidget* ContactDialog::createNoteTab()
{
    auto* page = new QWidget(this);
    m_noteTemplate = new QComboBox(page);
    m_noteTemplate->setObjectName(QStringLiteral("noteTemplate"));
    m_notePreview = new QPlainTextEdit(page);
    m_notePreview->setObjectName(QStringLiteral("notePreview"));
    m_notePreview->setReadOnly(true);
    m_notePreview->setAccessibleName(tr("The note for this contact"));
    m_noteCounter = new QLabel(page);
    m_noteCounter->setObjectName(QStringLiteral("noteCounter"));
    m_noteStatus = new QLabel(page);
    m_noteStatus->setObjectName(QStringLiteral("noteStatus"));
    m_noteStatus->setWordWrap(true);
    m_copyNote = new QPushButton(tr("&Copy note"), page);
    m_copyNote->setToolTip(tr("Copy the note to paste in LinkedIn's invitation"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Template:"), m_noteTemplate);
    auto* footer = new QHBoxLayout;
    footer->addWidget(m_noteCounter);
    footer->addWidget(m_noteStatus, 1);
    footer->addWidget(m_copyNote);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_notePreview, 1);
    layout->addLayout(footer);

    connect(m_noteTemplate, &QComboBox::currentIndexChanged, this, [this] {
        m_noteTemplateChosen = true;
        m_noteStatus->clear();
        updateNote();
    });
    connect(m_copyNote, &QPushButton::clicked, this, &ContactDialog::copyNote);
    loadNoteTemplates();
    return page;
}

void ContactDialog::loadNoteTemplates()
{
    m_noteTemplates.clear();
    for (const Template& candidate : TemplateRepository(m_database).all().value_or(QList<Template>())) {
        if (candidate.kind == TemplateKind::ConnectionNote)
            m_noteTemplates.append(candidate);
    }
    const QSignalBlocker blocker(m_noteTemplate);
    m_noteTemplate->clear();
    for (const Template& candidate : std::as_const(m_noteTemplates))
        m_noteTemplate->addItem(candidate.name, candidate.id);
    m_noteTemplate->setEnabled(!m_noteTemplates.isEmpty());
}

void ContactDialog::updateNote()
{
    if (m_noteTemplates.isEmpty()) {
        m_notePreview->setPlainText(QString());
        m_noteCounter->clear();
        m_noteStatus->setText(tr("No connection-note template yet: write one in Templates."));
        m_copyNote->setEnabled(false);
        return;
    }
    const Contact current = contact();
    const NoteComposer composer(m_database);
    // Until the user picks one: the first template this contact fills in and that fits.
    if (!m_noteTemplateChosen) {
        int fits = 0;
        for (int i = 0; i < m_noteTemplates.size(); ++i) {
            if (composer.compose(m_noteTemplates.at(i), current).usable()) {
                fits = i;
                break;
            }
        }
        const QSignalBlocker blocker(m_noteTemplate);
        m_noteTemplate->setCurrentIndex(fits);
    }
    const int index = std::max(0, m_noteTemplate->currentIndex());
    const ContactNote note = composer.compose(m_noteTemplates.at(index), current);
    m_notePreview->setPlainText(note.note.text);
    const QLocale locale;
    const qsizetype used = note.note.length();
    m_noteCounter->setText(used > note.limit ? tr("%1 / %2 — %3 over")
                                                   .arg(locale.toString(used), locale.toString(note.limit),
                                                        locale.toString(used - note.limit))
                                             : tr("%1 / %2").arg(locale.toString(used), locale.toString(note.limit)));
    QPalette palette = m_noteCounter->palette();
    palette.setColor(QPalette::WindowText,
                     used > note.limit ? StatusColors::error(this->palette())
                                       : this->palette().color(QPalette::WindowText));
    m_noteCounter->setPalette(palette);
    m_copyNote->setEnabled(true);
}

bool ContactDialog::copyNote()
{
    updateNote();
    if (m_noteTemplates.isEmpty())
        return false;
    const ContactNote note
        = NoteComposer(m_database).compose(m_noteTemplates.at(std::max(0, m_noteTemplate->currentIndex())), contact());
    QPalette palette = m_noteStatus->palette();
    palette.setColor(QPalette::WindowText,
                     note.usable() ? this->palette().color(QPalette::WindowText)
                                   : StatusColors::error(this->palette()));
    m_noteStatus->setPalette(palette);
    if (!note.usable()) {
        m_noteStatus->setText(tr("Not copied: %1.").arg(note.refusal));
        return false;
    }
    QGuiApplication::clipboard()->setText(note.note.text);
    m_noteStatus->setText(tr("Copied."));
    return true;
}

void ContactDialog::load(const Contact& contact)
{
    m_firstName->setText(contact.firstName);
    m_lastName->setText(contact.lastName);
    m_position->setText(contact.position);
    m_company->setText(contact.company);
    m_location->setText(contact.location);
    m_profileUrl->setText(contact.profileUrl);
    m_email->setText(contact.email);
    m_phone->setText(contact.phone);
    m_tags->setText(contact.tags.join(QStringLiteral(", ")));
    m_starred->setChecked(contact.starred);
    m_keepInTouch->setDays(contact.keepInTouchDays);
    m_notes->setPlainText(contact.notes);
    const int known = m_howWeKnow->findData(contact.howWeKnow);
    if (known >= 0) {
        m_howWeKnow->setCurrentIndex(known);
    } else {
        // Free text from an old import: kept as it is unless the user picks a value.
        m_howWeKnow->addItem(contact.howWeKnow, contact.howWeKnow);
        m_howWeKnow->setCurrentIndex(m_howWeKnow->count() - 1);
    }
    m_event->setText(contact.event);
    m_mutualConnection->setText(contact.mutualConnection);
    m_school->setText(contact.school);
    m_topic->setText(contact.topic);
    m_highProfile->setChecked(contact.highProfile);
    m_littleInCommon->setChecked(contact.littleInCommon);
    m_stayAnonymous->setChecked(contact.stayAnonymous);
}

Contact ContactDialog::contact() const
{
    Contact contact = m_stored;
    contact.id = m_id;
    contact.firstName = m_firstName->text().trimmed();
    contact.lastName = m_lastName->text().trimmed();
    contact.position = m_position->text().trimmed();
    contact.company = m_company->text().trimmed();
    contact.location = m_location->text().trimmed();
    contact.profileUrl = m_profileUrl->text().trimmed();
    contact.email = m_email->text().trimmed();
    contact.phone = m_phone->text().trimmed();
    contact.tags = normalizedTags(m_tags->text().split(u','));
    contact.starred = m_starred->isChecked();
    contact.keepInTouchDays = m_keepInTouch->days();
    contact.notes = m_notes->toPlainText().trimmed();
    contact.howWeKnow = m_howWeKnow->currentData().toString();
    contact.event = m_event->text().trimmed();
    contact.mutualConnection = m_mutualConnection->text().trimmed();
    contact.school = m_school->text().trimmed();
    contact.topic = m_topic->text().trimmed();
    contact.highProfile = m_highProfile->isChecked();
    contact.littleInCommon = m_littleInCommon->isChecked();
    contact.stayAnonymous = m_stayAnonymous->isChecked();
    return contact;
}

QString ContactDialog::errorText() const
{
    return m_error->isVisible() || !m_error->isHidden() ? m_error->text() : QString();
}

void ContactDialog::showError(const QString& error, QWidget* field)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (field)
        field->setFocus(Qt::OtherFocusReason);
}

bool ContactDialog::push(ContactCommand* command)
{
    const Status pushed = ExecutedCommand::push(m_undoStack, std::unique_ptr<ContactCommand>(command));
    if (!pushed)
        showError(pushed.error());
    return pushed.ok();
}

bool ContactDialog::save()
{
    const Contact edited = contact();
    if (edited.firstName.isEmpty() && edited.lastName.isEmpty()) {
        showError(tr("A contact needs a first or a last name."), m_firstName);
        return false;
    }
    if (const QString reason = ProfileUrl::validate(edited.profileUrl); !reason.isEmpty()) {
        showError(tr("Profile URL: %1").arg(reason), m_profileUrl);
        return false;
    }
    auto same = ContactRepository(m_database).findSamePerson(edited);
    if (!same) {
        showError(same.error());
        return false;
    }
    if (*same && **same != m_id) {
        auto other = ContactRepository(m_database).find(**same);
        if (!other) {
            showError(other.error());
            return false;
        }
        const QString question
            = tr("“%1” already has this profile URL or email: it is the same person.\n\n"
                 "Merge what you entered into “%1”? Fields already filled there are kept, "
                 "tags and notes are added%2.")
                  .arg(other->fullName(), m_id != 0 ? tr(", and this contact's timeline moves there") : QString());
        const auto answer = QMessageBox::question(this, tr("Same person"), question,
                                                  QMessageBox::StandardButtons(QMessageBox::Yes | QMessageBox::Cancel),
                                                  QMessageBox::Yes);
        if (answer != QMessageBox::Yes) {
            showError(tr("Not saved: “%1” is the same person. Change the profile URL or email, or merge.")
                          .arg(other->fullName()),
                      m_profileUrl);
            return false;
        }
        Contact merged = ContactMerge::merge(*other, edited);
        if (!push(new MergeContactsCommand(m_database, m_model, *other, merged, m_id)))
            return false;
        m_id = other->id;
        m_stored = merged;
        return true;
    }
    if (m_id == 0) {
        auto* command = new AddContactCommand(m_database, m_model, edited);
        if (!push(command))
            return false;
        m_id = command->contactId();
    } else if (edited != m_stored) {
        if (!push(new EditContactCommand(m_database, m_model, m_stored, edited)))
            return false;
    }
    m_stored = ContactRepository(m_database).find(m_id).value_or(edited);
    showError(QString());
    setWindowTitle(m_stored.fullName());
    updateActions();
    return true;
}

void ContactDialog::accept()
{
    if (save())
        QDialog::accept();
}

bool ContactDialog::logInteraction()
{
    if (m_id == 0)
        return false;
    Interaction entry;
    entry.contactId = m_id;
    entry.kind = InteractionKind(m_logKind->currentData().toInt());
    entry.occurredAt = m_logWhen->dateTime().toUTC();
    entry.text = m_logText->text().trimmed();
    entry.url = m_logUrl->text().trimmed();
    if (!push(new AddInteractionCommand(m_database, m_model, entry)))
        return false;
    m_logText->clear();
    m_logUrl->clear();
    m_logWhen->setDateTime(QDateTime::currentDateTime());
    showError(QString());
    return true;
}

void ContactDialog::editInteraction(int row)
{
    if (row < 0 || row >= m_log->rowCount())
        return;
    const Interaction before = m_log->interactionAt(row);
    InteractionDialog dialog(before, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Interaction after = dialog.interaction();
    if (after != before)
        push(new EditInteractionCommand(m_database, m_model, before, after));
}

void ContactDialog::deleteInteraction(int row)
{
    if (row < 0 || row >= m_log->rowCount())
        return;
    push(new RemoveInteractionCommand(m_database, m_model, m_log->interactionAt(row)));
}

void ContactDialog::reloadTimeline()
{
    if (m_id == 0) {
        m_log->setInteractions({});
        return;
    }
    auto log = InteractionRepository(m_database).forContact(m_id);
    if (!log) {
        showError(log.error());
        return;
    }
    m_log->setInteractions(std::move(*log));
    updateAdvice();
    updateActions();
}

void ContactDialog::updateAdvice()
{
    if (!m_advice || !m_log)
        return;
    QDate metOn;
    for (int row = 0; row < m_log->rowCount(); ++row) {
        const Interaction& entry = m_log->interactionAt(row);
        if (entry.kind == InteractionKind::Met) {
            metOn = entry.occurredAt.toLocalTime().date(); // newest first
            break;
        }
    }
    const ConnectRecommendation advice = ConnectAdvisor::advise(contact(), metOn, QDate::currentDate());
    m_advice->setText(
        (advice.advice == ConnectAdvice::Connect ? tr("Connect. %1") : tr("Follow first. %1")).arg(advice.reason));
}

void ContactDialog::updateCadenceSource()
{
    if (!m_cadenceSource)
        return;
    QString shortestTag;
    int shortest = keep_in_touch::kNone;
    if (m_keepInTouch->days() == keep_in_touch::kNone) {
        for (const QString& tag : normalizedTags(m_tags->text().split(u','))) {
            const int days = m_tagCadences.value(tag.toLower());
            if (days > 0 && (shortest == keep_in_touch::kNone || days < shortest)) {
                shortest = days;
                shortestTag = tag;
            }
        }
    }
    //: The cadence a contact gets from one of its tags: "from tag “mentor”: Close (every 30 days)"
    m_cadenceSource->setText(shortest == keep_in_touch::kNone
                                 ? QString()
                                 : tr("from tag “%1”: %2").arg(shortestTag, keep_in_touch::describe(shortest)));
    m_cadenceSource->setVisible(shortest != keep_in_touch::kNone);
}

void ContactDialog::updateActions()
{
    if (!m_logButton)
        return;
    const bool stored = m_id != 0;
    for (QWidget* widget :
         { static_cast<QWidget*>(m_logKind), static_cast<QWidget*>(m_logWhen), static_cast<QWidget*>(m_logText),
           static_cast<QWidget*>(m_logUrl), static_cast<QWidget*>(m_logButton) })
        widget->setEnabled(stored);
    m_saveFirst->setVisible(!stored);
    const bool current = m_timeline->currentIndex().isValid();
    m_editEntry->setEnabled(current);
    m_deleteEntry->setEnabled(current);
    const QString url = m_profileUrl->text().trimmed();
    m_openProfile->setEnabled(!url.isEmpty() && ProfileUrl::validate(url).isEmpty());
}

} // namespace rapport
