#include "ui/dialogs/InteractionDialog.h"

#include "ui/models/InteractionListModel.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace rapport {

InteractionDialog::InteractionDialog(const Interaction& interaction, QWidget* parent)
    : QDialog(parent)
    , m_interaction(interaction)
    , m_kind(new QComboBox(this))
    , m_when(new QDateTimeEdit(this))
    , m_text(new QPlainTextEdit(this))
    , m_template(new QLineEdit(this))
    , m_url(new QLineEdit(this))
{
    setWindowTitle(tr("Edit interaction"));
    for (InteractionKind kind : kAllInteractionKinds)
        m_kind->addItem(InteractionListModel::iconFor(kind), displayName(kind), int(kind));
    m_kind->setCurrentIndex(m_kind->findData(int(interaction.kind)));
    m_kind->setAccessibleName(tr("Kind"));
    m_when->setDateTime(interaction.occurredAt.toLocalTime());
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_when->setAccessibleName(tr("Date and time"));
    m_text->setPlainText(interaction.text);
    m_text->setTabChangesFocus(true);
    m_text->setAccessibleName(tr("Text"));
    m_template->setText(interaction.templateName);
    m_template->setAccessibleName(tr("Template"));
    m_url->setText(interaction.url);
    m_url->setAccessibleName(tr("Link"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&When:"), m_when);
    form->addRow(tr("&Text:"), m_text);
    form->addRow(tr("Tem&plate:"), m_template);
    form->addRow(tr("&Link:"), m_url);
    form->addRow(buttons);
}

Interaction InteractionDialog::interaction() const
{
    Interaction changed = m_interaction;
    changed.kind = InteractionKind(m_kind->currentData().toInt());
    changed.occurredAt = m_when->dateTime().toUTC();
    changed.text = m_text->toPlainText().trimmed();
    changed.templateName = m_template->text().trimmed();
    changed.url = m_url->text().trimmed();
    return changed;
}

} // namespace rapport
