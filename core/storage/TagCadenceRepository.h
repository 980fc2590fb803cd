#pragma once

#include "core/Result.h"

#include <QMap>
#include <QString>

namespace rapport {

class Database;

// The keep-in-touch cadence a tag carries ("mentor: every 30 days"; domain: Keep in touch). Tags are
// compared without regard to case, as contacts' tags are.
class TagCadenceRepository
{
public:
    explicit TagCadenceRepository(Database& database);

    // Every tag with a cadence, by tag (lower-cased), in days.
    Result<QMap<QString, int>> all() const;
    // Gives `tag` a cadence of `days` (7-730), or takes it away with 0.
    Status set(const QString& tag, int days);

private:
    Database& m_database;
};

} // namespace rapport
