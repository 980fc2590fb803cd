#include "ui/dialogs/ImportWizard.h"

#include "core/io/ExportArchive.h"
#include "core/io/ImportReader.h"
#include "core/storage/Database.h"
#include "ui/dialogs/ImportWizardPage.h"
#include "ui/workers/ImportWorker.h"

#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace rapport {

namespace {

// The preview lists this many rows at most, and only these are kept in memory; the counts above it cover the
// whole file, which is streamed.
constexpr int kPreviewRows = 500;
constexpr qsizetype kBatchRows = 4096;
// Up to this size (about 60,000 LinkedIn connections) a file is read whole for its preview.
constexpr qint64 kWholeFileBytes = 8 * 1024 * 1024;

// Reading and previewing a large file on this thread frees what it took, but glibc keeps the freed memory for
// this thread's arena, while the import worker allocates in an arena of its own: without handing it back the
// two add up (225 MB instead of 113 MB for 300,000 rows).
void giveBackFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

QLabel* wrappingLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString actionName(ImportAction action)
{
    switch (action) {
    case ImportAction::Add:
        return QCoreApplication::translate("ImportWizard", "Add");
    case ImportAction::Merge:
        return QCoreApplication::translate("ImportWizard", "Merge");
    case ImportAction::Unchanged:
        return QCoreApplication::translate("ImportWizard", "Already there");
    case ImportAction::Skip:
        return QCoreApplication::translate("ImportWizard", "Skip");
    }
    return {};
}

} // namespace

