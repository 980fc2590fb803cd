#include "ui/dialogs/ImportWizard.h"
#include "core/io/ImportFormats.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "ui/MainWindow.h"
#include "ui/commands/ImportCommand.h"
#include "ui/models/ContactFilterProxy.h"
#include "ui/models/ContactTableModel.h"
#include "ui/views/ContactsView.h"
#include "ui/workers/ImportWorker.h"

#include "tests/core/TestDatabase.h"
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
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

TEST_F(ImportWizardTest, TheResultSaysHowManyConnectionsCameInAndOffersToChooseWhomToKeepInTouchWith)
{
    Contact ada;
    ada.firstName = QStringLiteral("Ada");
    ada.lastName = QStringLiteral("Lovelace");
    ASSERT_TRUE(ContactRepository(*m_database).add(ada).ok());
    MainWindow window(*m_database);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ImportWizard* wizard = window.openImportWizard({ fixture("linkedin-connections.csv") });
    clickNext(wizard);
    clickNext(wizard); // Import
    ASSERT_TRUE(QTest::qWaitFor([&] { return wizard->importFinished(); }, 10000));
    ASSERT_EQ(wizard->currentId(), ImportWizard::ResultPage);
    auto* cameIn = wizard->findChild<QLabel*>(QStringLiteral("connectionsCameIn"));
    ASSERT_NE(cameIn, nullptr);
    ASSERT_TRUE(cameIn->isVisible());
    EXPECT_TRUE(cameIn->text().startsWith(QStringLiteral("4 connections came in."))) << cameIn->text().toStdString();
    // The row without a name is listed in a box of its own, so that hundreds of them keep the page on screen.
    auto* skipped = wizard->findChild<QPlainTextEdit*>(QStringLiteral("skippedRows"));
    ASSERT_NE(skipped, nullptr);
    EXPECT_TRUE(skipped->isVisible());
    EXPECT_TRUE(skipped->toPlainText().startsWith(u"Line 8: ")) << skipped->toPlainText().toStdString();
    EXPECT_FALSE(wizard->findChild<QLabel*>(QStringLiteral("result"))->text().contains(u"Line 8"));
    auto* choose = wizard->findChild<QPushButton*>(QStringLiteral("chooseKeepInTouch"));
    ASSERT_NE(choose, nullptr);
    ASSERT_TRUE(choose->isVisible());
    EXPECT_EQ(choose->text(), QStringLiteral("&Choose Whom to Keep in Touch With…"));
    QTest::mouseClick(choose, Qt::LeftButton);

    EXPECT_TRUE(QTest::qWaitFor([&] { return !window.importWizard(); }, 5000)) << "the wizard closes";
    EXPECT_EQ(window.currentPlace(), MainWindow::Place::Contacts);
    ContactsView* contacts = window.contactsView();
    EXPECT_EQ(contacts->model()->rowCount(), 5);
    ASSERT_EQ(contacts->proxy()->rowCount(), 4) << "only the connections that came in";
    ASSERT_NE(contacts->filterBanner(), nullptr);
    EXPECT_TRUE(contacts->filterBanner()->isVisible());
    EXPECT_TRUE(contacts->filterBanner()->findChild<QLabel*>()->text().contains(u"4 connections"));

    // The bulk action at hand: all of them, Close.
    QTableView* table = contacts->table();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
    ASSERT_EQ(contacts->selectedIds().size(), 4);
    ASSERT_TRUE(contacts->keepInTouchAction()->isEnabled());
    contacts->keepInTouchAction()->menu()->findChild<QAction*>(QStringLiteral("keepInTouch-close"))->trigger();
    for (const Contact& contact : ContactRepository(*m_database).all().value())
        EXPECT_EQ(contact.keepInTouchDays, contact.lastName == u"Lovelace" ? 0 : 30)
            << contact.fullName().toStdString();
    EXPECT_EQ(window.undoStack()->undoText(), QStringLiteral("Keep in touch with 4 contacts"));

    QTest::mouseClick(contacts->filterBanner()->findChild<QPushButton*>(QStringLiteral("showAllContacts")),
                      Qt::LeftButton);
    EXPECT_EQ(contacts->proxy()->rowCount(), 5);
    EXPECT_FALSE(contacts->filterBanner()->isVisible());
}

