#include "core/io/ImportFormats.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/ImportWizard.h"

#include "tests/core/TestDatabase.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

#include <zip.h>

#include <gtest/gtest.h>

namespace rapport {
namespace {

QByteArray fixture(const char* name)
{
    QFile file(QStringLiteral(RAPPORT_TEST_DATA "/import/") + QString::fromLatin1(name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name;
    return file.readAll();
}

// Dropping LinkedIn's export as it is downloaded, a ZIP archive, on the window.
class ImportArchiveTest : public test::DatabaseTest
{
protected:
    QString writeExport()
    {
        const QString path = m_dir.filePath(QStringLiteral("Basic_LinkedInDataExport_12-01-2026.zip"));
        int error = 0;
        zip_t* zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        EXPECT_NE(zip, nullptr);
        m_contents = { fixture("linkedin-messages.csv"), fixture("linkedin-invitations.csv"),
                       fixture("linkedin-connections.csv") };
        const char* names[] = { "Basic_LinkedInDataExport_12-01-2026/messages.csv",
                                "Basic_LinkedInDataExport_12-01-2026/Invitations.csv",
                                "Basic_LinkedInDataExport_12-01-2026/Connections.csv" };
        for (int i = 0; i < 3; ++i) {
            zip_source_t* source
                = zip_source_buffer(zip, m_contents.at(i).constData(), zip_uint64_t(m_contents.at(i).size()), 0);
            EXPECT_GE(zip_file_add(zip, names[i], source, 0), 0);
        }
        EXPECT_EQ(zip_close(zip), 0);
        return path;
    }
    static void drop(QWidget* window, const QString& path)
    {
        QMimeData data;
        data.setUrls({ QUrl::fromLocalFile(path) });
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
    int interactionCount() { return int(InteractionRepository(*m_database).all()->size()); }

    QList<QByteArray> m_contents;
};

TEST_F(ImportArchiveTest, DroppingTheArchiveImportsItsFilesAsOneUndoableImport)
{
    MainWindow window(*m_database);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    drop(&window, writeExport());
    ImportWizard* wizard = window.importWizard();
    ASSERT_NE(wizard, nullptr);
    ASSERT_EQ(wizard->parsedFiles().size(), 3);
    // Connections first, messages last, whatever the archive's order.
    EXPECT_EQ(wizard->parsedFiles().at(0).format, ImportFormat::LinkedInConnections);
    EXPECT_EQ(wizard->parsedFiles().at(1).format, ImportFormat::LinkedInInvitations);
    EXPECT_EQ(wizard->parsedFiles().at(2).format, ImportFormat::LinkedInMessages);
    QStringList shown;
    for (QComboBox* box : wizard->findChildren<QComboBox*>()) {
        if (box->accessibleName() == u"File") {
            for (int i = 0; i < box->count(); ++i)
                shown.append(box->itemText(i));
        }
    }
    EXPECT_EQ(shown,
              (QStringList { QStringLiteral("Connections.csv"), QStringLiteral("Invitations.csv"),
                             QStringLiteral("messages.csv") }));

    clickNext(wizard); // the preview
    EXPECT_EQ(contactCount(), 0);
    const QString preview = wizard->findChild<QLabel*>(QStringLiteral("previewSummary"))->text();
    clickNext(wizard); // Import
    ASSERT_TRUE(QTest::qWaitFor([&] { return wizard->importFinished(); }, 10000));
    ASSERT_EQ(wizard->summaries().size(), 3);
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    const int contacts = contactCount();
    const int interactions = interactionCount();
    EXPECT_GE(contacts, 5);
    // The preview counted the messages' people once, with the connections that bring them.
    EXPECT_TRUE(preview.startsWith(QStringLiteral("%1 contacts to add").arg(contacts))) << preview.toStdString();
    EXPECT_TRUE(preview.contains(QStringLiteral("%1 interactions to log").arg(interactions))) << preview.toStdString();

    ASSERT_EQ(window.undoStack()->count(), 1);
    window.undoStack()->undo();
    EXPECT_EQ(contactCount(), 0);
    EXPECT_EQ(interactionCount(), 0);
    // Redo reads the files from the archive again.
    window.undoStack()->redo();
    EXPECT_EQ(contactCount(), contacts);
    EXPECT_EQ(interactionCount(), interactions);
}

TEST_F(ImportArchiveTest, ADamagedArchiveIsRefusedWithAMessageAndNoWizard)
{
    const QString path = writeExport();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    ASSERT_TRUE(file.resize(file.size() / 2));
    file.close();
    MainWindow window(*m_database);
    window.show();
    drop(&window, path);
    EXPECT_EQ(window.importWizard(), nullptr);
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("archiveRefused"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(u"Basic_LinkedInDataExport_12-01-2026.zip")) << box->text().toStdString();
    EXPECT_EQ(contactCount(), 0);
}

} // namespace
} // namespace rapport
