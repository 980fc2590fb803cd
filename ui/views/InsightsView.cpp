#include "ui/views/InsightsView.h"

#include "core/cadence/CadenceSettings.h"

#include "core/domain/StageResolver.h"
#include "core/stats/AcceptanceStats.h"
#include "core/stats/HealthVerdict.h"
#include "ui/charts/ChartFormat.h"
#include "ui/charts/ChartPalette.h"
#include "ui/charts/ChartView.h"
#include "ui/charts/FunnelChart.h"
#include "ui/charts/GroupRateChart.h"
#include "ui/charts/RateTimelineChart.h"
#include "ui/views/StatusColors.h"

#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QShowEvent>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace rapport {

namespace {

enum Page
{
    ChartsPage,
    MessagePage
};

QFont scaledFont(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

QFont chartTitleFont(const QFont& base)
{
    return scaledFont(base, 1.1, true);
}

} // namespace

InsightsView::InsightsView(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_noResponseDays(StageResolver::kDefaultNoResponseDays)
{
    auto* heading = new QLabel(tr("Insights"), this);
    heading->setFont(scaledFont(font(), 1.6, true));
    m_period = new QComboBox(this);
    m_period->setAccessibleName(tr("Period"));
    for (StatsPeriod period :
         { StatsPeriod::Last12Weeks, StatsPeriod::Last6Months, StatsPeriod::LastYear, StatsPeriod::All })
        m_period->addItem(displayName(period), int(period));
    m_periodLabel = new QLabel(tr("&Period:"), this);
    m_periodLabel->setBuddy(m_period);

    auto* header = new QHBoxLayout;
    header->addWidget(heading);
    header->addStretch();
    header->addWidget(m_periodLabel);
    header->addWidget(m_period);

    m_pages = new QStackedWidget(this);
    m_pages->insertWidget(ChartsPage, createCharts());
    m_pages->insertWidget(MessagePage, createMessage());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->addLayout(header);
    layout->addWidget(m_pages, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, &InsightsView::recompute);
    showMessage(QString(), QString());
}

QWidget* InsightsView::createMessage()
{
    auto* page = new QWidget(this);
    m_messageTitle = new QLabel(page);
    m_messageTitle->setFont(scaledFont(font(), 1.3, true));
    m_messageTitle->setWordWrap(true);
    m_messageText = new QLabel(page);
    m_messageText->setWordWrap(true);
    m_messageText->setTextFormat(Qt::RichText);
    m_messageText->setMaximumWidth(640);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 24, 0, 0);
    layout->addWidget(m_messageTitle);
    layout->addSpacing(8);
    layout->addWidget(m_messageText);
    layout->addStretch();
    return page;
}

InsightsView::Figure InsightsView::addFigure(QWidget* parent, const QString& title, QLayout* layout)
{
    auto* card = new QFrame(parent);
    card->setObjectName(QStringLiteral("figure"));
    card->setStyleSheet(QStringLiteral("QFrame#figure { background: palette(base); border: 1px solid palette(mid); "
                                       "border-radius: 6px; }"));
    auto* name = new QLabel(title, card);
    Figure figure;
    figure.value = new QLabel(card);
    figure.value->setFont(scaledFont(font(), 1.9, true));
    figure.caption = new QLabel(card);
    figure.caption->setWordWrap(true);
    QPalette muted = figure.caption->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    figure.caption->setPalette(muted);
    name->setPalette(muted);
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(12, 8, 12, 8);
    cardLayout->setSpacing(2);
    cardLayout->addWidget(name);
    cardLayout->addWidget(figure.value);
    cardLayout->addWidget(figure.caption);
    cardLayout->addStretch();
    layout->addWidget(card);
    return figure;
}

QWidget* InsightsView::createCharts()
{
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);

    auto* figures = new QHBoxLayout;
    figures->setSpacing(10);
    m_rate = addFigure(content, tr("Acceptance rate"), figures);
    m_change = addFigure(content, tr("Change"), figures);
    m_sent = addFigure(content, tr("Requests sent"), figures);
    m_median = addFigure(content, tr("Days to accept"), figures);