TEST_F(ImportWizardTest, AnImportWithoutConnectionsOffersNoKeepInTouch)
{
    MainWindow window(*m_database);
    ImportWizard* wizard = window.openImportWizard({ fixture("generic-semicolon.csv") });
    clickNext(wizard);
    clickNext(wizard); // the mapping's best guess
    clickNext(wizard); // Import
    ASSERT_TRUE(QTest::qWaitFor([&] { return wizard->importFinished(); }, 10000));
    EXPECT_FALSE(wizard->findChild<QLabel*>(QStringLiteral("connectionsCameIn"))->isVisibleTo(wizard));
    EXPECT_FALSE(wizard->findChild<QPushButton*>(QStringLiteral("chooseKeepInTouch"))->isVisibleTo(wizard));
    wizard->accept();
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
    const qint64 records = parsed->records.size();
    const ImportSource source { fixture("linkedin-connections.csv"), {}, {}, {} };
    ImportWorker worker(m_database->path(), { source }, records);
    QSignalSpy finished(&worker, &ImportWorker::finished);
    worker.cancel();
    worker.start();
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_TRUE(worker.cancelled());
    EXPECT_FALSE(worker.succeeded());
    EXPECT_EQ(contactCount(), 0);

    ImportWorker again(m_database->path(), { source }, records);
    QSignalSpy done(&again, &ImportWorker::finished);
    again.start();
    ASSERT_TRUE(done.wait(10000));
    EXPECT_TRUE(again.succeeded()) << again.error().toStdString();
    EXPECT_EQ(contactCount(), int(parsed->records.size()));
}

TEST_F(ImportWizardTest, ThePreviewListsTheFirstRowsOnlyAndCountsTheWholeFile)
{
    // 1,200 connections, one already stored (merged: it gains a company) and one without a name (skipped).
    Contact known;
    known.firstName = QStringLiteral("Person");
    known.lastName = QStringLiteral("7");
    known.profileUrl = QStringLiteral("https://www.linkedin.com/in/person-7");
    ASSERT_TRUE(ContactRepository(*m_database).add(known).ok());
    const QString path = m_dir.filePath(QStringLiteral("Connections.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n");
    for (int i = 0; i < 1200; ++i) {
        const QByteArray n = QByteArray::number(i);
        file.write(i == 1100
                       ? QByteArray(",,https://www.linkedin.com/in/nobody,,,,01 Jan 2024\r\n")
                       : "Person," + n + ",https://www.linkedin.com/in/person-" + n + ",,Initech,,01 Jan 2024\r\n");
    }
    file.close();
    MainWindow window(*m_database);
    ImportWizard* wizard = window.openImportWizard({ path });
    ASSERT_EQ(wizard->parsedFiles().size(), 1);
    EXPECT_EQ(wizard->parsedFiles().first().records.size(), 500) << "only the rows the preview shows are kept";
    EXPECT_EQ(wizard->usableRecords(0), 1199);
    clickNext(wizard);
    ASSERT_EQ(wizard->currentId(), ImportWizard::PreviewPage);
    auto* preview = wizard->findChild<QTableWidget*>(QStringLiteral("preview"));
    ASSERT_NE(preview, nullptr);
    EXPECT_EQ(preview->rowCount(), 500);
    EXPECT_EQ(preview->item(7, 1)->text(), QStringLiteral("Merge"));
    const QString summary = wizard->findChild<QLabel*>(QStringLiteral("previewSummary"))->text();
    EXPECT_TRUE(summary.startsWith(QStringLiteral("1,198 contacts to add, 1 to merge, 0 already there, 1 rows skipped; "
                                                  "1,199 interactions to log.")))
        << summary.toStdString();
    EXPECT_EQ(contactCount(), 1);
    wizard->reject();
}

TEST_F(ImportWizardTest, ThePreviewOfAnOrdinaryFileDoesNotWaitForAnotherWriter)
{
    const QString path = m_dir.filePath(QStringLiteral("Connections.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
               "Ada,Quill,https://www.linkedin.com/in/ada-quill,,Initech,,01 Jan 2024\r\n");
    file.close();
    // Another writer (a CLI import, say) holds the write lock while the user looks at the preview.
    auto other = Database::open(m_database->path());
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(QSqlQuery((*other)->connection()).exec(QStringLiteral("BEGIN IMMEDIATE")));
    MainWindow window(*m_database);
    ImportWizard* wizard = window.openImportWizard({ path });
    QElapsedTimer timer;
    timer.start();
    clickNext(wizard);
    ASSERT_EQ(wizard->currentId(), ImportWizard::PreviewPage);
    EXPECT_LT(timer.elapsed(), 2000) << "the preview waited for the other writer";
    const QString summary = wizard->findChild<QLabel*>(QStringLiteral("previewSummary"))->text();
    EXPECT_TRUE(summary.startsWith(QStringLiteral("1 contacts to add"))) << summary.toStdString();
    ASSERT_TRUE(QSqlQuery((*other)->connection()).exec(QStringLiteral("ROLLBACK")));
    wizard->reject();
}

TEST_F(ImportWizardTest, RedoOfAnImportWhoseFileChangedIsRefusedWithAMessage)
{
    const QString path = m_dir.filePath(QStringLiteral("Connections.csv"));
    ASSERT_TRUE(QFile::copy(fixture("linkedin-connections.csv"), path));
    ImportWorker worker(m_database->path(), { ImportSource { path, {}, {}, {} } }, 0);
    QSignalSpy finished(&worker, &ImportWorker::finished);
    worker.start();
    ASSERT_TRUE(finished.wait(10000));
    ASSERT_TRUE(worker.succeeded()) << worker.error().toStdString();
    const int imported = contactCount();
    ASSERT_GE(imported, 3);
    EXPECT_TRUE(worker.checkpoint().contacts.isEmpty()) << "nothing merged, nothing kept";
    ImportCommand command(*m_database, worker.files(), worker.checkpoint(), {}, QStringLiteral("Import"));
    ASSERT_TRUE(command.executeUndo()) << command.error().toStdString();
    EXPECT_EQ(contactCount(), 0);
    ASSERT_TRUE(command.execute()) << command.error().toStdString();
    EXPECT_EQ(contactCount(), imported);
    ASSERT_TRUE(command.executeUndo());

    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::Append));
        file.write("Zed,Last,https://www.linkedin.com/in/zed-last,,,,01 Jan 2024\r\n");
    }
    EXPECT_FALSE(command.execute());
    EXPECT_TRUE(command.error().contains(QStringLiteral("changed or is gone since it was imported")))
        << command.error().toStdString();
    EXPECT_EQ(contactCount(), 0);
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

