#pragma once

#include "core/io/ImportFormats.h"

#include <QDate>

namespace rapport {

// Sample data for benchmarks and the first-run "try with sample data": plausible people (names,
// companies, positions, profile URLs) and about three years of interactions up to `lastDay`, with
// requests sent on working days, accepted about 40% of the time, follow-ups and check-ins after.
// The same count, seed and last day give the same data. It is a ParsedImport, so it goes into the
// database through the Importer, in one transaction, like any file.
namespace DemoData {

ParsedImport generate(int contacts, quint32 seed, QDate lastDay);

} // namespace DemoData

} // namespace rapport
