#include "core/domain/KeepInTouch.h"

#include <QCoreApplication>

namespace rapport::keep_in_touch {

std::optional<int> parse(QStringView text)
{
    const QString key = text.trimmed().toString().toLower();
    if (key == u"none" || key == u"0")
        return kNone;
    for (const Preset& preset : kPresets) {
        if (key == QLatin1StringView(preset.key))
            return preset.days;
    }
    bool isNumber = false;
    const int days = key.toInt(&isNumber);
    if (!isNumber || !problem(days).isEmpty())
        return std::nullopt;
    return days;
}

QString problem(int days)
{
    if (days == kNone || (days >= kMinDays && days <= kMaxDays))
        return {};
    return QCoreApplication::translate("KeepInTouch", "A keep-in-touch cadence is every %1 to %2 days, not %3.")
        .arg(kMinDays)
        .arg(kMaxDays)
        .arg(days);
}

QString describe(int days)
{
    if (days <= kNone)
        return QCoreApplication::translate("KeepInTouch", "None");
    for (const Preset& preset : kPresets) {
        if (preset.days == days) {
            return QCoreApplication::translate("KeepInTouch", "%1 (every %2 days)")
                .arg(QCoreApplication::translate("KeepInTouch", preset.label))
                .arg(days);
        }
    }
    return QCoreApplication::translate("KeepInTouch", "Every %1 days").arg(days);
}

QString toKey(int days)
{
    if (days <= kNone)
        return QStringLiteral("none");
    for (const Preset& preset : kPresets) {
        if (preset.days == days)
            return QString::fromLatin1(preset.key);
    }
    return QString::number(days);
}

} // namespace rapport::keep_in_touch
