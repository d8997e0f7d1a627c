// begroting_bench_blokken: issue 15 part 3, "blocks of paths with SIMD-friendly loops if it pays;
// measure before you keep it". The one part of a path that is the same code for every path with
// no branch is its random numbers (SplitMix64, risk.hpp). This compares the kernel's way, one path
// after the other (the real SplitMix64), with a block of 64 paths in lockstep, where the loop over
// the paths has no dependence and the compiler vectorises it, and checks the bits are the same.
//
//   build/bench/begroting_bench_blokken
//
// Measured (1 december 2026, 2 cores, load 4-6, -O3 for plain x86-64): 50 numbers per path (the
// risico scenario draws 50) cost about 66 ns one path after the other and 58 ns in blocks of 64:
// 8 ns saved, about 1% of a path (about 700 CPU ns). x86-64 without AVX-512 has no 64-bit
// multiply in its vector unit, so the mixer's two multiplies stay scalar; the roundings to the cent
// in the rules (double -> int64) have no vector form either. Not kept in the kernel: it does not pay.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "begroting/risk.hpp"

using namespace begroting;

namespace {
constexpr int kNumbers = 50, kBlock = 64;
std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
/// SplitMix64's starting state for (seed, path), as its constructor (risk.cpp).
std::uint64_t start(std::uint64_t seed, std::uint64_t path) {
  return mix64(mix64(seed + 0x9E3779B97F4A7C15ULL) ^ (path * 0xD1B54A32D192ED03ULL + 0x632BE59BD9B4E019ULL));
}

__attribute__((noinline)) void per_path(std::uint64_t seed, int paths, double* out) {
  for (int p = 0; p < paths; ++p) {
    SplitMix64 g(seed, static_cast<std::uint64_t>(p));
    for (int j = 0; j < kNumbers; ++j) out[p * kNumbers + j] = g.uniform();
  }
}

__attribute__((noinline)) void blocked(std::uint64_t seed, int paths, double* out) {
  for (int b = 0; b < paths; b += kBlock) {
    std::uint64_t s[kBlock];
    for (int p = 0; p < kBlock; ++p) s[p] = start(seed, static_cast<std::uint64_t>(b + p));
    for (int j = 0; j < kNumbers; ++j)
      for (int p = 0; p < kBlock; ++p) {  // across the paths of the block: no dependence
        s[p] += 0x9E3779B97F4A7C15ULL;
        out[(b + p) * kNumbers + j] = (static_cast<double>(static_cast<std::int64_t>(mix64(s[p]) >> 11)) + 0.5) * 0x1.0p-53;
      }
  }
}
}  // namespace

int main() {
  const int paths = 1 << 14;
  std::vector<double> a(static_cast<size_t>(paths) * kNumbers), b(a.size());
  double best_a = 1e18, best_b = 1e18;
  for (int r = 0; r < 15; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    per_path(2024, paths, a.data());
    const auto t1 = std::chrono::steady_clock::now();
    blocked(2024, paths, b.data());
    const auto t2 = std::chrono::steady_clock::now();
    best_a = std::min(best_a, std::chrono::duration<double, std::nano>(t1 - t0).count() / paths);
    best_b = std::min(best_b, std::chrono::duration<double, std::nano>(t2 - t1).count() / paths);
  }
  const bool same = a == b;
  std::printf("%d toevalsgetallen per pad (best of 15 x %d paden): een pad na het ander %.1f ns, in blokken van %d\n"
              "paden %.1f ns (%.0f%% sneller); dezelfde bits: %s\n",
              kNumbers, paths, best_a, kBlock, best_b, 100.0 * (1.0 - best_b / best_a), same ? "ja" : "NEE");
  return same ? 0 : 1;
}
