#include "core/io/formats/FormatRegistry.h"

namespace rapport::formats {

namespace {

using Factory = std::unique_ptr<FormatReader> (*)(const Columns&);

// The most specific headers first: Rapport's own columns, then LinkedIn's, Google's and Outlook's; a generic
// file is whatever is left, so it comes last.
constexpr Factory kLayouts[] = {
    rapportInteractions,  rapportContacts, linkedInConnections, linkedInInvitations, linkedInMessages,
    linkedInMessages2018, googleContacts,  outlookContacts,     genericCsv,
};

} // namespace

std::unique_ptr<FormatReader> detect(const Columns& columns)
{
    for (const Factory make : kLayouts) {
        if (auto reader = make(columns); reader->matches())
            return reader;
    }
    return genericCsv(columns);
}

std::unique_ptr<FormatReader> create(ImportFormat format, const Columns& columns)
{
    std::unique_ptr<FormatReader> main;
    for (const Factory make : kLayouts) {
        auto reader = make(columns);
        if (reader->format() != format)
            continue;
        if (reader->matches())
            return reader;
        if (!main)
            main = std::move(reader);
    }
    return main;
}

} // namespace rapport::formats
