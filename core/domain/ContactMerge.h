#pragma once

#include "core/domain/Contact.h"

namespace rapport::ContactMerge {

// `kept` with what `other` adds, field by field as an import merges (domain: Import and export): an empty
// field is filled, a filled one is kept, tags are united, notes appended unless already there, starred and
// the advisor's flags kept if either has them. The id and creation time stay `kept`'s.
Contact merge(Contact kept, const Contact& other);

} // namespace rapport::ContactMerge
