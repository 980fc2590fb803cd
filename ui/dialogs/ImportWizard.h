#pragma once

#include "core/io/ImportFormats.h"
#include "core/io/ImportUndo.h"
#include "core/io/Importer.h"

#include <QWizard>

#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QProgressBar;
class QTabWidget;
class QTableWidget;

namespace rapport {

class Database;
class ImportWizardPage;
class ImportWorker;

// Imports one or more CSV files: the detected format, encoding and delimiter (changeable), a column mapping
// for files of no known format (a combo per column, best guess preselected), a preview (added, merged,
// skipped and why), the import itself on a worker thread with a progress bar, and a summary. Cancel at any
// point leaves the database as it was. When the import succeeds, imported() hands over what undo needs. When
// it brought connections, the summary offers to choose whom to keep in touch with (keepInTouchRequested).
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        FormatPage,
        MappingPage,
        PreviewPage,
        ImportPage,
        ResultPage
    };

    ImportWizard(Database& database, QStringList files, QWidget* parent = nullptr);
    ~ImportWizard() override;

    // The files as read with the current choices, each with its first rows only (the preview's); empty
    // entries for files that could not be read. The files are streamed, never held whole.
    const QList<ParsedImport>& parsedFiles() const { return m_parsed; }
    // The usable records of the whole file, counted as it was read.
    qint64 usableRecords(int file) const { return m_usable.value(file); }
    QString fileError(int file) const { return m_errors.value(file); }
    bool importFinished() const { return m_finished; }
    QList<ImportSummary> summaries() const;
    // The connections the import added (empty until it finished).
    QList<qint64> addedConnections() const;

    int nextId() const override;
    void initializePage(int id) override;
    bool validateCurrentPage() override;
    void reject() override;

Q_SIGNALS:
    // The import was committed: `checkpoint` is the state before it, for undo.
    void imported(const QList<rapport::ImportSource>& files, const rapport::ImportCheckpoint& checkpoint,
                  const QList<rapport::ImportSummary>& summaries);
    // "Choose whom to keep in touch with…" was clicked (the wizard closes): the caller shows `connections`.
    void keepInTouchRequested(const QList<qint64>& connections);

private:
    void createFormatPage();
    void createMappingPage();
    void createPreviewPage();
    void createImportPage();
    void createResultPage();
    void readFile(int file);
    void showFile(int file);
    void fillMapping();
    ColumnMapping mappingOf(int file) const;
    void startImport();
    void importDone();

    Database& m_database;
    QStringList m_files;
    QList<ParsedImport> m_parsed;
    QList<qint64> m_usable;
    QStringList m_errors;
    QList<ImportOptions> m_options;
    QList<std::optional<CsvDialect>> m_dialects; // set when the user changed the sniffed one

    ImportWizardPage* m_formatPage = nullptr;
    QComboBox* m_fileBox = nullptr;
    QComboBox* m_formatBox = nullptr;
    QComboBox* m_encodingBox = nullptr;
    QComboBox* m_delimiterBox = nullptr;
    QLabel* m_formatStatus = nullptr;
    QTabWidget* m_mappingTabs = nullptr;
    QList<QTableWidget*> m_mappingTables; // per file; null for files of a known format
    QTableWidget* m_preview = nullptr;
    QLabel* m_previewSummary = nullptr;
    ImportWizardPage* m_importPage = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_importStatus = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_skippedHeading = nullptr;
    QPlainTextEdit* m_skipped = nullptr;
    QLabel* m_connections = nullptr;
    QPushButton* m_chooseKeepInTouch = nullptr;
    std::unique_ptr<ImportWorker> m_worker;
    bool m_finished = false;
};

} // namespace rapport
