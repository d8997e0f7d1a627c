// The rules' kernel forms over eight Monte Carlo paths at once (issue 15; lanes.hpp): every
// *_pad.inc form instantiated with Pad8, whose values are vectors of eight (one lane per path),
// compiled for AVX-512F/DQ. The forms are the same text as the scalar ones their rule files use
// (each rule's file cites its paragraph of the plan), included here into namespace
// begroting::rules::avx512 under `#pragma GCC target`: GCC lowers a vector operation for the
// target of the function that defines it, so the forms and their operations (form_ops.inc) must
// be defined inside the AVX-512 region, not merely inlined into it. Their own names (the
// namespace) keep them apart from the scalar forms. The kernel (risk.cpp) calls the entry points
// below only on a processor with AVX-512F/DQ (PathEvaluator::vector_lanes).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "rules.hpp"

// Every header is included above, before the pragma. A header first included inside the
// AVX-512 region would define its inline functions and templates there: their out-of-line
// copies (weak symbols, one kept by the linker for the whole program) could then be AVX-512 code
// that the scalar code calls on a processor without it. The *_pad.inc files include nothing.
#ifdef BEGROTING_LANES
#pragma GCC push_options
#pragma GCC target("avx512f,avx512dq")

namespace begroting::rules::avx512 {

#define BEGROTING_FORM_LANES 1
#include "form_ops.inc"
#undef BEGROTING_FORM_LANES

/// The pad of eight paths (rules.hpp, Pad8Data): as Pad, with lanes.
struct Pad8 : Pad8Data {
  using C = lanes::C8;
  using D = lanes::D8;
  /// The lanes in which an operation would have thrown (sign bit set): the operations below only
  /// note them, and the entry point tests once, after the form (no test per operation). The
  /// values of such a lane are never read: the block falls back to path by path.
  mutable C8 faults{};
  [[nodiscard]] C* c(Line l) const { return cents + static_cast<std::ptrdiff_t>(l) * n; }
  [[nodiscard]] D* r(Line l) const { return real + static_cast<std::ptrdiff_t>(l) * n; }

  // money.hpp per lane: the same overflow tests, and round_to_cent's range test, truncation and
  // remainder test (a true comparison is -1: t + (f >= 0.5) - (f <= -0.5) is t - ge + le). The
  // int64 arithmetic wraps (unsigned) where it overflows; the lane is then a fault.
  C8 add_checked(C8 a, C8 b) const {
    const C8 r = reinterpret_cast<C8>(reinterpret_cast<U8>(a) + reinterpret_cast<U8>(b));
    faults |= (a ^ r) & (b ^ r);  // overflow: both operands' sign differs from the sum's
    return r;
  }
  C8 sub_checked(C8 a, C8 b) const {
    const C8 r = reinterpret_cast<C8>(reinterpret_cast<U8>(a) - reinterpret_cast<U8>(b));
    faults |= (a ^ b) & (a ^ r);
    return r;
  }
  C8 round_to_cent(D8 x) const {
    faults |= ~((x < 9.0e18) & (x > -9.0e18));  // NaN: a fault
    const C8 t = __builtin_convertvector(x, C8);
    const D8 f = x - to_double(t);
    return reinterpret_cast<C8>(reinterpret_cast<U8>(t) - reinterpret_cast<U8>(f >= 0.5) + reinterpret_cast<U8>(f <= -0.5));
  }
  C8 mul_round(C8 amount, D8 factor) const { return round_to_cent(to_double(amount) * factor); }
  /// round_to_cent(x) where m holds, 0 elsewhere (where m fails the scalar rounds nothing, so
  /// such a lane is never a fault).
  C8 round_to_cent_where(C8 m, D8 x) const { return m & round_to_cent(m ? x : splat(0.0)); }
  /// After the form: a fault in some lane makes the block fall back.
  void check() const {
    if (any(faults < 0)) throw lanes::Fallback{};
  }
  /// The slot of the bound value at `address`, or -1.
  [[nodiscard]] std::int32_t slot_of(const void* address) const {
    const auto a = reinterpret_cast<std::uintptr_t>(address);
    const std::uintptr_t* at = std::lower_bound(bound, bound + bound_n, a);
    return at != bound + bound_n && *at == a ? static_cast<std::int32_t>(at - bound) : -1;
  }
  /// A value of type T as lanes: the eight paths' slot, or the scenario's value in every lane.
  template <class T>
  static Lane<T> lanes_of(const C8& raw) {
    if constexpr (std::is_floating_point_v<T>) return reinterpret_cast<D8>(raw);
    else return raw;
  }
  template <class T>
  static Lane<T> splat_of(T x) {
    if constexpr (std::is_floating_point_v<T>) return splat(static_cast<double>(x));
    else return splat(static_cast<Cents>(x));
  }
  /// An Inputs array of the eight paths: the scenario's value broadcast, a slot where bound.
  template <class T>
  struct Gather {
    const T* p;
    const std::int32_t* slots;  ///< null: no bound value in the array
    const C8* shadow;
    Lane<T> operator[](std::ptrdiff_t i) const {
      if (slots != nullptr && slots[i] >= 0) return lanes_of<T>(shadow[slots[i]]);
      return splat_of<T>(p[i]);
    }
  };
  template <class F>
  [[nodiscard]] auto arr(F f) const {
    using Vec = std::remove_cvref_t<std::invoke_result_t<F, const Inputs&>>;
    using T = typename Vec::value_type;
    const Vec& v = std::invoke(f, *in);
    const auto lo = reinterpret_cast<std::uintptr_t>(v.data());
    std::size_t e = (lo >> 4) & (kSeen - 1);
    for (std::size_t probes = 0; seen[e].data != lo && seen[e].data != 0; e = (e + 1) & (kSeen - 1))  // open addressing
      if (++probes == kSeen) throw lanes::Fallback{};  // full (more arrays than a model has)
    if (seen[e].data == 0) {  // first time: does the array hold a bound value, and where?
      if (*pool_used + v.size() > pool_cap) throw lanes::Fallback{};  // full (as above)
      const auto hi = reinterpret_cast<std::uintptr_t>(v.data() + v.size());
      const std::uintptr_t* at = std::lower_bound(bound, bound + bound_n, lo);
      std::int32_t off = -1;
      if (at != bound + bound_n && *at < hi) {
        off = static_cast<std::int32_t>(*pool_used);
        *pool_used += v.size();
        for (std::size_t i = 0; i < v.size(); ++i) pool[static_cast<std::size_t>(off) + i] = slot_of(&v[i]);
      }
      seen[e] = Pad8Seen{lo, off};
    }
    return Gather<T>{v.data(), seen[e].slots >= 0 ? pool + seen[e].slots : nullptr, shadow};
  }
  /// One value of the eight paths.
  template <class F>
  [[nodiscard]] auto val(F f) const {
    decltype(auto) x = std::invoke(f, *in);
    using T = std::remove_cvref_t<decltype(x)>;
    if constexpr (std::is_lvalue_reference_v<decltype(x)>)
      if (const std::int32_t sl = slot_of(&x); sl >= 0) return lanes_of<T>(shadow[sl]);
    return splat_of<T>(x);
  }
  /// A value the rule's control flow depends on: the same in every lane, or Fallback.
  template <class F>
  [[nodiscard]] auto same(F f) const {
    decltype(auto) x = std::invoke(f, *in);
    using T = std::remove_cvref_t<decltype(x)>;
    if constexpr (std::is_lvalue_reference_v<decltype(x)>) {
      if (const std::int32_t sl = slot_of(&x); sl >= 0) {
        const C8 raw = shadow[sl];
        if (any(raw != splat(raw[0]))) throw lanes::Fallback{};
        if constexpr (std::is_floating_point_v<T>) return static_cast<T>(reinterpret_cast<D8>(raw)[0]);
        else return static_cast<T>(raw[0]);
      }
    }
    return T(x);
  }
};

#include "ikc_tarief_pad.inc"
#include "afdracht_verwijzingen_pad.inc"
#include "ikc_bandbreedte_pad.inc"
#include "ikc_volumebekostiging_pad.inc"
#include "inhouding_duo_pad.inc"
#include "instroom_terugplaatsing_pad.inc"
#include "ondersteuningsbedrag_pad.inc"
#include "personeel_pad.inc"
#include "population_pad.inc"
#include "reserves_pad.inc"
#include "rijksbijdrage_pad.inc"
#include "signaleringswaarde_pad.inc"
#include "vangnet_pad.inc"

}  // namespace begroting::rules::avx512

