#include "core/stats/StatsSnapshot.h"

#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <tuple>

namespace rapport {

namespace {

constexpr std::array kRelevantKinds {
    InteractionKind::RequestSent,      InteractionKind::RequestAccepted, InteractionKind::RequestDeclined,
    InteractionKind::RequestWithdrawn, InteractionKind::ContentShared,   InteractionKind::MessageReceived,
};

auto sortKey(const StatsSnapshot::Entry& entry)
{
    return std::tuple(entry.contactId, entry.atMs, entry.kind != InteractionKind::RequestSent, entry.order);
}

} // namespace

StatsSnapshot::StatsSnapshot()
    : m_templates { QString() }
    , m_sources { QString() }
{
    m_templateIndex.insert(QString(), 0);
    m_sourceIndex.insert(QString(), 0);
}

bool StatsSnapshot::isRelevant(InteractionKind kind)
{
    return std::find(kRelevantKinds.begin(), kRelevantKinds.end(), kind) != kRelevantKinds.end();
}

int StatsSnapshot::internTemplate(const QString& name)
{
    const auto found = m_templateIndex.constFind(name);
    if (found != m_templateIndex.constEnd())
        return *found;
    const int index = int(m_templates.size());
    m_templates.append(name);
    m_templateIndex.insert(name, index);
    return index;
}

void StatsSnapshot::noteTime(qint64 atMs)
{
    if (m_entries.empty() || atMs < m_firstMs)
        m_firstMs = atMs;
    if (m_entries.empty() || atMs > m_lastMs)
        m_lastMs = atMs;
}

void StatsSnapshot::add(qint64 contactId, InteractionKind kind, const QDateTime& at, const QString& templateName,
                        const QString& text)
{
    if (!isRelevant(kind) || !at.isValid())
        return;
    Entry entry;
    entry.order = qint64(m_entries.size());
    entry.contactId = contactId;
    entry.atMs = at.toMSecsSinceEpoch();
    entry.kind = kind;
    if (kind == InteractionKind::RequestSent) {
        entry.templateIndex = internTemplate(templateName.trimmed());
        entry.hasText = !text.trimmed().isEmpty();
    }
    noteTime(entry.atMs);
    const auto place = std::upper_bound(m_entries.begin(), m_entries.end(), entry,
                                        [](const Entry& a, const Entry& b) { return sortKey(a) < sortKey(b); });
    m_entries.insert(place, entry);
}

void StatsSnapshot::setSource(qint64 contactId, const QString& howWeKnow)
{
    const QString source = howWeKnow.trimmed();
    auto found = m_sourceIndex.constFind(source);
    if (found == m_sourceIndex.constEnd()) {
        found = m_sourceIndex.insert(source, int(m_sources.size()));
        m_sources.append(source);
    }
    if (*found == 0)
        m_sourceOfContact.remove(contactId);
    else
        m_sourceOfContact.insert(contactId, *found);
}

Result<StatsSnapshot> StatsSnapshot::load(Database& database)
{
    StatsSnapshot snapshot;
    auto sources = sql::exec(database.connection(),
                             QStringLiteral("SELECT id, how_we_know FROM contacts WHERE how_we_know <> ''"));
    if (!sources)
        return Error { sources.error() };
    while (sources->next())
        snapshot.setSource(sources->value(0).toLongLong(), sources->value(1).toString());

    // Two lean queries and a sort here are faster than one query sorted by SQLite: only requests need
    // their template and note, and the answers come back as three integers each.
    auto requests = sql::exec(database.connection(),
                              QStringLiteral("SELECT id, contact_id, occurred_at, template, trim(text) <> '' "
                                             "FROM interactions WHERE kind = ?"),
                              { toKey(InteractionKind::RequestSent) });
    if (!requests)
        return Error { requests.error() };
    while (requests->next()) {
        Entry entry;
        entry.order = requests->value(0).toLongLong();
        entry.contactId = requests->value(1).toLongLong();
        entry.atMs = requests->value(2).toLongLong();
        entry.kind = InteractionKind::RequestSent;
        entry.templateIndex = snapshot.internTemplate(requests->value(3).toString().trimmed());
        entry.hasText = requests->value(4).toBool();
        snapshot.m_entries.push_back(entry);
    }

    // The kind comes back as its index in kRelevantKinds, so the loop compares integers, not strings.
    QString cases;
    QString placeholders;
    QVariantList values;
    for (std::size_t i = 1; i < kRelevantKinds.size(); ++i) {
        cases += QStringLiteral(" WHEN ? THEN %1").arg(i);
        placeholders += i == 1 ? QStringLiteral("?") : QStringLiteral(", ?");
        values.append(toKey(kRelevantKinds[i]));
    }
    values += values;
    // sql: identifiers only: the splices are "?" placeholders and integer constants; the kinds are bound.
    auto events = sql::exec(database.connection(),
                            QStringLiteral("SELECT id, contact_id, CASE kind%1 END, occurred_at FROM interactions "
                                           "WHERE kind IN (%2)")
                                .arg(cases, placeholders),
                            values);
    if (!events)
        return Error { events.error() };
    while (events->next()) {
        Entry entry;
        entry.order = events->value(0).toLongLong();
        entry.contactId = events->value(1).toLongLong();
        entry.kind = kRelevantKinds[events->value(2).toUInt()];
        entry.atMs = events->value(3).toLongLong();
        snapshot.m_entries.push_back(entry);
    }

    std::sort(snapshot.m_entries.begin(), snapshot.m_entries.end(),
              [](const Entry& a, const Entry& b) { return sortKey(a) < sortKey(b); });
    const auto [earliest, latest] = std::minmax_element(snapshot.m_entries.cbegin(), snapshot.m_entries.cend(),
                                                        [](const Entry& a, const Entry& b) { return a.atMs < b.atMs; });
    if (earliest != snapshot.m_entries.cend()) {
        snapshot.m_firstMs = earliest->atMs;
        snapshot.m_lastMs = latest->atMs;
    }
    return snapshot;
}

} // namespace rapport
