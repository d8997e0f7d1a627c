// A national aggregate (issue 15): the Netherlands has about 1.4 million primary pupils; the
// schema allows up to 10 million pupils on a teldatum, and every amount stays exact in cents.
#include <doctest/doctest.h>

#include "helpers.hpp"

using namespace begroting;

TEST_CASE("a national number of bo pupils is accepted and the rijksbijdrage stays exact to the cent") {
  // 1,400,000 pupils x tarief lichte ondersteuning EUR 356.36 (the baseline's 2024 tarief)
  // = EUR 498,904,000.00 exactly: 49,890,400,000 cents.
  const Result r = run(testutil::baseline({Override{"leerlingen.bo.teldatum.2023=1400000"}}));
  CHECK(testutil::cents(r, Line::lichte_ondersteuning, 2024) == 49890400000LL);
  CHECK(r.value(Line::leerlingen_bo, 2024) == 1400000.0);
}

TEST_CASE("more than 10 million pupils on a teldatum is refused with the range") {
  const auto r = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --set leerlingen.bo.teldatum.2023=10000001");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("10000000") != std::string::npos);
}
