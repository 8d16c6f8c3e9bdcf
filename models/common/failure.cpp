// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/common/failure.h"

#include <QDebug>

#include <cstring>
#include <utility>

using namespace Qt::Literals::StringLiterals;

Failure::Failure(QString message, QString detail)
    : m_message(std::move(message))
    , m_detail(std::move(detail))
{
    Q_ASSERT_X(!m_message.isEmpty(), "Failure", "a failure says what happened");
}

Failure Failure::within(const QString &sentence) const
{
    return Failure(sentence.arg(m_message), m_detail);
}

QString Failure::toLogString() const
{
    return m_detail.isEmpty() ? m_message : u"%1 [%2]"_s.arg(m_message, m_detail);
}

QDebug operator<<(QDebug debug, const Failure &failure)
{
    const QDebugStateSaver saver(debug);
    debug.noquote().nospace() << "Failure(" << failure.toLogString() << ')';
    return debug;
}

QString systemErrorText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
