// begroting_bench: speed and memory of the Monte Carlo (issue 6, item "Speed"). Prints figures;
// it asserts nothing (speed targets never go in unit tests).
//
//   build/bench/begroting_bench [SCENARIO.yaml] [--threads T] [--runs R] [--max-paths N]
//
// 1. compute() alone: ns per call (the deterministic core, no findings, no allocation); draw()
//    alone (the random numbers and inverse CDFs of one path) and draw_block() per path (eight
//    paths side by side, as run_risk draws them); draw + apply + the per-path kernel
//    (only the graph nodes the draws reach, risk.cpp) per path, in wall and in CPU time of the
//    thread (the issue 15 target is CPU ns: on a shared machine the wall clock also counts the
//    time the thread waits for a core), and the kernel's steps.
// 2. run_risk at 10,000, 100,000 and 1,000,000 paths x 5 years: the median wall time of R runs,
//    ns per path, CPU time (user + sys of the process) per path, and the ratio of ns per path at
//    1,000,000 against 10,000 (flat = about 1).
// 3. Peak RSS (getrusage ru_maxrss) after each size, against the kept arrays: eigen vermogen and
//    resultaat per year and path as int64 cents, 2 x 8 x years x paths bytes. Sizes run in
//    increasing order, so peak RSS minus the kept arrays shows what else grows with paths.
// 4. `begroting risk` with its defaults in process (load, model, 10,000 paths): median of at
//    least 11. Every target of issue 15 is printed with "gehaald" / "NIET gehaald", and the load
//    average at the start and the end: on a shared machine the CPU times are the steadier figures.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "begroting/loader.hpp"
#include "begroting/risk.hpp"

using namespace begroting;
using Clock = std::chrono::steady_clock;

namespace {
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}
/// CPU time of the calling thread (the per-path figures on one thread: what the path costs, not
/// how long it waited for a core on a shared machine).
double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}
double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}
std::string loadavg() {
  std::ifstream f("/proc/loadavg");
  std::string a, b, c;
  f >> a >> b >> c;
  return a + " " + b + " " + c;
}
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
}  // namespace

