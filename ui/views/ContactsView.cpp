#include "ui/views/ContactsView.h"

#include "core/domain/StageResolver.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "ui/models/ContactTableModel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace rapport {

ContactsView::ContactsView(QWidget* parent)
    : QWidget(parent)
    , m_model(new ContactTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ContactTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_search->setPlaceholderText(tr("Search names, companies, positions, tags…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search contacts"));
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Contacts"));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ContactTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setColumnWidth(ContactTableModel::NameColumn, 200);
    m_table->setColumnWidth(ContactTableModel::PositionColumn, 260);
    m_table->setColumnWidth(ContactTableModel::CompanyColumn, 180);
    m_table->setColumnWidth(ContactTableModel::StageColumn, 110);
    m_table->setColumnWidth(ContactTableModel::TagsColumn, 160);
    m_table->setColumnWidth(ContactTableModel::StarredColumn, 32);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_table);
}

Status ContactsView::reload(Database& database)
{
    auto contacts = ContactRepository(database).all();
    if (!contacts)
        return Error { contacts.error() };
    auto stages = InteractionRepository(database).stages(QDateTime::currentDateTimeUtc(),
        StageResolver::kDefaultNoResponseDays);
    if (!stages)
        return Error { stages.error() };
    m_model->setContacts(std::move(*contacts), std::move(*stages));
    return success();
}

} // namespace rapport
