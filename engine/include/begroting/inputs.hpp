// Engine inputs: the Scenario compiled into dense, typed arrays (money in cents).
// Built once per scenario; repeated evaluation (solve, risk) changes values in place,
// so a run allocates nothing once its Result buffers exist.
#pragma once
#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

#include "begroting/flows.hpp"
#include "begroting/graph.hpp"
#include "begroting/lines.hpp"
#include "begroting/money.hpp"
#include "begroting/scenario.hpp"

namespace begroting {

enum class Pop : int { bo, sbo, so_cat1, so_cat2, so_cat3, ikc, ikc_ander_swv, COUNT };
inline constexpr int kPopCount = static_cast<int>(Pop::COUNT);
std::string_view pop_key(Pop p);  ///< "bo", "sbo", ... (scenario key under leerlingen.)

/// Pupils on teldatum 1 February of years F-1 .. L-1 (index i = teldatum F-1+i).
struct PopulationInput {
  std::vector<double> given;   ///< explicit count, NaN where the scenario gives none (index 0 always given)
  std::vector<double> growth;  ///< growth into teldatum F-1+i (index 0 unused)
};

/// An optional amount the scenario does not give (regulier_onderwijs.afdracht_verwijzingen_dws).
inline constexpr Cents kNietGegeven = INT64_MIN;

struct Inputs {
  Horizon horizon;
  std::array<PopulationInput, kPopCount> pop;
  // tarieven per begrotingsjaar (index i = year F+i)
  std::vector<Cents> t_lichte, t_zware, t_sbo, t_so1, t_so2, t_so3;
  std::vector<double> ikc_share_sbo, ikc_share_so1;
  std::vector<Cents> kal_zware;
  std::vector<Cents> ob_per_leerling;
  std::vector<Cents> afdracht;  ///< explicit afdracht verwijzingen en DWS; kNietGegeven: the driver (8.1.2)
  std::vector<Cents> kal_afdracht;
  std::vector<double> top_uitstroom, top_dws_plaatsen;  ///< 8.1.2 afdracht driver
  double top_plaatsing_jaren = 1;                      ///< years a school pays per placement
  std::vector<Cents> korting_pp;  ///< OCW korting per bo+sbo pupil, only down to the signaleringswaarde (hfst 12)
  std::vector<double> instroom_lj, terug_lj;
  std::vector<Cents> bedrag_instroom;
  Cents personeel_first = 0;
  std::vector<double> personeel_groei;  ///< index i: growth into year F+i (index 0 unused)
  std::array<std::vector<Cents>, kLineCount> amounts;  ///< per Amount line; empty for others
  Cents ev_begin = 0;
  std::vector<Cents> wv_niveau, mva;
  int bestemmingsreserve_last = 0;
  std::vector<double> signal_pct;
  std::vector<Cents> signal_min;
  // paragraph 8.1 rules (index i = year F+i)
  std::vector<double> ikc_band, ikc_later;  ///< bandbreedte; later IKC count (NaN: not given)
  std::vector<Cents> top_tlv_sbo, top_dws_prijs, top_tlv_bao;  ///< per school rules (8.1.2-8.1.4); NaN params -> 0
  /// Opmaat klas SO Molenduin (8.1.8): divisor of the weekbedrag and, without a schools file,
  /// the pupil-weeks per SO category (index i = year F+i)
  std::vector<double> opmaat_weken_per_jaar, opmaat_lw1, opmaat_lw2, opmaat_lw3;
  double vangnet_fractie = 0;               ///< fraction of a year paid per net pupil (8.1.7)
  Verdeling verdeling;                      ///< copied from the Scenario
  ScholenTabel scholen_tabel;               ///< verdeling.scholen as dense numbers (empty without a schools file)
  FlowInput flows;  ///< pupil-flow model (section stromen:); inactive: growth rates
  /// Parameters a model file declares (registry.hpp, ParamSpec::extra), in parameter units.
  std::vector<std::vector<double>> extra;
  /// The registry compile() walked; bind (bind.hpp) resolves paths through it.
  std::shared_ptr<const Registry> registry;
  /// The evaluation graph of the scenario's model (graph.hpp); compile() builds it.
  std::shared_ptr<const Graph> graph;
  /// Registry entry (index in registry->entries()) of each formula parameter slot
  /// (Graph::slots) and of each amount line a model declares (GraphNode::amount). compute()
  /// reads their values through the registry, so --set, solve and risk move them too.
  std::vector<int> slot_entry, amount_entry;
};

/// Compile a complete Scenario (as the loader leaves it) into Inputs: every entry of the
/// scenario's registry is written through its `input` accessor (registry.hpp): series of
/// horizon.size() values from series_origin(); money rounded to cents exactly (the loader
/// allows at most two decimals), a money value "not given" (NaN) as 0; Teldatum: NaN where the
/// scenario gives no count; growth slots without a year key 0. Entries of section stromen only
/// with a stromen section (then flows.active). Throws std::invalid_argument naming the
/// parameter when something is missing.
Inputs compile(const Scenario& s);

/// The model part of compile(): build the graph of the scenario's model (Scenario::model, the
/// built-in one when null) and fill Inputs::graph, model_values and model_amounts. Throws
/// ModelError for a model error (unknown name, cycle, unit mismatch).
void compile_model(const Scenario& s, Inputs& in);

}  // namespace begroting
