#include "ui/dialogs/KeepInTouchPicker.h"

#include "core/domain/KeepInTouch.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSpinBox>

namespace rapport {

namespace {

constexpr int kCustom = -1; // the combo's data for "Custom…"
constexpr int kFirstCustomDays = 60; // between Close and Regular: what someone who wants neither may mean

} // namespace

KeepInTouchPicker::KeepInTouchPicker(QWidget* parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
    , m_days(new QSpinBox(this))
{
    m_combo->setObjectName(QStringLiteral("cadence"));
    m_combo->setAccessibleName(tr("Keep in touch"));
    m_combo->addItem(keep_in_touch::describe(keep_in_touch::kNone), keep_in_touch::kNone);
    for (const keep_in_touch::Preset& preset : keep_in_touch::kPresets)
        m_combo->addItem(keep_in_touch::describe(preset.days), preset.days);
    m_combo->addItem(tr("Custom…"), kCustom);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_days->setObjectName(QStringLiteral("cadenceDays"));
    m_days->setAccessibleName(tr("Keep in touch every so many days"));
    m_days->setRange(keep_in_touch::kMinDays, keep_in_touch::kMaxDays);
    m_days->setValue(kFirstCustomDays);
    //: Before the number of days of a custom keep-in-touch cadence: "every 45 days"
    m_days->setPrefix(tr("every "));
    m_days->setSuffix(tr(" days"));
    m_days->hide();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo);
    layout->addWidget(m_days);
    layout->addStretch();
    setFocusProxy(m_combo);

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        update();
        if (m_combo->currentData().toInt() == kCustom && m_combo->hasFocus())
            m_days->setFocus(Qt::OtherFocusReason);
    });
    connect(m_days, &QSpinBox::valueChanged, this, &KeepInTouchPicker::update);
}

int KeepInTouchPicker::days() const
{
    const int chosen = m_combo->currentData().toInt();
    return chosen == kCustom ? m_days->value() : chosen;
}

void KeepInTouchPicker::setDays(int days)
{
    int index = m_combo->findData(std::max(days, int(keep_in_touch::kNone)));
    if (index < 0) {
        index = m_combo->findData(kCustom);
        m_days->setValue(days);
    }
    m_combo->setCurrentIndex(index);
    update();
}

void KeepInTouchPicker::update()
{
    m_days->setVisible(m_combo->currentData().toInt() == kCustom);
    if (const int now = days(); now != m_emitted) {
        m_emitted = now;
        Q_EMIT daysChanged(now);
    }
}

} // namespace rapport