ImportWizard::ImportWizard(Database& database, QStringList files, QWidget* parent)
    : QWizard(parent)
    , m_database(database)
    , m_files(std::move(files))
{
    setWindowTitle(tr("Import contacts"));
    setObjectName(QStringLiteral("importWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    m_parsed.resize(m_files.size());
    m_usable.resize(m_files.size());
    m_errors.resize(m_files.size());
    m_options.resize(m_files.size());
    // A generic file's guessed columns are shown on the mapping page to be corrected, even when the guess
    // would skip every row (the command line refuses such a guess).
    for (ImportOptions& options : m_options)
        options.reviewsGuess = true;
    m_dialects.resize(m_files.size());
    m_mappingTables.resize(m_files.size());
    createFormatPage();
    createMappingPage();
    createPreviewPage();
    createImportPage();
    createResultPage();
    for (int file = 0; file < int(m_files.size()); ++file)
        readFile(file);
    showFile(0);
    resize(820, 560);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::createFormatPage()
{
    m_formatPage = new ImportWizardPage(this);
    m_formatPage->setTitle(tr("What the file is"));
    m_formatPage->setSubTitle(tr("Rapport recognised the format, encoding and delimiter below. Change one if "
                                 "the columns do not look right."));
    m_fileBox = new QComboBox(m_formatPage);
    m_fileBox->setAccessibleName(tr("File"));
    for (const QString& path : std::as_const(m_files))
        m_fileBox->addItem(QFileInfo(path).fileName(), path);
    m_formatBox = new QComboBox(m_formatPage);
    m_formatBox->setAccessibleName(tr("Format"));
    for (ImportFormat format :
         { ImportFormat::LinkedInConnections, ImportFormat::LinkedInInvitations, ImportFormat::LinkedInMessages,
           ImportFormat::Google, ImportFormat::Outlook, ImportFormat::RapportContacts,
           ImportFormat::RapportInteractions, ImportFormat::Generic })
        m_formatBox->addItem(displayName(format), int(format));
    m_encodingBox = new QComboBox(m_formatPage);
    m_encodingBox->setAccessibleName(tr("Encoding"));
    for (TextEncoding encoding : { TextEncoding::Utf8, TextEncoding::Utf16LE, TextEncoding::Utf16BE,
                                   TextEncoding::Windows1252, TextEncoding::ShiftJis }) {
        if (TextDecoder::isAvailable(encoding))
            m_encodingBox->addItem(toName(encoding), int(encoding));
    }
    m_delimiterBox = new QComboBox(m_formatPage);
    m_delimiterBox->setAccessibleName(tr("Delimiter"));
    m_delimiterBox->addItem(tr("Comma (,)"), QChar(u','));
    m_delimiterBox->addItem(tr("Semicolon (;)"), QChar(u';'));
    m_delimiterBox->addItem(tr("Tab"), QChar(u'\t'));
    m_formatStatus = wrappingLabel(m_formatPage);
    m_formatStatus->setObjectName(QStringLiteral("formatStatus"));

    connect(m_fileBox, &QComboBox::currentIndexChanged, this, &ImportWizard::showFile);
    connect(m_formatBox, &QComboBox::activated, this, [this] {
        const int file = m_fileBox->currentIndex();
        m_options[file].format = ImportFormat(m_formatBox->currentData().toInt());
        readFile(file);
        showFile(file);
    });
    const auto dialectChanged = [this] {
        const int file = m_fileBox->currentIndex();
        CsvDialect dialect = m_parsed[file].dialect;
        dialect.encoding = TextEncoding(m_encodingBox->currentData().toInt());
        dialect.delimiter = m_delimiterBox->currentData().value<QChar>();
        m_dialects[file] = dialect;
        readFile(file);
        showFile(file);
    };
    connect(m_encodingBox, &QComboBox::activated, this, dialectChanged);
    connect(m_delimiterBox, &QComboBox::activated, this, dialectChanged);

    auto* form = new QFormLayout(m_formatPage);
    form->addRow(tr("&File:"), m_fileBox);
    form->addRow(tr("F&ormat:"), m_formatBox);
    form->addRow(tr("&Encoding:"), m_encodingBox);
    form->addRow(tr("&Delimiter:"), m_delimiterBox);
    form->addRow(m_formatStatus);
    m_fileBox->setVisible(m_files.size() > 1);
    form->labelForField(m_fileBox)->setVisible(m_files.size() > 1);
    m_formatPage->setCompleteCheck([this] {
        return std::all_of(m_errors.cbegin(), m_errors.cend(), [](const QString& error) { return error.isEmpty(); });
    });
    setPage(FormatPage, m_formatPage);
}

void ImportWizard::createMappingPage()
{
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Which column is what"));
    page->setSubTitle(tr("Rapport does not know this file's format. Choose the field each column fills; its "
                         "best guess is preselected. One column must give a name."));
    m_mappingTabs = new QTabWidget(page);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_mappingTabs);
    setPage(MappingPage, page);
}

void ImportWizard::createPreviewPage()
{
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Preview"));
    page->setSubTitle(tr("What importing will do. Nothing has changed yet."));
    m_previewSummary = wrappingLabel(page);
    m_previewSummary->setObjectName(QStringLiteral("previewSummary"));
    m_preview = new QTableWidget(0, 5, page);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setAccessibleName(tr("Preview"));
    m_preview->setHorizontalHeaderLabels({ tr("Line"), tr("Action"), tr("Name"), tr("Entries"), tr("Why skipped") });
    m_preview->verticalHeader()->hide();
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 8);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_previewSummary);
    layout->addWidget(m_preview);
    page->setCommitPage(true);
    page->setButtonText(QWizard::CommitButton, tr("&Import"));
    setPage(PreviewPage, page);
}

void ImportWizard::createImportPage()
{
    m_importPage = new ImportWizardPage(this);
    m_importPage->setTitle(tr("Importing"));
    m_importPage->setSubTitle(tr("Everything goes in at once: Cancel leaves your contacts as they were."));
    m_progress = new QProgressBar(m_importPage);
    m_progress->setAccessibleName(tr("Import progress"));
    m_importStatus = wrappingLabel(m_importPage);
    m_importStatus->setObjectName(QStringLiteral("importStatus"));
    auto* layout = new QVBoxLayout(m_importPage);
    layout->addWidget(m_progress);
    layout->addWidget(m_importStatus);
    layout->addStretch();
    m_importPage->setCompleteCheck([this] { return m_finished; });
    setPage(ImportPage, m_importPage);
}

