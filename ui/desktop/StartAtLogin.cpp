#include "ui/desktop/StartAtLogin.h"

#include "core/AppInfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("StartAtLogin", text);
}

const QString kAppId = QStringLiteral("io.github.rapport_crm.Rapport");

#if defined(Q_OS_WIN)
const QString kRunKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");

QString windowsCommandLine(const QString& program, const QStringList& arguments)
{
    QStringList parts { u'"' + QDir::toNativeSeparators(program) + u'"' };
    for (const QString& argument : arguments)
        parts.append(u'"' + argument + u'"');
    return parts.join(u' ');
}
#endif

#if !defined(Q_OS_WIN)
Status writeFile(const QString& path, const QByteArray& contents)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error {
            tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()))
        };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() || !file.commit())
        return Error { tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    return success();
}

Status removeFile(const QString& path)
{
    QFile file(path);
    if (file.exists() && !file.remove())
        return Error { tr("Cannot remove %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    return success();
}
#endif

#if defined(Q_OS_MACOS)
QByteArray launchAgent(const QString& program, const QStringList& arguments)
{
    QString items;
    for (const QString& argument : QStringList { program } + arguments)
        items += QStringLiteral("        <string>%1</string>\n").arg(argument.toHtmlEscaped());
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                          "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                          "<plist version=\"1.0\">\n<dict>\n"
                          "    <key>Label</key>\n    <string>%1</string>\n"
                          "    <key>ProgramArguments</key>\n    <array>\n%2    </array>\n"
                          "    <key>RunAtLoad</key>\n    <true/>\n"
                          "</dict>\n</plist>\n")
        .arg(kAppId, items)
        .toUtf8();
}
#elif !defined(Q_OS_WIN)
QByteArray desktopEntry(const QString& program, const QStringList& arguments)
{
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=%1\n"
                          "Comment=%2\n"
                          "Exec=%3\n"
                          "Icon=rapport\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(AppInfo::name(), tr("Weekly reminders for growing your network"),
             StartAtLogin::desktopExec(program, arguments))
        .toUtf8();
}
#endif

} // namespace

StartAtLogin::StartAtLogin(QString program, QStringList arguments)
    : m_program(std::move(program))
    , m_arguments(std::move(arguments))
{
}

QString StartAtLogin::location() const
{
#if defined(Q_OS_WIN)
    return kRunKey;
#elif defined(Q_OS_MACOS)
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents/") + kAppId + QStringLiteral(".plist");
#else
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/autostart/")
        + kAppId + QStringLiteral(".desktop");
#endif
}

bool StartAtLogin::isEnabled() const
{
#if defined(Q_OS_WIN)
    return QSettings(kRunKey, QSettings::NativeFormat).contains(AppInfo::name());
#else
    return QFileInfo::exists(location());
#endif
}

Status StartAtLogin::setEnabled(bool enabled)
{
#if defined(Q_OS_WIN)
    QSettings run(kRunKey, QSettings::NativeFormat);
    if (enabled)
        run.setValue(AppInfo::name(), windowsCommandLine(m_program, m_arguments));
    else
        run.remove(AppInfo::name());
    run.sync();
    if (run.status() != QSettings::NoError)
        return Error { tr("Cannot change the Windows Run key %1.").arg(kRunKey) };
    return success();
#elif defined(Q_OS_MACOS)
    return enabled ? writeFile(location(), launchAgent(m_program, m_arguments)) : removeFile(location());
#else
    return enabled ? writeFile(location(), desktopEntry(m_program, m_arguments)) : removeFile(location());
#endif
}

QString StartAtLogin::desktopExec(const QString& program, const QStringList& arguments)
{
    QStringList quoted;
    for (const QString& argument : QStringList { program } + arguments) {
        QString escaped;
        for (const QChar c : argument) {
            if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
                escaped += u'\\';
            escaped += c;
        }
        // The Exec value is itself a desktop-entry string (backslashes doubled), and % starts a field code.
        escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("%%"));
        quoted.append(u'"' + escaped + u'"');
    }
    return quoted.join(u' ');
}

} // namespace rapport
