// Monte Carlo and sensitivity over declared uncertainties (risk.hpp; DOMAIN 4: "Dutch public
// bodies size a weerstandsvermogen from a risk inventory ... Monte Carlo at a chosen certainty").
//
// Per path: reset every bound Inputs value to the scenario's, apply each uncertainty's
// realisation in declaration order, compute() without findings (no allocation), keep eigen
// vermogen and resultaat per year (int64 cents, exact: the quantiles are real paths' figures,
// interpolated and rounded once to the cent) and count the threshold crossings.
#include "begroting/risk.hpp"

#include "as241.hpp"
#include "graph_rules.hpp"
#include "rules/rules.hpp"
#include "begroting/graph.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_map>

#ifdef __linux__
#include <sys/mman.h>
#endif

#if defined(__x86_64__) && defined(__GNUC__)
// Eight paths' draws side by side (PathEvaluator::draw_block): AVX-512F/DQ has the 64-bit
// multiply and the int64 -> double conversion that SplitMix64 and uniform() need.
#define BEGROTING_DRAW_AVX512 1
#include <immintrin.h>
#endif

namespace begroting {
#ifdef BEGROTING_DRAW_AVX512
void normal_quantile_lanes_avx512(const double* p, double* z);  // below, with the eight-lane draws
#endif
}  // namespace begroting

namespace begroting {

// ---- random numbers ------------------------------------------------------------------------

namespace {
std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
}  // namespace

// Key the stream by (seed, path) through two rounds of the SplitMix64 finaliser, so that
// neighbouring seeds and neighbouring paths start far apart in the state space.
SplitMix64::SplitMix64(std::uint64_t seed, std::uint64_t path)
    : state_(mix64(mix64(seed + 0x9E3779B97F4A7C15ULL) ^ (path * 0xD1B54A32D192ED03ULL + 0x632BE59BD9B4E019ULL))) {}

// ---- quantiles -------------------------------------------------------------------------------

namespace {
/// The order statistics at ranks `ranks` (0-based, ascending, < n) of v[0..n): radix select.
/// One pass finds min and max; one pass counts the values in equal-width buckets of [min, max]
/// (n / 4 to n / 2 of them, at most 4,096); the buckets that hold a wanted rank are moved to the front in place
/// (std::partition) and only they are searched with nth_element. The buckets are monotone in
/// the value, so a rank inside its bucket is the rank minus the count below that bucket. Cost:
/// three linear passes plus a selection over a few buckets' values (all of them only when
/// almost every value falls in one bucket: then as costly as nth_element on the whole). Exact:
/// integer keys, no rounding. Reorders v.
/// The smallest and largest value of v[0..n), when the caller already knows them.
struct Range {
  Cents min, max;
};
void select_ranks(Cents* v, std::size_t n, const std::size_t* ranks, std::size_t k, Cents* out, const Range* known = nullptr) {
  Range r{};
  if (known) r = *known;
  else {
    const auto [mn_it, mx_it] = std::minmax_element(v, v + n);
    r = {*mn_it, *mx_it};
  }
  const auto mn = static_cast<std::uint64_t>(r.min);
  const std::uint64_t range = static_cast<std::uint64_t>(r.max) - mn;  // unsigned: no overflow
  // Bucket count: between n / 4 and n / 2 (a power of two), at most 2^12 (the counts stay in
  // the L1 cache: measured faster than 2^16 at 1,000,000 values), at least 2^4.
  const int digits = std::clamp(static_cast<int>(std::bit_width(n)) - 2, 4, 12);
  const int width = std::bit_width(range);
  const int shift = width > digits ? width - digits : 0;
  const std::size_t buckets = static_cast<std::size_t>(range >> shift) + 1;
  auto bucket = [&](Cents x) { return static_cast<std::size_t>((static_cast<std::uint64_t>(x) - mn) >> shift); };
  std::vector<std::size_t> below(buckets + 1, 0);  // below[b]: values in buckets < b (after the prefix sum)
  for (std::size_t i = 0; i < n; ++i) ++below[bucket(v[i]) + 1];
  for (std::size_t b = 1; b <= buckets; ++b) below[b] += below[b - 1];
  std::vector<std::size_t> in_bucket(k);
  std::vector<unsigned char> wanted(buckets, 0);
  for (std::size_t j = 0; j < k; ++j) {
    // the bucket b with below[b] <= rank < below[b + 1]
    in_bucket[j] = static_cast<std::size_t>(std::upper_bound(below.begin(), below.end(), ranks[j]) - below.begin()) - 1;
    wanted[in_bucket[j]] = 1;
  }
  // gathered[b]: how many values of wanted buckets below b come before it at the front
  std::vector<std::size_t> gathered(buckets, 0);
  for (std::size_t b = 0, g = 0; b < buckets; ++b) {
    gathered[b] = g;
    if (wanted[b]) g += below[b + 1] - below[b];
  }
  Cents* const m = std::partition(v, v + n, [&](Cents x) { return wanted[bucket(x)] != 0; });
  Cents* start = v;
  for (std::size_t j = 0; j < k; ++j) {
    const std::size_t b = in_bucket[j];
    Cents* at = v + (ranks[j] - below[b] + gathered[b]);
    std::nth_element(start, at, m);  // ranks ascend: everything left of `start` is smaller
    out[j] = *at;
    start = at;
  }
}

/// Quantile levels are whole basis points (1/10,000): 0.05 is 500/10,000 exactly, so the type-7
/// position h = (n - 1) k / 10,000 and its fraction are exact rationals, not doubles carrying
/// the binary error of 0.05 (which would decide the rounding of a value that is exactly half a
/// cent). Throws std::invalid_argument for a level outside [0, 1] or off the grid.
constexpr std::uint64_t kLevelDenominator = 10000;
std::uint64_t level_basis_points(double p) {
  auto shown = [](double x) {  // every digit: 1.0000001 must not print as 1.000000
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    return std::string(buf);
  };
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("kwantiel: niveau " + shown(p) + " ligt niet tussen 0 en 1");
  const double scaled = p * static_cast<double>(kLevelDenominator);
  const double k = std::round(scaled);
  if (std::fabs(scaled - k) > 1e-6)
    throw std::invalid_argument("kwantiel: niveau " + shown(p) + " is geen veelvoud van 0,0001");
  return static_cast<std::uint64_t>(k);
}

/// x_lo + (rest / 10,000) (x_hi - x_lo), with 0 < rest < 10,000 and x_lo <= x_hi, rounded once
/// to the cent (half away from zero), exactly: the step is the integer rest (x_hi - x_lo)
/// (below 2^78) divided by 10,000 with its remainder. No double anywhere.
Cents interpolate(Cents x_lo, Cents x_hi, std::uint64_t rest) {
  __extension__ using U = unsigned __int128;
  const U gap = static_cast<U>(static_cast<std::uint64_t>(x_hi) - static_cast<std::uint64_t>(x_lo));  // < 2^64
  const U prod = static_cast<U>(rest) * gap;
  const auto q = static_cast<std::uint64_t>(prod / kLevelDenominator);  // whole cents of the step (<= gap)
  const auto r = static_cast<std::uint64_t>(prod % kLevelDenominator);
  const auto floor_value = static_cast<Cents>(static_cast<std::uint64_t>(x_lo) + q);  // mod 2^64: lies in [x_lo, x_hi]
  // Rounding step: half away from zero, on the value (x_lo may be negative): above half up;
  // exactly half up when floor_value + 1/2 > 0, that is when floor_value >= 0.
  if (2 * r > kLevelDenominator || (2 * r == kLevelDenominator && floor_value >= 0)) return floor_value + 1;
  return floor_value;
}

/// Type-7 quantiles at levels `ps` (whole basis points, see level_basis_points): for each level
/// the order statistics at floor(h) and floor(h) + 1, h = (n - 1) p, interpolated and rounded
/// once to the cent. Reorders v. `known`: v's smallest and largest value, if known.
void multi_quantile(Cents* v, std::size_t n, const double* ps, std::size_t k, Cents* out, const Range* known = nullptr) {
  __extension__ using U = unsigned __int128;
  std::vector<std::size_t> lo(k), ranks;
  std::vector<std::uint64_t> rest(k);
  for (std::size_t j = 0; j < k; ++j) {
    const U h = static_cast<U>(n - 1) * level_basis_points(ps[j]);  // h x 10,000, exact
    lo[j] = static_cast<std::size_t>(h / kLevelDenominator);
    rest[j] = static_cast<std::uint64_t>(h % kLevelDenominator);
    ranks.push_back(lo[j]);
    ranks.push_back(std::min(lo[j] + 1, n - 1));
  }
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  std::vector<Cents> x(ranks.size());
  select_ranks(v, n, ranks.data(), ranks.size(), x.data(), known);
  auto at = [&](std::size_t r) { return x[static_cast<std::size_t>(std::lower_bound(ranks.begin(), ranks.end(), r) - ranks.begin())]; };
  for (std::size_t j = 0; j < k; ++j) {
    const Cents x_lo = at(lo[j]);
    out[j] = rest[j] == 0 ? x_lo : interpolate(x_lo, at(lo[j] + 1), rest[j]);  // rest > 0 implies lo < n - 1
  }
}

struct Moments { double mean = 0, sd = 0; };
/// Mean and sample standard deviation in euros, summed in index (= path) order: deterministic.
Moments moments(const Cents* v, std::size_t n) {
  __extension__ __int128 sum = 0;  // exact: |cents| < 2^63, paths < 2^63
  for (std::size_t i = 0; i < n; ++i) sum += v[i];
  const long double mean = static_cast<long double>(sum) / static_cast<long double>(n);
  long double ss = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const long double d = static_cast<long double>(v[i]) - mean;
    ss += d * d;
  }
  Moments m;
  m.mean = static_cast<double>(mean / 100.0L);
  m.sd = n > 1 ? static_cast<double>(std::sqrt(ss / static_cast<long double>(n - 1)) / 100.0L) : 0.0;
  return m;
}
}  // namespace

Cents quantile_cents(Cents* v, std::size_t n, double p) {
  if (n == 0) throw std::invalid_argument("kwantiel van nul waarden");
  Cents out = 0;
  multi_quantile(v, n, &p, 1, &out);
  return out;
}

// ---- the model ---------------------------------------------------------------------------------

// ---- the per-path kernel: only what the draws touch ---------------------------------------------
//
// compute() runs every node of the model's graph (graph.hpp: built-in rules, amount, formula and
// subtotal lines, in a fixed order); a Monte Carlo path changes only the Inputs values its
// uncertainties are bound to. The kernel runs, per path, only the nodes that read a bound
// parameter or a line such a node writes (transitively), re-sums only the subtotals above those
// lines (the clean children's sum is a constant of the run), and leaves every other line at the
// plan's value. The phase-3 rules that no risk figure reads (kengetallen, the waterbed view and
// identity, the schools' sum check) are evaluated on the plan run only.
//
// The dependencies are the graph's: each node's parameters (paths or prefixes), the lines it
// reads and writes (graph.cpp; tests/test_graph_complete.cpp proves the built-in table complete
// by perturbing every registry parameter). So this holds for any model, also one with its own
// lines and parameters. A bound parameter no node reads makes the kernel fall back to the whole
// compute(). Same nodes, same arithmetic, same order: the figures are byte-identical
// (tests/test_risk_pin.cpp), and a self-check at setup compares the kernel with compute() on
// probe paths (fallback to compute() if they ever differ).
namespace {

/// As Graph::depends_on: a node's parameter `p` covers `path` when equal or one is a prefix of
/// the other at a '.' ("leerlingen" covers "leerlingen.bo.groei").
bool covers(std::string_view p, std::string_view path) {
  auto below = [](std::string_view a, std::string_view b) { return a.size() > b.size() && a.substr(0, b.size()) == b && a[b.size()] == '.'; };
  return p == path || below(path, p) || below(p, path);
}

}  // namespace

