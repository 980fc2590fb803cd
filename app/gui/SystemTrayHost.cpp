#include "app/gui/SystemTrayHost.h"

#include <QIcon>
#include <QSystemTrayIcon>

namespace rapport {

SystemTrayHost::SystemTrayHost(QObject* parent)
    : TrayHost(parent)
    , m_icon(new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/rapport.svg")), this))
{
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayHost::messageClicked);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT activated();
    });
}

bool SystemTrayHost::isAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void SystemTrayHost::setVisible(bool visible)
{
    m_icon->setVisible(visible);
}

void SystemTrayHost::setToolTip(const QString& text)
{
    m_icon->setToolTip(text);
}

void SystemTrayHost::setMenu(QMenu* menu)
{
    m_icon->setContextMenu(menu);
}

void SystemTrayHost::showMessage(const QString& title, const QString& text)
{
    m_icon->showMessage(title, text, m_icon->icon());
}

} // namespace rapport
