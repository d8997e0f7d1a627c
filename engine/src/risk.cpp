// Monte Carlo and sensitivity over declared uncertainties (risk.hpp; DOMAIN 4: "Dutch public
// bodies size a weerstandsvermogen from a risk inventory ... Monte Carlo at a chosen certainty").
//
// Per path: reset every bound Inputs value to the scenario's, apply each uncertainty's
// realisation in declaration order, compute() without findings (no allocation), keep eigen
// vermogen and resultaat per year (int64 cents, exact: the quantiles are real paths' figures,
// interpolated and rounded once to the cent) and count the threshold crossings.
#include "begroting/risk.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

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
/// (n / 4 to n / 2 of them, at most 65,536); the buckets that hold a wanted rank are moved to the front in place
/// (std::partition) and only they are searched with nth_element. The buckets are monotone in
/// the value, so a rank inside its bucket is the rank minus the count below that bucket. Cost:
/// three linear passes plus a selection over a few buckets' values (all of them only when
/// almost every value falls in one bucket: then as costly as nth_element on the whole). Exact:
/// integer keys, no rounding. Reorders v.
void select_ranks(Cents* v, std::size_t n, const std::size_t* ranks, std::size_t k, Cents* out) {
  const auto [mn_it, mx_it] = std::minmax_element(v, v + n);
  const auto mn = static_cast<std::uint64_t>(*mn_it);
  const std::uint64_t range = static_cast<std::uint64_t>(*mx_it) - mn;  // unsigned: no overflow
  // Bucket count: between n / 4 and n / 2 (a power of two), at most 2^16 (the counts stay in
  // the L2 cache), at least 2^4.
  const int digits = std::clamp(static_cast<int>(std::bit_width(n)) - 2, 4, 16);
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
/// once to the cent. Reorders v.
void multi_quantile(Cents* v, std::size_t n, const double* ps, std::size_t k, Cents* out) {
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
  select_ranks(v, n, ranks.data(), ranks.size(), x.data());
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
}

RiskModel::~RiskModel() = default;
std::size_t RiskModel::size() const { return compiled_->size(); }
const Uncertainty& RiskModel::uncertainty(std::size_t k) const { return (*compiled_)[k].u; }

// ---- one evaluator per thread ---------------------------------------------------------------------

struct PathEvaluator::Impl {
  const RiskModel& m;
  Inputs work;
  Result res;
  struct Bound {
    Slot slot;
    Slot base;  ///< the same value in the model's base Inputs (read only)
    int ys;     ///< year slot
    double shift;  ///< added to x for toepassing waarde (Compiled::shift)
    int cover;  ///< an uncertainty that always overwrites this value (first to touch it, no
                ///< event, toepassing waarde): while it is enabled no reset is needed; -1: none
  };
  std::vector<std::vector<Bound>> bound;  ///< per uncertainty
  int ns;
  std::vector<double> value;          ///< [k * ns + slot]: the drawn number x
  std::vector<unsigned char> active;  ///< [k * ns + slot]: does it apply in that slot
  std::vector<unsigned char> enabled; ///< per uncertainty

  explicit Impl(const RiskModel& model) : m(model), work(model.base()), ns(model.slots()) {
    res.reset(work.horizon);
    Inputs& base = const_cast<Inputs&>(m.base());  // resolve needs a mutable reference; never written
    for (const auto& c : m.compiled()) {
      std::vector<Bound> b;
      for (std::size_t j = 0; j < c.targets.size(); ++j)
        b.push_back(Bound{resolve(work, c.targets[j]), resolve(base, c.targets[j]), c.slot[j], c.shift[j], -1});
      bound.push_back(std::move(b));
    }
    // cover: the first uncertainty touching a value, if it overwrites it unconditionally
    std::vector<std::pair<void*, int>> first;  // value -> first uncertainty (setup only)
    for (std::size_t k = 0; k < bound.size(); ++k)
      for (const auto& b : bound[k]) {
        bool seen = false;
        for (const auto& f : first) seen = seen || f.first == b.slot.ptr;
        if (!seen) first.emplace_back(b.slot.ptr, static_cast<int>(k));
      }
    for (auto& bs : bound)
      for (auto& b : bs)
        for (const auto& f : first)
          if (f.first == b.slot.ptr) {
            const auto& u = m.compiled()[static_cast<std::size_t>(f.second)].u;
            b.cover = !u.event && u.apply == Uncertainty::Apply::Waarde ? f.second : -1;
          }
    value.assign(m.size() * static_cast<std::size_t>(ns), 0.0);
    active.assign(m.size() * static_cast<std::size_t>(ns), 1);
    enabled.assign(m.size(), 1);
  }

  static void copy(const Slot& to, const Slot& from) {
    switch (to.kind) {
      case Target::Kind::Real: *static_cast<double*>(to.ptr) = *static_cast<const double*>(from.ptr); return;
      case Target::Kind::Money: *static_cast<Cents*>(to.ptr) = *static_cast<const Cents*>(from.ptr); return;
      case Target::Kind::Integer: *static_cast<int*>(to.ptr) = *static_cast<const int*>(from.ptr); return;
    }
  }

  void apply() {
    // Reset to the scenario's value, except what an enabled uncertainty overwrites anyway.
    for (const auto& bs : bound)
      for (const auto& b : bs)
        if (b.cover < 0 || !enabled[static_cast<std::size_t>(b.cover)]) copy(b.slot, b.base);
    const auto& cs = m.compiled();
    for (std::size_t k = 0; k < cs.size(); ++k) {
      if (!enabled[k]) continue;
      const auto mode = cs[k].u.apply;
      const std::size_t off = k * static_cast<std::size_t>(ns);
      for (const auto& b : bound[k]) {
        const auto s = off + static_cast<std::size_t>(b.ys);
        if (!active[s]) continue;
        const double x = value[s];
        const double v = mode == Uncertainty::Apply::Waarde ? x + b.shift
                         : mode == Uncertainty::Apply::Verschil ? b.slot.get() + x
                                                                  : b.slot.get() * x;
        b.slot.set(v);
      }
    }
  }
};

PathEvaluator::PathEvaluator(const RiskModel& m) : impl_(std::make_unique<Impl>(m)) {}
PathEvaluator::~PathEvaluator() = default;

void PathEvaluator::draw(std::uint64_t seed, std::uint64_t path) {
  Impl& I = *impl_;
  SplitMix64 g(seed, path);
  const auto& cs = I.m.compiled();
  const int ns = I.ns;
  // Fixed layout per uncertainty (the model fixes it, the path does not): an event draws one
  // occurrence number per used slot (the parameter's own years), then one impact number
  // (eenmalig) or one per used slot (per_jaar); a distribution draws 1 or one per used slot.
  for (std::size_t k = 0; k < cs.size(); ++k) {
    const auto& c = cs[k];
    double* value = I.value.data() + k * static_cast<std::size_t>(ns);
    unsigned char* active = I.active.data() + k * static_cast<std::size_t>(ns);
    I.enabled[k] = 1;
    if (c.u.event) {
      bool happened = false;
      for (int s : c.used) {
        const double u = g.uniform();
        const bool now = s >= c.win_first && s <= c.win_last && u < c.u.kans;
        happened = happened || now;
        active[s] = c.u.blijvend ? happened : now;
      }
    }
    if (c.u.draw == Uncertainty::Draw::Eenmalig) {
      const double x = c.u.dist.quantile(g.uniform());
      for (int s : c.used) value[s] = x;
    } else {
      for (int s : c.used) value[s] = c.u.dist.quantile(g.uniform());
    }
  }
}

void PathEvaluator::all_off() { std::fill(impl_->enabled.begin(), impl_->enabled.end(), 0); }

void PathEvaluator::set_extreme(std::size_t k, bool high) {
  Impl& I = *impl_;
  const auto& c = I.m.compiled()[k];
  const int ns = I.ns;
  const std::size_t off = k * static_cast<std::size_t>(ns);
  I.enabled[k] = 1;
  if (c.u.event) {
    if (!high) { I.enabled[k] = 0; return; }  // low: the event does not happen
    const double x = c.u.dist.quantile(0.5);
    for (int s = 0; s < ns; ++s) {
      I.value[off + static_cast<std::size_t>(s)] = x;
      I.active[off + static_cast<std::size_t>(s)] = c.u.blijvend ? s >= c.first_event_slot : s == c.first_event_slot;
    }
    return;
  }
  const double x = c.u.dist.quantile(high ? 0.95 : 0.05);
  for (int s = 0; s < ns; ++s) {
    I.value[off + static_cast<std::size_t>(s)] = x;
    I.active[off + static_cast<std::size_t>(s)] = 1;
  }
}

const Result& PathEvaluator::evaluate() {
  impl_->apply();
  compute(impl_->work, impl_->res, nullptr, Findings::Skip);
  return impl_->res;
}

// ---- Monte Carlo ---------------------------------------------------------------------------------

RiskResult run_risk(const RiskModel& m, const RiskOptions& o) {
  if (o.paths == 0) throw std::invalid_argument("aantal paden moet minstens 1 zijn");
  const std::uint64_t N = o.paths;
  const int n = m.base().horizon.size();
  const int T = std::max(1, o.threads);
  const auto total = static_cast<std::size_t>(N) * static_cast<std::size_t>(n);
  // Kept arrays, year-major ([year * N + path]); new[] without value-initialisation: every
  // element is written by exactly one path.
  std::unique_ptr<Cents[]> ev(new Cents[total]);
  std::unique_ptr<Cents[]> res(new Cents[total]);
  std::vector<std::vector<std::uint64_t>> counts(static_cast<std::size_t>(T),
                                                 std::vector<std::uint64_t>(static_cast<std::size_t>(3 * n), 0));
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
      for (;;) {
        if (stop.load(std::memory_order_relaxed)) return;
        const std::uint64_t begin = next.fetch_add(kChunk, std::memory_order_relaxed);
        if (begin >= N) return;
        const std::uint64_t end = std::min(N, begin + kChunk);
        for (std::uint64_t p = begin; p < end; ++p) {
          pe.draw(o.seed, p);
          const Result& r = pe.evaluate();
          for (int i = 0; i < n; ++i) {
            const Cents e = r.c(Line::eigen_vermogen, i);
            const auto at = static_cast<std::size_t>(i) * N + p;
            ev[at] = e;
            res[at] = r.c(Line::resultaat, i);
            cnt[static_cast<std::size_t>(3 * i)] += e < r.c(Line::signaleringswaarde, i);
            cnt[static_cast<std::size_t>(3 * i + 1)] += e < r.c(Line::weerstandsvermogen_niveau, i);
            cnt[static_cast<std::size_t>(3 * i + 2)] += e < 0;
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
  if (T == 1 && !o.progress) {
    worker(0);  // on the calling thread: also where no threads exist (the WebAssembly page, web/)
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < T; ++t) pool.emplace_back(worker, t);
    if (o.progress) {
      while (done.load() < N && !stop.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        o.progress(done.load(), N);
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
    const Moments mo = moments(v, N);
    if (task % 2 == 1) {
      y.resultaat_mean = mo.mean;
      y.resultaat_sd = mo.sd;
      multi_quantile(v, N, kRiskPercentiles.data(), kRiskPercentiles.size(), y.resultaat_q.data());
      return;
    }
    y.ev_mean = mo.mean;
    y.ev_sd = mo.sd;
    Cents q[7];
    multi_quantile(v, N, kEvLevels, 7, q);
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
