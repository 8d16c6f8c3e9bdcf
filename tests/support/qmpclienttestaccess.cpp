// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support/qmpclienttestaccess.h"

QmpReply *QmpClientTestAccess::execute(QmpClient &client, const QString &command,
                                       const QJsonObject &arguments,
                                       std::chrono::milliseconds timeout)
{
    return client.execute(command, arguments, timeout);
}

void QmpClientTestAccess::execute(QmpClient &client, const QString &command,
                                  const QJsonObject &arguments, QObject *context,
                                  const std::function<void(const QmpReply &)> &onFinished,
                                  std::chrono::milliseconds timeout)
{
    client.execute(command, arguments, context, onFinished, timeout);
}
