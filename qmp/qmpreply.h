// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "qmp/qmperror.h"

#include <QJsonValue>
#include <QObject>

class QmpClient;

/// The pending answer to one QMP command.
///
/// Created by QmpClient::execute(). It emits finished() exactly once, always from
/// the event loop (never inside execute()), and then deletes itself: connect to
/// finished() right away and do not keep the pointer past that signal.
class QmpReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QmpReply)

public:
    ~QmpReply() override;

    QString command() const { return m_command; }
    bool isFinished() const { return m_finished; }
    bool hasError() const { return m_error.isError(); }
    const QmpError &error() const { return m_error; }
    /// The value of QMP's "return" member; Undefined on error.
    const QJsonValue &result() const { return m_result; }

Q_SIGNALS:
    void finished();

private:
    friend class QmpClient;
    explicit QmpReply(QString command, QObject *parent);

    void succeed(QJsonValue result);
    void fail(QmpError error);
    void complete();

    QString m_command;
    QJsonValue m_result;
    QmpError m_error;
    bool m_finished = false;
};
