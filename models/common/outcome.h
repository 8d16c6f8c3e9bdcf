// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/failure.h"

#include <QMetaType>

#include <optional>
#include <utility>
#include <variant>

/// The result of something that can fail: a value of type T, or the Failure that says why
/// there is none. Outcome<> (void) is "it worked" or a Failure.
///
///     Outcome<> saved = library.save(definition);
///     if (!saved)
///         return showError(saved.failure().message());
///
/// A function that returns one always says why it failed; callers never get an empty
/// string, a bare false or an exception instead. Marked [[nodiscard]]: a failure is not
/// dropped by accident.
template<typename T = void>
class [[nodiscard]] Outcome final
{
public:
    Outcome(T value)
        : m_value(std::in_place_index<0>, std::move(value))
    {}
    Outcome(Failure failure)
        : m_value(std::in_place_index<1>, std::move(failure))
    {}

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    /// Only when ok().
    const T &value() const & { return std::get<0>(m_value); }
    T &value() & { return std::get<0>(m_value); }
    T &&value() && { return std::get<0>(std::move(m_value)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    /// Only when !ok().
    const Failure &failure() const { return std::get<1>(m_value); }

private:
    std::variant<T, Failure> m_value;
};

template<>
class [[nodiscard]] Outcome<void> final
{
public:
    /// It worked.
    Outcome() = default;
    Outcome(Failure failure)
        : m_failure(std::move(failure))
    {}

    bool ok() const { return !m_failure.has_value(); }
    explicit operator bool() const { return ok(); }
    /// Only when !ok().
    const Failure &failure() const { return m_failure.value(); }

    friend bool operator==(const Outcome &, const Outcome &) = default;

private:
    std::optional<Failure> m_failure;
};

Q_DECLARE_METATYPE(Outcome<>)