void ImportWizard::createResultPage()
{
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Done"));
    m_result = wrappingLabel(page);
    m_result->setObjectName(QStringLiteral("result"));
    // Every row skipped, in a box of its own: a file with hundreds of them must not make the page taller
    // than the screen.
    m_skipped = new QPlainTextEdit(page);
    m_skipped->setObjectName(QStringLiteral("skippedRows"));
    m_skipped->setAccessibleName(tr("Rows skipped"));
    m_skipped->setReadOnly(true);
    m_skipped->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_skipped->hide();
    m_connections = wrappingLabel(page);
    m_connections->setObjectName(QStringLiteral("connectionsCameIn"));
    QFont heading = m_connections->font();
    heading.setBold(true);
    m_connections->setFont(heading);
    m_connections->hide();
    m_chooseKeepInTouch = new QPushButton(tr("&Choose Whom to Keep in Touch With…"), page);
    m_chooseKeepInTouch->setObjectName(QStringLiteral("chooseKeepInTouch"));
    m_chooseKeepInTouch->setToolTip(tr("Shows them in Contacts, ready to be given a keep-in-touch cadence"));
    m_chooseKeepInTouch->setAutoDefault(false);
    m_chooseKeepInTouch->hide();
    connect(m_chooseKeepInTouch, &QPushButton::clicked, this, [this] {
        const QList<qint64> connections = addedConnections();
        Q_EMIT keepInTouchRequested(connections);
        accept();
    });
    auto* choose = new QHBoxLayout;
    choose->addWidget(m_chooseKeepInTouch);
    choose->addStretch();
    m_skippedHeading = wrappingLabel(page);
    m_skippedHeading->hide();
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_result);
    layout->addSpacing(12);
    layout->addWidget(m_connections);
    layout->addLayout(choose);
    layout->addSpacing(12);
    layout->addWidget(m_skippedHeading);
    layout->addWidget(m_skipped, 1);
    layout->addStretch();
    page->setFinalPage(true);
    setPage(ResultPage, page);
}

void ImportWizard::readFile(int file)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    Result<ParsedImport> parsed = Error { QString() };
    qint64 usable = 0;
    if (m_dialects.at(file)) {
        // A chosen dialect is read whole (ImportReader); only the first rows are kept.
        parsed = ImportReader::readFile(m_files.at(file), m_dialects.at(file), m_options.at(file));
        if (parsed) {
            usable = parsed->records.size();
            if (parsed->records.size() > kPreviewRows)
                parsed->records.resize(kPreviewRows);
            if (parsed->skipped.size() > kPreviewRows)
                parsed->skipped.resize(kPreviewRows);
            parsed->records.squeeze();
        }
    } else if (auto stream = ImportStream::openFile(m_files.at(file), m_options.at(file)); !stream) {
        parsed = Error { stream.error() };
    } else {
        ParsedImport head = (*stream)->description();
        ParsedImport batch;
        while ((*stream)->next(batch, kBatchRows)) {
            usable += batch.records.size();
            head.rowCount += batch.rowCount;
            for (qsizetype i = 0; i < batch.records.size() && head.records.size() < kPreviewRows; ++i)
                head.records.append(std::move(batch.records[i]));
            for (qsizetype i = 0; i < batch.skipped.size() && head.skipped.size() < kPreviewRows; ++i)
                head.skipped.append(std::move(batch.skipped[i]));
            batch = ParsedImport();
        }
        if (!(*stream)->error().isEmpty())
            parsed = Error { (*stream)->error() };
        else
            parsed = std::move(head);
    }
    giveBackFreedMemory();
    QApplication::restoreOverrideCursor();
    if (parsed) {
        m_parsed[file] = std::move(*parsed);
        m_usable[file] = usable;
        m_errors[file].clear();
    } else {
        m_parsed[file] = ParsedImport();
        m_usable[file] = 0;
        m_errors[file] = parsed.error();
    }
    m_formatPage->updateComplete();
}

void ImportWizard::showFile(int file)
{
    if (file < 0 || file >= m_files.size())
        return;
    const ParsedImport& parsed = m_parsed.at(file);
    const CsvDialect dialect = m_dialects.at(file).value_or(parsed.dialect);
    m_formatBox->setCurrentIndex(m_formatBox->findData(int(m_options.at(file).format.value_or(parsed.format))));
    m_encodingBox->setCurrentIndex(m_encodingBox->findData(int(dialect.encoding)));
    m_delimiterBox->setCurrentIndex(m_delimiterBox->findData(dialect.delimiter));
    if (!m_errors.at(file).isEmpty()) {
        m_formatStatus->setText(tr("This file cannot be imported as it is: %1").arg(m_errors.at(file)));
        return;
    }
    m_formatStatus->setText(tr("%1 data rows, %2 usable. Columns: %3")
                                .arg(QLocale().toString(parsed.rowCount), QLocale().toString(m_usable.at(file)),
                                     parsed.header.join(QStringLiteral(", "))));
}

