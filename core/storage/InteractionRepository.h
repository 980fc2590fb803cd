#pragma once

#include "core/Result.h"
#include "core/domain/Interaction.h"
#include "core/domain/Stage.h"

#include <QHash>
#include <QList>

namespace rapport {

class Database;

class InteractionRepository
{
public:
    explicit InteractionRepository(Database& database);

    // Stores a new entry and returns its id; refused for a contact that does not exist or an invalid time.
    Result<qint64> add(const Interaction& interaction);
    Status update(const Interaction& interaction);
    Status remove(qint64 id);

    Result<Interaction> find(qint64 id) const;
    // Oldest first; ties in time keep the order they were logged in.
    Result<QList<Interaction>> forContact(qint64 contactId) const;
    Result<QList<Interaction>> all() const;

    // The stage of every contact that has a stage-changing entry; contacts missing from the result are
    // prospects. Reads only what StageResolver needs, from an index.
    Result<QHash<qint64, Stage>> stages(const QDateTime& now, int noResponseDays) const;

private:
    Status validate(const Interaction& interaction) const;

    Database& m_database;
};

} // namespace rapport
