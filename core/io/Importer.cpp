#include "core/io/Importer.h"

#include "core/domain/ContactMerge.h"
#include "core/domain/Identity.h"
#include "core/domain/ProfileUrl.h"
#include "core/storage/BulkWriter.h"
#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <functional>
#include <limits>
#include <span>
#include <vector>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Importer", text);
}

// Below this many new rows, keeping the indexes up to date row by row costs less than building them again
// (a round number, not a measured one: rebuilding reads the whole table, the gain is small even at 30,000).
constexpr qsizetype kDeferIndexesFrom = 1000;

QString nameKey(const Contact& contact)
{
    return contact.fullName().simplified().toCaseFolded();
}

// What makes two log entries the same (see Importer).
struct EntryKey
{
    InteractionKind kind;
    qint64 occurredAt;
    QString text;

    explicit EntryKey(const Interaction& entry)
        : kind(entry.kind)
        , occurredAt(entry.occurredAt.toMSecsSinceEpoch())
        , text(entry.text)
    {
    }

    friend bool operator==(const EntryKey& a, const EntryKey& b)
    {
        return a.kind == b.kind && a.occurredAt == b.occurredAt && a.text == b.text;
    }

    friend size_t qHash(const EntryKey& key, size_t seed = 0)
    {
        return qHashMulti(seed, int(key.kind), key.occurredAt, key.text);
    }
};

// A contact the import touches in the batch being placed: one stored before it or added by an earlier batch
// (read from the database), or one this batch adds. Every one has its id: new contacts get theirs when they
// are made (the import holds the write lock), so that a later batch finds them in the database like any other.
struct Slot
{
    qint64 id = 0;
    bool isNew = false; // added by this batch: nothing of it is in the database yet
    Contact contact;
    QString profileKey;
    QString emailKey;
    bool changed = false;
    bool acceptedInDatabase = false;
    QList<Interaction> added; // the entries this batch adds to it

    bool adds(const Interaction& entry) const
    {
        // Most records give a contact one or two entries: compared one by one, without a set for each of
        // 30,000 contacts. A long conversation's are looked up in a set, built once they are many.
        if (added.size() < kSetFrom) {
            const EntryKey key(entry);
            return std::any_of(added.cbegin(), added.cend(), [&](const Interaction& other) {
                return other.kind == key.kind && other.text == key.text
                    && other.occurredAt.toMSecsSinceEpoch() == key.occurredAt;
            });
        }
        if (m_keys.isEmpty()) {
            for (const Interaction& other : std::as_const(added))
                m_keys.insert(EntryKey(other));
        }
        return m_keys.contains(EntryKey(entry));
    }
    void add(const Interaction& entry)
    {
        added.append(entry);
        if (!m_keys.isEmpty())
            m_keys.insert(EntryKey(entry));
    }

private:
    static constexpr qsizetype kSetFrom = 16;
    mutable QSet<EntryKey> m_keys; // `added`'s, once they are kSetFrom or more
};

// Contacts by an identity key, kept as the key's 64-bit hash beside the contact's id in one open-addressed
// table (16 bytes an entry, at most 70% full, one allocation that clear() gives back): the keys of 1.5 million
// contacts take 34 to 51 MB, where QStrings in a QHash take some 150 bytes each. Two keys may share a hash, so
// a lookup gives candidates, and the caller compares each one's own key.
class KeyIndex
{
public:
    void insert(const QString& key, qint64 id)
    {
        if ((m_size + 1) * 10 > m_table.size() * 7)
            grow();
        place(hashOf(key), id);
    }

