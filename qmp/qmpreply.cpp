// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qmpreply.h"

#include <utility>

QmpReply::QmpReply(QString command, QObject *parent)
    : QObject(parent)
    , m_command(std::move(command))
{}

QmpReply::~QmpReply() = default;

void QmpReply::succeed(QJsonValue result)
{
    if (m_finished)
        return;
    m_result = std::move(result);
    complete();
}

void QmpReply::fail(QmpError error)
{
    if (m_finished)
        return;
    m_error = std::move(error);
    complete();
}

void QmpReply::complete()
{
    m_finished = true;
    Q_EMIT finished();
    deleteLater();
}
