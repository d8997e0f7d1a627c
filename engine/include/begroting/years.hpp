// A horizon of consecutive calendar years and a series indexed by calendar year.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace begroting {

struct Horizon {
  int first = 0;  ///< first begrotingsjaar (calendar year)
  int last = 0;   ///< last begrotingsjaar, inclusive
  [[nodiscard]] int size() const { return last - first + 1; }
  [[nodiscard]] bool contains(int year) const { return year >= first && year <= last; }
  [[nodiscard]] int index(int year) const {
    if (!contains(year))
      throw std::out_of_range("jaar " + std::to_string(year) + " valt buiten de horizon " +
                              std::to_string(first) + "-" + std::to_string(last));
    return year - first;
  }
};

/// Values per calendar year over a horizon; index by year, not by position.
template <class T>
class YearSeries {
 public:
  YearSeries() = default;
  YearSeries(int first_year, int n, T init = T{}) : first_(first_year), v_(static_cast<size_t>(n), init) {}
  [[nodiscard]] int first_year() const { return first_; }
  [[nodiscard]] int last_year() const { return first_ + static_cast<int>(v_.size()) - 1; }
  [[nodiscard]] int size() const { return static_cast<int>(v_.size()); }
  T& operator[](int year) { return v_.at(static_cast<size_t>(year - first_)); }
  const T& operator[](int year) const { return v_.at(static_cast<size_t>(year - first_)); }
  T& at_index(int i) { return v_[static_cast<size_t>(i)]; }
  const T& at_index(int i) const { return v_[static_cast<size_t>(i)]; }
  std::vector<T>& values() { return v_; }
  const std::vector<T>& values() const { return v_; }

 private:
  int first_ = 0;
  std::vector<T> v_;
};

}  // namespace begroting