    // By id, the oldest first.
    QVarLengthArray<qint64, 4> candidates(const QString& key) const
    {
        QVarLengthArray<qint64, 4> ids;
        if (m_table.empty())
            return ids;
        const quint64 hash = hashOf(key);
        for (size_t i = hash % m_table.size();; i = (i + 1) % m_table.size()) {
            const Entry& entry = m_table[i];
            if (entry.hash == 0)
                break;
            if (entry.hash == hash)
                ids.append(entry.id);
        }
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    void clear()
    {
        std::vector<Entry>().swap(m_table);
        m_size = 0;
    }

private:
    struct Entry
    {
        quint64 hash = 0; // 0: empty
        qint64 id = 0;
    };

    static quint64 hashOf(const QString& key)
    {
        const quint64 hash = qHash(key, size_t(0x52617070));
        return hash == 0 ? 1 : hash;
    }

    void place(quint64 hash, qint64 id)
    {
        for (size_t i = hash % m_table.size();; i = (i + 1) % m_table.size()) {
            Entry& entry = m_table[i];
            if (entry.hash == 0) {
                entry = { hash, id };
                ++m_size;
                return;
            }
            if (entry.hash == hash && entry.id == id)
                return;
        }
    }

    void grow()
    {
        std::vector<Entry> old(std::max<size_t>(1024, m_table.size() * 3 / 2));
        old.swap(m_table);
        m_size = 0;
        for (const Entry& entry : old) {
            if (entry.hash != 0)
                place(entry.hash, entry.id);
        }
    }

    std::vector<Entry> m_table;
    size_t m_size = 0;
};

// A set of contact ids as one bit each: ids are dense (1, 2, 3...).
class IdSet
{
public:
    bool contains(qint64 id) const { return id >= 0 && quint64(id) < m_bits.size() && m_bits[quint64(id)]; }
    void insert(qint64 id)
    {
        if (quint64(id) >= m_bits.size())
            m_bits.resize(std::max<quint64>(quint64(id) + 1, m_bits.size() * 3 / 2));
        m_bits[quint64(id)] = true;
    }
    void remove(qint64 id)
    {
        if (contains(id))
            m_bits[quint64(id)] = false;
    }

private:
    std::vector<bool> m_bits;
};

// Matches records to contacts, decides every change, and writes a batch of records at a time (see
// Importer::apply()): what stays in memory from one batch to the next is the identity keys' hashes, and a
// few bits per contact. Contacts are read from the database when a record matches them.
class Plan
{
public:
    Plan(Database& database, ImportFormat format, bool needNames, ImportSummary& summary, const QDateTime& now)
        : m_format(format)
        , m_needNames(needNames)
        , m_summary(summary)
        , m_writer(database, now)
    {
        m_summary.format = format;
    }

    // Reads the identity keys of every stored contact, and who has an acceptance logged already.
    Status begin()
    {
        auto lastId = m_writer.lastContactId();
        if (!lastId)
            return Error { lastId.error() };
        m_lastStoredId = m_nextId = *lastId;
        m_namesIndexed = m_needNames;
        const Status identities
            = m_writer.readIdentities([this](qint64 id, const QString& profileKey, const QString& emailKey,
                                             const Contact& contact) { index(id, profileKey, emailKey, contact); });
        if (!identities)
            return identities;
        return m_writer.readContactsWith(InteractionKind::RequestAccepted,
                                         [this](qint64 id) { m_accepted.insert(id); });
    }

    // Decides what `record` does; its changes wait in the batch until write().
    Status place(const ImportRecord& record)
    {
        ImportPreviewRow row;
        row.line = record.line;
        row.name = record.contact.fullName();
        if (Status placed = place(record, row); !placed)
            return placed;
        if (row.action == ImportAction::Skip)
            m_batchSkipped.append({ row.line, row.reason });
        else if (row.action == ImportAction::Unchanged)
            ++m_summary.rowsUnchanged;
        if (m_keepRows)
            m_summary.rows.append(row);
        return success();
    }

    qsizetype pending() const { return m_slots.size(); }

    // Reads the stored contacts that `records` name by profile or email in one query, before they are placed
    // one by one: a query for each, as a re-import would make, was two thirds of its time. A contact a record
    // comes to by another way (a key it gained in this batch, its name) is read when it is needed.
    Status prefetch(std::span<const ImportRecord> records)
    {
        QList<qint64> ids;
        QSet<qint64> wanted;
        const auto want = [&](qint64 id) {
            if (!m_loaded.contains(id) && !wanted.contains(id)) {
                wanted.insert(id);
                ids.append(id);
            }
        };
        for (const ImportRecord& record : records) {
            const QString profileKey = ProfileUrl::check(record.contact.profileUrl).key;
            for (const qint64 id : m_byProfile.candidates(profileKey))
                want(id);
            for (const qint64 id : m_byEmail.candidates(Identity::emailKey(record.contact.email))) {
                if (profileKey.isEmpty() || m_withoutProfile.contains(id))
                    want(id);
            }
        }
        auto stored = m_writer.load(ids);
        if (!stored)
            return Error { stored.error() };
        for (StoredContact& contact : *stored)
            adopt(std::move(contact));
        return success();
    }

