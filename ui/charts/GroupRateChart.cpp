#include "ui/charts/GroupRateChart.h"

#include "ui/charts/ChartFormat.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace rapport {

namespace {

// Qt Charts elides a category label that is too long as a whole, counts included: shorten the name only.
QString elided(const QString& name)
{
    constexpr int kLongest = 30;
    return name.size() <= kLongest ? name : name.left(kLongest - 1).trimmed() + QChar(0x2026);
}

} // namespace

GroupRateChart::GroupRateChart(Grouping grouping, QGraphicsItem* parent)
    : QChart(parent)
    , m_grouping(grouping)
    , m_categories(new QBarCategoryAxis(this))
    , m_whiskerRows(new QValueAxis(this))
    , m_rate(new QValueAxis(this))
{
    setMargins(QMargins(4, 4, 12, 4));
    legend()->setAlignment(Qt::AlignBottom);
    m_rate->setRange(0, 100);
    m_rate->setTickCount(6);
    m_rate->setLabelFormat(QStringLiteral("%d%%"));
    m_whiskerRows->setVisible(false);
    addAxis(m_rate, Qt::AlignBottom);
    addAxis(m_categories, Qt::AlignLeft);
    addAxis(m_whiskerRows, Qt::AlignLeft);
}

void GroupRateChart::setGroups(const QList<RateGroup>& groups, const ChartPalette& colors)
{
    removeAllSeries();
    colors.style(this);
    colors.style(m_rate);
    colors.style(m_categories);
    m_categories->setGridLineVisible(false);

    // The largest groups, in the report's order (best rate first, too few to tell last).
    QList<RateGroup> largest = groups;
    std::stable_sort(largest.begin(), largest.end(),
                     [](const RateGroup& a, const RateGroup& b) { return a.counts.decided() > b.counts.decided(); });
    largest = largest.mid(0, kMostGroups);
    m_groups.clear();
    for (const RateGroup& group : groups) {
        if (std::any_of(largest.cbegin(), largest.cend(), [&](const RateGroup& g) { return g.key == group.key; }))
            m_groups.append(group);
    }
    m_hidden = int(groups.size() - m_groups.size());

    // Horizontal bars grow upwards from the first category: feed them bottom row first.
    const int rows = int(m_groups.size());
    auto* enough = new QBarSet(tr("Accepted"));
    auto* tooFew = new QBarSet(tr("Too few to tell (under %1 answered)").arg(RateCount::kTooFewToTell));
    enough->setColor(colors.rate);
    enough->setBorderColor(colors.rate);
    tooFew->setColor(colors.tooFew);
    tooFew->setBorderColor(colors.tooFew);
    QStringList categories;
    const QLocale locale;
    for (int row = rows - 1; row >= 0; --row) {
        const RateGroup& group = m_groups[row];
        const double percent = group.counts.rate().value_or(0) * 100;
        const bool few = group.counts.tooFewToTell();
        *enough << (few ? 0 : percent);
        *tooFew << (few ? percent : 0);
        // Category labels must be unique: the counts make two equal shortened names unlikely, a
        // zero-width suffix makes them distinct anyway.
        QString label
            = tr("%1 · %2 (%3/%4)")
                  .arg(elided(ChartFormat::groupName(m_grouping, group.key)), ChartFormat::percent(group.counts.rate()),
                       locale.toString(group.counts.accepted), locale.toString(group.counts.decided()));
        while (categories.contains(label))
            label += QChar(0x200B);
        categories.append(label);
    }
    auto* bars = new QHorizontalStackedBarSeries(this);
    bars->append(enough);
    bars->append(tooFew);
    bars->setBarWidth(0.6);
    addSeries(bars);
    m_categories->setCategories(categories);
    bars->attachAxis(m_categories);
    bars->attachAxis(m_rate);
    if (std::none_of(m_groups.cbegin(), m_groups.cend(), [](const RateGroup& g) { return g.counts.tooFewToTell(); }))
        legend()->markers(bars).constLast()->setVisible(false);
    if (std::all_of(m_groups.cbegin(), m_groups.cend(), [](const RateGroup& g) { return g.counts.tooFewToTell(); }))
        legend()->markers(bars).constFirst()->setVisible(false);
    for (QBarSet* set : { enough, tooFew }) {
        connect(set, &QBarSet::hovered, this, [this, rows](bool status, int index) {
            if (status)
                QToolTip::showText(QCursor::pos(), toolTip(rows - 1 - index));
            else
                QToolTip::hideText();
        });
    }

    // The 95% interval of each group as a whisker across its bar.
    m_whiskerRows->setRange(-0.5, std::max(rows, 1) - 0.5);
    bool named = false;
    for (int row = 0; row < rows; ++row) {
        const auto interval = m_groups[row].counts.interval();
        if (!interval)
            continue;
        const qreal y = rows - 1 - row;
        auto* whisker = new QLineSeries(this);
        whisker->append({ QPointF(interval->low * 100, y), QPointF(interval->high * 100, y) });
        whisker->setPen(QPen(colors.text, 1.5));
        whisker->setName(tr("95% interval"));
        addSeries(whisker);
        whisker->attachAxis(m_rate);
        whisker->attachAxis(m_whiskerRows);
        legend()->markers(whisker).constFirst()->setVisible(!named);
        named = true;
    }
}

QString GroupRateChart::toolTip(int index) const
{
    if (index < 0 || index >= m_groups.size())
        return {};
    const RateGroup& group = m_groups[index];
    QString text = QStringLiteral("<b>%1</b><br>").arg(ChartFormat::groupName(m_grouping, group.key).toHtmlEscaped());
    text += ChartFormat::rateWithCounts(group.counts).toHtmlEscaped();
    text += QStringLiteral("<br>")
        + tr("Sent: %1, declined: %2, withdrawn: %3, no answer: %4, open: %5")
              .arg(group.counts.sent())
              .arg(group.counts.declined)
              .arg(group.counts.withdrawn)
              .arg(group.counts.noAnswer)
              .arg(group.counts.open);
    if (group.counts.tooFewToTell())
        text += QStringLiteral("<br><i>%1</i>").arg(tr("Too few answered requests to tell."));
    return text;
}

} // namespace rapport
