// Risk analysis (DOMAIN 4): Monte Carlo over the scenario's declared uncertainties, and a
// one-at-a-time sensitivity (tornado). Pure computation, no I/O; threads via std::thread.
//
// Determinism: path p draws its random numbers from its own SplitMix64 stream keyed by
// (seed, p), in a fixed order (uncertainty by uncertainty, year slot by year slot), and its
// results are stored at index p. Statistics are computed afterwards from those arrays, with
// exact integer sums. So the same seed gives the same numbers whatever the thread count.
#pragma once
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "begroting/bind.hpp"
#include "begroting/engine.hpp"

namespace begroting {

/// SplitMix64 (Steele, Lea, Flood 2014; as in Vigna's reference code): a 64-bit counter
/// passed through a strong mixing function. One stream per path: seeded from (seed, path).
class SplitMix64 {
 public:
  SplitMix64(std::uint64_t seed, std::uint64_t path);
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in the open interval (0, 1): 53 random bits, centred (never 0, never 1). The bits
  /// fit a signed int64, whose conversion to double is one instruction (an unsigned one is a
  /// branch and several); both give the same, exact double.
  double uniform() { return (static_cast<double>(static_cast<std::int64_t>(next() >> 11)) + 0.5) * 0x1.0p-53; }
  /// The counter (for drawing several streams side by side: PathEvaluator::draw_block).
  [[nodiscard]] std::uint64_t state() const { return state_; }

 private:
  std::uint64_t state_;
};

/// The percentiles reported per year, and the certainties for the risk-based weerstandsvermogen.
inline constexpr std::array<double, 5> kRiskPercentiles{0.05, 0.25, 0.50, 0.75, 0.95};
inline constexpr std::array<double, 3> kRiskCertainties{0.80, 0.90, 0.95};

/// Quantile of sorted-or-not values (type 7, as Excel PERCENTILE.INC and numpy's default):
/// h = (N - 1) p; x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]) on the sorted
/// values; rounded once to the cent (half away from zero), exactly: p is taken as whole basis
/// points (0.05 = 500/10,000), so h is an exact rational. Reorders `v`. N >= 1; throws
/// std::invalid_argument for p outside [0, 1] or not a multiple of 0.0001.
Cents quantile_cents(Cents* v, std::size_t n, double p);

/// A scenario prepared for repeated evaluation: compiled Inputs and the uncertainties bound
/// to them. Built once; shared read-only by every thread.
class RiskModel {
 public:
  /// Throws std::invalid_argument (message starts with the uncertainty's FILE:LINE:COLUMN)
  /// when an uncertainty cannot be applied.
  explicit RiskModel(const Scenario& s);
  ~RiskModel();
  RiskModel(const RiskModel&) = delete;
  RiskModel& operator=(const RiskModel&) = delete;

  [[nodiscard]] const Inputs& base() const { return base_; }
  [[nodiscard]] const Result& plan() const { return plan_; }  ///< the deterministic scenario
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::size_t size() const;  ///< number of uncertainties
  [[nodiscard]] const Uncertainty& uncertainty(std::size_t k) const;
  [[nodiscard]] int slots() const { return base_.horizon.size() + 1; }  ///< year slots F-1..L

  struct Compiled;  ///< internal
  [[nodiscard]] const std::vector<Compiled>& compiled() const { return *compiled_; }
  /// What a path evaluates (risk.cpp): only the rules that read a bound parameter or a line
  /// such a rule writes, the subtotals above them and the reserves; the rest stays at the plan.
  struct Kernel;
  [[nodiscard]] const Kernel& kernel() const { return *kernel_; }
  /// The kernel's steps in order (rule names, copied amount lines, "som <subtotal>"), or
  /// {"compute()"} when a path evaluates the whole compute() (a bound parameter no rule claims).
  [[nodiscard]] std::vector<std::string> kernel_steps() const;
  /// Whether run_risk evaluates eight paths at once (PathEvaluator::evaluate_lanes): every step
  /// of the kernel has a lane form, the self-check found the lanes equal to the kernel path by
  /// path, and the processor has AVX-512F/DQ.
  [[nodiscard]] bool lane_kernel() const;

