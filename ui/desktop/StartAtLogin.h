#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

namespace rapport {

// Starts a program when the user logs in: an XDG autostart desktop file on Linux and other free desktops,
// a value under HKEY_CURRENT_USER's Run key on Windows, a LaunchAgent on macOS.
class StartAtLogin
{
public:
    StartAtLogin(QString program, QStringList arguments);

    bool isEnabled() const;
    Status setEnabled(bool enabled);

    // The autostart file, the LaunchAgent plist or the registry key: where the entry lives.
    QString location() const;

    // The desktop entry's Exec value for `program` and `arguments`, quoted by the Desktop Entry spec.
    static QString desktopExec(const QString& program, const QStringList& arguments);

private:
    QString m_program;
    QStringList m_arguments;
};

} // namespace rapport