struct RiskModel::Kernel {
  bool full = true;  ///< fall back to compute(): no graph, or a bound parameter no node reads
  struct Step {
    enum class Kind : std::uint8_t { Rule, Copy, Node, Sum, ScholenBasis, Pad };
    Kind kind = Kind::Rule;
    void (*rule)(rules::Ctx&) = nullptr;  ///< Rule
    int index = -1;  ///< Copy: a built-in amount line; Node: a graph node; Sum: into sums
    void (*pad)(const rules::Pad&) = nullptr;  ///< Pad: the rule's kernel form (rules.hpp)
    unsigned flags = 0;                        ///< Pad: its flags
#ifdef BEGROTING_LANES
    void (*pad8)(const rules::Pad8Data&) = nullptr;  ///< Pad: its lane form (lanes.hpp)
#endif
  };
  /// Eight paths at once (run8) is possible: every step has a lane form.
  bool lanes = false;
  std::vector<Step> steps;
  /// Per dirty subtotal: the constant part (the clean children's sum per year) and the dirty children.
  struct Sum {
    int parent = -1;
    std::vector<Cents> constant;
    std::vector<int> dirty;
    std::vector<std::ptrdiff_t> dirty_at;  ///< per dirty child: its offset in Result::cents (line x years)
  };
  std::vector<Sum> sums;
  std::vector<std::string> names;  ///< what runs per path, for the bench and tests: nodes, amount lines, sums
  std::vector<char> plan_only;     ///< per line: the path would change it, but it keeps the plan's value

  Kernel(const std::vector<std::string>& bound, const Inputs& base, const Result& plan) {
    this->plan = &plan;
    if (!base.graph) return;
    // The korting OCW tot de signaleringswaarde (rules/korting_ocw.cpp) lowers zware ondersteuning
    // and the totals above it after the totals (graph: overwrites, not writes); the re-summed
    // subtotals here cannot hold that, so a scenario with such a korting runs compute() per path.
    for (Cents k : base.korting_pp)
      if (k != 0) return;
    const Graph& g = *base.graph;
    const Model& m = *g.model;
    const auto& rs = builtin_rules();
    const int N = static_cast<int>(g.nodes.size());
    const auto L = static_cast<size_t>(m.size());
    std::vector<std::vector<int>> writers(L);  // per line: the nodes that write it, ascending
    int amounts_node = -1;
    for (int k = 0; k < N; ++k) {
      const GraphNode& nd = g.nodes[static_cast<size_t>(k)];
      for (int w : nd.writes) writers[static_cast<size_t>(w)].push_back(k);
      if (nd.kind == GraphNode::Kind::Rule && rs[static_cast<size_t>(nd.rule)].fn == rules::amounts) amounts_node = k;
    }
    std::vector<char> run(static_cast<size_t>(N), 0), line_dirty(L, 0), copy(L, 0);
    // The amounts rule copies every built-in amount line: per path only the bound ones (its
    // parameter "bedragen" would otherwise cover every bedragen.* path).
    auto node_params_cover = [&](int k, const std::string& path) {
      if (k == amounts_node) return false;
      for (const auto& p : g.nodes[static_cast<size_t>(k)].params)
        if (covers(p, path)) return true;
      return false;
    };
    for (const auto& path : bound) {
      bool claimed = false;
      for (int k = 0; k < N; ++k)
        if (node_params_cover(k, path)) { run[static_cast<size_t>(k)] = 1; claimed = true; }
      if (amounts_node >= 0 && path.rfind("bedragen.", 0) == 0) {
        const int l = m.find(path.substr(9));
        const auto& w = g.nodes[static_cast<size_t>(amounts_node)].writes;
        if (l >= 0 && std::find(w.begin(), w.end(), l) != w.end()) { copy[static_cast<size_t>(l)] = 1; claimed = true; }
      }
      if (!claimed) return;  // full compute()
    }
    // Fixpoint. A node runs when a bound parameter or a dirty line reaches it; its lines are
    // dirty. A later writer of a line a running node writes must run again (it overwrites). A
    // running node that reads a line which it or a later node overwrites would read the plan's
    // final value, not the one compute() gives it: the last writer before it runs again.
    auto mark = [&](int k, int line, bool& changed) {
      if (k == amounts_node) {
        if (!copy[static_cast<size_t>(line)]) { copy[static_cast<size_t>(line)] = 1; changed = true; }
      } else if (!run[static_cast<size_t>(k)]) {
        run[static_cast<size_t>(k)] = 1;
        changed = true;
      }
    };
    for (bool changed = true; changed;) {
      changed = false;
      for (int k = 0; k < N; ++k) {
        const GraphNode& nd = g.nodes[static_cast<size_t>(k)];
        if (k == amounts_node) {
          for (int w : nd.writes)
            if (copy[static_cast<size_t>(w)] && !line_dirty[static_cast<size_t>(w)]) { line_dirty[static_cast<size_t>(w)] = 1; changed = true; }
        } else {
          for (int r : nd.reads)
            if (line_dirty[static_cast<size_t>(r)]) mark(k, r, changed);
          if (!run[static_cast<size_t>(k)]) continue;
          for (int w : nd.writes)
            if (!line_dirty[static_cast<size_t>(w)]) { line_dirty[static_cast<size_t>(w)] = 1; changed = true; }
        }
        auto writes_line = [&](int w) { return k != amounts_node || copy[static_cast<size_t>(w)]; };
        for (int w : nd.writes)
          if (writes_line(w))
            for (int q : writers[static_cast<size_t>(w)])
              if (q > k) mark(q, w, changed);
        if (k == amounts_node) continue;
        for (int r : nd.reads) {
          const auto& ws = writers[static_cast<size_t>(r)];
          if (ws.empty() || ws.back() < k) continue;  // the Result holds what this node reads
          int before = -1;
          for (int q : ws)
            if (q < k) before = q;
          if (before >= 0) mark(before, r, changed);
        }
      }
    }
    // Phase 3: keep only the rules that write a line risk reads, or one a kept rule reads.
    std::vector<char> needed(L, 0);
    for (Line l : {Line::eigen_vermogen, Line::resultaat, Line::signaleringswaarde, Line::weerstandsvermogen_niveau})
      needed[static_cast<size_t>(l)] = 1;
    std::vector<char> skip(static_cast<size_t>(N), 0);
    plan_only.assign(L, 0);
    for (int k = N; k-- > 0;) {
      const GraphNode& nd = g.nodes[static_cast<size_t>(k)];
      if (nd.kind != GraphNode::Kind::Rule || rs[static_cast<size_t>(nd.rule)].phase != 3 || !run[static_cast<size_t>(k)]) continue;
      bool keep = false;
      for (int w : nd.writes) keep = keep || needed[static_cast<size_t>(w)];
      if (keep)
        for (int r : nd.reads) needed[static_cast<size_t>(r)] = 1;
      else {
        skip[static_cast<size_t>(k)] = 1;
        for (int w : nd.writes) plan_only[static_cast<size_t>(w)] = 1;
      }
    }
    full = false;
    const int n = base.horizon.size();
    // The populations a draw reaches (population_pad): a bound path under leerlingen.<key>; a
    // path that covers "leerlingen" or "stromen" as a whole, or none found: all of them.
    unsigned pop_mask = 0;
    {
      bool all = false;
      for (const auto& path : bound) {
        if (!covers("leerlingen", path) && !covers("stromen", path)) continue;
        bool found = false;
        for (int q = 0; q < kPopCount; ++q)
          if (path.rfind("leerlingen." + std::string(pop_key(static_cast<Pop>(q))) + ".", 0) == 0) {
            pop_mask |= 1u << q;
            found = true;
          }
        all = all || !found;
      }
      if (all || pop_mask == 0 || base.flows.active) pop_mask = (1u << kPopCount) - 1;
    }
    for (int k = 0; k < N; ++k) {
      const GraphNode& nd = g.nodes[static_cast<size_t>(k)];
      if (k == amounts_node) {
        for (int w : nd.writes)
          if (copy[static_cast<size_t>(w)]) {
            steps.push_back({Step::Kind::Copy, nullptr, w});
            names.push_back(m.line(w).id);
          }
        continue;
      }
      if (!run[static_cast<size_t>(k)] || skip[static_cast<size_t>(k)]) continue;
      switch (nd.kind) {
        case GraphNode::Kind::Rule:
          if (const Step pad = pad_step(rs[static_cast<size_t>(nd.rule)].fn, nd, bound, base, line_dirty, writers, pop_mask); pad.pad) {
            steps.push_back(pad);
            names.push_back(nd.name);
            break;
          }
          if (rs[static_cast<size_t>(nd.rule)].fn == rules::scholen && scholen_basis_suffices(nd, bound, line_dirty)) {
            steps.push_back({Step::Kind::ScholenBasis, nullptr, k});
            names.push_back("scholen (basis)");
            break;
          }
          steps.push_back({Step::Kind::Rule, rs[static_cast<size_t>(nd.rule)].fn, k});
          names.push_back(nd.name);
          break;
        case GraphNode::Kind::Amount:
        case GraphNode::Kind::Formula:
          steps.push_back({Step::Kind::Node, nullptr, k});
          names.push_back(nd.name);
          break;
        case GraphNode::Kind::Subtotal: {
          Sum sum;
          sum.parent = nd.line;
          sum.constant.assign(static_cast<size_t>(n), 0);
          for (int ch : nd.children) {
            if (line_dirty[static_cast<size_t>(ch)]) sum.dirty.push_back(ch);
            else
              for (int i = 0; i < n; ++i) {
                Cents& c = sum.constant[static_cast<size_t>(i)];
                c = add_checked(c, plan.c(static_cast<Line>(ch), i));
              }
          }
          for (int ch : sum.dirty) sum.dirty_at.push_back(static_cast<std::ptrdiff_t>(ch) * n);
          steps.push_back({Step::Kind::Sum, nullptr, static_cast<int>(sums.size())});
          sums.push_back(std::move(sum));
          names.push_back("som " + nd.name);
          break;
        }
      }
    }
  }

  /// Whether every step has a lane form (run8): built-in rules with their kernel form, amount
  /// lines and subtotals; the schools' basis only when there are no schools (then it does
  /// nothing). A model with formula lines, a rule without a kernel form or a schools file
  /// evaluates path by path.
  void decide_lanes(const Inputs& base) {
#ifdef BEGROTING_LANES
    lanes = !full;
    for (const Step& s : steps) {
      switch (s.kind) {
        case Step::Kind::Rule:
        case Step::Kind::Node: lanes = false; break;
        case Step::Kind::Pad: lanes = lanes && s.pad8 != nullptr; break;
        case Step::Kind::ScholenBasis: lanes = lanes && !base.verdeling.scholen; break;
        case Step::Kind::Copy:
        case Step::Kind::Sum: break;
      }
    }
#else
    (void)base;
#endif
  }

