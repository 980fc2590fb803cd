#pragma once

#include "core/domain/Interaction.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPlainTextEdit;

namespace rapport {

// Edits one entry of a contact's log: its kind, local date and time, text, template and link.
class InteractionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit InteractionDialog(const Interaction& interaction, QWidget* parent = nullptr);

    // The entry with the dialog's values (id and contact unchanged).
    Interaction interaction() const;

private:
    Interaction m_interaction;
    QComboBox* m_kind;
    QDateTimeEdit* m_when;
    QPlainTextEdit* m_text;
    QLineEdit* m_template;
    QLineEdit* m_url;
};

} // namespace rapport