namespace begroting::rules {

#define BEGROTING_PAD8(name)                                 \
  __attribute__((flatten)) void name##8(const Pad8Data& d) { \
    const avx512::Pad8 p{d};                                 \
    avx512::name##_t(p);                                     \
    p.check();                                               \
  }
BEGROTING_PAD8(afdracht_verwijzingen_pad)
BEGROTING_PAD8(ikc_bandbreedte_pad)
BEGROTING_PAD8(ikc_volumebekostiging_pad)
BEGROTING_PAD8(inhouding_duo_pad)
BEGROTING_PAD8(instroom_terugplaatsing_pad)
BEGROTING_PAD8(ondersteuningsbedrag_bao_pad)
BEGROTING_PAD8(personeel_pad)
BEGROTING_PAD8(population_pad)
BEGROTING_PAD8(reserves_pad)
BEGROTING_PAD8(rijksbijdrage_pad)
BEGROTING_PAD8(signaleringswaarde_pad)
BEGROTING_PAD8(vangnet_pad)
#undef BEGROTING_PAD8

__attribute__((flatten)) void copy8(const Pad8Data& d, int line) {
  const avx512::Pad8 p{d};
  const auto k = static_cast<std::size_t>(line);
  const auto amounts = p.arr([k](const Inputs& x) -> const std::vector<Cents>& { return x.amounts[k]; });
  lanes::C8* out = p.c(static_cast<Line>(line));
  for (int i = 0; i < p.n; ++i) out[i] = amounts[i];
}

__attribute__((flatten)) void sum8(const Pad8Data& d, int parent, const Cents* constant, const std::ptrdiff_t* dirty_at,
                                   std::size_t dirty_n) {
  // as Kernel::sum_years, each add checked (Pad8: tested once, at the end)
  const avx512::Pad8 p{d};
  lanes::C8* out = d.cents + static_cast<std::ptrdiff_t>(parent) * d.n;
  for (int i = 0; i < d.n; ++i) {
    lanes::C8 acc = avx512::splat(constant[i]);
    for (std::size_t j = 0; j < dirty_n; ++j) acc = p.add_checked(acc, d.cents[dirty_at[j] + i]);
    out[i] = acc;
  }
  p.check();
}

}  // namespace begroting::rules

#pragma GCC pop_options
#endif