// The result says what the merge kept out (a name differing from the user's) and which new contacts may be
// people the user has already (a namesake without profile URL or email).
TEST_F(ImportWizardTest, TheResultSaysWhatWasLeftOutAndWhoMayBeADuplicate)
{
    Contact ada;
    ada.firstName = QStringLiteral("Ada");
    ada.email = QStringLiteral("ada@example.com");
    ASSERT_TRUE(ContactRepository(*m_database).add(ada).ok());
    Contact john;
    john.firstName = QStringLiteral("John");
    john.lastName = QStringLiteral("Smith");
    john.location = QStringLiteral("London");
    ASSERT_TRUE(ContactRepository(*m_database).add(john).ok());
    const QString path = m_dir.filePath(QStringLiteral("contacts.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("first_name,last_name,profile_url,email,how_we_know,company,location,phone\n"
               "Adeline,Smith,,ada@example.com,,,,\n"
               "John,Smith,,,,,Sydney,\n");
    file.close();
    MainWindow window(*m_database);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ImportWizard* wizard = window.openImportWizard({ path });
    clickNext(wizard);
    clickNext(wizard); // Import
    ASSERT_TRUE(QTest::qWaitFor([&] { return wizard->importFinished(); }, 10000));
    ASSERT_EQ(wizard->currentId(), ImportWizard::ResultPage);
    const QString result = wizard->findChild<QLabel*>(QStringLiteral("result"))->text();
    EXPECT_TRUE(result.contains(QStringLiteral("1 value that differs from what your contact has was left out")))
        << result.toStdString();
    EXPECT_TRUE(result.contains(QStringLiteral("may be the same person (John Smith)"))) << result.toStdString();
    EXPECT_EQ(contactCount(), 3);
}

} // namespace
} // namespace rapport
