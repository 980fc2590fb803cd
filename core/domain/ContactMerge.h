#pragma once

#include "core/domain/Contact.h"

#include <QList>

namespace rapport::ContactMerge {

// `kept` with what `other` adds, field by field as an import merges (domain: Import and export): an empty
// field is filled, a filled one is kept, the name is one unit (taken whole when `kept` has none), tags are
// united, notes appended unless already there, starred and the advisor's flags kept if either has them. The
// id and creation time stay `kept`'s.
Contact merge(Contact kept, const Contact& other);

// A value of an imported row left out because the contact holds a different one.
struct Conflict
{
    QString field; // "name" (first and last name as one), else a kContactTextFields name
    QString kept; // the contact's value
    QString ignored; // the row's
};

struct Absorbed
{
    bool changed = false; // a field was filled, a tag, a note, the star or a cadence added
    QList<Conflict> conflicts;
};

// Merges an imported row into a contact (domain: Import and export). An empty field is filled; a value
// that agrees() with the contact's adds nothing; one that disagrees is left out and reported as a
// conflict. First and last name are one unit: both come from the row when the contact has no name at all,
// else neither, so two rows never make a name that belongs to neither ("Ada" and "Adeline Smith" are a
// conflict, not "Ada Smith"). Notes are appended unless already there, tags united, the star and a
// keep-in-touch cadence added when the contact has none. Values are taken trimmed.
Absorbed absorb(Contact& into, const Contact& row);

// True when every field `row` carries is already `contact`'s: absorbing it would neither change the contact
// nor disagree with it.
bool holds(const Contact& contact, const Contact& row);

// Whether two values of a field are the same for a person: profile URLs by their identity key, emails
// ignoring case, phones by Identity::phoneKey(), any other text ignoring case and runs of white space.
bool agree(const ContactTextField& field, const QString& a, const QString& b);

// The same for names (first and last name as one): "ada  LOVELACE" agrees with "Ada Lovelace".
bool sameName(const Contact& a, const Contact& b);

} // namespace rapport::ContactMerge
