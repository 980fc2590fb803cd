#pragma once

#include <QObject>
#include <QString>

class QMenu;

namespace rapport {

// What the TrayController needs from a system tray: SystemTrayHost wraps QSystemTrayIcon, tests use a fake.
class TrayHost : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Whether the desktop has a tray to show an icon in.
    virtual bool isAvailable() const = 0;
    virtual void setVisible(bool visible) = 0;
    virtual void setToolTip(const QString& text) = 0;
    // The icon's menu; the host does not take ownership.
    virtual void setMenu(QMenu* menu) = 0;
    // A notification from the icon (a balloon where the desktop has no notification service).
    virtual void showMessage(const QString& title, const QString& text) = 0;

Q_SIGNALS:
    void messageClicked();
    // The icon itself was clicked (not for its menu).
    void activated();
};

} // namespace rapport
