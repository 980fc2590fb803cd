#include "ui/charts/ChartFormat.h"

#include "core/domain/HowWeKnow.h"

#include <QCoreApplication>
#include <QLocale>

namespace rapport::ChartFormat {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ChartFormat", text);
}

} // namespace

QString percent(std::optional<double> fraction)
{
    if (!fraction)
        return QStringLiteral("–");
    return QLocale().toString(*fraction * 100, 'f', 0) + QLocale().percent();
}

QString rateWithCounts(const RateCount& counts)
{
    const QLocale locale;
    if (counts.decided() == 0) {
        return counts.open == 0 ? tr("no requests") : tr("no answers yet (%1 open)").arg(locale.toString(counts.open));
    }
    const auto interval = counts.interval();
    return tr("%1 (%2 of %3 answered, 95% interval %4–%5)")
        .arg(percent(counts.rate()), locale.toString(counts.accepted), locale.toString(counts.decided()),
             percent(interval->low), percent(interval->high));
}

int niceAxisTop(int value)
{
    int step = 1;
    for (;;) {
        for (int factor : { 5, 10, 20, 25, 50 }) {
            if (value <= factor * step)
                return factor * step;
        }
        step *= 10;
    }
}

QString groupName(Grouping grouping, const QString& key)
{
    switch (grouping) {
    case Grouping::Template:
        return key == QStringLiteral("none") ? tr("No template") : key;
    case Grouping::Source:
        if (key == QStringLiteral("unknown"))
            return tr("Not said");
        if (const auto known = howWeKnowFromKey(key))
            return displayName(*known);
        return key;
    case Grouping::Personalized:
        return key == QStringLiteral("personalized") ? tr("With a note") : tr("Without a note");
    case Grouping::Week:
    case Grouping::Month:
        break;
    }
    return key;
}

} // namespace rapport::ChartFormat
