// The scenario library (scenarios/): every file opens with the question it answers, extends the
// baseline, runs, and moves its key figure by the amount derived by hand.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

namespace {
const char* kLibrary[] = {"so-groei-6.yaml",          "ocw-korting-2025-2028.yaml", "terugplaatsingen-verdubbeld.yaml",
                          "ondersteuningsbedrag-430.yaml", "ikc-groei-6.yaml",      "bo-krimp-1-5.yaml",
                          "ocw-korting-tot-signaleringswaarde.yaml"};
Result run_file(const std::string& f) { return run(load_scenario(testutil::source("scenarios/" + f))); }
}  // namespace

TEST_CASE("scenario library: each file states its question - extends the baseline and runs") {
  for (const char* f : kLibrary) {
    INFO(f);
    std::ifstream in(testutil::source(std::string("scenarios/") + f));
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    CHECK(text.rfind("# Vraag: ", 0) == 0);
    CHECK(text.find("\nextends: zuid-kennemerland-2024.yaml\n") != std::string::npos);
    const auto r = testutil::run_cli(std::string("run scenarios/") + f + " --format csv");
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("id,2024,2025,2026,2027,2028\n", 0) == 0);
  }
}

TEST_CASE("scenario OCW korting: zware ondersteuning 2025-2028 falls by 13.50 x (bo + sbo)") {
  const Result base = run(testutil::baseline());
  const Result k = run_file("ocw-korting-2025-2028.yaml");
  // Pupils (bo + sbo) per year: bo 21,747 x 0.993^(t-2024), sbo 585 x 1.02^(t-2024):
  // 2025: 21,594.771 + 596.7 = 22,191.471: 477.20 x = 10,589,769.96 (round of 10,589,769.9612);
  //       490.70 x = 10,889,354.82 (10,889,354.8197); delta -299,584.86
  // 2026: 21,443.607603 + 608.634 = 22,052.241603: 10,523,329.69 - 10,821,034.95 = -297,705.26
  // 2027: 21,914.309029779: 10,457,508.27 - 10,753,351.44 = -295,843.17
  // 2028: 21,777.670646931: 10,392,304.43 - 10,686,302.99 = -293,998.56
  const Cents delta[] = {0, -29958486, -29770526, -29584317, -29399856};
  Cents cum = 0;
  for (int y = 2024; y <= 2028; ++y) {
    INFO("year " << y);
    cum += delta[y - 2024];
    CHECK(cents(k, Line::zware_ondersteuning, y) - cents(base, Line::zware_ondersteuning, y) == delta[y - 2024]);
    CHECK(cents(k, Line::lasten_totaal, y) == cents(base, Line::lasten_totaal, y));
    CHECK(cents(k, Line::eigen_vermogen, y) - cents(base, Line::eigen_vermogen, y) == cum);
  }
  CHECK(cum == -118713185);  // EUR 1,187,131.85 less eigen vermogen by 31-12-2028
}

TEST_CASE("scenario ondersteuningsbedrag 430: the bao line rises by (430 - plan) x bo pupils") {
  const Result base = run(testutil::baseline());
  const Result s = run_file("ondersteuningsbedrag-430.yaml");
  // 2024 stays 450, 2025 was already 430. 2026: (430 - 420) x 21,443.607603 = 214,436.08;
  // 2027: 45 x 21,293.502349779 = 958,207.61 (each amount x pupils rounded once, the difference of
  // the rounded products: 9,156,206.01 - 8,197,998.40); 2028: 65 x 21,144.447833331 =
  // 9,092,112.57 - 7,717,723.46 = 1,374,389.11.
  const Cents delta[] = {0, 0, 21443608, 95820761, 137438911};
  for (int y = 2024; y <= 2028; ++y) {
    INFO("year " << y);
    CHECK(cents(s, Line::ondersteuningsbedrag_bao, y) - cents(base, Line::ondersteuningsbedrag_bao, y) == delta[y - 2024]);
    CHECK(cents(s, Line::resultaat, y) - cents(base, Line::resultaat, y) == -delta[y - 2024]);
  }
}

TEST_CASE("scenario terugplaatsingen doubled: the line doubles to 100000 and 150000") {
  const Result base = run(testutil::baseline());
  const Result s = run_file("terugplaatsingen-verdubbeld.yaml");
  // 12.5 x 8,000 = 100,000 (2024); 18.75 x 8,000 = 150,000 (2025-2028); plan 50,000 and 75,000.
  CHECK(cents(s, Line::terugplaatsing, 2024) == 10000000);
  for (int y = 2025; y <= 2028; ++y) CHECK(cents(s, Line::terugplaatsing, y) == 15000000);
  // Eigen vermogen 2028: 50,000 + 4 x 75,000 = 350,000 less.
  CHECK(cents(base, Line::eigen_vermogen, 2028) - cents(s, Line::eigen_vermogen, 2028) == 35000000);
}

TEST_CASE("scenario IKC growth 6%: the aanvulling follows 620 x 1.06^k x (IKC tarief - SBO tarief)") {
  const Result base = run(testutil::baseline());
  const Result s = run_file("ikc-groei-6.yaml");
  // IKC tarief - SBO tarief = 0.3 x (12,938.34 - 6,634.52) = 1,891.146 (unrounded, 8.1.6).
  // 2025: 657.2 x 1,891.146 = 1,242,861.1512 -> 1,242,861.15; plan 632.4 x = 1,195,960.73; +46,900.42
  // 2026: 696.632 x = 1,317,432.82; 645.048 x = 1,219,879.95; +97,552.87
  // 2027: 738.42992 x = 1,396,478.79; 657.94896 x = 1,244,277.54; +152,201.25
  // 2028: 782.7357152 x = 1,480,267.52; 671.1079392 x = 1,269,163.09; +211,104.43
  const Cents delta[] = {0, 4690042, 9755287, 15220125, 21110443};
  for (int y = 2024; y <= 2028; ++y) {
    INFO("year " << y);
    CHECK(cents(s, Line::ikc_aanvulling, y) - cents(base, Line::ikc_aanvulling, y) == delta[y - 2024]);
  }
}

TEST_CASE("scenario bo -1.5%: lichte and zware ondersteuning and the bao line all fall") {
  const Result base = run(testutil::baseline());
  const Result s = run_file("bo-krimp-1-5.yaml");
  // bo 2025 = 21,747 x 0.985 = 21,420.795 (plan: x 0.993 = 21,594.771), difference -174.0
  //   lichte: 356.36 x: 7,633,514.51 - 7,695,512.59 = -61,998.08
  //   zware: 490.70 x (bo + 596.7): 10,803,984.80 - 10,889,354.82 = -85,370.02
  //   bao bruto: 430 x: 9,210,941.85 - 9,285,751.53 = -74,809.68
  //   resultaat: -61,998.08 - 85,370.02 + 74,809.68 = -72,558.42
  CHECK(cents(s, Line::lichte_ondersteuning, 2025) - cents(base, Line::lichte_ondersteuning, 2025) == -6199808);
  CHECK(cents(s, Line::zware_ondersteuning, 2025) - cents(base, Line::zware_ondersteuning, 2025) == -8537002);
  CHECK(cents(s, Line::ondersteuningsbedrag_bao, 2025) - cents(base, Line::ondersteuningsbedrag_bao, 2025) == -7480968);
  CHECK(cents(s, Line::resultaat, 2025) - cents(base, Line::resultaat, 2025) == -7255842);
  CHECK(cents(s, Line::resultaat, 2024) == cents(base, Line::resultaat, 2024));
}
