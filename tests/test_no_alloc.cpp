// A Monte Carlo path allocates nothing: counts operator new calls around 1,000 paths of the
// risk scenario (draw, apply, compute without findings). This file replaces the global
// operator new/delete of the test binary with counting versions (malloc/free underneath).
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "begroting/loader.hpp"
#include "begroting/risk.hpp"
#include "helpers.hpp"

namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_news{0};
}  // namespace

void* operator new(std::size_t n) {
  if (g_counting.load(std::memory_order_relaxed)) g_news.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
// The nothrow and array forms too: every new of the binary must come from malloc, or ASan
// reports alloc-dealloc-mismatch (std::stable_sort's nothrow buffer freed by our delete).
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  if (g_counting.load(std::memory_order_relaxed)) g_news.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {
/// Evaluate `paths` Monte Carlo paths of `s` after a first one (which sizes the Result) and
/// count the operator new calls meanwhile; `sum` adds up `line` in the last year of each path.
long news_over_paths(const begroting::Scenario& s, std::uint64_t paths, begroting::Line line, begroting::Cents& sum) {
  using namespace begroting;
  const RiskModel m(s);
  PathEvaluator pe(m);
  pe.draw(1, 0);
  const int last = m.base().horizon.size() - 1;
  sum = pe.evaluate().c(line, last);
  g_news = 0;
  g_counting = true;
  for (std::uint64_t p = 1; p <= paths; ++p) {
    pe.draw(7, p);
    sum += pe.evaluate().c(line, last);
  }
  g_counting = false;
  return g_news.load();
}
}  // namespace

TEST_CASE("a Monte Carlo path allocates nothing once its evaluator exists") {
  using namespace begroting;
  Cents sum = 0;
  CHECK(news_over_paths(load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-risico.yaml")), 1000,
                        Line::eigen_vermogen, sum) == 0);
  CHECK(sum != 0);
  // the counter works: a vector allocates
  g_news = 0;
  g_counting = true;
  std::vector<int> v(10);
  g_counting = false;
  CHECK(g_news.load() == 1);
}

TEST_CASE("a Monte Carlo path with a schools file allocates nothing either") {
  // The TOP rule per school (8.1.2-8.1.5) reads the schools file as a dense table made by
  // compile(); without detail records it keeps only the sums per year.
  using namespace begroting;
  const Scenario s = load_scenario_text(
      "extends: zuid-kennemerland-2024-scholen.yaml\n"
      "onzekerheden:\n"
      "  krimp_bo: {parameter: leerlingen.bo.groei, verdeling: normaal, gemiddelde: -0.007, sd: 0.003, trekking: per_jaar}\n"
      "  bedrag: {parameter: regulier_onderwijs.ondersteuningsbedrag_per_leerling, verdeling: uniform, min: 350, max: 450}\n",
      testutil::source("scenarios/test-scholen-risico.yaml"));
  Cents sum = 0;
  CHECK(news_over_paths(s, 200, Line::ondersteuningsbedrag_bruto, sum) == 0);
  CHECK(sum > 0);
}
