// Pupil-flow model (DOMAIN 1 and 4; plan 8.1.1 "het waterbed", 8.1.5 terugplaatsing): instead of
// a growth rate per population, a scenario may give the yearly flows between the states
//   bo (regular primary), SBO/IKC, SO categorie I, II, III, and buiten (outside the SWV's schools)
// in a section `stromen:` (loader/src/stromen.cpp). Flows are per transition year: the value for
// year y moves the counts from teldatum 1-2-(y-1) to teldatum 1-2-y (as Shape::TeldatumGrowth).
//
//   bo'   = bo (1 - uitstroom_groep_8 - verwijzing_sbo - sum verwijzing_so_k)
//           + terugplaatsing_sbo sbo + terugplaatsing_so sum so_k + instroom_4_jarigen
//   sbo'  = verwijzing_sbo bo + (1 - uitstroom_sbo - terugplaatsing_sbo) sbo
//   so_k' = verwijzing_so_k bo + (1 - uitstroom_so - terugplaatsing_so) so_k
//   buiten' = buiten + uitstroom_groep_8 bo + uitstroom_sbo sbo + uitstroom_so sum so_k
// i.e. x' = M x + b with M column-stochastic over the six states (pupils are conserved:
// the sum of all states grows by exactly the instroom) and b = instroom into bo. `buiten`
// counts the pupils who left since the first teldatum. A count the scenario gives for a later
// teldatum wins over the projection (as in growth mode). IKC follows the SBO/IKC state:
// ikc(t) = ikc(first) x sbo(t) / sbo(first); IKC pupils from other SWVs keep their own groei.
#pragma once
#include <array>
#include <string_view>
#include <vector>

#include "begroting/scenario.hpp"

namespace begroting {

enum class Flow : int {
  instroom_4_jarigen, uitstroom_groep_8, uitstroom_sbo, uitstroom_so, verwijzing_sbo, verwijzing_so_cat1,
  verwijzing_so_cat2, verwijzing_so_cat3, terugplaatsing_sbo, terugplaatsing_so, COUNT
};
inline constexpr int kFlowCount = static_cast<int>(Flow::COUNT);

/// The parameter spec of each flow ("stromen.<key>", Shape::TeldatumGrowth), in Flow order.
const std::vector<ParamSpec>& flow_schema();
/// The spec of "stromen.<key>", or nullptr.
const ParamSpec* find_flow_spec(std::string_view path);

enum class FlowState : int { bo, sbo, so_cat1, so_cat2, so_cat3, buiten, COUNT };
inline constexpr int kFlowStates = static_cast<int>(FlowState::COUNT);

struct FlowInput {
  bool active = false;  ///< false: the scenario projects with growth rates
  /// rate[f][i]: flow f in the transition into teldatum F-1+i (index 0 unused), as the growth
  /// series of PopulationInput.
  std::array<std::vector<double>, kFlowCount> rate;
};

/// Project the states over teldata F-1 .. L-1 (n values each): x0 = the counts at teldatum F-1,
/// given[s][i] (NaN: not given) overrides a projected count. out[s] must hold n doubles.
/// Uses Eigen (6 x 6 fixed-size matrices: no allocation).
void project_flows(const FlowInput& f, const std::array<const double*, kFlowStates>& given, int n,
                   const std::array<double*, kFlowStates>& out);

}  // namespace begroting
