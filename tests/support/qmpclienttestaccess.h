// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "qmp/qmpclient.h"

#include <QJsonObject>
#include <QString>

#include <chrono>
#include <functional>

/// Test-only access to QmpClient's command sending, which Berth itself reaches only through
/// QemuMonitor (QmpClient keeps it private and befriends this class). For the client's own
/// tests, which send any name (bad ones too) and read raw replies, and for a baseline that
/// measures the client without the typed layer. Defined in berth_test_support, which the
/// berth executable may not link (app/CMakeLists.txt): product code cannot use it.
class QmpClientTestAccess final
{
public:
    QmpClientTestAccess() = delete;

    /// QmpClient::execute(): a QmpReply that finishes from the event loop and deletes itself.
    static QmpReply *execute(QmpClient &client, const QString &command,
                             const QJsonObject &arguments = {},
                             std::chrono::milliseconds timeout = QmpClient::ShortTimeout);

    /// The same, with @p onFinished run on @p context's thread once the reply finished,
    /// unless @p context is gone by then.
    static void execute(QmpClient &client, const QString &command, const QJsonObject &arguments,
                        QObject *context, const std::function<void(const QmpReply &)> &onFinished,
                        std::chrono::milliseconds timeout = QmpClient::ShortTimeout);
};
