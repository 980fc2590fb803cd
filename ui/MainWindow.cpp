#include "ui/MainWindow.h"

#include "core/AppInfo.h"
#include "core/io/DemoData.h"
#include "core/io/ExportArchive.h"
#include "core/io/Exporter.h"
#include "core/io/ImportUndo.h"
#include "core/io/Importer.h"
#include "core/storage/Backups.h"
#include "core/storage/Database.h"
#include "ui/commands/ExecutedCommand.h"
#include "ui/commands/ImportCommand.h"
#include "ui/commands/PendingWrites.h"
#include "ui/desktop/StartAtLogin.h"
#include "ui/dialogs/FileDialogs.h"
#include "ui/dialogs/ImportWizard.h"
#include "ui/dialogs/OpenDatabase.h"
#include "ui/dialogs/PreferencesDialog.h"
#include "ui/models/ContactTableModel.h"
#include "ui/models/WeekPlanModel.h"
#include "ui/views/ContactsView.h"
#include "ui/views/InsightsView.h"
#include "ui/views/TemplatesView.h"
#include "ui/views/WeekView.h"
#include "ui/workers/PlanWorker.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

// The resources live in this static library: registering them here keeps the linker from dropping them.
static void initResources()
{
    Q_INIT_RESOURCE(rapport);
}

namespace rapport {

namespace {

QSettings windowSettings()
{
    return QSettings(AppInfo::name(), AppInfo::name());
}

} // namespace

MainWindow::MainWindow(Database& database, QWidget* parent)
    : QMainWindow(parent)
    , m_database(database)
{
    initResources();
    // Before any dialog or view can list the database's folder.
    FileDialogs::protectDatabase(m_database.path());
    m_planWorker = new PlanWorker(m_database.path(), this);
    m_undoStack = new QUndoStack(this);
    setWindowTitle(AppInfo::name());
    setWindowIcon(QIcon(QStringLiteral(":/icons/rapport.svg")));
    setMinimumSize(800, 500);
    setAcceptDrops(true);
    createPlaces();
    createActions();

    m_pathLabel = new QLabel(QDir::toNativeSeparators(m_database.path()), this);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pathLabel->setToolTip(tr("The database file"));
    m_countLabel = new QLabel(this);
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);

    reload();
    restoreWindowState();

    if (auto revision = m_database.revision())
        m_othersVersion = revision->othersVersion;
    m_changeCheck = new QTimer(this);
    m_changeCheck->setInterval(kChangeCheckMs);
    connect(m_changeCheck, &QTimer::timeout, this, &MainWindow::checkForChanges);
    m_changeCheck->start();
    qApp->installEventFilter(this);
}

MainWindow::~MainWindow()
{
    // A last chance for what is still waiting (a quit that bypassed the Quit event, a window deleted): the
    // commands need the places they reload, which go below.
    saveWaitingChanges();
    FileDialogs::forgetDatabase(m_database.path());
    // The places ask the planner for plans until they are gone: they go first.
    delete takeCentralWidget();
}

