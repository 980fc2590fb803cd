#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TemplateRepository.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/ContactDialog.h"
#include "ui/models/InteractionListModel.h"
#include "ui/views/ContactsView.h"
#include "ui/views/TemplatesView.h"

#include "tests/core/TestDatabase.h"
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace rapport {
namespace {

// Every text field of the contact panel and the template editor, fed what users paste by accident: nothing,
// 10,000-character lines, a 1 MB note, control characters and text that was not UTF-8. Huge text is kept
// whole; bad text is refused naming the field, and what was stored stays as it was.
class DialogBadInputTest : public test::DatabaseTest
{
protected:
    static QLineEdit* field(ContactDialog* dialog, const char* name)
    {
        return dialog->findChild<QLineEdit*>(QString::fromLatin1(name));
    }

    int contactCount() { return ContactRepository(*m_database).count().value(); }

    // The one-line fields of the contact panel (the profile URL and email have rules of their own).
    static constexpr const char* kLineFields[]
        = { "firstName", "lastName", "position", "company",          "location", "phone",
            "tags",      "event",    "school",   "mutualConnection", "topic" };
};

TEST_F(DialogBadInputTest, AnEmptyContactIsRefusedWithTheReason)
{
    MainWindow window(*m_database);
    ContactDialog* dialog = window.contactsView()->openContact(0);
    EXPECT_FALSE(dialog->save());
    EXPECT_EQ(dialog->errorText(), QStringLiteral("A contact needs a first or a last name."));
    EXPECT_EQ(contactCount(), 0);
}

TEST_F(DialogBadInputTest, HugeTextInEveryContactFieldIsKeptWhole)
{
    const QString huge(10000, u'n');
    // A megabyte of notes, in lines as people write them.
    const QString note = (QString(79, u'x') + u'\n').repeated(13108) + QStringLiteral("last line");
    qint64 id = 0;
    {
        MainWindow window(*m_database);
        ContactDialog* dialog = window.contactsView()->openContact(0);
        for (const char* name : kLineFields) {
            QLineEdit* edit = field(dialog, name);
            ASSERT_NE(edit, nullptr) << name;
            edit->setText(huge + QString::fromLatin1(name));
            EXPECT_EQ(edit->text().size(), huge.size() + qsizetype(qstrlen(name))) << name << " was cut";
        }
        dialog->findChild<QPlainTextEdit*>(QStringLiteral("notes"))->setPlainText(note);
        ASSERT_TRUE(dialog->save()) << dialog->errorText().toStdString();
        id = dialog->contactId();
    }
    reopen();
    const Contact stored = ContactRepository(*m_database).find(id).value();
    EXPECT_EQ(stored.firstName, huge + QStringLiteral("firstName"));
    EXPECT_EQ(stored.company, huge + QStringLiteral("company"));
    EXPECT_EQ(stored.topic, huge + QStringLiteral("topic"));
    EXPECT_EQ(stored.tags, QStringList { huge + QStringLiteral("tags") });
    EXPECT_EQ(stored.notes, note);
}

TEST_F(DialogBadInputTest, ControlCharactersAndBrokenTextAreRefusedNamingTheField)
{
    Contact ada;
    ada.firstName = QStringLiteral("Ada");
    ada.lastName = QStringLiteral("Lovelace");
    const qint64 id = ContactRepository(*m_database).add(ada).value();

    MainWindow window(*m_database);
    ContactDialog* dialog = window.contactsView()->openContact(id);
    const struct
    {
        const char* field;
        QString text;
        const char* error;
    } cases[] = {
        { "firstName", QStringLiteral("Ada\u0007"), "First name contains a control character (U+0007)." },
        { "company", QStringLiteral("Analytical\tEngines\u001b"), "Company contains a control character (U+001B)." },
        { "mutualConnection", QStringLiteral("Charles \uFFFD"), "Mutual connection contains bytes that are not valid" },
        { "topic", QStringLiteral("line\u0000break"), "Topic contains a control character (U+0000)." },
    };
    for (const auto& [name, text, error] : cases) {
        SCOPED_TRACE(name);
        QLineEdit* edit = field(dialog, name);
        const QString before = edit->text();
        edit->setText(text);
        EXPECT_FALSE(dialog->save());
        EXPECT_TRUE(dialog->errorText().startsWith(QString::fromUtf8(error))) << dialog->errorText().toStdString();
        EXPECT_EQ(edit->text(), text); // what was typed stays, to be corrected
        edit->setText(before);
    }
    EXPECT_EQ(ContactRepository(*m_database).find(id)->firstName, QStringLiteral("Ada"));
    EXPECT_EQ(ContactRepository(*m_database).find(id)->company, QString());

    // The timeline's quick log refuses the same, and logs nothing.
    dialog->findChild<QLineEdit*>(QStringLiteral("logText"))->setText(QStringLiteral("Hello\u0007"));
    EXPECT_FALSE(dialog->logInteraction());
    EXPECT_TRUE(dialog->errorText().startsWith(u"The note contains a control character (U+0007)."))
        << dialog->errorText().toStdString();
    EXPECT_EQ(dialog->timeline()->rowCount(), 0);
    EXPECT_TRUE(InteractionRepository(*m_database).forContact(id)->isEmpty());
}

TEST_F(DialogBadInputTest, TheTemplateEditorKeepsBadTextButDoesNotStoreIt)
{
    MainWindow window(*m_database);
    window.showPlace(MainWindow::Place::Templates);
    window.show();
    TemplatesView* view = window.templatesView();
    const qint64 id = view->currentTemplateId();
    ASSERT_NE(id, 0);
    const QString stored = TemplateRepository(*m_database).find(id)->body;

    view->bodyEditor()->setPlainText(QStringLiteral("Hi {first_name}\u0007"));
    view->flush();
    EXPECT_EQ(view->copyStatus()->text(), QStringLiteral("Not saved: The text contains a control character (U+0007)."));
    EXPECT_EQ(view->bodyEditor()->toPlainText(), QStringLiteral("Hi {first_name}\u0007"));
    EXPECT_EQ(TemplateRepository(*m_database).find(id)->body, stored);

    const QString huge = (QString(79, u'a') + u'\n').repeated(13108) + QStringLiteral("{first_name}");
    view->bodyEditor()->setPlainText(huge);
    view->flush();
    EXPECT_EQ(TemplateRepository(*m_database).find(id)->body, huge);
}

} // namespace
} // namespace rapport
