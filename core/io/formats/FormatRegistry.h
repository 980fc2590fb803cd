#pragma once

#include "core/io/formats/FormatReader.h"

namespace rapport::formats {

// The reader of the first layout whose header this is (the generic one when none is).
std::unique_ptr<FormatReader> detect(const Columns& columns);
// The reader for a format the user chose: the first of its layouts that fits the header, or its main layout
// when none does (which then names the columns the file lacks).
std::unique_ptr<FormatReader> create(ImportFormat format, const Columns& columns);

// The layouts, one file each; the registry lists them in the order detection tries them.
std::unique_ptr<FormatReader> linkedInConnections(const Columns& columns);
std::unique_ptr<FormatReader> linkedInInvitations(const Columns& columns);
std::unique_ptr<FormatReader> linkedInMessages(const Columns& columns);
std::unique_ptr<FormatReader> linkedInMessages2018(const Columns& columns);
std::unique_ptr<FormatReader> googleContacts(const Columns& columns);
std::unique_ptr<FormatReader> outlookContacts(const Columns& columns);
std::unique_ptr<FormatReader> rapportContacts(const Columns& columns);
std::unique_ptr<FormatReader> rapportInteractions(const Columns& columns);
std::unique_ptr<FormatReader> genericCsv(const Columns& columns);

} // namespace rapport::formats
