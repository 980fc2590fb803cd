#pragma once

#include "core/Result.h"
#include "core/domain/Template.h"

#include <QHash>
#include <QList>

namespace rapport {

class Database;

class TemplateRepository
{
public:
    explicit TemplateRepository(Database& database);

    // Stores a new template and returns its id; a template with a non-zero id is stored under that id
    // (undoing a delete brings it back as it was). Names are unique, ignoring case.
    Result<qint64> add(const Template& item, const QDateTime& now = QDateTime::currentDateTimeUtc());
    // Renaming also renames the template in the interaction log, so its statistics follow it.
    Status update(const Template& item, const QDateTime& now = QDateTime::currentDateTimeUtc());
    Status remove(qint64 id);

    Result<Template> find(qint64 id) const;
    Result<QList<Template>> all() const; // by kind, then name

    // "Name (2)", "Name (3)"... the first name no template has yet.
    Result<QString> uniqueName(const QString& base) const;

    // The templates shipped in resources/templates/default-templates.json, parsed.
    static Result<QList<Template>> defaults();
    // Adds the default templates; done once, when a new database is created.
    Status installDefaults(const QDateTime& now = QDateTime::currentDateTimeUtc());

    // How many requests were sent with each template, by name.
    Result<QHash<QString, int>> requestsSentByTemplate() const;

private:
    Status validate(const Template& item) const;

    Database& m_database;
};

} // namespace rapport
