#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace rapport {

// A message a user can act on: it names what is wrong and, where it helps, where.
struct Error
{
    QString message;
};

// A value or the Error that prevented it. Core never throws and never shows UI: callers decide how
// to present the error (stderr in the CLI, a message box in the GUI).
template <class T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_state); }
    T& value() & { return std::get<0>(m_state); }
    // By value, so that `for (auto& x : repository.all().value())` does not outlive the temporary.
    T value() && { return std::get<0>(std::move(m_state)); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }

    T value_or(T fallback) const& { return ok() ? value() : std::move(fallback); }
    T value_or(T fallback) && { return ok() ? std::move(*this).value() : std::move(fallback); }

    const QString& error() const { return std::get<1>(m_state).message; }

private:
    std::variant<T, Error> m_state;
};

// The result of an operation that returns nothing but may fail.
using Status = Result<std::monostate>;

inline Status success()
{
    return std::monostate {};
}

} // namespace rapport