  /// The kernel form of a built-in rule (rules.hpp, Pad), when it has one and its conditions
  /// hold; otherwise a Step without `pad` (the rule itself runs).
  static Step pad_step(void (*fn)(rules::Ctx&), const GraphNode& nd, const std::vector<std::string>& bound, const Inputs& base,
                       const std::vector<char>& line_dirty, const std::vector<std::vector<int>>& writers, unsigned pop_mask) {
    Step st;
    st.kind = Step::Kind::Pad;
    auto params_bound = [&] {
      for (const auto& path : bound)
        for (const auto& p : nd.params)
          if (covers(p, path)) return true;
      return false;
    };
    if (fn == rules::population) {
      if (base.flows.active) return {};
      st.pad = rules::population_pad;
      st.flags = pop_mask;
    } else if (fn == rules::rijksbijdrage) {
      st.pad = rules::rijksbijdrage_pad;
    } else if (fn == rules::inhouding_duo) {
      st.pad = rules::inhouding_duo_pad;
    } else if (fn == rules::ikc_volumebekostiging) {
      // IKC tarief and the invoices to other SWVs: only when a draw reaches a tarief or the
      // other SWVs' IKC pupils (population_pad projects them only when a draw reaches them)
      const auto ander = static_cast<size_t>(Line::leerlingen_ikc_ander_swv);
      const bool ander_dirty = line_dirty[ander] && (writers[ander].size() != 1 || ((pop_mask >> static_cast<int>(Pop::ikc_ander_swv)) & 1u));
      st.pad = rules::ikc_volumebekostiging_pad;
      st.flags = params_bound() || ander_dirty ? 1u : 0u;
    } else if (fn == rules::ikc_bandbreedte) {
      st.pad = rules::ikc_bandbreedte_pad;
    } else if (fn == rules::afdracht_verwijzingen) {
      st.pad = rules::afdracht_verwijzingen_pad;
    } else if (fn == rules::ondersteuningsbedrag_bao) {
      st.pad = rules::ondersteuningsbedrag_bao_pad;
    } else if (fn == rules::instroom_terugplaatsing) {
      st.pad = rules::instroom_terugplaatsing_pad;
    } else if (fn == rules::personeel) {
      st.pad = rules::personeel_pad;
    } else if (fn == rules::vangnet) {
      if (params_bound()) return {};  // the claims move: the rule itself
      st.pad = rules::vangnet_pad;
    } else if (fn == rules::reserves) {
      st.pad = rules::reserves_pad;
    } else if (fn == rules::signaleringswaarde) {
      st.pad = rules::signaleringswaarde_pad;
    }
#ifdef BEGROTING_LANES
    using Form = std::pair<void (*)(const rules::Pad&), void (*)(const rules::Pad8Data&)>;
    static constexpr Form kLaneForms[] = {
        {rules::population_pad, rules::population_pad8},
        {rules::rijksbijdrage_pad, rules::rijksbijdrage_pad8},
        {rules::inhouding_duo_pad, rules::inhouding_duo_pad8},
        {rules::ikc_volumebekostiging_pad, rules::ikc_volumebekostiging_pad8},
        {rules::ikc_bandbreedte_pad, rules::ikc_bandbreedte_pad8},
        {rules::afdracht_verwijzingen_pad, rules::afdracht_verwijzingen_pad8},
        {rules::ondersteuningsbedrag_bao_pad, rules::ondersteuningsbedrag_bao_pad8},
        {rules::instroom_terugplaatsing_pad, rules::instroom_terugplaatsing_pad8},
        {rules::personeel_pad, rules::personeel_pad8},
        {rules::vangnet_pad, rules::vangnet_pad8},
        {rules::reserves_pad, rules::reserves_pad8},
        {rules::signaleringswaarde_pad, rules::signaleringswaarde_pad8},
    };
    for (const auto& [form, lane_form] : kLaneForms)
      if (st.pad == form) st.pad8 = lane_form;
#endif
    return st;
  }

  /// The schools rule per path: when no bound parameter reaches it other than the
  /// ondersteuningsbedrag per leerling (the others, top.* and the instroom amount, and the schools
  /// file feed the afdracht, TLV and instroom sums, which then stay the plan's) and the only line it
  /// reads that changes is leerlingen bo, only the per-school basis is recomputed (rules::scholen_basis).
  static bool scholen_basis_suffices(const GraphNode& nd, const std::vector<std::string>& bound, const std::vector<char>& line_dirty) {
    for (const auto& path : bound)
      for (const auto& p : nd.params)
        if (covers(p, path) && p != "regulier_onderwijs.ondersteuningsbedrag_per_leerling") return false;
    for (int r : nd.reads)
      if (line_dirty[static_cast<size_t>(r)] && r != static_cast<int>(Line::leerlingen_bo)) return false;
    return true;
  }

  const Result* plan = nullptr;  ///< the plan run (RiskModel::plan_), for scholen_basis

  /// A dirty subtotal for a horizon of N years: the constant part plus the dirty children, each
  /// add checked (integer sums: the same cents in any order).
  template <int N>
  static void sum_years(const Sum& sum, Cents* cents) {
    std::array<Cents, N> acc;
    std::copy_n(sum.constant.begin(), N, acc.begin());
    for (std::ptrdiff_t at : sum.dirty_at)
      for (int i = 0; i < N; ++i) acc[static_cast<size_t>(i)] = add_checked(acc[static_cast<size_t>(i)], cents[at + i]);
    // One store per year from the registers: a block copy of the array would store the sums to
    // the stack and load them back in pairs, which stalls on store forwarding (measured: a fifth
    // of evaluate()).
    Cents* const out = cents + static_cast<std::ptrdiff_t>(sum.parent) * N;
    for (int i = 0; i < N; ++i) out[i] = acc[static_cast<size_t>(i)];
  }

#ifdef BEGROTING_LANES
  void run8(rules::Pad8Data pad) const;
#endif
  void run(const Inputs& in, Result& r) const {
    rules::Ctx c{in, r, nullptr, in.horizon.size(), in.horizon.first, false};
    const int n = c.n;
    Cents* const cents = r.cents.data();
    rules::Pad pad{in, cents, r.real.data(), n, c.first, 0};
    for (const Step& s : steps) {
      switch (s.kind) {
        case Step::Kind::Rule: s.rule(c); break;
        case Step::Kind::Copy:
          std::copy_n(in.amounts[static_cast<size_t>(s.index)].begin(), n, &r.c(static_cast<Line>(s.index), 0));
          break;
        case Step::Kind::Node: compute_node(in, r, s.index); break;
        case Step::Kind::ScholenBasis: rules::scholen_basis(c, *plan); break;
        case Step::Kind::Pad:
          pad.flags = s.flags;
          s.pad(pad);
          break;
        case Step::Kind::Sum: {
          const Sum& sum = sums[static_cast<size_t>(s.index)];
          if (n == 5) sum_years<5>(sum, cents);  // the usual horizon: the years in registers
          else {
            Cents* p = cents + static_cast<std::ptrdiff_t>(sum.parent) * n;
            std::copy_n(sum.constant.begin(), n, p);
            for (std::ptrdiff_t at : sum.dirty_at)
              for (int i = 0; i < n; ++i) p[i] = add_checked(p[i], cents[at + i]);
          }
          break;
        }
      }
    }
  }
};

#ifdef BEGROTING_LANES
/// Eight paths at once: run() with every step in its lane form (rules/pads8.cpp), over the
/// lanes `pad` describes (rules.hpp, Pad8Data). Throws lanes::Fallback where a lane would throw.
void RiskModel::Kernel::run8(rules::Pad8Data pad) const {
  for (const Step& s : steps) {
    switch (s.kind) {
      case Step::Kind::Pad:
        pad.flags = s.flags;
        s.pad8(pad);
        break;
      case Step::Kind::Copy: rules::copy8(pad, s.index); break;
      case Step::Kind::Sum: {
        const Sum& sum = sums[static_cast<size_t>(s.index)];
        rules::sum8(pad, sum.parent, sum.constant.data(), sum.dirty_at.data(), sum.dirty_at.size());
        break;
      }
      case Step::Kind::ScholenBasis: break;  // only without schools (decide_lanes): the rule does nothing
      case Step::Kind::Rule:
      case Step::Kind::Node: throw lanes::Fallback{};  // never: decide_lanes
    }
  }
}
#endif

struct RiskModel::Compiled {
  Uncertainty u;
  std::vector<Target> targets;
  std::vector<int> slot;       ///< per target: year slot (year - (F-1)); 0 for a Single parameter
  std::vector<double> shift;   ///< per target: scenario value - reference (toepassing waarde; uncertainty.hpp)
  int win_first = 0, win_last = 0;  ///< event: slots in which it may happen
  int first_event_slot = 0;    ///< event: the first slot in the window that one of its targets has
  std::vector<int> used;       ///< the slots its targets have, ascending (what draw() fills)
};

RiskModel::RiskModel(const Scenario& s)
    : name_(s.name), base_(compile(s)), compiled_(std::make_unique<std::vector<Compiled>>()) {
  compute(base_, plan_, nullptr, Findings::Skip);
  const Horizon& h = base_.horizon;
  const int origin = h.first - 1, ns = slots();
  for (const auto& u : s.onzekerheden) {
    auto fail = [&](const std::string& what) { throw std::invalid_argument(u.where.str() + ": onzekerheid " + u.name + ": " + what); };
    Compiled c;
    c.u = u;
    for (const auto& path : u.params) {
      std::vector<Target> ts;
      try {
        ts = bind_parameter(base_, path, u.year);
      } catch (const std::invalid_argument& e) {
        fail(e.what());
      }
      for (const auto& t : ts) {
        const int slot = t.year == 0 ? 0 : t.year - origin;
        if (slot < 0 || slot >= ns) fail("jaar " + std::to_string(t.year) + " valt buiten de horizon");
        if (t.year == 0 && (u.event || u.draw == Uncertainty::Draw::PerJaar))
          fail(path + " heeft geen jaren; een gebeurtenis of 'trekking: per_jaar' werkt alleen op een parameter per jaar");
        Inputs probe = base_;  // only at setup: check the scenario's value is usable
        const double base_value = resolve(probe, t).get();
        if (std::isnan(base_value) && u.apply != Uncertainty::Apply::Waarde)
          fail(path + "." + std::to_string(t.year) + " heeft in het scenario geen waarde (geprojecteerd); "
               "gebruik 'toepassing: waarde' of een teldatum met een aantal");
        // toepassing waarde follows an override of the parameter: shift x by the difference
        // between the scenario's value and the value the distribution was written for
        double shift = 0;
        if (u.apply == Uncertainty::Apply::Waarde) {
          const auto rp = u.reference.find(path);
          if (rp != u.reference.end())
            if (const auto ry = rp->second.find(t.year); ry != rp->second.end()) {
              Inputs ref = base_;
              const Slot r = resolve(ref, t);
              r.set(ry->second);  // the reference in the engine's units (cents for money), as compile() would
              if (!std::isnan(base_value) && !std::isnan(r.get())) shift = base_value - r.get();
            }
        }
        c.targets.push_back(t);
        c.slot.push_back(slot);
        c.shift.push_back(shift);
      }
    }
    if (c.targets.empty()) fail("raakt geen enkele waarde (geen jaren met een gegeven waarde)");
    c.used = c.slot;
    std::sort(c.used.begin(), c.used.end());
    c.used.erase(std::unique(c.used.begin(), c.used.end()), c.used.end());
    c.win_first = u.vanaf != 0 ? std::max(0, u.vanaf - origin) : 0;
    c.win_last = u.tot_en_met != 0 ? std::min(ns - 1, u.tot_en_met - origin) : ns - 1;
    if (u.event) {
      c.first_event_slot = -1;
      for (int sl : c.slot)
        if (sl >= c.win_first && sl <= c.win_last && (c.first_event_slot < 0 || sl < c.first_event_slot)) c.first_event_slot = sl;
      if (c.first_event_slot < 0) fail("geen van de jaren van de parameter valt tussen vanaf en tot_en_met");
    }
    compiled_->push_back(std::move(c));
  }
  std::vector<std::string> bound;
  for (const auto& c : *compiled_) bound.insert(bound.end(), c.u.params.begin(), c.u.params.end());
  kernel_ = std::make_unique<Kernel>(bound, base_, plan_);
  kernel_->decide_lanes(base_);
  check_kernel();
}

RiskModel::~RiskModel() = default;
std::size_t RiskModel::size() const { return compiled_->size(); }
const Uncertainty& RiskModel::uncertainty(std::size_t k) const { return (*compiled_)[k].u; }

// ---- one evaluator per thread ---------------------------------------------------------------------

