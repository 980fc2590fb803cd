#pragma once

#include "core/io/ImportFormats.h"
#include "core/io/formats/FormatSupport.h"

#include <QCoreApplication>

#include <memory>

namespace rapport::formats {

// Where a reader puts what the rows mean: the batch being read.
class RecordSink
{
public:
    explicit RecordSink(ParsedImport& batch)
        : m_batch(batch)
    {
    }
    void add(ImportRecord&& record) { m_batch.records.append(std::move(record)); }
    void skip(qint64 line, const QString& reason) { m_batch.skipped.append({ line, reason }); }

private:
    ParsedImport& m_batch;
};

// One layout of one kind of file (LinkedIn's Connections.csv, Google's CSV...), read through a header: it
// says whether the header is its own, which columns it lacks, and turns each row into records or a reason
// to skip it. A kind of file may have several layouts (an export changes over the years); each is a class
// in a file of its own under core/io/formats/, listed in FormatRegistry.
class FormatReader
{
    Q_DECLARE_TR_FUNCTIONS(ImportFormats)

public:
    explicit FormatReader(const Columns& columns)
        : m_columns(columns)
    {
    }
    virtual ~FormatReader() = default;
    FormatReader(const FormatReader&) = delete;
    FormatReader& operator=(const FormatReader&) = delete;

    virtual ImportFormat format() const = 0;

    // Whether the header is this layout's (column names compared case-insensitively, order and extra
    // columns ignored). Detection asks the layouts in the registry's order and takes the first that says yes.
    virtual bool matches() const = 0;
    // The columns this layout cannot do without, as the file names them; a file chosen as this format but
    // lacking one is refused.
    virtual QStringList requiredColumns() const { return {}; }
    virtual QStringList missingColumns() const { return m_columns.missing(requiredColumns()); }

    // Settles what the options leave open (a generic file's mapping, the user's own name) and writes it to
    // the file's description; an error refuses the file.
    virtual Status prepare(const ImportOptions& options, ParsedImport& description);

    // A layout that needs the whole file before its first row (messages.csv finds the user's name) sees
    // every row in scan() first, then finishScan(); the rows are then read again for interpret().
    virtual bool needsScan() const { return false; }
    virtual void scan(const CsvRecord& row);
    virtual void finishScan(ParsedImport& description);

    // What one row means: records, or a reason to skip it.
    virtual void interpret(const CsvRecord& row, RecordSink& sink) = 0;

    // Why a row is skipped that would make a contact without a name.
    virtual QString skipReasonNoName() const;

protected:
    // Keeps a record, or skips it when it would create a contact without a name (a reference may be found
    // by its profile or email alone).
    void add(RecordSink& sink, ImportRecord&& record) const;

    const Columns& columns() const { return m_columns; }
    QString get(const CsvRecord& row, const char* name) const { return m_columns.get(row.fields, name); }
    QString get(const CsvRecord& row, const QString& name) const { return m_columns.get(row.fields, name); }
    // The first of `names` with a value in the row.
    QString first(const CsvRecord& row, std::initializer_list<const char*> names) const;
    // Rapport's own cells: untrimmed, with the export's formula guard taken off.
    QString raw(const CsvRecord& row, const char* name) const;

private:
    const Columns m_columns;
};

} // namespace rapport::formats