int ImportWizard::nextId() const
{
    switch (currentId()) {
    case FormatPage: {
        const bool generic = std::any_of(m_parsed.cbegin(), m_parsed.cend(),
                                         [](const ParsedImport& p) { return p.format == ImportFormat::Generic; });
        return generic ? MappingPage : PreviewPage;
    }
    case MappingPage:
        return PreviewPage;
    case PreviewPage:
        return ImportPage;
    case ImportPage:
        return ResultPage;
    default:
        return -1;
    }
}

void ImportWizard::fillMapping()
{
    while (m_mappingTabs->count() > 0)
        delete m_mappingTabs->widget(0);
    const QStringList fields = ImportFormats::mappableFields();
    for (int file = 0; file < int(m_files.size()); ++file) {
        m_mappingTables[file] = nullptr;
        const ParsedImport& parsed = m_parsed.at(file);
        if (parsed.format != ImportFormat::Generic)
            continue;
        auto* table = new QTableWidget(int(parsed.header.size()), 2, m_mappingTabs);
        table->setHorizontalHeaderLabels({ tr("Column"), tr("Field") });
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(true);
        table->setColumnWidth(0, 240);
        for (int column = 0; column < int(parsed.header.size()); ++column) {
            const QString name = parsed.header.at(column);
            auto* item = new QTableWidgetItem(name);
            item->setFlags(Qt::ItemIsEnabled);
            table->setItem(column, 0, item);
            auto* combo = new QComboBox(table);
            combo->setAccessibleName(tr("Field for column %1").arg(name));
            combo->addItem(tr("(ignore)"), QString());
            for (const QString& field : fields)
                combo->addItem(fieldLabel(field), field);
            for (const auto& [mappedColumn, field] : parsed.mapping) {
                if (mappedColumn == name)
                    combo->setCurrentIndex(combo->findData(field));
            }
            table->setCellWidget(column, 1, combo);
        }
        m_mappingTables[file] = table;
        m_mappingTabs->addTab(table, QFileInfo(m_files.at(file)).fileName());
    }
}

ColumnMapping ImportWizard::mappingOf(int file) const
{
    ColumnMapping mapping;
    QTableWidget* table = m_mappingTables.value(file);
    if (!table)
        return mapping;
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto* combo = static_cast<QComboBox*>(table->cellWidget(row, 1));
        if (const QString field = combo->currentData().toString(); !field.isEmpty())
            mapping.append({ table->item(row, 0)->text(), field });
    }
    return mapping;
}

