#pragma once

#include "core/domain/Contact.h"

namespace rapport::Identity {

// Lower-cased, trimmed email: the second identity key.
QString emailKey(const QString& email);

// A phone number's digits, for telling whether two numbers are one: "+44 20 7946-0958", "+44 (20) 79460958"
// and "0044 20 7946 0958" all give "+442079460958". Empty when it has no digit.
QString phoneKey(const QString& phone);

// Two contacts are the same person when their normalized profile URLs are equal; when either has no
// profile URL, when their emails are equal. Names alone never make two contacts one (domain: Contacts).
bool samePerson(const Contact& a, const Contact& b);

} // namespace rapport::Identity
