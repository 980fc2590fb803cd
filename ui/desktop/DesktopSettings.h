#pragma once

namespace rapport {

// This computer's preferences for how Rapport lives on the desktop (QSettings, not the database: they
// belong to the machine, not to the data).
class DesktopSettings
{
public:
    // Closing the window keeps Rapport running in the system tray (where there is one). On by default.
    static bool keepRunningInTray();
    static void setKeepRunningInTray(bool keep);

    // Whether the user was told, the first time, that closing the window keeps Rapport in the tray.
    static bool trayNoticeShown();
    static void setTrayNoticeShown(bool shown);
};

} // namespace rapport
