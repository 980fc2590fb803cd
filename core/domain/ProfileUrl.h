#pragma once

#include <QString>

namespace rapport::ProfileUrl {

// The identity key of a profile URL (domain: Contacts): scheme, "www.", query string, fragment and
// trailing slashes dropped; host and slug lower-cased; %-escapes decoded. LinkedIn's mobile and
// country hosts (m.linkedin.com, uk.linkedin.com) are the same site and map to linkedin.com.
//   "https://www.linkedin.com/in/Jane-Doe-123/?trk=x"  ->  "linkedin.com/in/jane-doe-123"
// Returns an empty string for an empty or blank input.
QString normalize(const QString& url);

// Why `url` cannot be a profile URL, or an empty string if it can (an empty URL is allowed).
QString validate(const QString& url);

// validate() and normalize() with one parse, for callers that need both for every row of a file.
struct Checked
{
    QString problem; // validate()'s answer
    QString key; // normalize()'s answer; empty when `problem` is not
};
Checked check(const QString& url);

} // namespace rapport::ProfileUrl