void ImportWizard::initializePage(int id)
{
    if (id == MappingPage) {
        fillMapping();
    } else if (id == PreviewPage) {
        m_preview->setRowCount(0);
        qint64 added = 0, merged = 0, unchanged = 0, skipped = 0, entries = 0;
        int shown = 0;
        QStringList errors;
        Importer importer(m_database);
        m_preview->setUpdatesEnabled(false);
        QApplication::setOverrideCursor(Qt::WaitCursor);
        // Several files (LinkedIn's export) are previewed as they will import, each seeing what the files before it
        // bring (the messages find the people the connections add): they are imported in a transaction that is
        // rolled back at the end.
        const bool together = m_files.size() > 1;
        bool previewed = false;
        const auto previewFiles = [&]() -> Status {
            previewed = true;
            for (int file = 0; file < int(m_files.size()); ++file) {
                // The rows: the first ones only, what they do depends only on what comes before them.
                auto preview = importer.preview(m_parsed.at(file));
                if (!preview) {
                    errors.append(preview.error());
                    continue;
                }
                QList<ImportPreviewRow> rows = preview->rows;
                for (const ImportIssue& issue : std::as_const(preview->skipped))
                    rows.append({ issue.line, ImportAction::Skip, QString(), 0, issue.reason });
                std::stable_sort(rows.begin(), rows.end(),
                                 [](const ImportPreviewRow& a, const ImportPreviewRow& b) { return a.line < b.line; });
                for (const ImportPreviewRow& row : std::as_const(rows)) {
                    if (shown >= kPreviewRows)
                        break;
                    const int at = m_preview->rowCount();
                    m_preview->insertRow(at);
                    const QStringList cells { QLocale().toString(row.line), actionName(row.action), row.name,
                                              row.interactionsAdded ? QLocale().toString(row.interactionsAdded)
                                                                    : QString(),
                                              row.reason };
                    for (int column = 0; column < int(cells.size()); ++column)
                        m_preview->setItem(at, column, new QTableWidgetItem(cells.at(column)));
                    ++shown;
                }
                // The counts: a file of ordinary size read whole and previewed without writing, so that the preview
                // never waits for another process's write lock; a large one streamed through a preview that is
                // rolled back, so that its memory stays bounded.
                Result<ImportSummary> counts = Error { QString() };
                if (m_dialects.at(file) || ExportArchive::fileSize(m_files.at(file)) <= kWholeFileBytes) {
                    auto whole = ImportReader::readFile(m_files.at(file), m_dialects.at(file), m_options.at(file));
                    if (!whole)
                        counts = Error { whole.error() };
                    else
                        counts = together ? importer.apply(*whole) : importer.preview(*whole);
                } else if (auto stream = ImportStream::openFile(m_files.at(file), m_options.at(file)); !stream) {
                    counts = Error { stream.error() };
                } else {
                    counts = together ? importer.apply(**stream) : importer.preview(**stream);
                }
                if (!counts) {
                    errors.append(counts.error());
                    continue;
                }
                added += counts->contactsAdded;
                merged += counts->contactsMerged;
                entries += counts->interactionsAdded;
                skipped += std::max<qint64>(counts->skippedCount, counts->skipped.size());
                unchanged += counts->rowsUnchanged;
            }
            return Error { QString() }; // takes back what the files previewed together wrote
        };
        const Status rolledBack = together ? m_database.transaction(previewFiles) : previewFiles();
        if (!previewed)
            errors.append(rolledBack.error());
        giveBackFreedMemory();
        QApplication::restoreOverrideCursor();
        m_preview->setUpdatesEnabled(true);
        m_preview->resizeColumnToContents(0);
        m_preview->resizeColumnToContents(1);
        m_preview->setColumnWidth(2, 220);
        QString summary = tr("%1 contacts to add, %2 to merge, %3 already there, %4 rows skipped; %5 interactions "
                             "to log.")
                              .arg(QLocale().toString(added), QLocale().toString(merged), QLocale().toString(unchanged),
                                   QLocale().toString(skipped), QLocale().toString(entries));
        if (!errors.isEmpty())
            summary += u'\n' + errors.join(u'\n');
        m_previewSummary->setText(summary);
    } else if (id == ImportPage) {
        startImport();
    }
}

bool ImportWizard::validateCurrentPage()
{
    if (currentId() == MappingPage) {
        for (int file = 0; file < int(m_files.size()); ++file) {
            if (!m_mappingTables.value(file))
                continue;
            m_options[file].mapping = mappingOf(file);
            m_options[file].format = ImportFormat::Generic;
            readFile(file);
            if (!m_errors.at(file).isEmpty()) {
                auto* page = currentPage();
                page->setSubTitle(m_errors.at(file));
                return false;
            }
        }
    }
    return QWizard::validateCurrentPage();
}

