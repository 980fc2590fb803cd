#pragma once

#include "core/domain/Contact.h"
#include "core/domain/Template.h"

#include <QList>
#include <QMap>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QUndoStack;

namespace rapport {

class ContactCommand;
class ContactTableModel;
class Database;
class InteractionListModel;
class KeepInTouchPicker;

// A contact's panel: every field, editable and checked when saved (a profile URL that is not one is
// refused with the reason; the same person already stored is offered as a merge), the keep-in-touch
// cadence (its own, or else the one a tag gives it, said beside), the connect-or-follow advice with its
// reason, and the timeline where an interaction is logged in two clicks (a kind, then Log) and edited or
// deleted. Every change goes on the window's undo stack. The Note tab renders a connection note for the
// contact (as the fields now say) from a template, with its `used / limit` count, and copies it unless it
// is over the account's limit or leaves a placeholder unfilled (the Templates place's rule).
class ContactDialog : public QDialog
{
    Q_OBJECT

public:
    // `contactId` 0 makes a new contact.
    ContactDialog(Database& database, QUndoStack* undoStack, ContactTableModel* model, qint64 contactId,
                  QWidget* parent = nullptr);

    qint64 contactId() const { return m_id; }
    // The contact as the fields now say.
    Contact contact() const;
    InteractionListModel* timeline() const { return m_log; }
    QString errorText() const;

    // Checks and stores the fields; false (with the reason shown) if they cannot be stored.
    bool save();
    void accept() override;

    // Logs an interaction of the kind chosen, with the date, text and link of the log row.
    bool logInteraction();
    void editInteraction(int row);
    void deleteInteraction(int row);

    QComboBox* noteTemplates() const { return m_noteTemplate; }
    QPlainTextEdit* notePreview() const { return m_notePreview; }
    QLabel* noteCounter() const { return m_noteCounter; }
    QLabel* noteStatus() const { return m_noteStatus; }
    // Copies the rendered note; false, with the reason in noteStatus(), when it may not be copied.
    bool copyNote();

private:
    QWidget* createFieldsTab();
    QWidget* createPersonalTab();
    QWidget* createTimeline();
    QWidget* createNoteTab();
    void loadNoteTemplates();
    void updateNote();
    void load(const Contact& contact);
    void reloadTimeline();
    void updateAdvice();
    void updateActions();
    void updateCadenceSource();
    void showError(const QString& error, QWidget* field = nullptr);
    bool push(ContactCommand* command);
    QLineEdit* lineEdit(const QString& name, const QString& accessibleName);

    Database& m_database;
    QUndoStack* m_undoStack;
    ContactTableModel* m_model;
    qint64 m_id;
    Contact m_stored;

    QLineEdit* m_firstName = nullptr;
    QLineEdit* m_lastName = nullptr;
    QLineEdit* m_position = nullptr;
    QLineEdit* m_company = nullptr;
    QLineEdit* m_location = nullptr;
    QLineEdit* m_profileUrl = nullptr;
    QPushButton* m_openProfile = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_phone = nullptr;
    QLineEdit* m_tags = nullptr;
    QCheckBox* m_starred = nullptr;
    KeepInTouchPicker* m_keepInTouch = nullptr;
    QLabel* m_cadenceSource = nullptr; // "from tag “mentor”: …" when the contact has none of its own
    QMap<QString, int> m_tagCadences; // lower-cased tag -> days
    QPlainTextEdit* m_notes = nullptr;
    QComboBox* m_howWeKnow = nullptr;
    QLineEdit* m_event = nullptr;
    QLineEdit* m_mutualConnection = nullptr;
    QLineEdit* m_school = nullptr;
    QLineEdit* m_topic = nullptr;
    QCheckBox* m_highProfile = nullptr;
    QCheckBox* m_littleInCommon = nullptr;
    QCheckBox* m_stayAnonymous = nullptr;
    QLabel* m_advice = nullptr;
    QLabel* m_error = nullptr;

    InteractionListModel* m_log = nullptr;
    QListView* m_timeline = nullptr;
    QComboBox* m_logKind = nullptr;
    QDateTimeEdit* m_logWhen = nullptr;
    QLineEdit* m_logText = nullptr;
    QLineEdit* m_logUrl = nullptr;
    QPushButton* m_logButton = nullptr;
    QPushButton* m_editEntry = nullptr;
    QPushButton* m_deleteEntry = nullptr;
    QLabel* m_saveFirst = nullptr;
    QList<Template> m_noteTemplates;
    QComboBox* m_noteTemplate = nullptr;
    QPlainTextEdit* m_notePreview = nullptr;
    QLabel* m_noteCounter = nullptr;
    QLabel* m_noteStatus = nullptr;
    QPushButton* m_copyNote = nullptr;
    bool m_noteTemplateChosen = false; // else the first template that fits is shown
};

} // namespace rapport
