#pragma once

#include <QDialog>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace rapport {

// Asks what was shared with a contact: the address of the article or post (required, http or https) and,
// optionally, its title. OK stays disabled, with the reason shown, until the address is one a browser opens.
class ContentSharedDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ContentSharedDialog(const QString& contactName, QWidget* parent = nullptr);

    // Why `text` is not an address to log, for people; empty when it is.
    static QString urlProblem(const QString& text);

    QUrl url() const;
    QString title() const;
    QLineEdit* urlEdit() const { return m_url; }
    QLineEdit* titleEdit() const { return m_title; }
    QLabel* problemLabel() const { return m_problem; }
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void validate();

    QLineEdit* m_url;
    QLineEdit* m_title;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace rapport
