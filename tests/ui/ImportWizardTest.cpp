#include "ui/dialogs/ImportWizard.h"
#include "core/io/ImportFormats.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "ui/MainWindow.h"
#include "ui/workers/ImportWorker.h"

#include "tests/core/TestDatabase.h"
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

#include <gtest/gtest.h>

namespace rapport {
namespace {

QString fixture(const char* name)
{
    return QStringLiteral(RAPPORT_TEST_DATA "/import/") + QString::fromLatin1(name);
}

class ImportWizardTest : public test::DatabaseTest
{
protected:

    static void drop(QWidget* window, const QStringList& paths)
    {
        QMimeData data;
        QList<QUrl> urls;
        for (const QString& path : paths)
            urls.append(QUrl::fromLocalFile(path));
        data.setUrls(urls);
        const QPoint at(window->width() / 2, window->height() / 2);
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window, &enter);
        ASSERT_TRUE(enter.isAccepted());
        QDropEvent dropped(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window, &dropped);
    }

    static void clickNext(ImportWizard* wizard)
    {
        QAbstractButton* next
            = wizard->button(wizard->currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
        ASSERT_TRUE(next->isEnabled()) << "page " << wizard->currentId();
        QTest::mouseClick(next, Qt::LeftButton);
    }

    int contactCount() { return ContactRepository(*m_database).count().value(); }
};

TEST_F(ImportWizardTest, DroppingConnectionsCsvImportsItAndUndoRedoTheWholeImport)
{
    MainWindow window(*m_database);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    drop(&window, { fixture("linkedin-connections.csv") });
    ImportWizard* wizard = window.importWizard();
    ASSERT_NE(wizard, nullptr);
    ASSERT_TRUE(wizard->isVisible());
    EXPECT_EQ(wizard->currentId(), ImportWizard::FormatPage);
    ASSERT_EQ(wizard->parsedFiles().size(), 1);
    EXPECT_EQ(wizard->parsedFiles().first().format, ImportFormat::LinkedInConnections);

    clickNext(wizard); // to the preview (a known format has no mapping page)
    EXPECT_EQ(wizard->currentId(), ImportWizard::PreviewPage);
    EXPECT_EQ(contactCount(), 0); // the preview changes nothing
    // While it imports, the page counts the rows done.
    auto* status = wizard->findChild<QLabel*>(QStringLiteral("importStatus"));
    ASSERT_NE(status, nullptr);
    QStringList shown;
    QObject::connect(wizard->findChild<QProgressBar*>(), &QProgressBar::valueChanged, status,
                     [&] { shown.append(status->text()); });
    clickNext(wizard); // Import
    ASSERT_TRUE(QTest::qWaitFor([&] { return wizard->importFinished(); }, 10000));
    const QString total = QString::number(wizard->parsedFiles().first().records.size());
    EXPECT_TRUE(shown.contains(QStringLiteral("%1 of %1 rows").arg(total))) << shown.join(u'|').toStdString();
    EXPECT_EQ(wizard->currentId(), ImportWizard::ResultPage);
    const int records = int(wizard->parsedFiles().first().records.size());
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

    const int imported = contactCount();
    EXPECT_EQ(imported, records);
    EXPECT_GE(imported, 3);
    EXPECT_EQ(window.contactsView() != nullptr, true);
    EXPECT_EQ(window.currentPlace(), MainWindow::Place::Contacts);
    ASSERT_EQ(window.undoStack()->count(), 1);

    window.undoStack()->undo();
    EXPECT_EQ(contactCount(), 0);
    EXPECT_TRUE(InteractionRepository(*m_database).all()->isEmpty());
    window.undoStack()->redo();
    EXPECT_EQ(contactCount(), imported);
}

TEST_F(ImportWizardTest, CancellingAddsNothing)
{
    MainWindow window(*m_database);
    ImportWizard* wizard = window.openImportWizard({ fixture("linkedin-connections.csv") });
    clickNext(wizard);
    QTest::mouseClick(wizard->button(QWizard::CancelButton), Qt::LeftButton);
    EXPECT_EQ(contactCount(), 0);
    EXPECT_EQ(window.undoStack()->count(), 0);
}

TEST_F(ImportWizardTest, ACancelledWorkerRollsBackEverything)
{
    auto parsed = ImportFormats::readFile(fixture("linkedin-connections.csv"));
    ASSERT_TRUE(parsed.ok());
    ImportWorker worker(m_database->path(), { *parsed });
    QSignalSpy finished(&worker, &ImportWorker::finished);
    worker.cancel();
    worker.start();
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_TRUE(worker.cancelled());
    EXPECT_FALSE(worker.succeeded());
    EXPECT_EQ(contactCount(), 0);

    ImportWorker again(m_database->path(), { *parsed });
    QSignalSpy done(&again, &ImportWorker::finished);
    again.start();
    ASSERT_TRUE(done.wait(10000));
    EXPECT_TRUE(again.succeeded()) << again.error().toStdString();
    EXPECT_EQ(contactCount(), int(parsed->records.size()));
}

TEST_F(ImportWizardTest, ADroppedFileThatIsNotCsvIsRefusedWithAMessage)
{
    const QString path = m_dir.filePath(QStringLiteral("photo.png"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("\x89PNG");
    file.close();
    MainWindow window(*m_database);
    window.show();
    drop(&window, { path });
    EXPECT_EQ(window.importWizard(), nullptr);
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("notCsv"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(u"photo.png"));
}

TEST_F(ImportWizardTest, AFileOfNoKnownFormatAsksForTheColumnMapping)
{
    MainWindow window(*m_database);
    ImportWizard* wizard = window.openImportWizard({ fixture("generic-semicolon.csv") });
    ASSERT_EQ(wizard->parsedFiles().size(), 1);
    EXPECT_EQ(wizard->parsedFiles().first().format, ImportFormat::Generic);
    clickNext(wizard);
    EXPECT_EQ(wizard->currentId(), ImportWizard::MappingPage);
    // Each column's combo names the fields for people, with the best guess chosen.
    QStringList chosen;
    for (QComboBox* combo : wizard->findChildren<QComboBox*>()) {
        if (combo->accessibleName().startsWith(u"Field for column"))
            chosen.append(combo->currentText());
    }
    EXPECT_EQ(chosen,
              (QStringList { QStringLiteral("First name"), QStringLiteral("Last name"), QStringLiteral("Company"),
                             QStringLiteral("Email"), QStringLiteral("Notes") }));
    clickNext(wizard); // the best guess
    EXPECT_EQ(wizard->currentId(), ImportWizard::PreviewPage);
    wizard->reject();
}

} // namespace
} // namespace rapport