    m_verdict = new QLabel(content);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);

    const QFont titleFont = chartTitleFont(font());
    auto view = [&](QChart* chart, const QString& title, const QString& fileName, int height) {
        chart->setTitle(title);
        chart->setTitleFont(titleFont);
        auto* chartView = new ChartView(chart, fileName, content);
        chartView->setMinimumHeight(height);
        m_views.append(chartView);
        return chartView;
    };
    m_timeline = new RateTimelineChart;
    m_byTemplate = new GroupRateChart(Grouping::Template);
    m_bySource = new GroupRateChart(Grouping::Source);
    m_byNote = new GroupRateChart(Grouping::Personalized);
    m_funnel = new FunnelChart;

    // Template and source names are long: their charts get the full width, the short ones share a row.
    auto* pair = new QHBoxLayout;
    pair->setSpacing(10);
    pair->addWidget(view(m_funnel, tr("From request to reply"), QStringLiteral("funnel.png"), 230));
    pair->addWidget(view(m_byNote, tr("With or without a note"), QStringLiteral("acceptance-by-note.png"), 230));

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 8, 4, 8);
    layout->setSpacing(10);
    layout->addLayout(figures);
    layout->addWidget(m_verdict);
    layout->addWidget(view(m_timeline, tr("Acceptance rate over time"), QStringLiteral("acceptance-rate.png"), 330));
    layout->addWidget(view(m_byTemplate, tr("By template"), QStringLiteral("acceptance-by-template.png"), 280));
    layout->addWidget(view(m_bySource, tr("By how you know them"), QStringLiteral("acceptance-by-source.png"), 280));
    layout->addLayout(pair);
    scroll->setWidget(content);
    return scroll;
}

Status InsightsView::reload()
{
    auto snapshot = StatsSnapshot::load(m_database);
    if (!snapshot) {
        m_snapshot.reset();
        showMessage(tr("Cannot read the statistics"), snapshot.error().toHtmlEscaped());
        return Error { snapshot.error() };
    }
    m_snapshot = std::move(*snapshot);
    // The no-response timeout is the user's setting (Limits); an unreadable setting keeps the last one.
    if (auto limits = CadenceSettings(m_database).limits())
        m_noResponseDays = limits->noResponseDays;
    recompute();
    return success();
}

void InsightsView::setToday(QDate today)
{
    m_today = today;
    if (m_snapshot)
        recompute();
}

void InsightsView::setNoResponseDays(int days)
{
    m_noResponseDays = days;
    if (m_snapshot)
        recompute();
}

void InsightsView::setPeriod(StatsPeriod period)
{
    m_period->setCurrentIndex(m_period->findData(int(period)));
}

StatsPeriod InsightsView::period() const
{
    return StatsPeriod(m_period->currentData().toInt());
}

bool InsightsView::isShowingCharts() const
{
    return m_pages->currentIndex() == ChartsPage;
}

QDate InsightsView::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

void InsightsView::recompute()
{
    if (!m_snapshot)
        return;
    const QLocale locale;
    const AcceptanceStats::Calendar calendar { locale.firstDayOfWeek(), QTimeZone::systemTimeZone() };
    const QDate day = today();
    m_report = AcceptanceStats::compute(*m_snapshot, rangeOf(period(), day, calendar.firstDayOfWeek), day,
                                        m_noResponseDays, calendar);
    m_previous.reset();
    if (const auto previous = previousRangeOf(period(), day, calendar.firstDayOfWeek))
        m_previous = AcceptanceStats::compute(*m_snapshot, *previous, day, m_noResponseDays, calendar);

    const bool anyRequest
        = std::any_of(m_snapshot->entries().cbegin(), m_snapshot->entries().cend(),
                      [](const StatsSnapshot::Entry& entry) { return entry.kind == InteractionKind::RequestSent; });
    // Without a single request there is no period to choose.
    m_period->setVisible(anyRequest);
    m_periodLabel->setVisible(anyRequest);
    if (!anyRequest) {
        showMessage(
            tr("No connection requests yet"),
            tr("<p>Insights shows how many of your connection requests are accepted, and what works best: which "
               "templates, which people, and whether a personal note helps.</p>"
               "<p>Log each request as you send it, with <b>Mark sent</b> on its note or from a terminal:</p>"
               "<p style=\"margin-left: 16px;\"><code>rapport-cli log CONTACT_ID request_sent</code></p>"
               "<p>and then its answer when it comes: accepted or declined. A request with no answer after %1 days "
               "counts as not accepted.</p>"
               "<p>The charts appear here with your first request.</p>")
                .arg(m_noResponseDays));
        return;
    }
    if (m_report.overall.sent() == 0) {
        showMessage(tr("No requests in this period"),
                    tr("<p>No connection request was sent in the period chosen (%1).</p>"
                       "<p>Choose a longer period above to see the earlier ones.</p>")
                        .arg(displayName(period()).toLower().toHtmlEscaped()));
        return;
    }

    const ChartPalette colors = ChartPalette::from(palette());
    showFigures();
    showVerdict();
    m_timeline->setWeeks(m_report.weeks, colors);
    m_byTemplate->setGroups(m_report.templates, colors);
    m_bySource->setGroups(m_report.sources, colors);
    m_byNote->setGroups(m_report.personalization, colors);
    m_funnel->setFunnel(m_report.funnel, colors);
    m_pages->setCurrentIndex(ChartsPage);
}