struct PathEvaluator::Impl {
  const RiskModel& m;
  Inputs work;
  Result res;  ///< starts as the plan: the kernel leaves every line it does not touch at the plan's value
  bool full = false;  ///< evaluate with the whole compute() (the self-check, or no kernel)
  /// A bound value, grouped by kind so that applying needs no type switch per value. Within a
  /// kind the values keep the order of the uncertainties (and of their targets), which is the
  /// order in which two uncertainties on the same value apply.
  template <class T>
  struct Op {
    T* ptr;
    const T* base;   ///< the same value in the model's base Inputs (read only)
    std::size_t k;   ///< uncertainty
    std::size_t s;   ///< (k * ns + year slot) * L: index into value / active (plus the lane)
    Uncertainty::Apply mode;
    double shift;    ///< added to x for toepassing waarde (Compiled::shift)
    double lo_eff, hi;  ///< clamp, as Slot::set
    int cover;       ///< an uncertainty that always overwrites this value (first to touch it, no
                     ///< event, toepassing waarde): while it is enabled no reset is needed; -1: none
  };
  /// Values exactly one op touches (the usual case): applied in one pass, each written once
  /// from the scenario's value (no reset pass); grouped by kind. `reals`, `money` and `ints`
  /// keep only the values two or more uncertainties touch (reset, then applied in order).
  /// Their order does not matter (each writes its own value), so they are grouped by toepassing
  /// too (index: Uncertainty::Apply) and applied by loops without a switch per value.
  template <class T>
  struct SoloOp {
    T* ptr;
    const T* base;
    std::uint32_t k, s;  ///< as Op
    double shift, lo_eff, hi;
  };
  template <class T>
  using Solo = std::array<std::vector<SoloOp<T>>, 3>;
  /// Every bound value of one Inputs copy.
  struct Ops {
    std::vector<Op<double>> reals;
    std::vector<Op<Cents>> money;
    std::vector<Op<int>> ints;
    Solo<double> solo_reals;
    Solo<Cents> solo_money;
    Solo<int> solo_ints;
  };
  Ops ops;  ///< into `work`
  /// Per uncertainty, what draw() needs, copied out of Compiled (fixed per model): the
  /// distribution's constants precomputed where that does not change a single bit (b - a,
  /// c - b, c - a and the mode's position are each one exact-once operation in quantile()).
  struct DrawPlan {
    Distribution::Kind kind;
    double a, b, c, w, fm, bma, cmb;
    bool event, blijvend, eenmalig;
    double kans;
    int win_first, win_last;
    std::uint32_t used_at, used_n;  ///< into used_slots
  };
  std::vector<DrawPlan> plans;
  std::vector<int> used_slots;
  int ns;
  /// The realisations of a block of up to L paths, lane by lane: [(k * ns + slot) * L + lane].
  static constexpr std::size_t L = PathEvaluator::kBlock;
  std::vector<double> value;          ///< the drawn number x
  std::vector<unsigned char> active;  ///< does it apply in that slot
  std::size_t lane = 0;               ///< the path of the block that evaluate() applies
  std::size_t drawn = 1;              ///< lanes the last draw filled (use() refuses the others)
  bool vector_checked = false;        ///< the vector lanes compared with the scalar code once
  bool vector_ok = true;              ///< ... and they agreed
  std::vector<unsigned char> enabled; ///< per uncertainty
  /// The lines of the eight paths after evaluate_lanes(), [line * n + i] of lanes (empty without
  /// lanes); lane_row: where line l, year index i is.
  std::vector<lanes::C8, lanes::Aligned64<lanes::C8>> lane_cents;
  std::vector<lanes::D8, lanes::Aligned64<lanes::D8>> lane_real;
  [[nodiscard]] std::size_t lane_row(Line l, int i = 0) const {
    if (lane_cents.empty()) throw std::logic_error("rijen van banen gelezen zonder evaluate_lanes()");
    return static_cast<std::size_t>(static_cast<int>(l) * m.base().horizon.size() + i);
  }
#ifdef BEGROTING_LANES
  /// The lane kernel (Kernel::run8), set up on first use. The eight paths share one Inputs, the
  /// scenario's (never written); each bound value has a slot of eight lanes (`shadow`: its bits,
  /// an int as an int64) that apply8 writes and the lane forms read instead of the Inputs
  /// (rules.hpp, Pad8Data: `bound` holds the values' addresses in `lane_in`, sorted; a value's
  /// slot is its place there). The lines of the eight paths are [line * n + i] of lanes, starting as the plan.
  bool lanes_ready = false;
  std::uint64_t lane_tries = 0, lane_fallbacks = 0;  ///< blocks tried in the lanes, and fallen back
  std::unique_ptr<Inputs> lane_in;
  std::vector<std::uintptr_t> bound;
  std::vector<lanes::C8, lanes::Aligned64<lanes::C8>> shadow;
  std::vector<rules::Pad8Seen> seen = std::vector<rules::Pad8Seen>(rules::Pad8Data::kSeen);
  std::vector<std::int32_t> slot_pool;  ///< per array with a bound value: each element's slot or -1
  std::size_t slot_pool_used = 0;
  /// A bound value for all eight paths (apply8): its slot and what Op/SoloOp holds.
  struct Op8 {
    std::uint32_t slot;
    const void* base;
    std::uint32_t k, s;
    int cover;  ///< shared ops: as Op::cover
    Uncertainty::Apply mode;
    double shift, lo_eff, hi;
  };
  std::array<std::vector<Op8>, 3> solo8;    ///< per kind (Target::Kind), values one op touches
  std::array<std::vector<Op8>, 3> shared8;  ///< per kind, the others, in the order of their ops
  template <class List>
  void add8(const Ops& ops0, std::vector<Op8>& out, List Ops::*list, std::size_t a = 0) {
    for (const auto& o : select(ops0.*list, a)) {
      Op8 e{};
      e.slot = static_cast<std::uint32_t>(std::lower_bound(bound.begin(), bound.end(), reinterpret_cast<std::uintptr_t>(o.ptr)) - bound.begin());
      e.base = o.base;
      e.k = static_cast<std::uint32_t>(o.k);
      e.s = static_cast<std::uint32_t>(o.s);
      e.shift = o.shift;
      e.lo_eff = o.lo_eff;
      e.hi = o.hi;
      if constexpr (requires { o.cover; }) {
        e.cover = o.cover;
        e.mode = o.mode;
      } else {
        e.cover = -1;
        e.mode = static_cast<Uncertainty::Apply>(a);
      }
      out.push_back(e);
    }
  }
  template <class T>
  static const std::vector<T>& select(const std::vector<T>& v, std::size_t) { return v; }
  template <class T>
  static const std::vector<SoloOp<T>>& select(const Solo<T>& v, std::size_t a) { return v[a]; }
  bool apply8();
  template <class T>
  static bool apply8_kind(const std::vector<Op8>& solo, const std::vector<Op8>& shared, const unsigned char* en, const unsigned char* active,
                          const double* value, lanes::C8* shadow);
  void init_lanes() {
    lane_in = std::make_unique<Inputs>(m.base());
    const Ops ops0 = make_ops(m, *lane_in, ns);  // only their addresses: nothing writes lane_in
    bound.clear();
    auto add = [&](const auto& list) {
      for (const auto& o : list) bound.push_back(reinterpret_cast<std::uintptr_t>(o.ptr));
    };
    add(ops0.reals);
    add(ops0.money);
    add(ops0.ints);
    for (std::size_t a = 0; a < 3; ++a) {
      add(ops0.solo_reals[a]);
      add(ops0.solo_money[a]);
      add(ops0.solo_ints[a]);
    }
    std::sort(bound.begin(), bound.end());
    bound.erase(std::unique(bound.begin(), bound.end()), bound.end());
    shadow.assign(bound.size(), lanes::C8{});
    constexpr auto kReal = static_cast<std::size_t>(Target::Kind::Real), kMoney = static_cast<std::size_t>(Target::Kind::Money),
                   kInt = static_cast<std::size_t>(Target::Kind::Integer);
    for (std::size_t a = 0; a < 3; ++a) {
      add8(ops0, solo8[kReal], &Ops::solo_reals, a);
      add8(ops0, solo8[kMoney], &Ops::solo_money, a);
      add8(ops0, solo8[kInt], &Ops::solo_ints, a);
    }
    add8(ops0, shared8[kReal], &Ops::reals);
    add8(ops0, shared8[kMoney], &Ops::money);
    add8(ops0, shared8[kInt], &Ops::ints);
    slot_pool.assign(rules::Pad8Data::kSeen * 64, -1);
    const Result& plan = m.plan();
    lane_cents.resize(plan.cents.size());
    for (std::size_t x = 0; x < plan.cents.size(); ++x)
      for (std::size_t l = 0; l < L; ++l) lane_cents[x][l] = plan.cents[x];
    lane_real.resize(plan.real.size());
    for (std::size_t x = 0; x < plan.real.size(); ++x)
      for (std::size_t l = 0; l < L; ++l) lane_real[x][l] = plan.real[x];
    lanes_ready = true;
  }
#endif

  explicit Impl(const RiskModel& model) : m(model), work(model.base()), res(model.plan()), ns(model.slots()) {
    ops = make_ops(m, work, ns);
    const auto& cs = m.compiled();
    for (const auto& c : cs) {
      DrawPlan d{};
      const Distribution& dist = c.u.dist;
      d.kind = dist.kind;
      d.a = dist.a;
      d.b = dist.b;
      d.c = dist.c;
      d.w = dist.c - dist.a;
      d.fm = d.w > 0 ? (dist.b - dist.a) / d.w : 0.0;
      d.bma = dist.b - dist.a;
      d.cmb = dist.c - dist.b;
      d.event = c.u.event;
      d.blijvend = c.u.blijvend;
      d.eenmalig = c.u.draw == Uncertainty::Draw::Eenmalig;
      d.kans = c.u.kans;
      d.win_first = c.win_first;
      d.win_last = c.win_last;
      d.used_at = static_cast<std::uint32_t>(used_slots.size());
      d.used_n = static_cast<std::uint32_t>(c.used.size());
      used_slots.insert(used_slots.end(), c.used.begin(), c.used.end());
      plans.push_back(d);
    }
    value.assign(m.size() * static_cast<std::size_t>(ns) * L, 0.0);
    active.assign(m.size() * static_cast<std::size_t>(ns) * L, 1);
    enabled.assign(m.size(), 1);
  }

  /// The ops of every bound value of `work` (a copy of the model's base Inputs).
  static Ops make_ops(const RiskModel& m, Inputs& work, int ns) {
    Ops o;
    Inputs& base = const_cast<Inputs&>(m.base());  // resolve needs a mutable reference; never written
    std::vector<std::pair<void*, int>> first;  // value -> first uncertainty touching it (setup only)
    const auto& cs = m.compiled();
    for (std::size_t k = 0; k < cs.size(); ++k)
      for (const auto& t : cs[k].targets) {
        void* p = resolve(work, t).ptr;
        bool seen = false;
        for (const auto& f : first) seen = seen || f.first == p;
        if (!seen) first.emplace_back(p, static_cast<int>(k));
      }
    for (std::size_t k = 0; k < cs.size(); ++k)
      for (std::size_t j = 0; j < cs[k].targets.size(); ++j) {
        const Target& t = cs[k].targets[j];
        const Slot w = resolve(work, t), b = resolve(base, t);
        int cover = -1;
        for (const auto& f : first)
          if (f.first == w.ptr) {
            const auto& u = cs[static_cast<std::size_t>(f.second)].u;
            cover = !u.event && u.apply == Uncertainty::Apply::Waarde ? f.second : -1;
          }
        const std::size_t s = (k * static_cast<std::size_t>(ns) + static_cast<std::size_t>(cs[k].slot[j])) * L;
        const double lo_eff = w.lo_exclusive ? w.lo + 1e-9 : w.lo;  // as Slot::set
        const auto mode = cs[k].u.apply;
        const double shift = cs[k].shift[j];
        switch (w.kind) {
          case Target::Kind::Real:
            o.reals.push_back({static_cast<double*>(w.ptr), static_cast<const double*>(b.ptr), k, s, mode, shift, lo_eff, w.hi, cover});
            break;
          case Target::Kind::Money:
            o.money.push_back({static_cast<Cents*>(w.ptr), static_cast<const Cents*>(b.ptr), k, s, mode, shift, lo_eff, w.hi, cover});
            break;
          case Target::Kind::Integer:
            o.ints.push_back({static_cast<int*>(w.ptr), static_cast<const int*>(b.ptr), k, s, mode, shift, lo_eff, w.hi, cover});
            break;
        }
      }
    split_solo(o.reals, o.solo_reals);
    split_solo(o.money, o.solo_money);
    split_solo(o.ints, o.solo_ints);
    return o;
  }

