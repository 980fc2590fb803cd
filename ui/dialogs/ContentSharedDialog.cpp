#include "ui/dialogs/ContentSharedDialog.h"

#include "ui/views/StatusColors.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rapport {

ContentSharedDialog::ContentSharedDialog(const QString& contactName, QWidget* parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_title(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Content shared with %1").arg(contactName));
    m_url->setPlaceholderText(tr("https://…"));
    m_url->setObjectName(QStringLiteral("url"));
    m_title->setPlaceholderText(tr("Optional: the article's title"));
    m_title->setObjectName(QStringLiteral("title"));
    m_problem->setWordWrap(true);
    QPalette palette = m_problem->palette();
    palette.setColor(QPalette::WindowText, StatusColors::error(palette));
    m_problem->setPalette(palette);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Log"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("&Title:"), m_title);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("What did you share? The address is kept in the contact's history."), this));
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);

    connect(m_url, &QLineEdit::textChanged, this, &ContentSharedDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    m_problem->clear(); // no complaint before the user has typed anything
}

QString ContentSharedDialog::urlProblem(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the address of what you shared.");
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return tr("“%1” is not a web address; it should start with https://.").arg(trimmed);
    if (url.scheme() != u"http" && url.scheme() != u"https")
        return tr("Only web addresses (http or https) can be logged, not %1:.").arg(url.scheme());
    if (url.host().isEmpty() || !url.host().contains(u'.'))
        return tr("“%1” has no website in it (such as example.com).").arg(trimmed);
    return {};
}

QUrl ContentSharedDialog::url() const
{
    return QUrl(m_url->text().trimmed(), QUrl::StrictMode);
}

QString ContentSharedDialog::title() const
{
    return m_title->text().simplified();
}

void ContentSharedDialog::validate()
{
    const QString problem = urlProblem(m_url->text());
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace rapport
