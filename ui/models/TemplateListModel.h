#pragma once

#include "core/domain/Template.h"

#include <QAbstractListModel>
#include <QList>

namespace rapport {

// The templates, as a list for the Templates place. Holds a snapshot; the view writes through the
// repository and calls setTemplates/replace/insert/remove to keep the snapshot in step.
class TemplateListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        TemplateIdRole = Qt::UserRole + 1,
        KindRole
    };

    explicit TemplateListModel(QObject* parent = nullptr);

    void setTemplates(QList<Template> templates);
    void upsert(const Template& item); // replaces the template with the same id, or appends it
    void removeId(qint64 id);
    int rowOf(qint64 id) const;
    const Template& at(int row) const { return m_templates.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<Template> m_templates;
};

} // namespace rapport