  /// The value in parameter units (Slot::get) and back (Slot::set: clamp, then store; money
  /// rounded once to the cent, half away from zero; whole numbers rounded half away from zero).
  static double get(const double* p) { return *p; }
  static double get(const Cents* p) { return cents_to_euros(*p); }
  static double get(const int* p) { return *p; }
  static void put(double* p, double v) { *p = v; }
  static void put(Cents* p, double v) { *p = round_to_cent(v * 100.0); }
  static void put(int* p, double v) { *p = static_cast<int>(v < 0 ? v - 0.5 : v + 0.5); }

  /// Move the ops whose value no other op touches from `all` to `solo` (order kept).
  template <class T>
  static void split_solo(std::vector<Op<T>>& all, Solo<T>& solo) {
    for (const auto& o : all)
      if (o.s > UINT32_MAX || o.k > UINT32_MAX) throw std::length_error("risico: te veel onzekerheden of jaren");
    std::vector<Op<T>> shared;
    std::unordered_map<const T*, int> touching;
    for (const auto& o : all) ++touching[o.ptr];
    for (const auto& o : all) {
      if (touching[o.ptr] != 1) {
        shared.push_back(o);
        continue;
      }
      solo[static_cast<std::size_t>(o.mode)].push_back(
          {o.ptr, o.base, static_cast<std::uint32_t>(o.k), static_cast<std::uint32_t>(o.s), o.shift, o.lo_eff, o.hi});
    }
    all = std::move(shared);
  }

  /// Inverse CDF of one kind, as Distribution::quantile() computes it (the same operations in the
  /// same order, so the same bits), without the call and with the constants at hand.
  template <Distribution::Kind K>
  static double quantile_of(const DrawPlan& d, double p) {
    if constexpr (K == Distribution::Kind::Vast) return d.a;
    else if constexpr (K == Distribution::Kind::Normaal) return d.a + d.b * normal_quantile(p);
    else if constexpr (K == Distribution::Kind::Uniform) return d.a + p * d.bma;
    else {
      if (d.w <= 0) return d.a;
      return p < d.fm ? d.a + std::sqrt(p * d.w * d.bma) : d.c - std::sqrt((1.0 - p) * d.w * d.cmb);
    }
  }
  /// The impact numbers of one uncertainty: one (eenmalig) for every used slot, or one per slot.
  /// `value`: the uncertainty's slot 0 in the path's lane (slots L apart).
  template <Distribution::Kind K>
  static void fill(const DrawPlan& d, SplitMix64& g, double* value, const int* used, std::uint32_t nu) {
    if (d.eenmalig) {
      const double x = quantile_of<K>(d, g.uniform());
      for (std::uint32_t j = 0; j < nu; ++j) value[static_cast<std::size_t>(used[j]) * L] = x;
    } else {
      for (std::uint32_t j = 0; j < nu; ++j) value[static_cast<std::size_t>(used[j]) * L] = quantile_of<K>(d, g.uniform());
    }
  }
  void draw_lane(std::uint64_t seed, std::uint64_t path, std::size_t at);
  /// One path in lane 0 (draw, sensitivity): evaluate() applies it, use() accepts only lane 0.
  void single_path() {
    lane = 0;
    drawn = 1;
  }
#ifdef BEGROTING_DRAW_AVX512
  void draw_block_avx512(std::uint64_t seed, std::uint64_t first);
  static __m512d quantile8(const DrawPlan& d, __m512d p);
#endif

  /// One pass over values a single op touches: the scenario's value, or the realisation when
  /// the uncertainty is enabled and active in that slot (what reset + apply give for them).
  template <Uncertainty::Apply M, class T>
  void apply_solo(const std::vector<SoloOp<T>>& ops) {
    const unsigned char* en = enabled.data();
    const unsigned char* ac = active.data() + lane;
    const double* val = value.data() + lane;
    for (const auto& o : ops) {
      const T b = *o.base;
      if (!(en[o.k] & ac[o.s])) {
        *o.ptr = b;
        continue;
      }
      const double x = val[o.s];
      double v = M == Uncertainty::Apply::Waarde ? x + o.shift : M == Uncertainty::Apply::Verschil ? get(&b) + x : get(&b) * x;
      if (v != v) Slot::throw_nan();
      v = v < o.lo_eff ? o.lo_eff : v > o.hi ? o.hi : v;
      put(o.ptr, v);
    }
  }
  template <class T>
  void apply_solo(const Solo<T>& ops) {
    apply_solo<Uncertainty::Apply::Waarde>(ops[static_cast<std::size_t>(Uncertainty::Apply::Waarde)]);
    apply_solo<Uncertainty::Apply::Verschil>(ops[static_cast<std::size_t>(Uncertainty::Apply::Verschil)]);
    apply_solo<Uncertainty::Apply::Factor>(ops[static_cast<std::size_t>(Uncertainty::Apply::Factor)]);
  }

  template <class T>
  void apply(const std::vector<Op<T>>& ops) {
    // Reset to the scenario's value, except what an enabled uncertainty overwrites anyway.
    for (const auto& o : ops)
      if (o.cover < 0 || !enabled[static_cast<std::size_t>(o.cover)]) *o.ptr = *o.base;
    for (const auto& o : ops) {
      if (!enabled[o.k] || !active[o.s + lane]) continue;
      const double x = value[o.s + lane];
      double v = o.mode == Uncertainty::Apply::Waarde ? x + o.shift : o.mode == Uncertainty::Apply::Verschil ? get(o.ptr) + x : get(o.ptr) * x;
      if (v != v) Slot::throw_nan();
      v = v < o.lo_eff ? o.lo_eff : v > o.hi ? o.hi : v;
      put(o.ptr, v);
    }
  }

  void apply_all(const Ops& o) {
    apply_solo(o.solo_reals);
    apply_solo(o.solo_money);
    apply_solo(o.solo_ints);
    apply(o.reals);
    apply(o.money);
    apply(o.ints);
  }

  /// The block's paths in the lanes (PathEvaluator::evaluate_lanes).
  bool evaluate_lanes();

  const Result& evaluate() {
    apply_all(ops);
    const RiskModel::Kernel& kernel = m.kernel();
    if (full || kernel.full) compute(work, res, nullptr, Findings::Skip);
    else kernel.run(work, res);
    return res;
  }
};

PathEvaluator::PathEvaluator(const RiskModel& m, bool whole_compute) : impl_(std::make_unique<Impl>(m)) {
  impl_->full = whole_compute;
}

std::vector<std::string> RiskModel::kernel_steps() const {
  return kernel_->full ? std::vector<std::string>{"compute()"} : kernel_->names;
}

// The self-check: on probe paths, the kernel and compute() give the same value for every line of
// the model except those of the phase-3 rules evaluated on the plan run only (the waterbed view,
// the kengetallen). Should they ever differ (a node reads something the graph does not name), every path uses
// compute(): slower, never wrong. tests/test_risk_kernel.cpp asserts it never happens for the
// scenarios in the repository.
void RiskModel::check_kernel() {
  if (kernel_->full || compiled_->empty()) return;
  PathEvaluator fast(*this), slow(*this, true);
  const Model& model = plan_.m();
  const int lines = model.size();
  const int n = base_.horizon.size();
  for (std::uint64_t p = 0; p < 32; ++p) {
    try {
      fast.draw(0x5EED, p);
      slow.draw(0x5EED, p);
      const Result& a = fast.evaluate();
      const Result& b = slow.evaluate();
      for (int l = 0; l < lines; ++l) {
        if (kernel_->plan_only[static_cast<size_t>(l)]) continue;
        for (int i = 0; i < n; ++i) {
          const auto line = static_cast<Line>(l);
          const bool same = model.line(l).money() ? a.c(line, i) == b.c(line, i)
                                                  : (a.r(line, i) == b.r(line, i) || (a.r(line, i) != a.r(line, i) && b.r(line, i) != b.r(line, i)));
          if (!same) { kernel_->full = true; return; }
        }
      }
    } catch (const std::exception&) {
      // a probe path the scenario cannot compute (an arithmetic error): not a verdict on the kernel
    }
  }
  check_lanes();
}

// The lane kernel's self-check: on probe blocks, every line of every lane bit for bit what the
// kernel gives that path on its own. Should they ever differ, run_risk evaluates path by path.
void RiskModel::check_lanes() {
  if (!lane_kernel()) return;
  PathEvaluator pe(*this);
  const int lines = plan_.m().size();
  const int n = base_.horizon.size();
  int compared = 0;
  for (std::uint64_t b = 0; b < 16 && compared < 4; ++b) {  // four blocks the lanes evaluate
    pe.draw_block(0x5EED, b * PathEvaluator::kBlock, PathEvaluator::kBlock);
    if (!pe.evaluate_lanes()) continue;  // a lane would throw: the block falls back, not a verdict
    ++compared;
    for (std::size_t j = 0; j < PathEvaluator::kBlock; ++j) {
      pe.use(j);
      try {
        const Result& r = pe.evaluate();
        for (int l = 0; l < lines; ++l)
          for (int i = 0; i < n; ++i) {
            const auto line = static_cast<Line>(l);
            const double lane_real = pe.lane_real(line, i, j), path_real = r.r(line, i);
            if (pe.lane_cents(line, i, j) != r.c(line, i) || std::memcmp(&lane_real, &path_real, sizeof(double)) != 0) {
              kernel_->lanes = false;
              return;
            }
          }
      } catch (const std::exception&) {
        kernel_->lanes = false;  // the lanes gave figures where the path throws
        return;
      }
    }
  }
  if (compared == 0) kernel_->lanes = false;  // never compared (every probe block fell back): not used
}
PathEvaluator::~PathEvaluator() = default;

void PathEvaluator::draw(std::uint64_t seed, std::uint64_t path) {
  impl_->draw_lane(seed, path, 0);
  impl_->single_path();
}

// Path `path`'s stream into lane `at` of the block.
void PathEvaluator::Impl::draw_lane(std::uint64_t seed, std::uint64_t path, std::size_t at) {
  Impl& I = *this;
  SplitMix64 g(seed, path);
  const std::size_t ns = static_cast<std::size_t>(I.ns);
  double* const values = I.value.data() + at;
  unsigned char* const actives = I.active.data() + at;
  const int* const slots = I.used_slots.data();
  // Fixed layout per uncertainty (the model fixes it, the path does not): an event draws one
  // occurrence number per used slot (the parameter's own years), then one impact number
  // (eenmalig) or one per used slot (per_jaar); a distribution draws 1 or one per used slot.
  // The plan is copied into a local: the stores into active (bytes) may alias anything, and
  // would otherwise make the compiler reload it after each store.
  const std::size_t K = I.plans.size();
  for (std::size_t k = 0; k < K; ++k) {
    const Impl::DrawPlan d = I.plans[k];
    double* value = values + k * ns * L;
    const int* used = slots + d.used_at;
    const std::uint32_t nu = d.used_n;
    I.enabled[k] = 1;
    if (d.event) {
      unsigned char* active = actives + k * ns * L;
      bool happened = false;
      for (std::uint32_t j = 0; j < nu; ++j) {
        const int s = used[j];
        const double u = g.uniform();
        const bool now = s >= d.win_first && s <= d.win_last && u < d.kans;
        happened = happened || now;
        active[static_cast<std::size_t>(s) * L] = d.blijvend ? happened : now;
      }
    }
    switch (d.kind) {  // once per uncertainty, not per value
      case Distribution::Kind::Vast: Impl::fill<Distribution::Kind::Vast>(d, g, value, used, nu); break;
      case Distribution::Kind::Normaal: Impl::fill<Distribution::Kind::Normaal>(d, g, value, used, nu); break;
      case Distribution::Kind::Uniform: Impl::fill<Distribution::Kind::Uniform>(d, g, value, used, nu); break;
      case Distribution::Kind::Driehoek: Impl::fill<Distribution::Kind::Driehoek>(d, g, value, used, nu); break;
    }
  }
}

