// Internal: eight Monte Carlo paths side by side (issue 15: the kernel's rules over a block of
// paths). A rule's kernel form (rules.hpp, Pad) is a template over its pad: with Pad every value
// is a Cents or a double, with Pad8 a vector of eight, one per path (lane), in GCC's vector
// extension types. Lane by lane the operations are exactly the scalar ones of money.hpp (the
// same IEEE operations in the same order, the same round_to_cent, the same overflow tests). Where
// any lane would throw (an overflow, a value that is not an amount) or the lanes would take
// different branches of a rule's control flow, the block falls back (Fallback) and is evaluated
// path by path by the scalar code, which gives the same figures and throws what compute() throws.
//
// Only the types are here. Every function that computes with them is in rules/form_ops.inc and
// the rules' forms (rules/*_pad.inc), which rules/pads8.cpp compiles for AVX-512 (GCC lowers a
// vector operation where it is defined: code defined outside an AVX-512 region would become
// element by element code, even when inlined into AVX-512 functions). The kernel calls them only
// on a processor with AVX-512F/DQ (PathEvaluator::vector_lanes). GCC only: elsewhere (clang, the
// WebAssembly page) the kernel runs path by path.
#pragma once
#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define BEGROTING_LANES 1
#endif

namespace begroting::lanes {

constexpr int kW = 8;  ///< paths per block (PathEvaluator::kBlock)
using D8 = double __attribute__((vector_size(64)));
using C8 = std::int64_t __attribute__((vector_size(64)));  ///< also the type of a lane mask (-1 or 0)
using U8 = std::uint64_t __attribute__((vector_size(64)));

/// Storage for lane values: 64-byte aligned. Outside AVX-512 code GCC gives these vector types
/// only 16-byte alignment (so std::allocator would too), while AVX-512 code moves them with
/// aligned loads and stores.
template <class T>
struct Aligned64 {
  using value_type = T;
  Aligned64() = default;
  template <class U>
  explicit Aligned64(const Aligned64<U>&) {}
  T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t{64})); }
  void deallocate(T* p, std::size_t) { ::operator delete(p, std::align_val_t{64}); }
  bool operator==(const Aligned64&) const { return true; }
};

/// Some lane would throw, or the lanes differ where the rule needs them equal: evaluate the block
/// path by path (the scalar code then throws what compute() throws, or gives the figures).
struct Fallback {};

}  // namespace begroting::lanes
