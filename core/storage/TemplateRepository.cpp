#include "core/storage/TemplateRepository.h"

#include "core/domain/TextProblem.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

// The defaults live in rapport_core's resources (core/CMakeLists.txt); a static library must register them.
static void initDefaultTemplates()
{
    Q_INIT_RESOURCE(default_templates);
}

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TemplateRepository", text);
}

const QString kSelect
    = QStringLiteral("SELECT id, name, kind, body, created_at, updated_at, how_we_know FROM templates ");

Result<QList<Template>> readAll(Result<QSqlQuery> query)
{
    if (!query)
        return Error { query.error() };
    QList<Template> result;
    while (query->next()) {
        Template item;
        item.id = query->value(0).toLongLong();
        item.name = query->value(1).toString();
        item.kind = templateKindFromKey(query->value(2).toString()).value_or(TemplateKind::ConnectionNote);
        item.body = query->value(3).toString();
        item.createdAt = QDateTime::fromMSecsSinceEpoch(query->value(4).toLongLong(), Qt::UTC);
        item.updatedAt = QDateTime::fromMSecsSinceEpoch(query->value(5).toLongLong(), Qt::UTC);
        item.forHowWeKnow = query->value(6).toString().split(u';', Qt::SkipEmptyParts);
        result.append(item);
    }
    return result;
}

} // namespace

TemplateRepository::TemplateRepository(Database& database)
    : m_database(database)
{
}

Status TemplateRepository::validate(const Template& item) const
{
    if (item.name.trimmed().isEmpty())
        return Error { tr("A template needs a name.") };
    if (QString problem = textProblem(item.name, tr("The name"), false); !problem.isEmpty())
        return Error { problem };
    if (QString problem = textProblem(item.body, tr("The text"), true); !problem.isEmpty())
        return Error { problem };
    auto clash = sql::exec(m_database.connection(),
                           QStringLiteral("SELECT 1 FROM templates WHERE name = ? COLLATE NOCASE AND id <> ?"),
                           { item.name.trimmed(), item.id });
    if (!clash)
        return Error { clash.error() };
    if (clash->next())
        return Error { tr("There is already a template named \"%1\".").arg(item.name.trimmed()) };
    return success();
}

Result<qint64> TemplateRepository::add(const Template& item, const QDateTime& now)
{
    if (Status valid = validate(item); !valid)
        return Error { valid.error() };
    const QDateTime created = item.createdAt.isValid() ? item.createdAt : now;
    auto query = sql::exec(
        m_database.connection(),
        QStringLiteral("INSERT INTO templates (id, name, kind, body, created_at, updated_at, how_we_know) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        { item.id > 0 ? QVariant(item.id) : QVariant(), item.name.trimmed(), toKey(item.kind), item.body,
          created.toMSecsSinceEpoch(), (item.updatedAt.isValid() ? item.updatedAt : now).toMSecsSinceEpoch(),
          item.forHowWeKnow.join(u';') });
    if (!query)
        return Error { query.error() };
    return query->lastInsertId().toLongLong();
}

Status TemplateRepository::update(const Template& item, const QDateTime& now)
{
    if (Status valid = validate(item); !valid)
        return valid;
    return m_database.transaction([&]() -> Status {
        auto before = find(item.id);
        if (!before)
            return Error { before.error() };
        auto query = sql::exec(
            m_database.connection(),
            QStringLiteral(
                "UPDATE templates SET name = ?, kind = ?, body = ?, updated_at = ?, how_we_know = ? WHERE id = ?"),
            { item.name.trimmed(), toKey(item.kind), item.body, now.toMSecsSinceEpoch(), item.forHowWeKnow.join(u';'),
              item.id });
        if (!query)
            return Error { query.error() };
        if (before->name != item.name.trimmed()) {
            auto renamed = sql::exec(m_database.connection(),
                                     QStringLiteral("UPDATE interactions SET template = ? WHERE template = ?"),
                                     { item.name.trimmed(), before->name });
            if (!renamed)
                return Error { renamed.error() };
        }
        return success();
    });
}

Status TemplateRepository::remove(qint64 id)
{
    auto query = sql::exec(m_database.connection(), QStringLiteral("DELETE FROM templates WHERE id = ?"), { id });
    if (!query)
        return Error { query.error() };
    if (query->numRowsAffected() == 0)
        return Error { tr("There is no template with id %1.").arg(id) };
    return success();
}

Result<Template> TemplateRepository::find(qint64 id) const
{
    auto found = readAll(sql::exec(m_database.connection(), kSelect + QStringLiteral("WHERE id = ?"), { id }));
    if (!found)
        return Error { found.error() };
    if (found->isEmpty())
        return Error { tr("There is no template with id %1.").arg(id) };
    return found->first();
}

Result<QList<Template>> TemplateRepository::all() const
{
    auto templates
        = readAll(sql::exec(m_database.connection(), kSelect + QStringLiteral("ORDER BY name COLLATE NOCASE")));
    if (!templates)
        return templates;
    std::stable_sort(templates->begin(), templates->end(),
                     [](const Template& a, const Template& b) { return a.kind < b.kind; });
    return templates;
}

Result<QString> TemplateRepository::uniqueName(const QString& base) const
{
    const QString trimmed = base.trimmed();
    for (int n = 1;; ++n) {
        const QString candidate = n == 1 ? trimmed : QStringLiteral("%1 (%2)").arg(trimmed).arg(n);
        auto taken = sql::exec(m_database.connection(),
                               QStringLiteral("SELECT 1 FROM templates WHERE name = ? COLLATE NOCASE"), { candidate });
        if (!taken)
            return Error { taken.error() };
        if (!taken->next())
            return candidate;
    }
}

Result<QList<Template>> TemplateRepository::defaults()
{
    initDefaultTemplates();
    QFile file(QStringLiteral(":/templates/default-templates.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Error { tr("The default templates are missing from this build.") };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error { tr("The default templates cannot be read: %1").arg(parseError.errorString()) };
    QList<Template> result;
    for (const QJsonValue& value : document.object().value(QStringLiteral("templates")).toArray()) {
        const QJsonObject object = value.toObject();
        Template item;
        item.name = object.value(QStringLiteral("name")).toString();
        item.kind = templateKindFromKey(object.value(QStringLiteral("kind")).toString())
                        .value_or(TemplateKind::ConnectionNote);
        item.body = object.value(QStringLiteral("body")).toString();
        for (const QJsonValue& key : object.value(QStringLiteral("how_we_know")).toArray())
            item.forHowWeKnow.append(key.toString());
        result.append(item);
    }
    return result;
}

Status TemplateRepository::installDefaults(const QDateTime& now)
{
    auto templates = defaults();
    if (!templates)
        return Error { templates.error() };
    return m_database.transaction([&]() -> Status {
        for (const Template& item : *templates) {
            if (auto added = add(item, now); !added)
                return Error { added.error() };
        }
        return success();
    });
}

Result<QHash<QString, int>> TemplateRepository::requestsSentByTemplate() const
{
    auto query = sql::exec(
        m_database.connection(),
        QStringLiteral("SELECT template, count(*) FROM interactions WHERE kind = 'request_sent' AND template <> '' "
                       "GROUP BY template"));
    if (!query)
        return Error { query.error() };
    QHash<QString, int> counts;
    while (query->next())
        counts.insert(query->value(0).toString(), query->value(1).toInt());
    return counts;
}

} // namespace rapport