namespace {
std::atomic<bool> g_vector_draws{true};
}
void PathEvaluator::vector_draws(bool on) { g_vector_draws = on; }

void PathEvaluator::draw_block(std::uint64_t seed, std::uint64_t first, std::size_t count) {
  Impl& I = *impl_;
  if (count == 0 || count > kBlock) throw std::invalid_argument("draw_block: 1 tot 8 paden");
  I.lane = 0;
  I.drawn = count;
#ifdef BEGROTING_DRAW_AVX512
  if (vector_lanes() && I.vector_ok && g_vector_draws.load(std::memory_order_relaxed)) {
    I.draw_block_avx512(seed, first);  // all eight lanes; those past `count` are never used
    if (!I.vector_checked) {
      // Once per evaluator: the lanes against the scalar code, bit for bit. They agree by
      // construction when compiled as this project compiles them (-ffp-contract=off); a build
      // that fuses a * b + c would differ in the last bits, and then the scalar code is used.
      I.vector_checked = true;
      const std::vector<double> v = I.value;
      const std::vector<unsigned char> a = I.active;
      for (std::size_t l = 0; l < count; ++l) I.draw_lane(seed, first + l, l);
      for (std::size_t x = 0; x < v.size(); ++x)
        if (x % Impl::L < count && (std::memcmp(&v[x], &I.value[x], sizeof(double)) != 0 || a[x] != I.active[x])) I.vector_ok = false;
    }
    return;
  }
#endif
  for (std::size_t l = 0; l < count; ++l) I.draw_lane(seed, first + l, l);
}

void PathEvaluator::use(std::size_t i) {
  if (i >= impl_->drawn) throw std::invalid_argument("use: baan buiten wat de laatste trekking vulde");
  impl_->lane = i;
}

void PathEvaluator::normal_quantile_lanes(const double* p, double* z) {
#ifdef BEGROTING_DRAW_AVX512
  if (vector_lanes()) {
    normal_quantile_lanes_avx512(p, z);
    return;
  }
#endif
  for (std::size_t l = 0; l < kBlock; ++l) z[l] = normal_quantile(p[l]);
}

bool PathEvaluator::vector_lanes() {
#ifdef BEGROTING_DRAW_AVX512
  static const bool avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
  return avx512;
#else
  return false;
#endif
}

#ifdef BEGROTING_DRAW_AVX512
// Eight streams side by side. Every lane does exactly what draw_lane() does for its path: the
// same SplitMix64 steps (64-bit integer arithmetic, exact), the same conversion to a double, and
// the same IEEE operations in the same order for each inverse CDF (add, multiply, divide and
// square root are correctly rounded, so a lane's result is bit for bit the scalar one; no fused
// multiply-add is used anywhere). Lanes whose normal draw falls in a tail (|p - 0.5| > 0.425,
// which needs log) take the scalar normal_quantile().
// GCC 12's _mm512_set1_* leave an operand undefined on purpose and then warn about it.
#if !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
namespace {
#define BEGROTING_AVX512 __attribute__((target("avx512f,avx512dq")))
BEGROTING_AVX512 inline __m512d uniform8(__m512i& state) {
  state = _mm512_add_epi64(state, _mm512_set1_epi64(static_cast<long long>(0x9E3779B97F4A7C15ULL)));
  __m512i z = state;
  z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 30)), _mm512_set1_epi64(static_cast<long long>(0xBF58476D1CE4E5B9ULL)));
  z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 27)), _mm512_set1_epi64(static_cast<long long>(0x94D049BB133111EBULL)));
  z = _mm512_xor_si512(z, _mm512_srli_epi64(z, 31));
  const __m512d d = _mm512_cvtepi64_pd(_mm512_srli_epi64(z, 11));  // < 2^53: exact
  return _mm512_mul_pd(_mm512_add_pd(d, _mm512_set1_pd(0.5)), _mm512_set1_pd(0x1.0p-53));
}
/// as241::horner in eight lanes: the same multiply and add per step.
BEGROTING_AVX512 inline __m512d horner8(const as241::Poly& c, __m512d r) {
  __m512d acc = _mm512_add_pd(_mm512_mul_pd(_mm512_set1_pd(c[0]), r), _mm512_set1_pd(c[1]));
  for (int i = 2; i < 8; ++i) acc = _mm512_add_pd(_mm512_mul_pd(acc, r), _mm512_set1_pd(c[i]));
  return acc;
}
/// normal_quantile() per lane (distribution.cpp, AS 241): the central region here, with the same
/// coefficients and Horner steps (as241.hpp), the tails scalar.
BEGROTING_AVX512 inline __m512d normal8(__m512d p) {
  const __m512d q = _mm512_sub_pd(p, _mm512_set1_pd(0.5));
  const __mmask8 central = _mm512_cmp_pd_mask(_mm512_abs_pd(q), _mm512_set1_pd(0.425), _CMP_LE_OQ);
  const __m512d r = _mm512_sub_pd(_mm512_set1_pd(0.180625), _mm512_mul_pd(q, q));
  const __m512d num = horner8(as241::kCentralNum, r);
  const __m512d den = horner8(as241::kCentralDen, r);
  __m512d z = _mm512_div_pd(_mm512_mul_pd(q, num), den);
  if (central != 0xFF) {
    // The tails as normal_quantile() computes them (p lies in (0, 1): uniform8): r = min(p, 1 - p)
    // as q < 0 ? p : 1 - p, the logarithm per lane with std::log (the only scalar step), then the
    // square root and the near (r <= 5) or far polynomial in the lanes.
    const __mmask8 below = _mm512_cmp_pd_mask(q, _mm512_setzero_pd(), _CMP_LT_OQ);
    alignas(64) double rl[8];
    _mm512_store_pd(rl, _mm512_mask_blend_pd(below, _mm512_sub_pd(_mm512_set1_pd(1.0), p), p));
    // uniform() gives 1.0 itself (rarely: once in 2^53 draws): min(p, 1 - p) is 0 and
    // normal_quantile() returns +inf, not what the polynomials give for an infinite r.
    unsigned at_one = 0;
    for (int l = 0; l < 8; ++l)
      if (!((central >> l) & 1)) {
        if (rl[l] == 0.0) at_one |= 1u << l;
        rl[l] = -std::log(rl[l]);
      }
    const __m512d r = _mm512_sqrt_pd(_mm512_load_pd(rl));  // central lanes: unused
    const __mmask8 near = _mm512_cmp_pd_mask(r, _mm512_set1_pd(5.0), _CMP_LE_OQ);
    const __m512d rn = _mm512_sub_pd(r, _mm512_set1_pd(1.6));
    __m512d x = _mm512_div_pd(horner8(as241::kNearNum, rn), horner8(as241::kNearDen, rn));
    if ((near | central) != 0xFF) {
      const __m512d rf = _mm512_sub_pd(r, _mm512_set1_pd(5.0));
      x = _mm512_mask_blend_pd(near, _mm512_div_pd(horner8(as241::kFarNum, rf), horner8(as241::kFarDen, rf)), x);
    }
    x = _mm512_mask_blend_pd(below, x, _mm512_xor_pd(x, _mm512_set1_pd(-0.0)));  // q < 0 ? -x : x
    z = _mm512_mask_blend_pd(central, x, z);
    if (at_one != 0) {
      alignas(64) double pl[8], zl[8];
      _mm512_store_pd(pl, p);
      _mm512_store_pd(zl, z);
      for (int l = 0; l < 8; ++l)
        if ((at_one >> l) & 1) zl[l] = normal_quantile(pl[l]);
      z = _mm512_load_pd(zl);
    }
  }
  return z;
}
}  // namespace

BEGROTING_AVX512 void normal_quantile_lanes_avx512(const double* p, double* z) { _mm512_storeu_pd(z, normal8(_mm512_loadu_pd(p))); }

BEGROTING_AVX512 __m512d PathEvaluator::Impl::quantile8(const DrawPlan& d, __m512d p) {
  const __m512d a = _mm512_set1_pd(d.a);
  switch (d.kind) {
    case Distribution::Kind::Vast: return a;
    case Distribution::Kind::Normaal: return _mm512_add_pd(a, _mm512_mul_pd(_mm512_set1_pd(d.b), normal8(p)));
    case Distribution::Kind::Uniform: return _mm512_add_pd(a, _mm512_mul_pd(p, _mm512_set1_pd(d.bma)));
    case Distribution::Kind::Driehoek: {
      if (d.w <= 0) return a;
      // one square root per lane: of p w (b - a) left of the mode, of (1 - p) w (c - b) right of it
      const __m512d w = _mm512_set1_pd(d.w);
      const __mmask8 left = _mm512_cmp_pd_mask(p, _mm512_set1_pd(d.fm), _CMP_LT_OQ);
      const __m512d one_p = _mm512_sub_pd(_mm512_set1_pd(1.0), p);
      const __m512d under = _mm512_mask_blend_pd(left, _mm512_mul_pd(_mm512_mul_pd(one_p, w), _mm512_set1_pd(d.cmb)),
                                                 _mm512_mul_pd(_mm512_mul_pd(p, w), _mm512_set1_pd(d.bma)));
      const __m512d root = _mm512_sqrt_pd(under);
      return _mm512_mask_blend_pd(left, _mm512_sub_pd(_mm512_set1_pd(d.c), root), _mm512_add_pd(a, root));
    }
  }
  return a;
}

BEGROTING_AVX512 void PathEvaluator::Impl::draw_block_avx512(std::uint64_t seed, std::uint64_t first) {
  alignas(64) std::uint64_t st[L];
  for (std::size_t l = 0; l < L; ++l) st[l] = SplitMix64(seed, first + l).state();
  __m512i state = _mm512_load_si512(st);
  const std::size_t nsl = static_cast<std::size_t>(ns) * L;
  const std::size_t K = plans.size();
  for (std::size_t k = 0; k < K; ++k) {
    const DrawPlan& d = plans[k];
    double* const val = value.data() + k * nsl;
    const int* const used = used_slots.data() + d.used_at;
    const std::uint32_t nu = d.used_n;
    enabled[k] = 1;
    if (d.event) {
      unsigned char* const act = active.data() + k * nsl;
      __mmask8 happened = 0;
      for (std::uint32_t j = 0; j < nu; ++j) {
        const int s = used[j];
        const __m512d u = uniform8(state);
        const __mmask8 now = s >= d.win_first && s <= d.win_last ? _mm512_cmp_pd_mask(u, _mm512_set1_pd(d.kans), _CMP_LT_OQ) : 0;
        happened = static_cast<__mmask8>(happened | now);
        const unsigned a = d.blijvend ? happened : now;
        for (std::size_t l = 0; l < L; ++l) act[static_cast<std::size_t>(s) * L + l] = static_cast<unsigned char>((a >> l) & 1u);
      }
    }
    if (d.eenmalig) {
      const __m512d x = quantile8(d, uniform8(state));
      for (std::uint32_t j = 0; j < nu; ++j) _mm512_storeu_pd(val + static_cast<std::size_t>(used[j]) * L, x);
    } else {
      for (std::uint32_t j = 0; j < nu; ++j) _mm512_storeu_pd(val + static_cast<std::size_t>(used[j]) * L, quantile8(d, uniform8(state)));
    }
  }
}
#undef BEGROTING_AVX512
#if !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#endif

void PathEvaluator::all_off() {
  std::fill(impl_->enabled.begin(), impl_->enabled.end(), 0);
  impl_->single_path();
}

