#pragma once

#include <QWidget>

class QComboBox;
class QSpinBox;

namespace rapport {

// Chooses a keep-in-touch cadence (domain: Keep in touch): None, one of the presets ("Close (every 30
// days)"), or Custom… with a number of days from 7 to 730 in a spin box shown beside it.
class KeepInTouchPicker : public QWidget
{
    Q_OBJECT

public:
    explicit KeepInTouchPicker(QWidget* parent = nullptr);

    // 0 for none.
    int days() const;
    void setDays(int days);

    QComboBox* combo() const { return m_combo; }
    QSpinBox* spinBox() const { return m_days; }

Q_SIGNALS:
    void daysChanged(int days);

private:
    void update();

    QComboBox* m_combo;
    QSpinBox* m_days;
    int m_emitted = 0;
};

} // namespace rapport