void ImportWizard::startImport()
{
    m_finished = false;
    m_progress->setRange(0, 0);
    m_importStatus->setText(tr("Importing…"));
    QList<ImportSource> sources;
    qint64 records = 0;
    for (int file = 0; file < int(m_files.size()); ++file) {
        sources.append({ m_files.at(file), m_options.at(file), m_dialects.at(file), {} });
        records += m_usable.at(file);
    }
    m_worker = std::make_unique<ImportWorker>(m_database.path(), std::move(sources), records);
    connect(m_worker.get(), &ImportWorker::progress, this, [this](qint64 done, qint64 total) {
        //: Import progress: "12,000 of 30,000 rows"
        m_importStatus->setText(tr("%1 of %2 rows").arg(locale().toString(done), locale().toString(total)));
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(m_worker.get(), &ImportWorker::finished, this, &ImportWizard::importDone);
    m_worker->start();
}

void ImportWizard::importDone()
{
    if (!m_worker || m_finished)
        return;
    m_progress->setRange(0, 1000);
    if (!m_worker->succeeded()) {
        m_progress->setValue(0);
        m_importStatus->setText(m_worker->cancelled() ? tr("Cancelled: nothing was imported.")
                                                      : tr("Nothing was imported: %1").arg(m_worker->error()));
        return;
    }
    m_progress->setValue(1000);
    int added = 0, merged = 0, entries = 0;
    QStringList skipped;
    qint64 skippedCount = 0, conflicts = 0, duplicates = 0;
    QStringList duplicateNames;
    for (const ImportSummary& summary : m_worker->summaries()) {
        added += summary.contactsAdded;
        merged += summary.contactsMerged;
        entries += summary.interactionsAdded;
        conflicts += summary.conflictCount;
        duplicates += summary.possibleDuplicateCount;
        for (const ImportPossibleDuplicate& duplicate : summary.possibleDuplicates) {
            if (duplicateNames.size() < 5 && !duplicateNames.contains(duplicate.name))
                duplicateNames.append(duplicate.name);
        }
        skippedCount += std::max<qint64>(summary.skippedCount, summary.skipped.size());
        for (const ImportIssue& issue : summary.skipped)
            skipped.append(tr("Line %1: %2").arg(QLocale().toString(issue.line), issue.reason));
    }
    if (skippedCount > skipped.size())
        skipped.append(tr("… and %1 more.").arg(QLocale().toString(skippedCount - skipped.size())));
    QString text = tr("Added %1 contacts, merged %2 and logged %3 interactions. Edit → Undo takes the whole "
                      "import back.")
                       .arg(QLocale().toString(added), QLocale().toString(merged), QLocale().toString(entries));
    // What the merge left out and could not tell (see Importer).
    if (conflicts > 0) {
        text += u' '
            + (conflicts == 1 ? tr("1 value that differs from what your contact has was left out; yours is kept.")
                              : tr("%1 values that differ from what your contacts have were left out; yours are kept.")
                                    .arg(QLocale().toString(conflicts)));
    }
    if (duplicates > 0) {
        text += u' '
            + (duplicates == 1 ? tr("1 contact was added beside one of the same name and may be the same person (%1): "
                                    "merge them if it is.")
                               : tr("%1 contacts were added beside ones of the same name and may be the same people "
                                    "(%2): merge them if they are.")
                                     .arg(QLocale().toString(duplicates)))
                  .arg(duplicateNames.join(QStringLiteral(", ")));
    }
    m_result->setText(text);
    m_skippedHeading->setText(skippedCount == 1 ? tr("1 row was skipped:")
                                                : tr("%1 rows were skipped:").arg(QLocale().toString(skippedCount)));
    m_skippedHeading->setVisible(!skipped.isEmpty());
    m_skipped->setPlainText(skipped.join(u'\n'));
    m_skipped->setVisible(!skipped.isEmpty());
    const qsizetype connections = m_worker->addedConnections().size();
    //: After an import: "1,500 connections came in. Rapport plans check-ins only with those you choose…"
    m_connections->setText(
        (connections == 1 ? tr("1 connection came in.")
                          : tr("%1 connections came in.").arg(QLocale().toString(connections)))
        + u' '
        + tr("Rapport plans check-ins only with the people you give a keep-in-touch cadence: choose the few "
             "you want to stay close to."));
    m_connections->setVisible(connections > 0);
    m_chooseKeepInTouch->setVisible(connections > 0);
    m_importStatus->setText(tr("Imported."));
    m_finished = true;
    m_importPage->updateComplete();
    Q_EMIT imported(m_worker->files(), m_worker->checkpoint(), m_worker->summaries());
    next();
}

QList<ImportSummary> ImportWizard::summaries() const
{
    return m_worker ? m_worker->summaries() : QList<ImportSummary>();
}

QList<qint64> ImportWizard::addedConnections() const
{
    return m_worker && m_finished ? m_worker->addedConnections() : QList<qint64>();
}

void ImportWizard::reject()
{
    if (m_worker && !m_finished) {
        m_worker->cancelAndWait(); // rolled back: the database is as it was
        if (m_worker->succeeded()) {
            // It committed before Cancel reached it: it stays, and can be undone like any import.
            m_finished = true;
            Q_EMIT imported(m_worker->files(), m_worker->checkpoint(), m_worker->summaries());
        }
    }
    QWizard::reject();
}

} // namespace rapport
