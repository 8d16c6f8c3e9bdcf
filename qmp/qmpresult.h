// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "qmp/qmperror.h"

#include <functional>
#include <optional>
#include <utility>

/// The typed answer to one QMP command: a value, or the QmpError that says why there is none
/// (a std::expected for Qt 6.4's C++20).
///
///     monitor.queryStatus(this, [](const QmpResult<QemuStatus> &r) {
///         if (!r)
///             return report(r.error().message());
///         use(r->running);
///     });
template<typename T>
class QmpResult final
{
public:
    QmpResult(T value)
        : m_value(std::move(value))
    {}
    QmpResult(QmpError error)
        : m_error(std::move(error))
    {}

    bool hasError() const { return m_error.isError(); }
    explicit operator bool() const { return !hasError(); }
    const QmpError &error() const { return m_error; }

    /// The value; only when there is no error.
    const T &value() const
    {
        Q_ASSERT(m_value);
        return *m_value;
    }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }

private:
    std::optional<T> m_value;
    QmpError m_error;
};

/// A command that answers nothing but success ({"return": {}}) or an error.
template<>
class QmpResult<void> final
{
public:
    QmpResult() = default;
    QmpResult(QmpError error)
        : m_error(std::move(error))
    {}

    bool hasError() const { return m_error.isError(); }
    explicit operator bool() const { return !hasError(); }
    const QmpError &error() const { return m_error; }

private:
    QmpError m_error;
};

/// How a typed command hands its answer back: run on the context object's thread, and not
/// at all if that object died first.
template<typename T>
using QmpCallback = std::function<void(const QmpResult<T> &)>;
