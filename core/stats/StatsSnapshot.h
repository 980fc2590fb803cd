#pragma once

#include "core/Result.h"
#include "core/domain/InteractionKind.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <vector>

namespace rapport {

class Database;

// The part of the database the acceptance statistics read, loaded once: the request events of the
// log and what the funnel follows them with (content shared, messages received), each with its
// contact, time, template and whether a note went with it, plus every contact's source (how we know
// them). Strings are interned, so one pass over it touches only integers.
class StatsSnapshot
{
public:
    struct Entry
    {
        qint64 contactId = 0;
        qint64 atMs = 0; // UTC
        InteractionKind kind = InteractionKind::RequestSent;
        int templateIndex = 0; // into templateName(); 0 is "no template"
        bool hasText = false; // a request sent with a note: personalized
        qint64 order = 0; // breaks ties in time: the interaction's id, or the order add() was called in
    };

    // Reads the snapshot with two lean queries (contacts' sources, then the relevant entries).
    static Result<StatsSnapshot> load(Database& database);

    // True for the kinds the statistics read; add() ignores the others.
    static bool isRelevant(InteractionKind kind);

    StatsSnapshot();

    // For tests and tools: entries may be added in any order; each lands in its sorted place.
    void add(qint64 contactId, InteractionKind kind, const QDateTime& at, const QString& templateName = {},
             const QString& text = {});
    // `howWeKnow` as stored on the contact; empty means unknown.
    void setSource(qint64 contactId, const QString& howWeKnow);

    // By contact, then time; at the same instant a request comes before its answer (as StageResolver
    // reads an import that logs both at once), else the order they were logged in.
    const std::vector<Entry>& entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.empty(); }
    qint64 firstMs() const { return m_firstMs; }
    qint64 lastMs() const { return m_lastMs; }

    int templateCount() const { return int(m_templates.size()); }
    QString templateName(int index) const { return m_templates.value(index); }

    // Index 0 is the empty source ("unknown"), the source of every contact never given one.
    int sourceCount() const { return int(m_sources.size()); }
    QString source(int index) const { return m_sources.value(index); }
    int sourceIndexOf(qint64 contactId) const { return m_sourceOfContact.value(contactId, 0); }

private:
    int internTemplate(const QString& name);
    void noteTime(qint64 atMs);

    std::vector<Entry> m_entries;
    QStringList m_templates;
    QHash<QString, int> m_templateIndex;
    QStringList m_sources;
    QHash<QString, int> m_sourceIndex;
    QHash<qint64, int> m_sourceOfContact;
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
};

} // namespace rapport
