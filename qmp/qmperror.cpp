// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qmperror.h"

#include <utility>

QmpError::QmpError(Kind kind, QString command, QString errorClass, QString description)
    : m_kind(kind)
    , m_command(std::move(command))
    , m_class(std::move(errorClass))
    , m_description(std::move(description))
{}

QmpError QmpError::notReady(const QString &command, const QString &stateName)
{
    return {Kind::NotReady,
            command,
            {},
            tr("the monitor connection is not ready (it is %1)").arg(stateName)};
}

QmpError QmpError::commandFailed(const QString &command, const QString &errorClass,
                                 const QString &description)
{
    return {Kind::Command, command, errorClass, description};
}

QmpError QmpError::timeout(const QString &command, int milliseconds)
{
    return {Kind::Timeout,
            command,
            {},
            tr("QEMU did not answer within %1 seconds")
                .arg(QString::number(milliseconds / 1000.0, 'g', 3))};
}

QmpError QmpError::interrupted(const QString &command)
{
    return {Kind::Interrupted, command, {}, tr("the connection to QEMU closed before it answered")};
}

QmpError QmpError::protocol(const QString &command, const QString &description)
{
    return {Kind::Protocol, command, {}, description};
}

QmpError QmpError::connection(const QString &description)
{
    return {Kind::Connection, {}, {}, description};
}

QmpError QmpError::unexpectedReply(const QString &command, const QString &description)
{
    return {Kind::Reply,
            command,
            {},
            tr("QEMU's answer is not what Berth expects (%1)").arg(description)};
}

QString QmpError::message() const
{
    if (m_kind == Kind::None)
        return {};
    if (m_command.isEmpty())
        return m_description;
    return tr("%1 failed: %2").arg(m_command, m_description);
}
