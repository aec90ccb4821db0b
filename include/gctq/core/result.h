#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

#include "gctq/core/error.h"

namespace gctq {

/// Either a value or an Error. A minimal stand-in for C++23 std::expected<T, Error>.
template <typename T>
class [[nodiscard]] Result {
 public:
  // Implicit on purpose, so functions can `return value;` or `return error;`.
  // NOLINTNEXTLINE(google-explicit-constructor)
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  // NOLINTNEXTLINE(google-explicit-constructor)
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  [[nodiscard]] bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  T const& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T& operator*() & { return value(); }
  T const& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  T const* operator->() const { return &value(); }

  Error const& error() const& {
    assert(!ok());
    return std::get<1>(state_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(state_));
  }

 private:
  std::variant<T, Error> state_;
};

/// Success without a value.
struct Ok {};
using Status = Result<Ok>;

}  // namespace gctq

/// Evaluates a Result-returning expression; returns its Error from the enclosing function.
#define GCTQ_TRY(expr)                                      \
  do {                                                      \
    auto gctq_try_result_ = (expr);                         \
    if (!gctq_try_result_) return gctq_try_result_.error(); \
  } while (false)
