#pragma once

#include "core/io/ImportFormats.h"

namespace rapport {

// Reading a file with the encoding and delimiter the user chose instead of the sniffed ones (the import
// wizard lets them be changed). ImportFormats reads with the dialect it sniffs, so the file is read here as
// a table in the chosen dialect and handed to it again as UTF-8 with commas, each row on its original line
// so that the reported line numbers stay those of the file.
namespace ImportReader {

Result<ParsedImport> readFile(const QString& path, const std::optional<CsvDialect>& dialect,
                              const ImportOptions& options = {}, const ImportProgress& progress = {});

} // namespace ImportReader

} // namespace rapport
