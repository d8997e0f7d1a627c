// One test per rule, on numbers derived by hand from the plan (DOMAIN 2) or from the rule's
// definition. The comments show the hand calculation.
#include <doctest/doctest.h>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

namespace {
Result baseline_result() { return run(testutil::baseline()); }
}  // namespace

TEST_CASE("population: funding year t uses teldatum 1 February t-1 - projected with groei") {
  const Result r = baseline_result();
  CHECK(r.value(Line::leerlingen_bo, 2024) == doctest::Approx(21747.0));
  // 21,747 x 0.993 = 21,594.771
  CHECK(r.value(Line::leerlingen_bo, 2025) == doctest::Approx(21594.771).epsilon(1e-12));
  // IKC other SWVs: given 109 on 1-2-2023 and 116 on 1-2-2024, then groei 0
  CHECK(r.value(Line::leerlingen_ikc_ander_swv, 2024) == 109.0);
  CHECK(r.value(Line::leerlingen_ikc_ander_swv, 2025) == 116.0);
  CHECK(r.value(Line::leerlingen_ikc_ander_swv, 2028) == 116.0);
}

TEST_CASE("rijksbijdrage 8.1.1: lichte = bo x tarief - zware = (bo + sbo) x tarief + kalibratie") {
  const Result r = baseline_result();
  CHECK(cents(r, Line::lichte_ondersteuning, 2024) == 774976092);  // 21,747 x 356.36 = 7,749,760.92
  // 21,594.771 x 356.36 = 7,695,512.59 (21,594.771 x 356 = 7,687,738.476; x 0.36 = 7,774.118)
  CHECK(cents(r, Line::lichte_ondersteuning, 2025) == 769551259);
  // (21,747 + 585) x 490.70 = 22,332 x 490.70 = 10,958,312.40; kalibratie -0.40
  CHECK(cents(r, Line::zware_ondersteuning, 2024) == 1095831200);
}

TEST_CASE("inhouding DUO: SBO per pupil - SO per category") {
  const Result r = baseline_result();
  CHECK(cents(r, Line::sbo_inhouding, 2024) == 388119420);  // 585 x 6,634.52 = 3,881,194.20
  // 115 x 12,938.34 = 1,487,909.10; 38 x 21,053.23 = 800,022.74; 30 x 31,419.53 = 942,585.90
  CHECK(cents(r, Line::so_inhouding, 2024) == 148790910 + 80002274 + 94258590);
  // 2025: +4%: 3,230,517.74 x 1.04 = 3,359,738.4496 -> 3,359,738.45
  CHECK(cents(r, Line::so_inhouding, 2025) == 335973845);
}

TEST_CASE("IKC volumebekostiging 8.1.6: (70% SBO + 30% SO I - SBO) per pupil - tarief unrounded") {
  const Result r = baseline_result();
  // IKC tarief = 0.7 x 6,634.52 + 0.3 x 12,938.34 = 4,644.164 + 3,881.502 = 8,525.666 -> shown 8,525.67
  CHECK(cents(r, Line::ikc_tarief, 2024) == 852567);
  // aanvulling: 620 x (8,525.666 - 6,634.52) = 620 x 1,891.146 = 1,172,510.52 (plan: 1,172,511)
  CHECK(cents(r, Line::ikc_aanvulling, 2024) == 117251052);
  // with the rounded tarief it would be 620 x 1,891.15 = 1,172,513.00: the plan needs the exact one
  CHECK(cents(r, Line::ikc_aanvulling, 2024) != 117251300);
  // other SWVs: 109 x 1,891.146 = 206,134.914; 116 x 1,891.146 = 219,372.936
  CHECK(cents(r, Line::ikc_ander_swv, 2024) == 20613491);
  CHECK(cents(r, Line::ikc_ander_swv, 2025) == 21937294);
  // 2025 aanvulling: 632.4 x 1,891.146 = 1,195,960.73
  CHECK(cents(r, Line::ikc_aanvulling, 2025) == 119596073);
}

TEST_CASE("ondersteuningsbedrag bao 8.1.2: pupils x per-pupil amount - afdracht") {
  const Result r = baseline_result();
  CHECK(cents(r, Line::ondersteuningsbedrag_bruto, 2024) == 978615000);  // 21,747 x 450 = 9,786,150
  CHECK(cents(r, Line::ondersteuningsbedrag_bao, 2024) == 978615000 - 180833700);  // - 1,808,337 = 7,977,813
  // 2025: 21,594.771 x 430 = 9,285,751.53; - 1,800,456.53 = 7,485,295.00 (plan)
  CHECK(cents(r, Line::ondersteuningsbedrag_bao, 2025) == 748529500);
}

TEST_CASE("instroom- en terugplaatsingsbudget 8.1.5: pupil-years x EUR 8000") {
  const Result r = baseline_result();
  CHECK(cents(r, Line::instroombudget, 2024) == 10000000);   // 12.5 x 8,000 = 100,000
  CHECK(cents(r, Line::terugplaatsing, 2025) == 7500000);    // 9.375 x 8,000 = 75,000
}