 private:
  std::string name_;
  Inputs base_;
  Result plan_;
  std::unique_ptr<std::vector<Compiled>> compiled_;
  std::unique_ptr<Kernel> kernel_;
  void check_kernel();
  void check_lanes();
};

/// One thread's evaluator: its own Inputs copy and Result; allocates only when constructed.
class PathEvaluator {
 public:
  /// `whole_compute`: evaluate every path with the whole compute() instead of the model's kernel
  /// (the kernel's self-check and its tests compare the two).
  explicit PathEvaluator(const RiskModel& m, bool whole_compute = false);
  ~PathEvaluator();
  PathEvaluator(const PathEvaluator&) = delete;
  PathEvaluator& operator=(const PathEvaluator&) = delete;

  /// Realise every uncertainty from path `path`'s random stream.
  void draw(std::uint64_t seed, std::uint64_t path);
  /// Paths drawn together: draw_block(seed, first, count) realises paths first .. first + count - 1
  /// (count <= kBlock), each from its own stream, with the same numbers as draw() gives each of
  /// them (eight streams side by side in vector registers where the processor has AVX-512, the
  /// same operations in the same order); use(i) then makes path first + i the one evaluate() applies
  /// (i < count; after draw() only use(0)).
  static constexpr std::size_t kBlock = 8;
  void draw_block(std::uint64_t seed, std::uint64_t first, std::size_t count);
  void use(std::size_t i);
  /// Tests only: draw_block without the vector lanes (the scalar code per path, what a processor
  /// without AVX-512 runs), so that both ways are compared with draw() on any machine.
  static void vector_draws(bool on);
  /// Whether this processor and build draw in vector lanes (AVX-512F/DQ on x86-64).
  static bool vector_lanes();
  /// Tests only: the inverse normal of kBlock probabilities in (0, 1) as the vector lanes of
  /// draw_block compute it (the scalar normal_quantile() per value without AVX-512).
  static void normal_quantile_lanes(const double* p, double* z);
  /// Sensitivity: every uncertainty off (the scenario's own values) ...
  void all_off();
  /// ... then one at its low (`high` false) or high value (see sensitivity below).
  void set_extreme(std::size_t k, bool high);
  /// Apply the realisation to the Inputs copy and evaluate the kernel (no findings, no
  /// allocation). The lines the kernel does not touch keep the plan's values; the waterbed
  /// view, the kengetallen and the identity checks are the plan run's, not the path's.
  const Result& evaluate();
  /// After draw_block(): evaluate all its paths at once, eight lanes side by side (AVX-512: the
  /// kernel's rules in their lane forms, the same operations per lane, so the same figures as
  /// use(i) and evaluate() give each path). False when this model, processor or block cannot
  /// (a step without a lane form, no AVX-512, a lane that would throw or branch differently
  /// from the others): then evaluate the paths one by one.
  bool evaluate_lanes();
  /// After evaluate_lanes() returned true: line `l` (money or count/ratio) in year index `i` of
  /// path first + j of the block.
  [[nodiscard]] Cents lane_cents(Line l, int i, std::size_t j) const;
  /// ... a money line of all lanes at once: year i of path first + j at [i * kBlock + j].
  [[nodiscard]] const Cents* lane_line(Line l) const;
  [[nodiscard]] double lane_real(Line l, int i, std::size_t j) const;
  /// Tests only: evaluate_lanes() off (always false), to compare the two ways on any model.
  static void vector_kernel(bool on);
  /// After evaluate(): the smallest and largest value (in the parameter's unit) that uncertainty
  /// `k` put into the inputs over the years it applied in: the value the engine used, after the
  /// shift of 'toepassing: waarde' and the clamp to the parameter's range. NaN, NaN when it did
  /// not apply (an event that did not happen).
  std::pair<double, double> applied(std::size_t k);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct RiskOptions {
  std::uint64_t paths = 10000;
  std::uint64_t seed = 1;
  int threads = 1;
  /// Called from the calling thread about ten times a second while paths run (optional). Without
  /// it the calling thread runs paths itself; with it, it waits on a condition variable (woken
  /// when the last worker finishes, or after 100 ms to report): never a fixed sleep.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

struct RiskYear {
  int year = 0;
  Cents resultaat_plan = 0, ev_plan = 0;           ///< the deterministic scenario
  Cents signaleringswaarde_plan = 0, wv_niveau_plan = 0;
  Cents wv_plan = 0;  ///< the plan's weerstandsvermogen (algemene reserve) on 31-12: what is available
  std::array<Cents, 5> resultaat_q{}, ev_q{};       ///< at kRiskPercentiles
  double resultaat_mean = 0, resultaat_sd = 0;      ///< euros
  double ev_mean = 0, ev_sd = 0;                    ///< euros
  double p_onder_signaleringswaarde = 0;            ///< P(eigen vermogen < signaleringswaarde of the path)
  double p_onder_weerstandsvermogen = 0;            ///< P(eigen vermogen < niveau weerstandsvermogen of the path)
  double p_onder_nul = 0;                           ///< P(eigen vermogen < 0)
  /// Risk-based weerstandsvermogen at kRiskCertainties: the c-quantile of the shortfall
  /// S(t) = EV_plan(t) - EV_path(t), floored at 0: the buffer on top of the planned eigen
  /// vermogen that absorbs the cumulative deviation up to 31-12 of t with certainty c.
  /// By the symmetry of type-7 quantiles: max(0, EV_plan(t) - Q_{1-c}(EV(t))).
  std::array<Cents, 3> benodigd{};
};

struct RiskResult {
  std::string scenario;
  std::uint64_t paths = 0, seed = 0;
  std::vector<std::string> uncertainties;
  std::vector<RiskYear> years;
};

/// Run the Monte Carlo. Memory: two arrays of int64 cents (eigen vermogen and resultaat per
/// year and path), 2 x 8 x years x paths bytes, plus a fixed amount per thread.
RiskResult run_risk(const RiskModel& m, const RiskOptions& o);

/// Sensitivity (tornado): each uncertainty alone at its low and its high value, all others at
/// the scenario's own values. A distribution: low = its P5, high = its P95, in every year it
/// applies (all years together). An event: low = it does not happen (the scenario itself),
/// high = it happens in its first possible year with the median (P50) of its impact (with
/// `blijvend`, also in every later year). Effect: eigen vermogen on 31-12 of the last year
/// minus the scenario's. Rows sorted by |effect high - effect low|, largest first (ties: name).
struct SensitivityRow {
  std::string name;
  bool event = false;
  double x_low = 0, x_high = 0;  ///< the drawn number at low and high (event low: none)
  Cents ev_low = 0, ev_high = 0;  ///< eigen vermogen at the horizon
  Cents effect_low = 0, effect_high = 0;
  /// The values the engine used at low and high (PathEvaluator::applied): smallest and largest
  /// over the parameter's targets; they differ from x where a 'toepassing: waarde' follows an
  /// override of the parameter (README "Overschrijvingen tellen mee"). NaN when none applied.
  std::pair<double, double> used_low{NAN, NAN}, used_high{NAN, NAN};
  std::string bron;
  /// The width of the tornado bar: |effect high - effect low| (what the rows are sorted by).
  [[nodiscard]] Cents range() const { return effect_high > effect_low ? effect_high - effect_low : effect_low - effect_high; }
};
struct SensitivityResult {
  std::string scenario;
  int horizon_year = 0;
  Cents ev_plan = 0;
  std::vector<SensitivityRow> rows;
};
SensitivityResult run_sensitivity(const RiskModel& m);

}  // namespace begroting
