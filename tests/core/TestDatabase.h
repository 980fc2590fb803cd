#pragma once

#include "core/storage/Database.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace rapport::test {

// A fresh database in a temporary folder, removed after the test.
class DatabaseTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto opened = Database::open(path());
        ASSERT_TRUE(opened.ok()) << opened.error().toStdString();
        m_database = std::move(opened).value();
    }

    QString path() const { return m_dir.filePath(QStringLiteral("rapport.sqlite")); }
    Database& db() { return *m_database; }
    void reopen()
    {
        m_database.reset();
        auto opened = Database::open(path());
        ASSERT_TRUE(opened.ok()) << opened.error().toStdString();
        m_database = std::move(opened).value();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
};

inline QDateTime utc(int year, int month, int day, int hour = 12, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

} // namespace rapport::test