void MainWindow::createPlaces()
{
    m_sidebar = new QListWidget(this);
    m_sidebar->setAccessibleName(tr("Places"));
    m_sidebar->setIconSize(QSize(24, 24));
    m_sidebar->setSpacing(2);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_places = new QStackedWidget(this);

    m_contactsView = new ContactsView(m_database, *m_planWorker, m_undoStack, m_places);
    connect(m_contactsView, &ContactsView::importRequested, this, &MainWindow::chooseImportFiles);
    connect(m_contactsView, &ContactsView::sampleDataRequested, this, &MainWindow::addSampleData);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_contactsView->model(), signal, this, &MainWindow::updateCount);
    connect(m_contactsView, &ContactsView::selectionChanged, this, &MainWindow::updateCount);
    m_templatesView = new TemplatesView(m_database, m_undoStack, m_planWorker, m_places);
    m_insightsView = new InsightsView(m_database, m_places);
    // Planned each time it is shown, not before: at start, planning the week while the contacts are read
    // from the same database on two cores made them come a third later.
    auto* weekView = new WeekView(m_database, *m_planWorker, m_undoStack, m_places);
    m_weekView = weekView;
    // A card done on This week changes the contacts' next actions too.
    connect(weekView->model(), &WeekPlanModel::planChanged, m_contactsView, [this, weekView] {
        const WeekPlanModel* model = weekView->model();
        if (model->error().isEmpty() && model->columnOf(QDate::currentDate()) >= 0)
            m_contactsView->showPlan(model->plan());
    });
    connect(weekView, &WeekView::contactActivated, m_contactsView, &ContactsView::openContact);
    const struct
    {
        QString name;
        QString icon;
        QWidget* page;
    } places[] = {
        { tr("This week"), QStringLiteral("week"), weekView },
        { tr("Contacts"), QStringLiteral("contacts"), m_contactsView },
        { tr("Templates"), QStringLiteral("templates"), m_templatesView },
        { tr("Insights"), QStringLiteral("insights"), m_insightsView },
    };
    for (const auto& place : places) {
        auto* item = new QListWidgetItem(QIcon(QStringLiteral(":/icons/%1.svg").arg(place.icon)), place.name);
        item->setSizeHint(QSize(0, 40));
        m_sidebar->addItem(item);
        m_places->addWidget(place.page);
    }
    int widest = 0;
    for (int i = 0; i < m_sidebar->count(); ++i)
        widest = std::max(widest, m_sidebar->fontMetrics().horizontalAdvance(m_sidebar->item(i)->text()));
    m_sidebar->setFixedWidth(widest + m_sidebar->iconSize().width() + 40);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_places, &QStackedWidget::setCurrentIndex);
    connect(m_places, &QStackedWidget::currentChanged, this, &MainWindow::updateCount);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    auto* column = new QVBoxLayout;
    column->setSpacing(0);
    column->addWidget(createReminderBanner());
    column->addWidget(createWriteWaitBanner());
    column->addWidget(m_places, 1);
    layout->addLayout(column, 1);
    setCentralWidget(central);
    showPlace(Place::Week);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* import = file->addAction(tr("&Import…"), this, &MainWindow::chooseImportFiles);
    import->setObjectName(QStringLiteral("importAction"));
    import->setShortcut(Qt::CTRL | Qt::Key_I);
    import->setStatusTip(tr("Import contacts from CSV files (LinkedIn, Google, Outlook or any other)."));
    QAction* exportAction = file->addAction(tr("&Export…"), this, &MainWindow::exportAll);
    exportAction->setObjectName(QStringLiteral("exportAction"));
    exportAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
    exportAction->setStatusTip(tr("Write the contacts and the interactions as CSV files."));
    file->addSeparator();
    file->addAction(tr("&Back Up Now"), this, &MainWindow::backUpNow);
    file->addAction(tr("&Restore from Backup…"), this, [this] {
        if (const QString backup = chooseBackupToRestore(m_database.path(), this); !backup.isEmpty())
            Q_EMIT restoreRequested(backup);
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    // Not the stack's own actions: those move the index even when another process's lock refused the step.
    PendingWrites* pending = PendingWrites::of(m_undoStack);
    auto* undo = new QAction(tr("&Undo"), this);
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setEnabled(m_undoStack->canUndo());
    connect(m_undoStack, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
    connect(m_undoStack, &QUndoStack::undoTextChanged, undo,
            [undo](const QString& text) { undo->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text)); });
    connect(undo, &QAction::triggered, pending, &PendingWrites::undo);
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = new QAction(tr("&Redo"), this);
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setEnabled(m_undoStack->canRedo());
    connect(m_undoStack, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
    connect(m_undoStack, &QUndoStack::redoTextChanged, redo,
            [redo](const QString& text) { redo->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text)); });
    connect(redo, &QAction::triggered, pending, &PendingWrites::redo);
    // Ctrl+Shift+Z everywhere, as well as the platform's own (Ctrl+Y on Windows).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (const QKeySequence ctrlShiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z); !redoKeys.contains(ctrlShiftZ))
        redoKeys.prepend(ctrlShiftZ);
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    QList<QKeySequence> preferencesKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (const QKeySequence ctrlComma(Qt::CTRL | Qt::Key_Comma); !preferencesKeys.contains(ctrlComma))
        preferencesKeys.append(ctrlComma);
    preferences->setShortcuts(preferencesKeys);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_sidebar->count(); ++i) {
        QAction* go = view->addAction(m_sidebar->item(i)->text(), this, [this, i] { m_sidebar->setCurrentRow(i); });
        go->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction* refresh = view->addAction(tr("&Reload"), this, &MainWindow::reload);
    refresh->setShortcut(QKeySequence::Refresh);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Rapport"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::showPlace(Place place)
{
    m_sidebar->setCurrentRow(int(place));
}

MainWindow::Place MainWindow::currentPlace() const
{
    return Place(m_places->currentIndex());
}

void MainWindow::showThisWeek()
{
    if (m_weekView->isVisible())
        m_weekView->reload();
    else
        showPlace(Place::Week); // planned as it comes into view
}

QWidget* MainWindow::createReminderBanner()
{
    auto* banner = new QFrame(this);
    banner->setObjectName(QStringLiteral("reminderBanner"));
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setAutoFillBackground(true);
    banner->setBackgroundRole(QPalette::AlternateBase);
    auto* icon = new QLabel(banner);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/week.svg")).pixmap(24, 24));
    m_reminderText = new QLabel(banner);
    m_reminderText->setWordWrap(true);
    auto* open = new QPushButton(tr("Show This Week"), banner);
    connect(open, &QPushButton::clicked, this, [this] {
        m_reminderBanner->hide();
        showThisWeek();
    });
    auto* dismiss = new QPushButton(tr("Dismiss"), banner);
    connect(dismiss, &QPushButton::clicked, banner, &QWidget::hide);
    auto* row = new QHBoxLayout(banner);
    row->setContentsMargins(12, 6, 12, 6);
    row->addWidget(icon);
    row->addWidget(m_reminderText, 1);
    row->addWidget(open);
    row->addWidget(dismiss);
    banner->hide();
    m_reminderBanner = banner;
    return banner;
}

QWidget* MainWindow::createWriteWaitBanner()
{
    auto* banner = new QFrame(this);
    banner->setObjectName(QStringLiteral("writeWaitBanner"));
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setAutoFillBackground(true);
    banner->setBackgroundRole(QPalette::AlternateBase);
    auto* text = new QLabel(tr("Waiting for another Rapport process to finish writing to the database… Your change "
                               "is kept and saved as soon as it is done."),
                            banner);
    text->setWordWrap(true);
    auto* row = new QHBoxLayout(banner);
    row->setContentsMargins(12, 6, 12, 6);
    row->addWidget(text, 1);
    banner->hide();
    m_writeWaitBanner = banner;

    PendingWrites* pending = PendingWrites::of(m_undoStack);
    connect(pending, &PendingWrites::waitingChanged, banner, &QWidget::setVisible);
    connect(pending, &PendingWrites::failed, this, [this](const QString& error) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("A change was not saved"), error, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("writeFailed"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    return banner;
}

void MainWindow::showReminder(const QString& text)
{
    m_reminderText->setText(text);
    m_reminderBanner->show();
    QApplication::alert(this);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(
        m_database,
        StartAtLogin(QCoreApplication::applicationFilePath(),
                     { QStringLiteral("--background"), QStringLiteral("--db"), m_database.path() }),
        m_contactsView->model()->allTags(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.tagCadencesChanged()) {
        // Every contact of a tag may be due on another day, and the week's check-ins with them.
        reload();
        if (m_weekView->isVisible())
            m_weekView->reload();
    }
    Q_EMIT preferencesChanged();
}

void MainWindow::reload()
{
    if (Status loaded = m_contactsView->reload(); !loaded) {
        QMessageBox::warning(this, tr("Cannot read the contacts"), loaded.error());
        return;
    }
    m_templatesView->reload();
    updateCount();
}

void MainWindow::reloadAll()
{
    m_undoStack->clear();
    if (auto revision = m_database.revision())
        m_othersVersion = revision->othersVersion;
    reloadPlaces();
}

void MainWindow::reloadPlaces()
{
    reload();
    // The place on screen now; the others read the data again as they are shown.
    if (m_weekView->isVisible())
        m_weekView->reload();
    if (m_insightsView->isVisible())
        (void)m_insightsView->reload();
}

void MainWindow::checkForChanges()
{
    // Hidden in the tray, nothing is shown that could be stale: the window looks again when it is shown.
    if (!isVisible())
        return;
    auto revision = m_database.revision();
    if (!revision || revision->othersVersion == m_othersVersion)
        return;
    m_othersVersion = revision->othersVersion;
    reloadPlaces();
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!event->spontaneous())
        checkForChanges();
}

void MainWindow::updateCount()
{
    if (!m_countLabel)
        return; // the places are being made
    const int count = m_contactsView->model()->rowCount();
    const int selected = currentPlace() == Place::Contacts ? m_contactsView->selectedCount() : 0;
    if (selected > 1)
        //: The status bar while contacts are selected: "40 of 1,480 contacts selected"
        m_countLabel->setText(
            tr("%1 of %2 contacts selected").arg(QLocale().toString(selected), QLocale().toString(count)));
    else
        m_countLabel->setText(count == 1 ? tr("1 contact") : tr("%1 contacts").arg(QLocale().toString(count)));
}

void MainWindow::chooseImportFiles()
{
    const QStringList files
        = FileDialogs::getOpenFileNames(this, tr("Import contacts"), QDir::homePath(),
                                        tr("CSV files and LinkedIn's export (*.csv *.tsv *.txt *.zip);;All files (*)"));
    if (!files.isEmpty())
        openImportWizard(files);
}

ImportWizard* MainWindow::openImportWizard(const QStringList& requested)
{
    // Reading the database's own files as CSV would open and close them, dropping SQLite's locks.
    QStringList files;
    for (const QString& file : requested) {
        if (FileDialogs::isProtected(file)) {
            statusBar()->showMessage(
                tr("%1 is Rapport's database, not a file to import.").arg(QDir::toNativeSeparators(file)), 10000);
        } else if (ExportArchive::isArchive(file)) {
            // LinkedIn's export as downloaded: its files, in the order they import, are the wizard's files.
            if (auto paths = ExportArchive::importPaths(file)) {
                files.append(*paths);
            } else {
                auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot import the archive"), paths.error(),
                                            QMessageBox::Ok, this);
                box->setObjectName(QStringLiteral("archiveRefused"));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            }
        } else {
            files.append(file);
        }
    }
    if (files.isEmpty())
        return nullptr;
    if (m_importWizard) {
        m_importWizard->raise();
        m_importWizard->activateWindow();
        return m_importWizard;
    }
    auto* wizard = new ImportWizard(m_database, files, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::imported, this,
            [this, files](const QList<ImportSource>& sources, const ImportCheckpoint& checkpoint) {
                const QString name = files.size() == 1 ? QFileInfo(files.first()).fileName()
                                                       : tr("%1 files").arg(QLocale().toString(files.size()));
                m_undoStack->push(new ImportCommand(
                    m_database, sources, checkpoint, [this] { reload(); }, tr("Import %1").arg(name)));
                reload();
                showPlace(Place::Contacts);
            });
    connect(wizard, &ImportWizard::keepInTouchRequested, this, [this](const QList<qint64>& connections) {
        showPlace(Place::Contacts);
        m_contactsView->showOnly(
            QSet<qint64>(connections.cbegin(), connections.cend()),
            connections.size() == 1
                ? tr("The connection that came in with the import: select it, then choose how often.")
                : tr("The %1 connections that came in with the import: select whom to keep in touch with "
                     "(Ctrl+A for all), then choose how often.")
                      .arg(QLocale().toString(connections.size())));
    });
    m_importWizard = wizard;
    wizard->open();
    return wizard;
}

void MainWindow::addSampleData()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const ParsedImport sample = DemoData::generate(300, 1, QDate::currentDate());
    const Status added = ExecutedCommand::push(
        m_undoStack,
        std::make_unique<ImportCommand>(
            m_database, QList<ParsedImport> { sample }, [this] { reload(); }, tr("Add sample data")));
    QApplication::restoreOverrideCursor();
    if (!added)
        QMessageBox::warning(this, tr("Cannot add the sample data"), added.error());
}

void MainWindow::exportAll()
{
    const QString path = FileDialogs::getSaveFileName(this, tr("Export contacts"),
                                                      QDir::home().filePath(QStringLiteral("rapport-contacts.csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    const QString logPath = info.dir().filePath(info.completeBaseName() + QStringLiteral("-interactions.csv"));
    Exporter exporter(m_database);
    auto contacts = exporter.exportContacts(path);
    auto interactions = contacts ? exporter.exportInteractions(logPath) : Result<int>(Error { contacts.error() });
    if (!interactions) {
        QMessageBox::warning(this, tr("Export failed"), interactions.error());
        return;
    }
    statusBar()->showMessage(tr("Exported %1 contacts to %2 and %3 interactions to %4.")
                                 .arg(QLocale().toString(*contacts), QDir::toNativeSeparators(path),
                                      QLocale().toString(*interactions), QDir::toNativeSeparators(logPath)),
                             10000);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList csv;
    QStringList refused;
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (!path.isEmpty() && (suffix == u"csv" || suffix == u"tsv" || suffix == u"zip"))
            csv.append(path);
        else
            refused.append(path.isEmpty() ? url.toString() : QFileInfo(path).fileName());
    }
    event->acceptProposedAction();
    if (!refused.isEmpty()) {
        auto* box
            = new QMessageBox(QMessageBox::Warning, tr("Not a CSV file"),
                              tr("Rapport imports CSV files (such as LinkedIn's Connections.csv) and LinkedIn's export "
                                 "archive (.zip); it cannot import %1.")
                                  .arg(refused.join(QStringLiteral(", "))),
                              QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("notCsv"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    if (!csv.isEmpty())
        openImportWizard(csv);
}

ImportWizard* MainWindow::importWizard() const
{
    return m_importWizard;
}

void MainWindow::backUpNow()
{
    auto path = Backups(m_database).backupNow();
    if (!path) {
        QMessageBox::warning(this, tr("Backup failed"), path.error());
        return;
    }
    statusBar()->showMessage(tr("Backed up to %1").arg(QDir::toNativeSeparators(*path)), 10000);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Rapport"),
                       tr("<h3>Rapport %1</h3>"
                          "<p>A local-first CRM for growing a professional network deliberately: a few personalized "
                          "connection requests a week, a useful follow-up after each acceptance, and relationships "
                          "that do not go cold.</p>"
                          "<p>Your data stays in one file on this computer. Rapport never talks to LinkedIn.</p>"
                          "<p>Released under the MIT licence. Built with Qt %2.</p>")
                           .arg(AppInfo::version(), QString::fromLatin1(qVersion())));
}

void MainWindow::restoreWindowState()
{
    QSettings settings = windowSettings();
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1180, 720);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::saveWaitingChanges()
{
    PendingWrites* pending = PendingWrites::of(m_undoStack);
    // A quit asked for again while this waits is the same quit.
    if (m_savingWaitingChanges || !pending->isWaiting())
        return;
    m_savingWaitingChanges = true;
    while (!pending->waitUntilWritten(0)) {
        {
            QProgressDialog progress(tr("Saving your changes…"), QString(), 0, 0, this);
            progress.setObjectName(QStringLiteral("savingChanges"));
            progress.setWindowTitle(AppInfo::name());
            progress.setWindowModality(Qt::ApplicationModal);
            progress.setCancelButton(nullptr);
            // Sized again without the button it was laid out with, and wide enough for its title.
            progress.setMinimumWidth(360);
            progress.resize(progress.sizeHint().expandedTo(QSize(360, 0)));
            progress.setMinimumDuration(0);
            progress.show();
            QApplication::setOverrideCursor(Qt::WaitCursor);
            const bool saved = pending->waitUntilWritten(kSaveOnCloseMs);
            QApplication::restoreOverrideCursor();
            if (saved)
                break;
        }
        QString list;
        for (const QString& change : pending->descriptions())
            list += QStringLiteral("\n  • ") + change;
        QMessageBox box(QMessageBox::Warning, tr("Your changes are not saved yet"),
                        tr("Another program (or another Rapport) is still writing to the database, so these changes "
                           "could not be saved:")
                            + list,
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("changesNotSaved"));
        box.setInformativeText(tr("Keep waiting to save them as soon as it is done, or discard them: they will be "
                                  "lost."));
        QPushButton* keep = box.addButton(tr("Keep Waiting"), QMessageBox::AcceptRole);
        keep->setObjectName(QStringLiteral("keepWaiting"));
        QPushButton* discard = box.addButton(tr("Discard Changes"), QMessageBox::DestructiveRole);
        discard->setObjectName(QStringLiteral("discardChanges"));
        box.setDefaultButton(keep);
        box.setEscapeButton(keep);
        box.exec();
        if (box.clickedButton() == discard) {
            pending->discard();
            break;
        }
    }
    m_savingWaitingChanges = false;
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Quit && watched == qApp)
        saveWaitingChanges();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_templatesView->flush();
    // Hidden in the tray (TrayController decided it before this), the window lives on and its changes keep
    // waiting; closed for good, they are saved now or never.
    if (QApplication::quitOnLastWindowClosed())
        saveWaitingChanges();
    QSettings settings = windowSettings();
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace rapport
