// The pupil-flow model (flows.hpp; DOMAIN 1: funding follows the teldatum 1 February t-1;
// DOMAIN 4: "unplanned growth of SO/SBO placements" is the SWV's main risk).
//
// Calibration to the plan's growth (scenarios/zuid-kennemerland-2024-stromen.yaml), derived
// analytically. Targets: bo_t = bo_0 g_b^t, sbo_t = sbo_0 g_s^t, so_k,t = so_k,0 g_c^t with
// g_b = 0.993, g_s = 1.02, g_c = 1.04 (hfst 12). Choose the exits (uitstroom u, terugplaatsing
// b); then each state's equation has one unknown:
//   sbo:  sbo_{t+1} = r_s(t) bo_t + (1 - u_s - b_s) sbo_t = g_s sbo_t
//         => r_s(t) = (sbo_t / bo_t) (g_s - 1 + u_s + b_s) = (sbo_0/bo_0)(g_s - 1 + u_s + b_s)(g_s/g_b)^t
//   so_k: r_k(t) = (so_k,0 / bo_0)(g_c - 1 + u_c + b_c)(g_c/g_b)^t
//   bo:   bo_{t+1} = bo_t (1 - u_b - r_s - sum r_k) + b_s sbo_t + b_c so_t + I_t = g_b bo_t; with
//         r_s bo_t = sbo_t (g_s - 1 + u_s + b_s) (and so for SO) the b terms cancel:
//         => I_t = bo_t (g_b - 1 + u_b) + sbo_t (g_s - 1 + u_s) + so_t (g_c - 1 + u_c)
//         (instroom = what every state needs to grow plus what leaves it: conservation).
// With u_b = 0.125 (groep 8: one of eight year groups leaves), u_s = 0.20, u_c = 0.15,
// b_s = 0.02, b_c = 0.01 and 585 / 21,747: r_s(0) = 0.0269 x 0.24 = 0.0064561;
// I_0 = 21,747 x 0.118 + 585 x 0.22 + 183 x 0.19 = 2,566.15 + 128.70 + 34.77 = 2,729.6.
// Referral rates rise 2.72% a year (g_s/g_b = 1.0272) and 4.73% for SO: the plan's growth of
// SBO and SO against falling bo means a rising share of pupils referred.
#include <Eigen/Core>
#include <cmath>
#include <limits>
#include <string>

#include "begroting/flows.hpp"

namespace begroting {

const std::vector<ParamSpec>& flow_schema() {
  // the registry's entries of section stromen, in Flow order (registry.cpp declares them so)
  static const std::vector<ParamSpec> s = [] {
    std::vector<ParamSpec> v;
    for (const auto& p : Registry::builtin().entries())
      if (p.section == "stromen") v.push_back(p);
    return v;
  }();
  return s;
}

const ParamSpec* find_flow_spec(std::string_view path) {
  const ParamSpec* p = Registry::builtin().find(path);
  return p && p->section == "stromen" ? p : nullptr;
}

void project_flows(const FlowInput& f, const std::array<const double*, kFlowStates>& given, int n,
                   const std::array<double*, kFlowStates>& out) {
  using Mat = Eigen::Matrix<double, kFlowStates, kFlowStates>;
  using Vec = Eigen::Matrix<double, kFlowStates, 1>;
  enum { BO, SBO, SO1, SO2, SO3, BUITEN };
  Vec x;
  for (int s = 0; s < kFlowStates; ++s) x(s) = given[static_cast<size_t>(s)] ? given[static_cast<size_t>(s)][0] : 0.0;
  if (std::isnan(x(BUITEN))) x(BUITEN) = 0.0;
  for (int s = 0; s < kFlowStates; ++s) out[static_cast<size_t>(s)][0] = x(s);
  for (int i = 1; i < n; ++i) {
    const auto k = static_cast<size_t>(i);
    auto r = [&](Flow fl) { return f.rate[static_cast<size_t>(fl)][k]; };
    const double ub = r(Flow::uitstroom_groep_8), us = r(Flow::uitstroom_sbo), uc = r(Flow::uitstroom_so);
    const double rs = r(Flow::verwijzing_sbo), r1 = r(Flow::verwijzing_so_cat1), r2 = r(Flow::verwijzing_so_cat2),
                 r3 = r(Flow::verwijzing_so_cat3), bs = r(Flow::terugplaatsing_sbo), bc = r(Flow::terugplaatsing_so);
    Mat M = Mat::Zero();  // column = from, row = to; every column sums to 1
    M(BO, BO) = 1.0 - ub - rs - r1 - r2 - r3;
    M(SBO, BO) = rs;
    M(SO1, BO) = r1;
    M(SO2, BO) = r2;
    M(SO3, BO) = r3;
    M(BUITEN, BO) = ub;
    M(BO, SBO) = bs;
    M(SBO, SBO) = 1.0 - us - bs;
    M(BUITEN, SBO) = us;
    for (int so : {SO1, SO2, SO3}) {
      M(BO, so) = bc;
      M(so, so) = 1.0 - uc - bc;
      M(BUITEN, so) = uc;
    }
    M(BUITEN, BUITEN) = 1.0;
    Vec b = Vec::Zero();
    b(BO) = r(Flow::instroom_4_jarigen);
    x = M * x + b;
    for (int s = 0; s < kFlowStates; ++s) {
      const double* g = given[static_cast<size_t>(s)];
      if (g && s != BUITEN && !std::isnan(g[i])) x(s) = g[i];  // a given count wins
      out[static_cast<size_t>(s)][i] = x(s);
    }
  }
}

}  // namespace begroting
