// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "qmp/qmpresult.h"

#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

/// Starts a typed monitor call through @p start (handed a context object and the callback)
/// and waits for its answer in a real event loop (QTest::qWaitFor sleeps between rounds and
/// would throttle reads). Empty when no answer came within @p timeoutMs.
template<typename T>
std::optional<QmpResult<T>> awaitResult(const std::function<void(QObject *, QmpCallback<T>)> &start,
                                        int timeoutMs = 10'000)
{
    std::optional<QmpResult<T>> out;
    QEventLoop loop;
    QObject context;
    start(&context, [&](const QmpResult<T> &r) {
        out.emplace(r);
        loop.quit();
    });
    if (!out) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return out;
}