int main(int argc, char** argv) {
  std::string file = std::string(BEGROTING_SOURCE_DIR) + "/scenarios/zuid-kennemerland-2024-risico.yaml";
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int runs = 5;
  std::uint64_t max_paths = 1000000;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc) threads = std::atoi(argv[++i]);
    else if (a == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
    else if (a == "--max-paths" && i + 1 < argc) max_paths = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--help" || a == "-h") {
      std::printf("begroting_bench [SCENARIO.yaml] [--threads T] [--runs R] [--max-paths N]\n");
      return 0;
    } else file = a;
  }
  const Scenario s = load_scenario(file);
  const RiskModel m(s);
  const int years = m.base().horizon.size();
  std::printf("begroting_bench: %s\n", file.c_str());
  std::printf("  %zu onzekerheden, %d jaren, %d threads (hardware: %u), %d runs per size\n", m.size(), years, threads,
              std::thread::hardware_concurrency(), runs);
  std::printf("  load average at start: %s (other processes share these cores)\n\n", loadavg().c_str());

  // 1. compute() alone
  {
    Inputs in = m.base();
    Result r;
    compute(in, r, nullptr, Findings::Skip);
    const int calls = 200000;
    std::vector<double> ns;
    volatile Cents sink = 0;
    for (int k = 0; k < runs; ++k) {
      const auto t0 = Clock::now();
      for (int c = 0; c < calls; ++c) {
        in.ev_begin = m.base().ev_begin + c;  // defeat hoisting
        compute(in, r, nullptr, Findings::Skip);
        sink = sink + r.c(Line::eigen_vermogen, years - 1);
      }
      ns.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / calls);
    }
    std::printf("compute() alone, 1 thread:             %8.0f ns per call (median of %d x %d calls)\n", median(ns), runs, calls);
    PathEvaluator pe(m);
    std::vector<double> ns_draw;
    for (int k = 0; k < runs; ++k) {
      const auto t0 = Clock::now();
      for (int c = 0; c < calls; ++c) pe.draw(1, static_cast<std::uint64_t>(c));
      ns_draw.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / calls);
    }
    std::printf("draw() alone, 1 thread:                %8.0f ns per path (median)\n", median(ns_draw));
    constexpr int B = static_cast<int>(PathEvaluator::kBlock);
    std::vector<double> ns_block;
    for (int k = 0; k < runs; ++k) {
      const auto t0 = Clock::now();
      for (int c = 0; c < calls; c += B) pe.draw_block(1, static_cast<std::uint64_t>(c), PathEvaluator::kBlock);
      ns_block.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / calls);
    }
    std::printf("draw_block() alone, 1 thread:          %8.0f ns per path (median; %d paths per block)\n", median(ns_block), B);
    // As run_risk: a block of paths drawn together, then evaluated all at once in the lanes
    // (evaluate_lanes) or, when that is off or not possible, each path on its own.
    auto per_path = [&](bool lanes, double& wall, double& cpu) {
      PathEvaluator::vector_kernel(lanes);
      std::vector<double> ns2, cpu2;
      for (int k = 0; k < runs; ++k) {
        const double c0 = thread_cpu_seconds();
        const auto t0 = Clock::now();
        for (int c = 0; c < calls; c += B) {
          pe.draw_block(1, static_cast<std::uint64_t>(c), PathEvaluator::kBlock);
          if (pe.evaluate_lanes()) {
            for (std::size_t j = 0; j < PathEvaluator::kBlock; ++j) sink = sink + pe.lane_cents(Line::eigen_vermogen, years - 1, j);
            continue;
          }
          for (std::size_t j = 0; j < PathEvaluator::kBlock; ++j) {
            pe.use(j);
            sink = sink + pe.evaluate().c(Line::eigen_vermogen, years - 1);
          }
        }
        ns2.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / calls);
        cpu2.push_back((thread_cpu_seconds() - c0) * 1e9 / calls);
      }
      PathEvaluator::vector_kernel(true);
      wall = median(ns2);
      cpu = median(cpu2);
    };
    double wall1 = 0, cpu1 = 0, wall8 = 0, cpu8 = 0;
    per_path(false, wall1, cpu1);
    std::printf("draw + apply + kernel, path by path:   %8.0f ns per path wall, %.0f CPU ns (medians)\n", wall1, cpu1);
    const bool lanes = m.lane_kernel();
    if (lanes) {
      per_path(true, wall8, cpu8);
      std::printf("idem, 8 paths at once (lanes):         %8.0f ns per path wall, %.0f CPU ns (medians; %.2fx)\n", wall8, cpu8,
                  cpu1 / cpu8);
    } else {
      std::printf("idem, 8 paths at once (lanes):         niet mogelijk (%s)\n",
                  PathEvaluator::vector_lanes() ? "een stap zonder vorm voor banen" : "geen AVX-512");
    }
    const double cpu_best = lanes ? cpu8 : cpu1;
    std::printf("  doel issue 15: hooguit 300 CPU ns per pad (streven 150) -> %s\n",
                cpu_best <= 150 ? "gehaald, ook het streven" : cpu_best <= 300 ? "gehaald" : "NIET gehaald");
    std::printf("%s\n", [&] {  // the kernel's steps, wrapped at 100 columns
      std::string out, line = "  per pad:";
      for (const auto& x : m.kernel_steps()) {
        if (line.size() + x.size() + 2 > 100) {
          out += line + "\n";
          line = "   ";
        }
        line += " " + x + ",";
      }
      line.back() = '\n';
      return out + line;
    }().c_str());
  }

  // 2 and 3. run_risk at increasing sizes
  std::printf("%12s %10s %12s %14s %14s %12s %14s\n", "paden", "median s", "ns per pad", "CPU ns per pad", "min..max s",
              "piek RSS MB", "arrays MB");
  double ns_small = 0, ns_big = 0, wall_big = 0, cpu_small = 0, cpu_big = 0, rss_big = 0, arrays_big = 0;
  {  // warm-up (not measured): first-touch page faults, the allocator's first growth, CPU frequency
    RiskOptions o;
    o.paths = 10000;
    o.threads = threads;
    if (run_risk(m, o).years.empty()) return 1;
  }
  for (std::uint64_t n : {10000ULL, 100000ULL, 1000000ULL, 10000000ULL}) {
    if (n > max_paths) break;
    std::vector<double> wall, cpu;
    for (int k = 0; k < runs; ++k) {
      RiskOptions o;
      o.paths = n;
      o.seed = 2024 + static_cast<std::uint64_t>(k);
      o.threads = threads;
      const double c0 = cpu_seconds();
      const auto t0 = Clock::now();
      const RiskResult r = run_risk(m, o);
      wall.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
      cpu.push_back(cpu_seconds() - c0);
      if (r.years.empty()) return 1;
    }
    const double med = median(wall);
    const double per = med / static_cast<double>(n) * 1e9;
    const double arrays = 2.0 * 8.0 * years * static_cast<double>(n) / (1024.0 * 1024.0);
    std::printf("%12llu %10.3f %12.0f %14.0f %7.3f..%-6.3f %12.1f %14.1f\n", static_cast<unsigned long long>(n), med, per,
                median(cpu) / static_cast<double>(n) * 1e9, *std::min_element(wall.begin(), wall.end()),
                *std::max_element(wall.begin(), wall.end()), peak_rss_mb(), arrays);
    const double cpu_per = median(cpu) / static_cast<double>(n) * 1e9;
    if (n == 10000) { ns_small = per; cpu_small = cpu_per; }
    if (n == 1000000) cpu_big = cpu_per;
    if (n == 1000000) { ns_big = per; wall_big = med; rss_big = peak_rss_mb(); arrays_big = arrays; }
  }
  if (ns_small > 0 && ns_big > 0) {
    std::printf("\nns per pad bij 1.000.000 / bij 10.000: %.2f wandklok, %.2f CPU (vlak = ongeveer 1; bij 10.000 paden\n"
                "  weegt het starten van de threads, enkele ms, mee in de wandklok)\n",
                ns_big / ns_small, cpu_big / cpu_small);
    std::printf("1.000.000 paden x %d jaar: mediaan %.3f s wall, %.3f s CPU (doel issue 15: hooguit 0,25 s\n"
                "  wandklok met 2 threads op een stille machine) -> %s\npiek-RSS %.1f MB, bewaarde arrays %.1f MB (doel: arrays + hooguit 20 MB) -> %s\n",
                years, wall_big, cpu_big * 1e-3, wall_big <= 0.25 ? "gehaald" : "NIET gehaald", rss_big, arrays_big,
                rss_big <= arrays_big + 20 ? "gehaald" : "NIET gehaald");
  }
  {  // `begroting risk` with its defaults, in process: load the scenario, build the model, 10,000 paths
    std::vector<double> wall, cpu;
    for (int k = 0; k < std::max(runs, 11); ++k) {
      const double c0 = cpu_seconds();
      const auto t0 = Clock::now();
      const Scenario sk = load_scenario(file);
      const RiskModel mk(sk);
      RiskOptions o;
      o.threads = threads;
      if (run_risk(mk, o).years.empty()) return 1;
      wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      cpu.push_back((cpu_seconds() - c0) * 1e3);
    }
    std::printf("risk met standaardinstellingen (10.000 paden, %d threads; laden, model en paden, zonder het\n"
                "  starten van het proces en de uitvoer): mediaan van %zu: %.1f ms wandklok, %.1f ms CPU\n"
                "  (doel issue 15: hooguit 30 ms wandklok voor het hele commando) -> %s\n",
                threads, wall.size(), median(wall), median(cpu), median(wall) <= 30 ? "gehaald" : "NIET gehaald");
  }
  std::printf("load average at end: %s\n", loadavg().c_str());
  return 0;
}
