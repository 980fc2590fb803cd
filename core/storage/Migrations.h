#pragma once

#include <QStringList>

#include <vector>

namespace rapport {

// Migration N brings the schema from user_version N-1 to N. Never edit a migration that has shipped:
// add the next one.
struct Migration
{
    int version;
    QStringList statements;
};

const std::vector<Migration>& migrations();

// Written by migration 1 into PRAGMA application_id ("RPRT"), so Rapport recognises its own files.
inline constexpr int kApplicationId = 0x52505254;

} // namespace rapport
