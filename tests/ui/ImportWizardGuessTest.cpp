// The import wizard with a file whose columns Rapport guesses wrongly.
#include "core/io/ImportFormats.h"
#include "core/storage/ContactRepository.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/ImportWizard.h"

#include "tests/core/TestDatabase.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QTest>

#include <gtest/gtest.h>

namespace rapport {
namespace {

class ImportWizardGuessTest : public test::DatabaseTest
{
protected:
    static void clickNext(ImportWizard* wizard)
    {
        QAbstractButton* next
            = wizard->button(wizard->currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
        ASSERT_TRUE(next->isEnabled()) << "page " << wizard->currentId();
        QTest::mouseClick(next, Qt::LeftButton);
    }
};

// The command line refuses a guess under which every row would be skipped; the wizard asks for the columns.
TEST_F(ImportWizardGuessTest, AGuessThatWouldSkipEveryRowAsksForTheColumns)
{
    const QString path = m_dir.filePath(QStringLiteral("people.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("Surname,Vollständiger Name,Firma\n,Ada Lovelace,Analytical\n,Grace Hopper,Navy\n");
    file.close();

    MainWindow window(*m_database);
    ImportWizard* wizard = window.openImportWizard({ path });
    ASSERT_EQ(wizard->parsedFiles().size(), 1);
    EXPECT_EQ(wizard->parsedFiles().first().format, ImportFormat::Generic);
    auto* status = wizard->findChild<QLabel*>(QStringLiteral("formatStatus"));
    ASSERT_NE(status, nullptr);
    EXPECT_FALSE(status->text().contains(QStringLiteral("cannot be imported"))) << status->text().toStdString();
    clickNext(wizard);
    ASSERT_EQ(wizard->currentId(), ImportWizard::MappingPage);
    for (QComboBox* combo : wizard->findChildren<QComboBox*>()) {
        if (combo->accessibleName() == u"Field for column Vollständiger Name")
            combo->setCurrentIndex(combo->findData(QStringLiteral("name")));
        if (combo->accessibleName() == u"Field for column Surname")
            combo->setCurrentIndex(0); // ignore
    }
    clickNext(wizard);
    ASSERT_EQ(wizard->currentId(), ImportWizard::PreviewPage);
    clickNext(wizard);
    ASSERT_TRUE(QTest::qWaitFor([&] { return wizard->importFinished(); }, 30000));
    EXPECT_EQ(ContactRepository(*m_database).count().value(), 2);
}

} // namespace
} // namespace rapport
