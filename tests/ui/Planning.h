#pragma once

#include "ui/models/WeekPlanModel.h"

#include <QTest>

namespace rapport::test {

// Plans are made on the planner's thread: waits until `model` shows the one asked for last.
inline bool planned(const WeekPlanModel& model)
{
    return QTest::qWaitFor([&] { return !model.isPlanning(); }, 10000);
}

} // namespace rapport::test