void PathEvaluator::set_extreme(std::size_t k, bool high) {
  Impl& I = *impl_;
  const auto& c = I.m.compiled()[k];
  const int ns = I.ns;
  const std::size_t off = k * static_cast<std::size_t>(ns);
  constexpr std::size_t L = Impl::L;
  I.single_path();
  I.enabled[k] = 1;
  if (c.u.event) {
    if (!high) { I.enabled[k] = 0; return; }  // low: the event does not happen
    const double x = c.u.dist.quantile(0.5);
    for (int s = 0; s < ns; ++s) {
      I.value[(off + static_cast<std::size_t>(s)) * L] = x;
      I.active[(off + static_cast<std::size_t>(s)) * L] = c.u.blijvend ? s >= c.first_event_slot : s == c.first_event_slot;
    }
    return;
  }
  const double x = c.u.dist.quantile(high ? 0.95 : 0.05);
  for (int s = 0; s < ns; ++s) {
    I.value[(off + static_cast<std::size_t>(s)) * L] = x;
    I.active[(off + static_cast<std::size_t>(s)) * L] = 1;
  }
}

const Result& PathEvaluator::evaluate() { return impl_->evaluate(); }

namespace {
std::atomic<bool> g_vector_kernel{true};
}
void PathEvaluator::vector_kernel(bool on) { g_vector_kernel = on; }

bool RiskModel::lane_kernel() const { return kernel_->lanes && !kernel_->full && PathEvaluator::vector_lanes(); }

#ifdef BEGROTING_LANES
// What apply_all() does for each of the eight paths, for all eight at once: per bound value the
// eight drawn numbers are adjacent (value[s + lane]), so the value each path gets is computed in
// one vector with the same operations as Impl::apply_solo / apply (x + shift, base + x or
// base x x; the clamp; money x 100 rounded to the cent as round_to_cent does; whole numbers
// rounded half away from zero) and stored as the value's slot of eight lanes. False on a NaN or an amount
// out of range in a lane that applies (path by path then throws, in path order).
// GCC 12's _mm512_cvttpd_epi32 leaves an operand undefined on purpose and then warns about it.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
namespace {
#define BEGROTING_AVX512 __attribute__((target("avx512f,avx512dq")))
/// Slot::set's store of v (clamped, not NaN) as the slot's bits: v for the lanes in `on`, `other`
/// (the slot's bits before, or the scenario's value) for the rest. False when a money amount in
/// a lane in `on` is out of round_to_cent's range.
BEGROTING_AVX512 inline bool put8(double*, lanes::C8* slot, __m512d v, __mmask8 on, __m512i other) {
  _mm512_store_si512(slot, _mm512_mask_blend_epi64(on, other, _mm512_castpd_si512(v)));
  return true;
}
BEGROTING_AVX512 inline bool put8(Cents*, lanes::C8* slot, __m512d v, __mmask8 on, __m512i other) {
  const __m512d x = _mm512_mul_pd(v, _mm512_set1_pd(100.0));
  const __mmask8 ok = _mm512_cmp_pd_mask(x, _mm512_set1_pd(9.0e18), _CMP_LT_OQ) & _mm512_cmp_pd_mask(x, _mm512_set1_pd(-9.0e18), _CMP_GT_OQ);
  if ((on & ok) != on) return false;
  const __m512i t = _mm512_cvttpd_epi64(x);
  const __m512d f = _mm512_sub_pd(x, _mm512_cvtepi64_pd(t));
  __m512i r = _mm512_mask_add_epi64(t, _mm512_cmp_pd_mask(f, _mm512_set1_pd(0.5), _CMP_GE_OQ), t, _mm512_set1_epi64(1));
  r = _mm512_mask_sub_epi64(r, _mm512_cmp_pd_mask(f, _mm512_set1_pd(-0.5), _CMP_LE_OQ), r, _mm512_set1_epi64(1));
  _mm512_store_si512(slot, _mm512_mask_blend_epi64(on, other, r));
  return true;
}
// A whole number: static_cast<int>(v -/+ 0.5) truncates as cvttpd2dq does. The value is clamped
// to the parameter's range first (Slot::set; the registry's whole numbers are years and counts
// well inside int), so the conversion never sees a value outside int.
BEGROTING_AVX512 inline bool put8(int*, lanes::C8* slot, __m512d v, __mmask8 on, __m512i other) {
  const __mmask8 neg = _mm512_cmp_pd_mask(v, _mm512_setzero_pd(), _CMP_LT_OQ);
  const __m512d half = _mm512_mask_blend_pd(neg, _mm512_add_pd(v, _mm512_set1_pd(0.5)), _mm512_sub_pd(v, _mm512_set1_pd(0.5)));
  const __m512i r = _mm512_cvtepi32_epi64(_mm512_cvttpd_epi32(half));  // static_cast<int>, kept as an int64
  _mm512_store_si512(slot, _mm512_mask_blend_epi64(on, other, r));
  return true;
}
/// A slot's bits in parameter units (Slot::get).
BEGROTING_AVX512 inline __m512d units8(double*, __m512i raw) { return _mm512_castsi512_pd(raw); }
BEGROTING_AVX512 inline __m512d units8(Cents*, __m512i raw) { return _mm512_div_pd(_mm512_cvtepi64_pd(raw), _mm512_set1_pd(100.0)); }
BEGROTING_AVX512 inline __m512d units8(int*, __m512i raw) { return _mm512_cvtepi64_pd(raw); }
/// The scenario's value as a slot's bits.
BEGROTING_AVX512 inline __m512i raw8(const double* p) { return _mm512_castpd_si512(_mm512_set1_pd(*p)); }
BEGROTING_AVX512 inline __m512i raw8(const Cents* p) { return _mm512_set1_epi64(*p); }
BEGROTING_AVX512 inline __m512i raw8(const int* p) { return _mm512_set1_epi64(*p); }
/// The lanes in which an uncertainty applies: enabled and active in that slot.
BEGROTING_AVX512 inline __mmask8 o8_lanes_on(unsigned char enabled, const unsigned char* active) {
  if (!enabled) return 0;
  const __m128i a = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(active));
  return static_cast<__mmask8>(_mm_movemask_epi8(_mm_cmpeq_epi8(a, _mm_setzero_si128())) ^ 0xFF);
}
/// v from the drawn x and the value before (b), clamped to [lo, hi]; false on a NaN in a lane in `on`.
BEGROTING_AVX512 inline bool o8_value(Uncertainty::Apply mode, double shift, double lo, double hi, const double* x8, __m512d b, __mmask8 on,
                                      __m512d& v) {
  using Apply = Uncertainty::Apply;
  const __m512d x = _mm512_loadu_pd(x8);
  v = mode == Apply::Waarde ? _mm512_add_pd(x, _mm512_set1_pd(shift)) : mode == Apply::Verschil ? _mm512_add_pd(b, x) : _mm512_mul_pd(b, x);
  if (_mm512_mask_cmp_pd_mask(on, v, v, _CMP_UNORD_Q)) return false;
  const __mmask8 below = _mm512_cmp_pd_mask(v, _mm512_set1_pd(lo), _CMP_LT_OQ);
  const __mmask8 above = _mm512_cmp_pd_mask(v, _mm512_set1_pd(hi), _CMP_GT_OQ);
  v = _mm512_mask_blend_pd(below, _mm512_mask_blend_pd(above, v, _mm512_set1_pd(hi)), _mm512_set1_pd(lo));
  return true;
}
}  // namespace

template <class T>
BEGROTING_AVX512 bool PathEvaluator::Impl::apply8_kind(const std::vector<Op8>& solo, const std::vector<Op8>& shared, const unsigned char* en,
                                                       const unsigned char* active, const double* value, lanes::C8* shadow) {
  T* const kind = nullptr;  // selects put8, units8
  for (const auto& o : solo) {  // apply_solo: the scenario's value, or the realisation
    const T* base = static_cast<const T*>(o.base);
    const __mmask8 on = o8_lanes_on(en[o.k], active + o.s);
    __m512d v = _mm512_setzero_pd();
    if (on && !o8_value(o.mode, o.shift, o.lo_eff, o.hi, value + o.s, _mm512_set1_pd(get(base)), on, v)) return false;
    if (!put8(kind, &shadow[o.slot], v, on, raw8(base))) return false;
  }
  // apply: reset what no enabled uncertainty overwrites anyway, then each op in order
  for (const auto& o : shared)
    if (o.cover < 0 || !en[o.cover]) _mm512_store_si512(&shadow[o.slot], raw8(static_cast<const T*>(o.base)));
  for (const auto& o : shared) {
    const __mmask8 on = o8_lanes_on(en[o.k], active + o.s);
    if (!on) continue;
    const __m512i before = _mm512_load_si512(&shadow[o.slot]);
    __m512d v;
    if (!o8_value(o.mode, o.shift, o.lo_eff, o.hi, value + o.s, units8(kind, before), on, v) || !put8(kind, &shadow[o.slot], v, on, before))
      return false;
  }
  return true;
}

bool PathEvaluator::Impl::apply8() {
  const unsigned char* en = enabled.data();
  constexpr auto kReal = static_cast<std::size_t>(Target::Kind::Real), kMoney = static_cast<std::size_t>(Target::Kind::Money),
                 kInt = static_cast<std::size_t>(Target::Kind::Integer);
  return apply8_kind<double>(solo8[kReal], shared8[kReal], en, active.data(), value.data(), shadow.data()) &&
         apply8_kind<Cents>(solo8[kMoney], shared8[kMoney], en, active.data(), value.data(), shadow.data()) &&
         apply8_kind<int>(solo8[kInt], shared8[kInt], en, active.data(), value.data(), shadow.data());
}
#undef BEGROTING_AVX512
#pragma GCC diagnostic pop
#endif

bool PathEvaluator::Impl::evaluate_lanes() {
#ifdef BEGROTING_LANES
  if (full || !m.lane_kernel() || !g_vector_kernel.load(std::memory_order_relaxed)) return false;
  // A model whose blocks mostly fall back (the lanes differ on a value a rule branches on, say a
  // year drawn per path) stops trying after 16 blocks: path by path gives the same figures.
  if (lane_tries >= 16 && 2 * lane_fallbacks > lane_tries) return false;
  if (!lanes_ready) init_lanes();
  ++lane_tries;
  try {
    // Lanes past the drawn ones hold an earlier block's paths (or none): their figures are
    // never read.
    if (!apply8()) throw lanes::Fallback{};
    m.kernel().run8(rules::Pad8Data{lane_in.get(), lane_cents.data(), lane_real.data(), lane_in->horizon.size(), lane_in->horizon.first, 0,
                                    bound.data(), bound.size(), shadow.data(), seen.data(), slot_pool.data(),
                                    &slot_pool_used, slot_pool.size()});
  } catch (const lanes::Fallback&) {
    // A lane would throw (or applying a value would): path by path, the scalar code gives the
    // figures or throws what it throws, in path order. Any other exception is the lanes' own
    // error, not a path's, and goes up.
    ++lane_fallbacks;
    return false;
  }
  return true;
#else
  return false;
#endif
}

bool PathEvaluator::evaluate_lanes() { return impl_->evaluate_lanes(); }

const Cents* PathEvaluator::lane_line(Line l) const {
  return reinterpret_cast<const Cents*>(impl_->lane_cents.data() + impl_->lane_row(l));  // its lanes are eight Cents
}
Cents PathEvaluator::lane_cents(Line l, int i, std::size_t j) const { return impl_->lane_cents[impl_->lane_row(l, i)][j]; }
double PathEvaluator::lane_real(Line l, int i, std::size_t j) const { return impl_->lane_real[impl_->lane_row(l, i)][j]; }

std::pair<double, double> PathEvaluator::applied(std::size_t k) {
  Impl& I = *impl_;
  const auto& c = I.m.compiled()[k];
  double lo = NAN, hi = NAN;
  if (!I.enabled[k]) return {lo, hi};
  for (std::size_t j = 0; j < c.targets.size(); ++j) {
    if (!I.active[(k * static_cast<std::size_t>(I.ns) + static_cast<std::size_t>(c.slot[j])) * Impl::L + I.lane]) continue;
    const double v = resolve(I.work, c.targets[j]).get();
    if (std::isnan(v)) continue;
    lo = std::isnan(lo) ? v : std::min(lo, v);
    hi = std::isnan(hi) ? v : std::max(hi, v);
  }
  return {lo, hi};
}