TEST_CASE("personeelskosten: +2% a year on the previous year's cents") {
  const Result r = baseline_result();
  CHECK(cents(r, Line::personeelskosten, 2025) == 97753026);  // 958,363 x 1.02 = 977,530.26
  CHECK(cents(r, Line::personeelskosten, 2026) == 99708087);  // 977,530.26 x 1.02 = 997,080.8652
}

TEST_CASE("totals are exact sums of their lines") {
  const Result r = baseline_result();
  for (int y = 2024; y <= 2028; ++y) {
    CHECK(cents(r, Line::rijksbijdragen_totaal, y) ==
          cents(r, Line::lichte_ondersteuning, y) + cents(r, Line::zware_ondersteuning, y) + cents(r, Line::impuls_smw, y));
    CHECK(cents(r, Line::lasten_totaal, y) ==
          cents(r, Line::overdrachten_totaal, y) + cents(r, Line::mo_totaal, y) + cents(r, Line::uo_totaal, y));
    CHECK(cents(r, Line::resultaat, y) == cents(r, Line::baten_totaal, y) - cents(r, Line::lasten_totaal, y));
  }
  // eigen vermogen: 2,560,000 + the sum of resultaten
  Cents ev = 256000000;
  for (int y = 2024; y <= 2028; ++y) {
    ev += cents(r, Line::resultaat, y);
    CHECK(cents(r, Line::eigen_vermogen, y) == ev);
  }
}

TEST_CASE("reserves: bestemmingsreserve = max(0 or EV - niveau) is never negative and is released after its last year") {
  const Scenario s = testutil::baseline();
  Inputs in = compile(s);
  Result r;
  compute(in, r);
  // 2024: EV above 655,000: weerstandsvermogen at its level, the rest earmarked
  CHECK(cents(r, Line::weerstandsvermogen, 2024) == 65500000);
  CHECK(cents(r, Line::bestemmingsreserve, 2024) == cents(r, Line::eigen_vermogen, 2024) - 65500000);
  // 2028 is after bestemmingsreserve_laatste_jaar 2027: all eigen vermogen is weerstandsvermogen
  CHECK(cents(r, Line::bestemmingsreserve, 2028) == 0);
  CHECK(cents(r, Line::weerstandsvermogen, 2028) == cents(r, Line::eigen_vermogen, 2028));
  // opening balance 1,000,000: EV 2024 = 1,000,000 - 762,957.12 (the plan's resultaat 2024)
  // = 237,042.88, positive but below the 655,000 level -> bestemmingsreserve 0, not negative,
  // and the OnderWeerstandsvermogen finding (a negative EV would raise NegatiefEigenVermogen).
  in.ev_begin = 100000000;
  compute(in, r);
  CHECK(cents(r, Line::bestemmingsreserve, 2024) == 0);
  CHECK(cents(r, Line::weerstandsvermogen, 2024) == cents(r, Line::eigen_vermogen, 2024));
  bool flagged = false;
  for (const auto& f : r.findings) flagged |= f.kind == Finding::Kind::OnderWeerstandsvermogen && f.year == 2024;
  CHECK(flagged);
}

TEST_CASE("signaleringswaarde = max(3.5% x totale baten or 250000)") {
  Inputs in = compile(testutil::baseline());
  Result r;
  compute(in, r);
  // 3.5% x 19,412,806 = 679,448.21 (plan: 679,448); baten in cents, one rounding
  const Cents baten = cents(r, Line::baten_totaal, 2024);
  CHECK(cents(r, Line::signaleringswaarde, 2024) == (baten * 35 + 500) / 1000);
  // 1% of about 19.4 million = about 194,000 < 250,000: the minimum applies
  for (auto& p : in.signal_pct) p = 0.01;
  compute(in, r);
  CHECK(cents(r, Line::signaleringswaarde, 2024) == 25000000);
  // boven_signaleringswaarde = max(0, EV - signaleringswaarde)
  CHECK(cents(r, Line::boven_signaleringswaarde, 2024) == cents(r, Line::eigen_vermogen, 2024) - 25000000);
}

TEST_CASE("kengetallen: rentabiliteit and weerstandsvermogen %") {
  const Result r = baseline_result();
  const double res = static_cast<double>(cents(r, Line::resultaat, 2024));
  const double baten = static_cast<double>(cents(r, Line::baten_totaal, 2024));
  CHECK(r.value(Line::rentabiliteit, 2024) == doctest::Approx(res / baten));
  // about -762,957 / 19,412,806 = -3.93%
  CHECK(r.value(Line::rentabiliteit, 2024) == doctest::Approx(-0.0393).epsilon(0.01));
  // (1,797,043 - 0) / 18,812,002 = 9.55%
  CHECK(r.value(Line::weerstandsvermogen_pct, 2024) == doctest::Approx(0.09553).epsilon(0.001));
}
