#include "ui/desktop/DesktopSettings.h"

#include "core/AppInfo.h"

#include <QSettings>

namespace rapport {

namespace {

QSettings settings()
{
    return QSettings(AppInfo::name(), AppInfo::name());
}

const QString kKeepRunning = QStringLiteral("tray/keepRunning");
const QString kNoticeShown = QStringLiteral("tray/noticeShown");

} // namespace

bool DesktopSettings::keepRunningInTray()
{
    return settings().value(kKeepRunning, true).toBool();
}

void DesktopSettings::setKeepRunningInTray(bool keep)
{
    settings().setValue(kKeepRunning, keep);
}

bool DesktopSettings::trayNoticeShown()
{
    return settings().value(kNoticeShown, false).toBool();
}

void DesktopSettings::setTrayNoticeShown(bool shown)
{
    settings().setValue(kNoticeShown, shown);
}

} // namespace rapport
