#pragma once

#include "core/domain/Contact.h"

namespace rapport::Identity {

// Lower-cased, trimmed email: the second identity key.
QString emailKey(const QString& email);

// Two contacts are the same person when their normalized profile URLs are equal; when either has no
// profile URL, when their emails are equal. Names alone never make two contacts one (domain: Contacts).
bool samePerson(const Contact& a, const Contact& b);

} // namespace rapport::Identity
