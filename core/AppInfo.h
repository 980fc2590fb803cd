#pragma once

#include <QString>

namespace rapport {

// Names shared by both executables, so that the CLI and the GUI find the same data.
struct AppInfo
{
    static QString name() { return QStringLiteral("Rapport"); }
    static QString version() { return QStringLiteral(RAPPORT_VERSION); }
};

} // namespace rapport
