#pragma once

#include <QWizardPage>

#include <functional>

namespace rapport {

// A page of the import wizard whose "complete" state the wizard decides (a file read, the import ended).
class ImportWizardPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportWizardPage(QWidget* parent = nullptr)
        : QWizardPage(parent)
    {
    }

    void setCompleteCheck(std::function<bool()> check)
    {
        m_check = std::move(check);
        Q_EMIT completeChanged();
    }
    void updateComplete() { Q_EMIT completeChanged(); }
    bool isComplete() const override { return m_check ? m_check() : QWizardPage::isComplete(); }

private:
    std::function<bool()> m_check;
};

} // namespace rapport
