#pragma once

#include "app/gui/TrayHost.h"

class QSystemTrayIcon;

namespace rapport {

// The TrayHost of a real desktop: a QSystemTrayIcon with Rapport's icon.
class SystemTrayHost : public TrayHost
{
    Q_OBJECT

public:
    explicit SystemTrayHost(QObject* parent = nullptr);

    bool isAvailable() const override;
    void setVisible(bool visible) override;
    void setToolTip(const QString& text) override;
    void setMenu(QMenu* menu) override;
    void showMessage(const QString& title, const QString& text) override;

private:
    QSystemTrayIcon* m_icon;
};

} // namespace rapport
