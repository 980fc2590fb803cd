#include "app/cli/Cli.h"

#include "core/AppInfo.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(rapport::AppInfo::name());
    QCoreApplication::setApplicationVersion(rapport::AppInfo::version());

    QTextStream out(stdout);
    QTextStream err(stderr);
    rapport::Cli cli(out, err);
    const int code = cli.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return code;
}
