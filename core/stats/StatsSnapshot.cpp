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
    InteractionKind::RequestSent,
    InteractionKind::RequestAccepted,
    InteractionKind::RequestDeclined,
    InteractionKind::RequestWithdrawn,
    InteractionKind::ContentShared,
    InteractionKind::MessageReceived,
};

auto sortKey(const StatsSnapshot::Entry& entry)
{
    return std::tuple(entry.contactId, entry.atMs, entry.kind != InteractionKind::RequestSent);
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

    // The kind comes back as its index in kRelevantKinds, so the loop compares integers, not strings.
    QString cases;
    QString placeholders;
    QVariantList values;
    for (std::size_t i = 0; i < kRelevantKinds.size(); ++i) {
        cases += QStringLiteral(" WHEN ? THEN %1").arg(i);
        placeholders += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
        values.append(toKey(kRelevantKinds[i]));
    }
    values += values;
    auto entries = sql::exec(database.connection(),
        QStringLiteral("SELECT contact_id, CASE kind%1 END AS code, occurred_at, template, trim(text) <> '' "
                       "FROM interactions WHERE kind IN (%2) ORDER BY contact_id, occurred_at, code <> 0, id")
            .arg(cases, placeholders),
        values);
    if (!entries)
        return Error { entries.error() };
    static_assert(kRelevantKinds[0] == InteractionKind::RequestSent, "the ORDER BY puts code 0 first");
    while (entries->next()) {
        Entry entry;
        entry.contactId = entries->value(0).toLongLong();
        entry.kind = kRelevantKinds[entries->value(1).toUInt()];
        entry.atMs = entries->value(2).toLongLong();
        if (entry.kind == InteractionKind::RequestSent) {
            entry.templateIndex = snapshot.internTemplate(entries->value(3).toString().trimmed());
            entry.hasText = entries->value(4).toBool();
        }
        snapshot.noteTime(entry.atMs);
        snapshot.m_entries.push_back(entry);
    }
    return snapshot;
}

} // namespace rapport