void InsightsView::showFigures()
{
    const QLocale locale;
    const RateCount& overall = m_report.overall;
    m_rate.value->setText(ChartFormat::percent(overall.rate()));
    if (const auto interval = overall.interval()) {
        m_rate.caption->setText(tr("%1 of %2 answered\n95% interval: %3–%4")
                                    .arg(locale.toString(overall.accepted), locale.toString(overall.decided()),
                                         ChartFormat::percent(interval->low), ChartFormat::percent(interval->high)));
    } else {
        m_rate.caption->setText(tr("No answers yet"));
    }

    const auto now = overall.rate();
    const auto before = m_previous ? m_previous->overall.rate() : std::nullopt;
    if (now && before) {
        const double points = std::round((*now - *before) * 100);
        const QString arrow = points > 0 ? QStringLiteral("▲ +") : points < 0 ? QStringLiteral("▼ −") : QString();
        m_change.value->setText(tr("%1%2 pts").arg(arrow, locale.toString(std::abs(points), 'f', 0)));
        m_change.caption->setText(tr("from %1 in the %2 weeks before")
                                      .arg(ChartFormat::percent(before))
                                      .arg(m_previous->from.daysTo(m_previous->to) / 7 + 1));
    } else {
        m_change.value->setText(QStringLiteral("–"));
        m_change.caption->setText(m_previous ? tr("No answered requests in the period before")
                                             : tr("Nothing before to compare with"));
    }

    m_sent.value->setText(locale.toString(overall.sent()));
    m_sent.caption->setText(overall.open == 1 ? tr("1 still open")
                                              : tr("%1 still open").arg(locale.toString(overall.open)));

    const auto median = m_report.medianDaysToAccept();
    m_median.value->setText(median ? locale.toString(*median, 'f', std::floor(*median) == *median ? 0 : 1)
                                   : QStringLiteral("–"));
    const int accepted = m_report.funnel.accepted;
    m_median.caption->setText(!median ? tr("No accepted requests yet")
                                  : accepted == 1
                                  ? tr("the one accepted request")
                                  : tr("median of %1 accepted requests").arg(locale.toString(accepted)));
}

void InsightsView::showVerdict()
{
    const HealthVerdict verdict = HealthVerdict::of(m_report.overall);
    QColor accent;
    QString title;
    switch (verdict.level) {
    case HealthVerdict::Level::TooFewToTell:
        accent = palette().color(QPalette::Mid);
        title = tr("Too early to tell.");
        break;
    case HealthVerdict::Level::NeedsAttention:
        accent = StatusColors::warning(palette());
        title = tr("Needs attention.");
        break;
    case HealthVerdict::Level::Healthy:
        accent = StatusColors::isDark(palette()) ? QColor(0x4c, 0xc3, 0x6a) : QColor(0x2e, 0x8b, 0x3e);
        title = tr("Healthy.");
        break;
    case HealthVerdict::Level::Great:
        accent = ChartPalette::from(palette()).rate;
        title = tr("Great.");
        break;
    }
    QString text = QStringLiteral("<b>%1</b> %2").arg(title.toHtmlEscaped(), verdict.summary.toHtmlEscaped());
    if (!verdict.suggestions.isEmpty()) {
        text += QStringLiteral("<ul style=\"margin: 4px 0 0 -20px;\">");
        for (const QString& suggestion : verdict.suggestions)
            text += QStringLiteral("<li>%1</li>").arg(suggestion.toHtmlEscaped());
        text += QStringLiteral("</ul>");
    }
    m_verdict->setText(text);
    QColor tint = accent;
    tint.setAlpha(StatusColors::isDark(palette()) ? 40 : 28);
    m_verdict->setStyleSheet(QStringLiteral("QLabel#verdict { border-left: 4px solid %1; "
                                            "background: rgba(%2, %3, %4, %5); padding: 8px 12px; }")
                                 .arg(accent.name())
                                 .arg(tint.red())
                                 .arg(tint.green())
                                 .arg(tint.blue())
                                 .arg(tint.alpha()));
}

void InsightsView::showMessage(const QString& title, const QString& text)
{
    m_messageTitle->setText(title);
    m_messageText->setText(text);
    m_pages->setCurrentIndex(MessagePage);
}

void InsightsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Coming back to the place reads what changed meanwhile; a window merely restored does not.
    if (!event->spontaneous())
        (void)reload();
}

void InsightsView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_snapshot)
        recompute();
}

} // namespace rapport