// ---- Monte Carlo ---------------------------------------------------------------------------------

namespace {
/// A kept array of run_risk: not value-initialised (every element is written by exactly one
/// path). On Linux, from 2 MB on, in transparent huge pages where the system allows them
/// (madvise): at 1,000,000 paths the two arrays of 40 MB take some 40 page faults instead of
/// 20,000, and the quantiles' passes over them fewer TLB misses. Elsewhere plain malloc.
class KeptArray {
 public:
  explicit KeptArray(std::size_t count) {
    const std::size_t bytes = std::max<std::size_t>(count, 1) * sizeof(Cents);
#ifdef __linux__
    constexpr std::size_t kHuge = std::size_t{2} << 20;
    if (bytes >= kHuge) {
      const std::size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
      p_ = static_cast<Cents*>(std::aligned_alloc(kHuge, rounded));
      if (p_ != nullptr) madvise(p_, rounded, MADV_HUGEPAGE);  // a hint: without it, ordinary pages
    }
#endif
    if (p_ == nullptr) p_ = static_cast<Cents*>(std::malloc(bytes));
    if (p_ == nullptr) throw std::bad_alloc();
  }
  ~KeptArray() { std::free(p_); }
  KeptArray(const KeptArray&) = delete;
  KeptArray& operator=(const KeptArray&) = delete;
  [[nodiscard]] Cents* get() const { return p_; }
  Cents& operator[](std::size_t i) const { return p_[i]; }

 private:
  Cents* p_ = nullptr;
};
}  // namespace

RiskResult run_risk(const RiskModel& m, const RiskOptions& o) {
  if (o.paths == 0) throw std::invalid_argument("aantal paden moet minstens 1 zijn");
  const std::uint64_t N = o.paths;
  const int n = m.base().horizon.size();
  const int T = std::max(1, o.threads);
  const auto total = static_cast<std::size_t>(N) * static_cast<std::size_t>(n);
  // Kept arrays, year-major ([year * N + path]), not value-initialised (KeptArray).
  const KeptArray ev(total), res(total);
  std::vector<std::vector<std::uint64_t>> counts(static_cast<std::size_t>(T),
                                                 std::vector<std::uint64_t>(static_cast<std::size_t>(3 * n), 0));
  // Per thread, per year: the smallest and largest eigen vermogen and resultaat it kept (the
  // quantiles' radix select then needs no pass of its own to find them).
  std::vector<std::vector<Range>> ranges(static_cast<std::size_t>(T),
                                         std::vector<Range>(static_cast<std::size_t>(2 * n), Range{INT64_MAX, INT64_MIN}));
  // Paths are handed out in chunks: large enough that the shared counter is rare, small enough
  // that the threads finish together (about 32 chunks per thread, 64 to 2,048 paths each).
  const std::uint64_t kChunk = std::clamp<std::uint64_t>(N / (32 * static_cast<std::uint64_t>(T)), 64, 2048);
  std::atomic<std::uint64_t> next{0}, done{0};
  std::atomic<bool> stop{false};
  std::exception_ptr error;
  std::mutex error_mutex;

  auto worker = [&](int t) {
    try {
      PathEvaluator pe(m);
      auto& cnt = counts[static_cast<std::size_t>(t)];
      Range* const rng = ranges[static_cast<std::size_t>(t)].data();  // [2 i]: eigen vermogen, [2 i + 1]: resultaat
      auto widen = [](Range& r, Cents x) {
        r.min = std::min(r.min, x);
        r.max = std::max(r.max, x);
      };
      for (;;) {
        if (stop.load(std::memory_order_relaxed)) return;
        const std::uint64_t begin = next.fetch_add(kChunk, std::memory_order_relaxed);
        if (begin >= N) return;
        const std::uint64_t end = std::min(N, begin + kChunk);
        for (std::uint64_t first = begin; first < end; first += PathEvaluator::kBlock) {
          const auto count = static_cast<std::size_t>(std::min<std::uint64_t>(PathEvaluator::kBlock, end - first));
          pe.draw_block(o.seed, first, count);
          std::uint64_t* const c = cnt.data();
          // path p's year i: kept, its range widened, the crossings counted
          auto keep = [&](std::uint64_t p, int i, Cents e, Cents resultaat, Cents signalering, Cents niveau) {
            const auto at = static_cast<std::size_t>(i) * N + p;
            ev[at] = e;
            res[at] = resultaat;
            widen(rng[2 * i], e);
            widen(rng[2 * i + 1], resultaat);
            c[3 * i] += e < signalering;
            c[3 * i + 1] += e < niveau;
            c[3 * i + 2] += e < 0;
          };
          if (pe.evaluate_lanes()) {  // all of the block at once: each year's eight paths side by side
            const Cents* eigen = pe.lane_line(Line::eigen_vermogen);
            const Cents* resultaat = pe.lane_line(Line::resultaat);
            const Cents* signalering = pe.lane_line(Line::signaleringswaarde);
            const Cents* niveau = pe.lane_line(Line::weerstandsvermogen_niveau);
            for (int i = 0; i < n; ++i)
              for (std::size_t j = 0, at = static_cast<std::size_t>(i) * PathEvaluator::kBlock; j < count; ++j, ++at)
                keep(first + j, i, eigen[at], resultaat[at], signalering[at], niveau[at]);
            continue;
          }
          for (std::size_t j = 0; j < count; ++j) {  // path by path
            pe.use(j);
            const Result& r = pe.evaluate();
            for (int i = 0; i < n; ++i)
              keep(first + j, i, r.c(Line::eigen_vermogen, i), r.c(Line::resultaat, i), r.c(Line::signaleringswaarde, i),
                   r.c(Line::weerstandsvermogen_niveau, i));
          }
        }
        done.fetch_add(end - begin, std::memory_order_relaxed);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      stop = true;
    }
  };
  {
    // The calling thread never sleeps for a fixed time: without a progress callback it runs
    // paths itself and then joins the others; with one, it waits on a condition variable that
    // the last worker to finish signals, waking every 100 ms only to report progress.
    std::mutex finished_mutex;
    std::condition_variable finished_cv;
    int finished = 0;
    auto run_and_signal = [&](int t) {
      worker(t);
      {
        std::lock_guard<std::mutex> lock(finished_mutex);
        ++finished;
      }
      finished_cv.notify_one();
    };
    std::vector<std::thread> pool;
    const int own = o.progress ? 0 : 1;  // the calling thread works too when it reports nothing
    for (int t = own; t < T; ++t) pool.emplace_back(run_and_signal, t);
    if (own) worker(0);
    if (o.progress) {
      std::unique_lock<std::mutex> lock(finished_mutex);
      while (!finished_cv.wait_for(lock, std::chrono::milliseconds(100), [&] { return finished == T; })) {
        lock.unlock();
        o.progress(done.load(), N);
        lock.lock();
      }
    }
    for (auto& th : pool) th.join();
  }
  if (error) std::rethrow_exception(error);

  RiskResult out;
  out.scenario = m.name();
  out.paths = N;
  out.seed = o.seed;
  for (std::size_t k = 0; k < m.size(); ++k) out.uncertainties.push_back(m.uncertainty(k).name);
  out.years.resize(static_cast<std::size_t>(n));
  const Result& plan = m.plan();
  // EV levels: the five percentiles plus 1 - certainty (0.05, 0.10, 0.20) for benodigd.
  static constexpr double kEvLevels[] = {0.05, 0.10, 0.20, 0.25, 0.50, 0.75, 0.95};
  auto stats = [&](std::size_t task) {
    const int i = static_cast<int>(task / 2);
    RiskYear& y = out.years[static_cast<std::size_t>(i)];
    Cents* v = (task % 2 == 0 ? ev.get() : res.get()) + static_cast<std::size_t>(i) * N;
    Range range{INT64_MAX, INT64_MIN};
    for (const auto& r : ranges) {
      range.min = std::min(range.min, r[task].min);
      range.max = std::max(range.max, r[task].max);
    }
    const Moments mo = moments(v, N);
    if (task % 2 == 1) {
      y.resultaat_mean = mo.mean;
      y.resultaat_sd = mo.sd;
      multi_quantile(v, N, kRiskPercentiles.data(), kRiskPercentiles.size(), y.resultaat_q.data(), &range);
      return;
    }
    y.ev_mean = mo.mean;
    y.ev_sd = mo.sd;
    Cents q[7];
    multi_quantile(v, N, kEvLevels, 7, q, &range);
    y.ev_q = {q[0], q[3], q[4], q[5], q[6]};
    const Cents lower[3] = {q[2], q[1], q[0]};  // Q_{1-c} for c = 0.80, 0.90, 0.95
    for (int c = 0; c < 3; ++c) y.benodigd[static_cast<std::size_t>(c)] = std::max<Cents>(0, plan.c(Line::eigen_vermogen, i) - lower[c]);
  };
  {
    std::atomic<std::size_t> task{0};
    const std::size_t tasks = static_cast<std::size_t>(2 * n);
    auto run_tasks = [&] {
      for (std::size_t t; (t = task.fetch_add(1)) < tasks;) stats(t);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::min<int>(T, static_cast<int>(tasks)); ++t) pool.emplace_back(run_tasks);
    run_tasks();
    for (auto& th : pool) th.join();
  }
  for (int i = 0; i < n; ++i) {
    RiskYear& y = out.years[static_cast<std::size_t>(i)];
    y.year = m.base().horizon.first + i;
    y.resultaat_plan = plan.c(Line::resultaat, i);
    y.ev_plan = plan.c(Line::eigen_vermogen, i);
    y.signaleringswaarde_plan = plan.c(Line::signaleringswaarde, i);
    y.wv_niveau_plan = plan.c(Line::weerstandsvermogen_niveau, i);
    y.wv_plan = plan.c(Line::weerstandsvermogen, i);
    std::uint64_t c[3] = {0, 0, 0};
    for (const auto& cnt : counts)
      for (int j = 0; j < 3; ++j) c[j] += cnt[static_cast<std::size_t>(3 * i + j)];
    y.p_onder_signaleringswaarde = static_cast<double>(c[0]) / static_cast<double>(N);
    y.p_onder_weerstandsvermogen = static_cast<double>(c[1]) / static_cast<double>(N);
    y.p_onder_nul = static_cast<double>(c[2]) / static_cast<double>(N);
  }
  return out;
}

// ---- sensitivity -----------------------------------------------------------------------------------

SensitivityResult run_sensitivity(const RiskModel& m) {
  SensitivityResult out;
  out.scenario = m.name();
  const int last = m.base().horizon.size() - 1;
  out.horizon_year = m.base().horizon.last;
  out.ev_plan = m.plan().c(Line::eigen_vermogen, last);
  PathEvaluator pe(m);
  for (std::size_t k = 0; k < m.size(); ++k) {
    const Uncertainty& u = m.uncertainty(k);
    SensitivityRow row;
    row.name = u.name;
    row.event = u.event;
    row.bron = u.bron;
    for (bool high : {false, true}) {
      pe.all_off();
      pe.set_extreme(k, high);
      const Cents e = pe.evaluate().c(Line::eigen_vermogen, last);
      (high ? row.used_high : row.used_low) = pe.applied(k);
      (high ? row.ev_high : row.ev_low) = e;
      (high ? row.effect_high : row.effect_low) = e - out.ev_plan;
    }
    row.x_low = u.event ? 0.0 : u.dist.quantile(0.05);
    row.x_high = u.event ? u.dist.quantile(0.5) : u.dist.quantile(0.95);
    out.rows.push_back(std::move(row));
  }
  // std::sort, not stable_sort: the comparator breaks ties by the (unique) name, so the order is
  // deterministic; and libstdc++ 12's stable_sort temporary buffer trips ASan's
  // alloc-dealloc-mismatch check (operator new(nothrow) released with free).
  std::sort(out.rows.begin(), out.rows.end(), [](const SensitivityRow& a, const SensitivityRow& b) {
    if (a.range() != b.range()) return a.range() > b.range();
    return a.name < b.name;
  });
  return out;
}

}  // namespace begroting
