// The window beside other processes on its database: a file dialog on the database's folder, another
// process writing, another one holding the write lock.
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "ui/MainWindow.h"
#include "ui/models/ContactTableModel.h"
#include "ui/views/ContactsView.h"
#include "ui/views/WeekView.h"

#include "tests/core/TestDatabase.h"
#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#ifdef Q_OS_LINUX
#include <sys/stat.h>
#endif

#include <gtest/gtest.h>

#include <future>
#include <thread>

namespace rapport {
namespace {

class OtherProcessesTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        for (const auto& [first, last] :
             { std::pair { "Ada", "Lovelace" }, std::pair { "Grace", "Hopper" }, std::pair { "Alan", "Turing" } })
            ASSERT_TRUE(addContact(QString::fromUtf8(first), QString::fromUtf8(last)));
    }

    bool addContact(const QString& first, const QString& last)
    {
        Contact contact;
        contact.firstName = first;
        contact.lastName = last;
        return ContactRepository(*m_database).add(contact).ok();
    }

    // rapport-cli on this database, as another process.
    int cli(const QStringList& arguments, QString* out = nullptr)
    {
        QProcess process;
        process.start(QStringLiteral(RAPPORT_CLI_PATH), QStringList { QStringLiteral("--db"), path() } + arguments);
        if (!process.waitForFinished(30000))
            return -1;
        if (out)
            *out = QString::fromUtf8(process.readAllStandardOutput());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    int cliAdd(const QString& first, const QString& last)
    {
        return cli({ QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"), first,
                     QStringLiteral("--last"), last });
    }

    // The names another process reads.
    QStringList namesSeenByAnotherProcess()
    {
        QString out;
        if (cli({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--json") }, &out) != 0)
            return { QStringLiteral("(rapport-cli failed)") };
        QStringList names;
        const QJsonArray rows = QJsonDocument::fromJson(out.toUtf8()).array();
        for (const QJsonValue& row : rows) {
            const QJsonObject contact = row.toObject();
            names.append(contact.value(QStringLiteral("first_name")).toString() + u' '
                         + contact.value(QStringLiteral("last_name")).toString());
        }
        names.sort();
        return names;
    }

    static QStringList listedNames(MainWindow& window)
    {
        QStringList names;
        QAbstractItemModel* model = window.contactsView()->table()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            names.append(model->index(row, ContactTableModel::NameColumn).data().toString());
        return names;
    }

#ifdef Q_OS_LINUX
    // The POSIX locks this process holds on `file`, as the kernel lists them.
    static int locksHeldOn(const QString& file)
    {
        struct stat info = {};
        if (::stat(QFile::encodeName(file).constData(), &info) != 0)
            return -1;
        QFile locks(QStringLiteral("/proc/locks"));
        if (!locks.open(QIODevice::ReadOnly))
            return -1;
        const QString pid = QString::number(QCoreApplication::applicationPid());
        const QString inode = QString::number(info.st_ino);
        int count = 0;
        // "1: POSIX  ADVISORY  READ 4242 08:01:1234567 128 128"
        for (const QByteArray& line : locks.readAll().split('\n')) {
            const QStringList fields = QString::fromLatin1(line).split(u' ', Qt::SkipEmptyParts);
            if (fields.size() >= 6 && fields.at(1) == u"POSIX" && fields.at(4) == pid
                && fields.at(5).section(u':', 2) == inode)
                ++count;
        }
        return count;
    }

    int databaseLocks() const
    {
        return locksHeldOn(path()) + locksHeldOn(path() + QStringLiteral("-shm"));
    }
#endif
};

// The way it broke: File → Import…, the database's folder typed in the file name box, the dialog listing it;
// then another process writes, this one writes, another one writes again.
TEST_F(OtherProcessesTest, AFileDialogOnTheDatabaseFolderLeavesItsFilesToSqlite)
{
    {
        QFile csv(m_dir.filePath(QStringLiteral("Connections.csv")));
        ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
        csv.write("First Name,Last Name\nAda,Lovelace\n");
    }
    auto shownWindow = std::make_unique<MainWindow>(*m_database);
    MainWindow& window = *shownWindow;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(QFile::exists(path() + QStringLiteral("-wal")));
    ASSERT_TRUE(QFile::exists(path() + QStringLiteral("-shm")));
#ifdef Q_OS_LINUX
    const int locksBefore = databaseLocks();
    ASSERT_GT(locksBefore, 0);
    int locksWhileShown = -1;
#endif

    const QString folder = m_dir.path();
    bool shown = false;
    QStringList listed;
    QTimer::singleShot(0, &window, [&] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        shown = true;
        auto* files = dialog->findChild<QFileSystemModel*>();
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        if (!files || !name) {
            dialog->reject();
            return;
        }
        QSignalSpy loaded(files, &QFileSystemModel::directoryLoaded);
        // Typed as the user did: the completer follows each folder on the way.
        QTest::keyClicks(name, folder + u'/');
        QTest::keyClick(name, Qt::Key_Return);
        (void)QTest::qWaitFor(
            [&] {
                return std::any_of(loaded.cbegin(), loaded.cend(),
                                   [&](const QList<QVariant>& args) { return args.at(0).toString() == folder; });
            },
            10000);
        QTest::qWait(300); // the icons and types of what was listed
        QAbstractItemModel* shownModel = dialog->proxyModel() ? static_cast<QAbstractItemModel*>(dialog->proxyModel())
                                                              : static_cast<QAbstractItemModel*>(files);
        QModelIndex root = files->index(folder);
        if (dialog->proxyModel())
            root = dialog->proxyModel()->mapFromSource(root);
        for (int row = 0; row < shownModel->rowCount(root); ++row)
            listed.append(shownModel->index(row, 0, root).data().toString());
#ifdef Q_OS_LINUX
        locksWhileShown = databaseLocks();
#endif
        dialog->reject();
    });
    QAction* import = window.findChild<QAction*>(QStringLiteral("importAction"));
    ASSERT_NE(import, nullptr);
    import->trigger();
    ASSERT_TRUE(shown) << "File → Import… showed no dialog";
    EXPECT_TRUE(listed.contains(QStringLiteral("Connections.csv"))) << listed.join(u',').toStdString();
    for (const char* hidden : { "rapport.sqlite", "rapport.sqlite-wal", "rapport.sqlite-shm" })
        EXPECT_FALSE(listed.contains(QString::fromLatin1(hidden))) << hidden;
#ifdef Q_OS_LINUX
    EXPECT_EQ(locksWhileShown, locksBefore) << "the dialog dropped SQLite's locks";
    EXPECT_EQ(databaseLocks(), locksBefore) << "the dialog dropped SQLite's locks";
#endif

    ASSERT_EQ(cliAdd(QStringLiteral("Cli"), QStringLiteral("One")), 0);
    ASSERT_TRUE(addContact(QStringLiteral("Window"), QStringLiteral("Two")));
    ASSERT_EQ(cliAdd(QStringLiteral("Cli"), QStringLiteral("Three")), 0);

    const QStringList everyone { QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing"),
                                 QStringLiteral("Cli One"),      QStringLiteral("Cli Three"),
                                 QStringLiteral("Grace Hopper"), QStringLiteral("Window Two") };
    EXPECT_EQ(namesSeenByAnotherProcess().join(u','), everyone.join(u',')) << "what another process reads";

    shownWindow.reset();
    reopen();
    QSqlQuery check(m_database->connection());
    ASSERT_TRUE(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
    EXPECT_EQ(check.value(0).toString(), QStringLiteral("ok"));
    auto all = ContactRepository(*m_database).all();
    ASSERT_TRUE(all.ok());
    QStringList names;
    for (const Contact& contact : *all)
        names.append(contact.fullName());
    names.sort();
    EXPECT_EQ(names.join(u','), everyone.join(u',')) << "what is stored once every connection closed";
}

TEST_F(OtherProcessesTest, AContactAddedByAnotherProcessAppearsWithoutAsking)
{
    MainWindow window(*m_database);
    window.showPlace(MainWindow::Place::Contacts);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_EQ(listedNames(window).size(), 3);

    ASSERT_EQ(cliAdd(QStringLiteral("Katherine"), QStringLiteral("Johnson")), 0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return listedNames(window).contains(QStringLiteral("Katherine Johnson")); },
                                MainWindow::kChangeCheckMs * 3))
        << listedNames(window).join(u',').toStdString();
}

TEST_F(OtherProcessesTest, ReloadAllShowsDataReplacedInPlaceAndForgetsTheUndoHistory)
{
    MainWindow window(*m_database);
    window.showPlace(MainWindow::Place::Contacts);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.contactsView()->table()->selectRow(0);
    ASSERT_TRUE(window.contactsView()->setKeepInTouch(30).ok());
    ASSERT_EQ(window.undoStack()->count(), 1);

    // Through the window's own connection, as an in-place restore does: nothing to notice on its own.
    ASSERT_TRUE(addContact(QStringLiteral("Mary"), QStringLiteral("Jackson")));
    window.reloadAll();
    EXPECT_TRUE(listedNames(window).contains(QStringLiteral("Mary Jackson")));
    EXPECT_EQ(window.undoStack()->count(), 0);
}

// Another Rapport (or an import from the command line) holds the write lock while the window writes.
TEST_F(OtherProcessesTest, AWriteHeldBackByAnotherWriterNeitherFreezesTheWindowNorLeavesABanner)
{
    MainWindow window(*m_database);
    window.showPlace(MainWindow::Place::Contacts);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    const qint64 ada = ContactRepository(*m_database).all().value().first().id;

    std::promise<bool> held;
    std::promise<void> release;
    std::future<void> released = release.get_future();
    std::thread holder([&] {
        auto other = Database::open(path());
        if (!other) {
            held.set_value(false);
            return;
        }
        (void)(*other)->transaction([&]() -> Status {
            held.set_value(true);
            released.wait();
            return success();
        });
    });
    const bool holding = held.get_future().get();
    if (!holding) {
        release.set_value();
        holder.join();
        FAIL() << "the second connection did not open";
    }

    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longest = std::max(longest, clock.elapsed() - last);
        last = clock.elapsed();
    });
    clock.start();
    ticker.start();
    Status written = Error { QStringLiteral("not written yet") };
    QTimer::singleShot(50, &window, [&] {
        window.contactsView()->table()->selectRow(0);
        written = window.contactsView()->setKeepInTouch(30);
    });
    QTest::qWait(1500);
    QTest::qWait(100); // a stall inside the first wait ends it: the ticker measures it in this one
    QWidget* waiting = window.findChild<QWidget*>(QStringLiteral("writeWaitBanner"));
    const bool waitingShown = waiting && waiting->isVisible();

    release.set_value();
    holder.join();
    ticker.stop();
    EXPECT_LT(longest, 1000) << "the window stood still for " << longest << " ms";
    EXPECT_TRUE(written.ok()) << written.error().toStdString();
    EXPECT_TRUE(waitingShown) << "the window says that it waits";

    ASSERT_NE(waiting, nullptr);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !waiting->isVisible(); }, 5000)) << "the banner clears itself";
    EXPECT_EQ(ContactRepository(*m_database).find(ada).value().keepInTouchDays, 30) << "the change was made";
    EXPECT_EQ(window.undoStack()->count(), 1) << "and can be undone";
    EXPECT_FALSE(window.weekView()->errorLabel()->isVisible());
}

} // namespace
} // namespace rapport
