#include "core/domain/ContactMerge.h"

namespace rapport::ContactMerge {

Contact merge(Contact kept, const Contact& other)
{
    for (const ContactTextField& field : kContactTextFields) {
        QString& mine = kept.*field.member;
        const QString& theirs = other.*field.member;
        if (field.member == &Contact::notes) {
            if (!theirs.trimmed().isEmpty() && !mine.contains(theirs.trimmed()))
                mine = mine.trimmed().isEmpty() ? theirs.trimmed() : mine.trimmed() + u'\n' + theirs.trimmed();
        } else if (mine.trimmed().isEmpty()) {
            mine = theirs;
        }
    }
    kept.tags = normalizedTags(kept.tags + other.tags);
    kept.starred = kept.starred || other.starred;
    kept.highProfile = kept.highProfile || other.highProfile;
    kept.littleInCommon = kept.littleInCommon || other.littleInCommon;
    kept.stayAnonymous = kept.stayAnonymous || other.stayAnonymous;
    return kept;
}

} // namespace rapport::ContactMerge