    // Writes the batch's new contacts, changes and entries, and forgets them.
    Status write(QList<ImportIssue> skippedRows = {})
    {
        skippedRows += m_batchSkipped;
        m_batchSkipped.clear();
        std::stable_sort(skippedRows.begin(), skippedRows.end(),
                         [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
        m_summary.skippedCount += skippedRows.size();
        for (ImportIssue& issue : skippedRows) {
            if (m_summary.skipped.size() >= m_maxIssues)
                break;
            m_summary.skipped.append(std::move(issue));
        }
        if (m_inMemory)
            return success();

        const qsizetype newCount
            = std::count_if(m_slots.cbegin(), m_slots.cend(), [](const Slot& slot) { return slot.isNew; });
        // Rebuilding an index reads all of its table: worth it only for a large import into a database that
        // has no contacts yet (ids start at 1), and so no log entries (they belong to a contact). The first
        // batch tells whether the import is large.
        if (!m_wroteBatch && m_lastStoredId == 0 && newCount >= kDeferIndexesFrom) {
            if (Status dropped = m_writer.deferIndexes(); !dropped)
                return dropped;
        }
        m_wroteBatch = true;

        for (const Slot& slot : std::as_const(m_slots)) {
            m_summary.interactionsAdded += int(slot.added.size());
            if (slot.isNew) {
                ++m_summary.contactsAdded;
                m_writer.add(slot.id, slot.contact, slot.profileKey);
                continue;
            }
            if (slot.changed) {
                // Contacts this import added earlier count as added, not merged; one merged in several batches once.
                if (slot.id <= m_lastStoredId && !m_merged.contains(slot.id)) {
                    if (m_beforeMerge && *m_beforeMerge) {
                        if (Status noted = (*m_beforeMerge)(slot.id); !noted)
                            return noted;
                    }
                    m_merged.insert(slot.id);
                    ++m_summary.contactsMerged;
                }
                if (Status updated = m_writer.update(slot.id, slot.contact, slot.profileKey); !updated)
                    return updated;
            }
        }
        for (const Slot& slot : std::as_const(m_slots)) {
            for (const Interaction& entry : slot.added) {
                m_writer.add(slot.id, entry);
                if (entry.kind == InteractionKind::RequestAccepted)
                    m_accepted.insert(slot.id);
            }
        }
        if (Status flushed = m_writer.flush(); !flushed)
            return flushed;
        m_slots.clear();
        m_loaded.clear();
        return success();
    }

    // After the last write(): the indexes dropped for a large first import are made again.
    Status finish()
    {
        if (m_inMemory) {
            for (const Slot& slot : std::as_const(m_slots)) {
                if (slot.isNew)
                    ++m_summary.contactsAdded;
                else if (slot.changed && slot.id <= m_lastStoredId)
                    ++m_summary.contactsMerged;
                m_summary.interactionsAdded += int(slot.added.size());
            }
        }
        // Matching is over: the keys' memory goes back before SQLite sorts the keys of the indexes it rebuilds.
        for (KeyIndex* index : { &m_byProfile, &m_byEmail, &m_byName })
            index->clear();
        std::stable_sort(m_summary.skipped.begin(), m_summary.skipped.end(),
                         [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
        return m_writer.restoreIndexes();
    }

    // The summary lists every row (for the wizard's preview table), or none; skipped rows up to `maxIssues`.
    void setBeforeMerge(const std::function<Status(qint64)>* beforeMerge) { m_beforeMerge = beforeMerge; }

    void setListing(bool keepRows, qsizetype maxIssues)
    {
        m_keepRows = keepRows;
        m_maxIssues = maxIssues;
    }

    // A preview of records already in memory: every contact they touch stays in memory too, and write() only
    // counts, so nothing is written and no write lock is needed.
    void setInMemory() { m_inMemory = true; }

private:
    void index(qint64 id, const QString& profileKey, const QString& emailKey, const Contact& contact)
    {
        if (!profileKey.isEmpty())
            m_byProfile.insert(profileKey, id);
        else
            m_withoutProfile.insert(id);
        if (!emailKey.isEmpty())
            m_byEmail.insert(emailKey, id);
        if (m_namesIndexed && !nameKey(contact).isEmpty())
            m_byName.insert(nameKey(contact), id);
    }

    // Names are indexed once a row needs them (a row without identity, a reference): the contacts stored and
    // written so far, then those of the batch, whose names may not be written yet.
    Status indexNames()
    {
        if (m_namesIndexed)
            return success();
        const Status stored
            = m_writer.readIdentities([this](qint64 id, const QString&, const QString&, const Contact& contact) {
                  if (const QString name = nameKey(contact); !name.isEmpty())
                      m_byName.insert(name, id);
              });
        if (!stored)
            return stored;
        for (const Slot& slot : std::as_const(m_slots)) {
            if (const QString name = nameKey(slot.contact); !name.isEmpty())
                m_byName.insert(name, slot.id);
        }
        m_namesIndexed = true;
        return success();
    }

    // The contacts of a row's name (see find()).
    struct Namesakes
    {
        int count = 0;
        qint64 first = 0; // the oldest's id
    };

    // The slot of the contact `record` belongs to, if any. A row without identity is looked for by its name,
    // and `namesakes` tells the contacts of that name looked at: up to 2 for a reference (one is a match, more
    // is ambiguous), else up to kMaxNamesakes.
    Result<std::optional<int>> find(const ImportRecord& record, const QString& profileKey, const QString& emailKey,
                                    Namesakes& namesakes)
    {
        namesakes = {};
        if (!profileKey.isEmpty()) {
            for (const qint64 id : m_byProfile.candidates(profileKey)) {
                auto slot = slotOf(id);
                if (!slot)
                    return Error { slot.error() };
                if (m_slots.at(*slot).profileKey == profileKey)
                    return std::optional<int>(*slot);
            }
        }
        if (!emailKey.isEmpty()) {
            for (const qint64 id : m_byEmail.candidates(emailKey)) {
                // Two different profiles are two people, whatever their emails.
                if (!profileKey.isEmpty() && !m_withoutProfile.contains(id))
                    continue;
                auto slot = slotOf(id);
                if (!slot)
                    return Error { slot.error() };
                if (m_slots.at(*slot).emailKey == emailKey)
                    return std::optional<int>(*slot);
            }
        }
        if (!profileKey.isEmpty() || !emailKey.isEmpty())
            return std::optional<int>();
        if (Status indexed = indexNames(); !indexed)
            return Error { indexed.error() };
        const QString name = nameKey(record.contact);
        if (name.isEmpty())
            return std::optional<int>();
        const QString phone = Identity::phoneKey(record.contact.phone);
        std::optional<qint64> named;
        for (const qint64 id : m_byName.candidates(name)) {
            auto candidate = peek(id);
            if (!candidate)
                return Error { candidate.error() };
            const Contact& contact = candidate->contact;
            if (nameKey(contact) != name)
                continue;
            if (++namesakes.count == 1)
                namesakes.first = id;
            if (record.reference) {
                if (namesakes.count > 1)
                    return std::optional<int>();
                named = id;
                continue;
            }
            // Names alone never make two contacts one.
            if ((!phone.isEmpty() && Identity::phoneKey(contact.phone) == phone)
                || ContactMerge::holds(contact, record.contact)) {
                named = id;
                break;
            }
            if (namesakes.count >= kMaxNamesakes)
                break;
        }
        if (!named)
            return std::optional<int>();
        auto slot = slotOf(*named);
        if (!slot)
            return Error { slot.error() };
        return std::optional<int>(*slot);
    }

    // A contact as the batch has it, without making it one of the batch's slots.
    Result<StoredContact> peek(qint64 id)
    {
        if (auto it = m_loaded.constFind(id); it != m_loaded.cend()) {
            const Slot& slot = m_slots.at(it.value());
            return StoredContact { slot.contact, slot.profileKey, slot.emailKey };
        }
        return m_writer.load(id);
    }

    // The batch's slot for a contact, read from the database the first time the batch needs it.
    Result<int> slotOf(qint64 id)
    {
        if (auto it = m_loaded.constFind(id); it != m_loaded.cend())
            return it.value();
        auto stored = m_writer.load(id);
        if (!stored)
            return Error { stored.error() };
        return adopt(std::move(*stored));
    }

    // A stored contact made one of the batch's slots.
    int adopt(StoredContact stored)
    {
        Slot slot;
        slot.id = stored.contact.id;
        slot.contact = std::move(stored.contact);
        slot.profileKey = std::move(stored.profileKey);
        slot.emailKey = std::move(stored.emailKey);
        slot.acceptedInDatabase = m_accepted.contains(slot.id);
        m_loaded.insert(slot.id, int(m_slots.size()));
        m_slots.append(std::move(slot));
        return int(m_slots.size() - 1);
    }

    Result<bool> alreadyLogged(const Slot& slot, const Interaction& entry)
    {
        if (slot.adds(entry))
            return true;
        // A connection is accepted once: a later export lists the same date again.
        if (m_format == ImportFormat::LinkedInConnections && entry.kind == InteractionKind::RequestAccepted) {
            if (slot.acceptedInDatabase)
                return true;
            for (const Interaction& added : slot.added) {
                if (added.kind == InteractionKind::RequestAccepted)
                    return true;
            }
        }
        if (slot.isNew)
            return false;
        return m_writer.isLogged(slot.id, entry);
    }

    Status place(const ImportRecord& record, ImportPreviewRow& row)
    {
        const Contact& incoming = record.contact;
        const ProfileUrl::Checked url = ProfileUrl::check(incoming.profileUrl);
        if (!url.problem.isEmpty()) {
            row.action = ImportAction::Skip;
            row.reason = tr("Profile URL: %1").arg(url.problem);
            return success();
        }
        const QString& profileKey = url.key;
        const QString emailKey = Identity::emailKey(incoming.email);
        Namesakes namesakes;
        auto found = find(record, profileKey, emailKey, namesakes);
        if (!found)
            return Error { found.error() };
        int slotIndex = -1;
        if (*found) {
            slotIndex = **found;
            Slot& slot = m_slots[slotIndex];
            const bool hadProfile = !slot.contact.profileUrl.trimmed().isEmpty();
            const bool hadEmail = !slot.contact.email.trimmed().isEmpty();
            const bool hadName = !nameKey(slot.contact).isEmpty();
            const ContactMerge::Absorbed absorbed = ContactMerge::absorb(slot.contact, incoming);
            slot.changed = slot.changed || absorbed.changed;
            row.action = absorbed.changed ? ImportAction::Merge : ImportAction::Unchanged;
            for (const ContactMerge::Conflict& conflict : absorbed.conflicts) {
                // A reference names the contact as its source shows it (a message's sender).
                if (record.reference && conflict.field == u"name")
                    continue;
                if (m_summary.conflicts.size() < m_maxIssues)
                    m_summary.conflicts.append({ record.line, conflict.field, conflict.kept, conflict.ignored });
                ++m_summary.conflictCount;
            }
            if (!hadName && m_namesIndexed && !nameKey(slot.contact).isEmpty())
                m_byName.insert(nameKey(slot.contact), slot.id);
            // A key it gained finds it for the rest of the file.
            if (!hadProfile && !slot.contact.profileUrl.trimmed().isEmpty()) {
                slot.profileKey = profileKey;
                m_byProfile.insert(profileKey, slot.id);
                m_withoutProfile.remove(slot.id);
            }
            if (!hadEmail && !slot.contact.email.trimmed().isEmpty()) {
                slot.emailKey = Identity::emailKey(slot.contact.email);
                m_byEmail.insert(slot.emailKey, slot.id);
            }
        } else {
            if (incoming.firstName.isEmpty() && incoming.lastName.isEmpty()) {
                row.action = ImportAction::Skip;
                row.reason = tr("no contact has this profile or email, and the row has no name to add one");
                return success();
            }
            if (record.reference && profileKey.isEmpty() && emailKey.isEmpty() && namesakes.count > 1) {
                row.action = ImportAction::Skip;
                row.reason = tr("several contacts are called %1; the row has no profile URL or email to tell "
                                "which one")
                                 .arg(incoming.fullName());
                return success();
            }
            Slot slot;
            slot.id = ++m_nextId;
            slot.isNew = true;
            slot.contact = incoming;
            slot.contact.id = 0;
            slot.profileKey = profileKey;
            slot.emailKey = emailKey;
            m_slots.append(std::move(slot));
            slotIndex = int(m_slots.size() - 1);
            m_loaded.insert(m_slots.at(slotIndex).id, slotIndex);
            index(m_slots.at(slotIndex).id, profileKey, emailKey, incoming);
            row.action = ImportAction::Add;
            if (!record.reference && namesakes.count > 0) {
                if (m_summary.possibleDuplicates.size() < m_maxIssues)
                    m_summary.possibleDuplicates.append({ record.line, incoming.fullName(), namesakes.first });
                ++m_summary.possibleDuplicateCount;
            }
        }
        for (const Interaction& entry : record.interactions) {
            Slot& slot = m_slots[slotIndex];
            auto logged = alreadyLogged(slot, entry);
            if (!logged)
                return Error { logged.error() };
            if (*logged)
                continue;
            slot.add(entry);
            ++row.interactionsAdded;
        }
        if (row.action == ImportAction::Unchanged && row.interactionsAdded > 0)
            row.action = ImportAction::Merge;
        return success();
    }

    // A row without identity is compared with this many contacts of its name at most: a file of thousands of
    // namesakes must not compare each row with all of them.
    static constexpr int kMaxNamesakes = 64;

    ImportFormat m_format;
    // Names are looked up for the rows without identity, which only some files have: the name index is built
    // when the first one comes (indexNames()), or from the start for files that refer to contacts by name.
    bool m_needNames = false;
    bool m_namesIndexed = false;
    ImportSummary& m_summary;
    BulkWriter m_writer;
    bool m_keepRows = true;
    bool m_inMemory = false;
    qsizetype m_maxIssues = std::numeric_limits<qsizetype>::max();
    const std::function<Status(qint64)>* m_beforeMerge = nullptr;
    qint64 m_lastStoredId = 0; // the largest id before the import
    qint64 m_nextId = 0;
    bool m_wroteBatch = false;

    // The batch.
    QList<Slot> m_slots;
    QHash<qint64, int> m_loaded; // slot by contact id
    QList<ImportIssue> m_batchSkipped;

    // The whole import.
    KeyIndex m_byProfile;
    KeyIndex m_byEmail;
    KeyIndex m_byName;
    IdSet m_withoutProfile;
    IdSet m_accepted;
    IdSet m_merged;
};

// Records placed before the batch is written: enough that the statements are long, few enough that the
// batch's contacts and records take a few MB.
constexpr qsizetype kBatchRows = 4096;
// A stream's summary lists the first skipped rows and counts the rest: a file of a million unusable rows
// must not take a million messages' memory.
constexpr qsizetype kMaxListedIssues = 1000;

} // namespace

Importer::Importer(Database& database)
    : m_database(database)
{
}

Result<ImportSummary> Importer::preview(const ParsedImport& parsed, const QDateTime& now)
{
    return run(parsed, {}, now, Mode::Preview);
}

Result<ImportSummary> Importer::apply(const ParsedImport& parsed, const ImportProgress& progress, const QDateTime& now)
{
    return run(parsed, progress, now, Mode::Apply);
}

Result<ImportSummary> Importer::preview(ImportStream& stream, const ImportProgress& progress, const QDateTime& now)
{
    return run(stream, progress, now, Mode::Preview);
}

Result<ImportSummary> Importer::apply(ImportStream& stream, const ImportProgress& progress, const QDateTime& now)
{
    return run(stream, progress, now, Mode::Apply);
}

Result<ImportSummary> Importer::run(const ParsedImport& parsed, const ImportProgress& progress, const QDateTime& now,
                                    Mode mode)
{
    ImportSummary summary;
    const bool needNames = std::any_of(parsed.records.cbegin(), parsed.records.cend(),
                                       [](const ImportRecord& record) { return record.reference; });
    // The records are in memory already: so can their preview be, which then only reads the database.
    const bool inMemory = mode == Mode::Preview;
    const Status done = inTransaction(inMemory ? Mode::ReadOnly : mode, [&]() -> Status {
        Plan plan(m_database, parsed.format, needNames, summary, now);
        if (mode == Mode::Apply)
            plan.setBeforeMerge(&m_beforeMerge);
        if (inMemory)
            plan.setInMemory();
        if (Status begun = plan.begin(); !begun)
            return begun;
        const qint64 total = parsed.records.size();
        QList<ImportIssue> skipped = parsed.skipped;
        qint64 placed = 0;
        for (const ImportRecord& record : parsed.records) {
            // A batch at a time, as a stream's.
            if (placed % kBatchRows == 0) {
                const std::span<const ImportRecord> batch(parsed.records.constData() + placed,
                                                          std::min<qsizetype>(kBatchRows, total - placed));
                if (Status fetched = plan.prefetch(batch); !fetched)
                    return fetched;
            }
            if (Status ok = plan.place(record); !ok)
                return ok;
            ++placed;
            if (progress && (placed == 1 || placed % 512 == 0) && !progress(placed, total))
                return Error { tr("The import was cancelled; nothing was changed.") };
            if (placed % kBatchRows == 0) {
                if (Status written = plan.write(std::exchange(skipped, {})); !written)
                    return written;
            }
        }
        if (Status written = plan.write(std::exchange(skipped, {})); !written)
            return written;
        if (Status finished = plan.finish(); !finished)
            return finished;
        if (progress && !progress(total, total))
            return Error { tr("The import was cancelled; nothing was changed.") };
        return success();
    });
    if (!done)
        return Error { done.error() };
    return summary;
}

Result<ImportSummary> Importer::run(ImportStream& stream, const ImportProgress& progress, const QDateTime& now,
                                    Mode mode)
{
    ImportSummary summary;
    const ImportFormat format = stream.description().format;
    // The formats whose rows refer to contacts by name (exported log entries, messages).
    const bool needNames = format == ImportFormat::LinkedInMessages || format == ImportFormat::RapportInteractions;
    const Status done = inTransaction(mode, [&]() -> Status {
        Plan plan(m_database, format, needNames, summary, now);
        plan.setListing(false, kMaxListedIssues);
        if (mode == Mode::Apply)
            plan.setBeforeMerge(&m_beforeMerge);
        if (Status begun = plan.begin(); !begun)
            return begun;
        ParsedImport batch;
        qint64 placed = 0;
        while (stream.next(batch, kBatchRows)) {
            if (Status fetched = plan.prefetch(batch.records); !fetched)
                return fetched;
            for (const ImportRecord& record : std::as_const(batch.records)) {
                if (Status ok = plan.place(record); !ok)
                    return ok;
            }
            placed += batch.records.size();
            if (m_recordsPlaced)
                m_recordsPlaced(placed);
            batch.records.clear();
            if (Status written = plan.write(std::exchange(batch.skipped, {})); !written)
                return written;
            if (progress && !progress(stream.bytesRead(), stream.size()))
                return Error { tr("The import was cancelled; nothing was changed.") };
        }
        if (!stream.error().isEmpty())
            return Error { stream.error() };
        if (Status finished = plan.finish(); !finished)
            return finished;
        if (progress && !progress(stream.size(), stream.size()))
            return Error { tr("The import was cancelled; nothing was changed.") };
        return success();
    });
    if (!done)
        return Error { done.error() };
    return summary;
}

Status Importer::inTransaction(Mode mode, const std::function<Status()>& work)
{
    if (mode == Mode::Apply)
        return m_database.transaction(work);
    if (mode == Mode::ReadOnly)
        return work();
    // A preview makes the changes and takes them back: what it says is what applying would do, to the row,
    // and memory stays bounded as the import's does (a batch's contacts are read back from the database).
    return BulkWriter::rolledBack(m_database, work);
}

} // namespace rapport
