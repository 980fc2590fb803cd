#pragma once

#include "core/domain/Contact.h"
#include "core/domain/Template.h"
#include "core/stats/RateCount.h"

#include <QHash>

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QToolButton;
class QUndoStack;

namespace rapport {

class Database;
class PlanWorker;
class TemplateCommand;
class TemplateListModel;

// The Templates place: the list of templates and an editor for the selected one, with a live character
// counter, a preview for a chosen contact, the lint warnings, and "Copy".
class TemplatesView : public QWidget
{
    Q_OBJECT

public:
    // Empty until reload().
    // The preview shows, by default, the next contact `planner`'s plan of this week suggests a request to
    // (without a planner, the first contact).
    TemplatesView(Database& database, QUndoStack* undoStack, PlanWorker* planner = nullptr, QWidget* parent = nullptr);
    ~TemplatesView() override;

    // Reads templates, contacts, the account type and the user's name again; while hidden, when next shown.
    void reload();
    void selectTemplate(qint64 id);
    qint64 currentTemplateId() const;
    // The contact the preview is rendered for.
    void setPreviewContact(qint64 contactId);
    // The contact the preview renders the template for, if any.
    const Contact* previewContact() const;

    // Saves a pending body edit now.
    void flush();

    QPlainTextEdit* bodyEditor() const { return m_body; }
    QLabel* counter() const { return m_counter; }
    QLabel* previewCounter() const { return m_previewCounter; }
    QPlainTextEdit* preview() const { return m_preview; }
    QLabel* lintLabel() const { return m_lint; }
    QPushButton* copyButton() const { return m_copy; }
    QLabel* copyStatus() const { return m_copyStatus; }
    QLabel* statsLabel() const { return m_stats; }
    TemplateListModel* model() const { return m_model; }

    // "used / limit" text and the counter's state, for the body and for the preview.
    enum class CounterState
    {
        Normal,
        Warning,
        Error
    };
    static CounterState counterState(qsizetype used, int limit);
    // "Sent with this template: 12 requests · accepted 5 of 10 answered: 50% (95% interval 24–76%)".
    static QString statsText(const RateCount& counts);

    void addTemplate(TemplateKind kind);
    void duplicateTemplate();
    void deleteTemplate();
    void copyNote();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildUi();
    void showTemplate(int row);
    void scheduleSave();
    void refreshCounters();
    void commitName();
    void commitKind();
    void commitForWhom();
    void setMyName();
    int limitFor(TemplateKind kind) const; // 0: no limit
    void updateCounter(QLabel* label, qsizetype used, int limit);
    bool pushCommand(TemplateCommand* command); // false, with the reason shown, if refused

    Database& m_database;
    PlanWorker* m_planner;
    QUndoStack* m_undoStack;
    TemplateListModel* m_model;
    QList<Contact> m_contacts;
    QHash<QString, RateCount> m_templateStats; // by template name, all time
    int m_noteLimit = 300;
    QString m_myName;
    qint64 m_currentId = 0;
    bool m_loading = false;
    bool m_stale = true; // reload() was asked for while hidden

    QListView* m_list = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_forWhom = nullptr; // whom a connection note is for: anyone, or how we know them
    QPlainTextEdit* m_body = nullptr;
    QToolButton* m_insert = nullptr;
    QLabel* m_counter = nullptr;
    QComboBox* m_contact = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QLabel* m_previewCounter = nullptr;
    QLabel* m_lint = nullptr;
    QLabel* m_stats = nullptr;
    QPushButton* m_copy = nullptr;
    QLabel* m_copyStatus = nullptr;
    QLineEdit* m_myNameEdit = nullptr;
    QWidget* m_editor = nullptr;
    QTimer* m_saveTimer = nullptr;
};

} // namespace rapport
