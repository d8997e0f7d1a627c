// Internal: the rule functions compute() calls in order, one file each, each citing the
// plan paragraph it implements. Every rule reads Inputs and earlier lines of the Result.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <type_traits>
#include <string>
#include <tuple>
#include <vector>

#include "begroting/engine.hpp"
#include "../lanes.hpp"

namespace begroting::rules {

struct Ctx {
  const Inputs& in;
  Result& r;
  Trace* tr;
  int n;      ///< number of years
  int first;  ///< first begrotingsjaar
  bool findings = true;  ///< false: push no findings (hot path of risk and sensitivity)
  [[nodiscard]] int year(int i) const { return first + i; }
};

inline TraceTerm param(std::string name, double value, Unit unit, std::string path, int year) {
  return TraceTerm{std::move(name), value, unit, std::move(path), year, -1, 0};
}
inline TraceTerm line(const Ctx& c, Line l, int i) {
  const double v = c.r.value(l, c.year(i));
  const ModelLine& d = c.r.m().line(l);  // the model's label: a relabelled or declared line
  return TraceTerm{d.label, v, d.unit, "", 0, static_cast<int>(l), c.year(i)};
}
inline double eur(Cents x) { return cents_to_euros(x); }

/// The Monte Carlo kernel's form of a rule (risk.cpp, issue 15): the same lines with the same
/// arithmetic in the same order, over raw arrays of the Result, without trace, findings or detail
/// records. `flags` (per rule, at its declaration) lets it skip lines whose inputs no draw
/// reaches: those keep the plan's value, which the kernel's Result starts with. The kernel
/// compares every line with compute() on probe paths before it uses them (RiskModel::check_kernel).
/// Each kernel form is a template (`<rule>_pad_t`) over its pad: Pad for one path (compute() and
/// the kernel path by path) and Pad8 for eight paths at once (lanes.hpp), so its arithmetic is
/// written once. A form reads the Inputs only through the pad: p.arr(&Inputs::x) for a value per
/// year (p.arr(f)[i]), p.val(f) for one value, p.same(f) for one the rule's control flow depends
/// on (the lanes must agree on it, or the block falls back to path by path).
struct Pad {
  using C = Cents;   ///< a money value
  using D = double;  ///< a count or ratio
  const Inputs& in;
  Cents* cents;  ///< Result::cents
  double* real;  ///< Result::real
  int n;         ///< years
  int first;     ///< first begrotingsjaar
  unsigned flags;
  [[nodiscard]] Cents* c(Line l) const { return cents + static_cast<std::ptrdiff_t>(l) * n; }
  [[nodiscard]] double* r(Line l) const { return real + static_cast<std::ptrdiff_t>(l) * n; }
  // The rounding and checked arithmetic of money.hpp (Pad8 has lane forms of them).
  static Cents round_to_cent(double cents) { return ::begroting::round_to_cent(cents); }
  static Cents mul_round(Cents amount, double factor) { return ::begroting::mul_round(amount, factor); }
  static Cents add_checked(Cents a, Cents b) { return ::begroting::add_checked(a, b); }
  static Cents sub_checked(Cents a, Cents b) { return ::begroting::sub_checked(a, b); }
  /// round_to_cent(x) where m holds, else 0 (nothing rounded, so nothing thrown, where m fails).
  static Cents round_to_cent_where(bool m, double x) { return m ? round_to_cent(x) : 0; }
  template <class F>
  [[nodiscard]] auto arr(F f) const { return std::invoke(f, in).data(); }
  template <class F>
  [[nodiscard]] auto val(F f) const { return std::invoke(f, in); }
  template <class F>
  [[nodiscard]] auto same(F f) const { return std::invoke(f, in); }
};

#include "form_ops.inc"

#ifdef BEGROTING_LANES
/// Eight paths (pads8.cpp, Pad8): lane l of every value is path l of the block. Lines are
/// [line * n + i] of lanes. The paths share one Inputs, the scenario's; a value an uncertainty
/// is bound to is read instead from its slot in `shadow` (eight lanes: the value's bits, an int
/// as an int64), found by its address in `in` (`bound`, sorted: the slot is its place there). Per Inputs
/// array the forms read, `seen` (open addressing by address, never evicted) remembers whether it
/// holds a bound value and then each element's slot (in `pool`, -1 for an unbound element).
struct Pad8Seen {
  std::uintptr_t data = 0;  ///< an array of `in` (0: empty entry)
  std::int32_t slots = -1;  ///< offset in the pool of its elements' slots; -1: no bound value in it
};
struct Pad8Data {
  static constexpr std::size_t kSeen = 256;  ///< entries of `seen` (a power of two)
  const Inputs* in;
  lanes::C8* cents;
  lanes::D8* real;
  int n;
  int first;
  unsigned flags;
  const std::uintptr_t* bound;
  std::size_t bound_n;
  const lanes::C8* shadow;
  Pad8Seen* seen;
  std::int32_t* pool;
  std::size_t* pool_used;
  std::size_t pool_cap;
};
#endif
/// The Pad over a full run's Result (every flag on): the full rule computes its figures with its
/// kernel form and adds findings and trace on top, so the arithmetic is written once.
inline Pad pad_of(Ctx& c) { return Pad{c.in, c.r.cents.data(), c.r.real.data(), c.n, c.first, ~0u}; }
void population_pad(const Pad& p);                // flags: bit q = project population q (Pop); no stromen
void rijksbijdrage_pad(const Pad& p);
void inhouding_duo_pad(const Pad& p);
void ikc_volumebekostiging_pad(const Pad& p);     // flags 1: also ikc_tarief and ikc_ander_swv
void ikc_bandbreedte_pad(const Pad& p);
void afdracht_verwijzingen_pad(const Pad& p);
void ondersteuningsbedrag_bao_pad(const Pad& p);
void instroom_terugplaatsing_pad(const Pad& p);
void personeel_pad(const Pad& p);
void vangnet_pad(const Pad& p);                   // the claims stay the plan's: only the overschrijding
void reserves_pad(const Pad& p);
void signaleringswaarde_pad(const Pad& p);
#ifdef BEGROTING_LANES
// The lane forms (pads8.cpp), and the kernel's own steps in lanes: an amount line copied from the
// Inputs, a subtotal (its constant part plus the dirty children, each add checked).
void copy8(const Pad8Data& p, int line);
void sum8(const Pad8Data& p, int parent, const Cents* constant, const std::ptrdiff_t* dirty_at, std::size_t dirty_n);
void population_pad8(const Pad8Data& p);
void rijksbijdrage_pad8(const Pad8Data& p);
void inhouding_duo_pad8(const Pad8Data& p);
void ikc_volumebekostiging_pad8(const Pad8Data& p);
void ikc_bandbreedte_pad8(const Pad8Data& p);
void afdracht_verwijzingen_pad8(const Pad8Data& p);
void ondersteuningsbedrag_bao_pad8(const Pad8Data& p);
void instroom_terugplaatsing_pad8(const Pad8Data& p);
void personeel_pad8(const Pad8Data& p);
void vangnet_pad8(const Pad8Data& p);
void reserves_pad8(const Pad8Data& p);
void signaleringswaarde_pad8(const Pad8Data& p);
#endif

void population(Ctx& c);                 // population.cpp           DOMAIN 1, 8.1.1
void rijksbijdrage(Ctx& c);              // rijksbijdrage.cpp        8.1.1
void inhouding_duo(Ctx& c);              // inhouding_duo.cpp        8.1.1 (DUO pays SBO/SO directly)
void ikc_volumebekostiging(Ctx& c);      // ikc_volumebekostiging.cpp 8.1.6
void ikc_bandbreedte(Ctx& c);            // ikc_bandbreedte.cpp      8.1.6 (bandbreedte, verdeelsleutel)
void afdracht_verwijzingen(Ctx& c);      // afdracht_verwijzingen.cpp 8.1.2 (placements x TLV SBO tarief + DWS)
void ondersteuningsbedrag_bao(Ctx& c);   // ondersteuningsbedrag.cpp 8.1.2
void instroom_terugplaatsing(Ctx& c);    // instroom_terugplaatsing.cpp 8.1.5
void personeel(Ctx& c);                  // personeel.cpp            hfst 12 II.1
void amounts(Ctx& c);
void vangnet(Ctx& c);                    // vangnet.cpp              8.1.7 (claims against the maximale ruimte)                    // amounts.cpp              hfst 12 (lines without derivation)
void opmaat(Ctx& c);                     // opmaat.cpp               8.1.8 (Opmaat klas SO Molenduin, weekbedrag)
Cents opmaat_weekbedrag(Cents tarief, double weken_per_jaar);  // opmaat.cpp: also per school (scholen.cpp)
void scholen(Ctx& c);                    // scholen.cpp              8.1.2-8.1.5 (per school; SWV lines = sums)
ScholenTabel scholen_tabel(const Scholen& sc, const Horizon& h);  // scholen.cpp: for compile()
void scholen_check(Ctx& c);              // scholen.cpp              per bestuur, spread, sum check
/// scholen.cpp: the Monte Carlo kernel's scholen when only the pupils (leerlingen bo) or the
/// ondersteuningsbedrag per leerling change: recomputes only the per-school basis and its sum;
/// afdracht, TLV op bao, instroom and terugplaatsing are the plan run's sums (`plan`).
void scholen_basis(Ctx& c, const Result& plan);
void korting_ocw(Ctx& c);                // korting_ocw.cpp          hfst 12 (korting tot de signaleringswaarde)
void reserves(Ctx& c);                   // reserves.cpp             hfst 12, Bestedingsplan 2022
void signaleringswaarde(Ctx& c);         // signaleringswaarde.cpp   Inspectie
void kengetallen(Ctx& c);                // kengetallen.cpp          DOMAIN 4
void waterbed(Ctx& c);                   // waterbed.cpp             8.1.1 (view + identity check)

}  // namespace begroting::rules
