// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

/// Why a QMP call or a QMP session failed.
///
/// A command error carries QMP's own `class` and `desc`; the user sees `desc`
/// (through message()), the log keeps the raw JSON. The other kinds are produced
/// by the client itself.
class QmpError
{
    Q_DECLARE_TR_FUNCTIONS(QmpError)

public:
    enum class Kind
    {
        None,        ///< not an error
        NotReady,    ///< the call was made while the session was not ready
        Command,     ///< QEMU answered with an error object
        Timeout,     ///< no reply arrived within the call's timeout
        Interrupted, ///< the connection closed before the reply arrived
        Protocol,    ///< the server broke the QMP protocol; the session was ended
        Connection,  ///< the socket could not be opened, or failed
        Reply,       ///< QEMU answered, but not in the shape the command's schema promises
    };

    QmpError() = default;

    static QmpError notReady(const QString &command, const QString &stateName);
    static QmpError commandFailed(const QString &command, const QString &errorClass,
                                  const QString &description);
    static QmpError timeout(const QString &command, int milliseconds);
    static QmpError interrupted(const QString &command);
    static QmpError protocol(const QString &command, const QString &description);
    static QmpError connection(const QString &description);
    static QmpError unexpectedReply(const QString &command, const QString &description);

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    /// The QMP command the error belongs to; empty for session errors.
    QString command() const { return m_command; }
    /// QMP's error class (e.g. "GenericError", "DeviceNotFound"); empty unless kind() is Command.
    QString errorClass() const { return m_class; }
    /// A description without the command name: QMP's `desc`, or the client's own words.
    QString description() const { return m_description; }
    /// One line for the user: what failed and why, translated.
    QString message() const;

private:
    QmpError(Kind kind, QString command, QString errorClass, QString description);

    Kind m_kind = Kind::None;
    QString m_command;
    QString m_class;
    QString m_description;
};

Q_DECLARE_METATYPE(QmpError)
