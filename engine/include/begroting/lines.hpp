// The lines of the meerjarenbegroting (chapter 12 of the plan) and the engine's own extra
// lines. Ids of printed lines are the dotted key paths of
// shared/reference/meerjarenbegroting-2024-2028.yaml.
#pragma once
#include <array>
#include <optional>
#include <string_view>

#include "begroting/scenario.hpp"

namespace begroting {

enum class LineKind {
  Amount,    ///< typed in the scenario as an amount per year (the plan shows no derivation)
  Computed,  ///< computed by a rule from drivers
  Subtotal,  ///< sum of the lines that name it as parent
  Memo,      ///< computed, shown, never summed (per-pupil amounts, counts, kengetallen)
  Formula,   ///< a driver formula a model file or scenario declares (formula.hpp)
};

// clang-format off
enum class Line : int {
  // baten
  lichte_ondersteuning, zware_ondersteuning, impuls_smw, rijksbijdragen_totaal,
  subsidie_hoogbegaafdheid, middelen_hdt, ikc_ander_swv, rentebaten, overige_baten_overig, overige_baten_totaal,
  baten_totaal,
  // lasten: overdrachten
  ondersteuningsbedrag_per_leerling, ondersteuningsbedrag_bruto, afdracht_verwijzingen_dws,
  plaatsingen_nieuw, plaatsingen_betaald,
  ondersteuningsbedrag_bao, tlv_op_bao, instroombudget, terugplaatsing, opmaat_afdracht, regulier_subtotaal,
  sbo_inhouding, ikc_aanvulling, gentiaan, sbo_subtotaal,
  so_inhouding, so_intensieve_groepen, opmaat_molenduin, so_subtotaal,
  overdrachten_totaal,
  // lasten: management en organisatie
  personeelskosten, reiskosten, representatie_personeel, scholing, huisvesting, ict, bureau,
  fin_administratie, accountant, vergaderkosten, externe_ondersteuning, vergoeding_opr,
  representatie_extern, mo_overig, mo_totaal,
  // lasten: uitvoeringsorganisatie
  projecten, ontwikkeling_go, garantstelling_itk, garantstelling_kopklas, vangnet_ruimte, vangnet_overschrijding,
  passend_naar_pro, onderwijs_jeugdhulp, expertisepool, organisatie_activiteiten, drukwerk,
  website, uo_overig, uo_totaal,
  lasten_totaal,
  // resultaat en reserves
  resultaat, eigen_vermogen, weerstandsvermogen, bestemmingsreserve, weerstandsvermogen_niveau,
  signaleringswaarde, boven_signaleringswaarde,
  // kengetallen
  rentabiliteit, weerstandsvermogen_pct,
  // drivers shown for the audit trail
  leerlingen_bo, leerlingen_sbo, leerlingen_so_cat1, leerlingen_so_cat2, leerlingen_so_cat3,
  leerlingen_ikc, leerlingen_ikc_ander_swv, ikc_tarief,
  // waterbed view (8.1.1): where the rijksbijdrage goes (rules/waterbed.cpp)
  waterbed_rijksbijdragen, waterbed_inhouding_sbo, waterbed_inhouding_so_cat1, waterbed_inhouding_so_cat2,
  waterbed_inhouding_so_cat3, waterbed_aanvulling_ikc, waterbed_overig_gespecialiseerd, waterbed_eigen_kosten,
  waterbed_ruimte_regulier, waterbed_regulier, waterbed_af_overige_baten, waterbed_naar_eigen_vermogen,
  // IKC volumebekostiging and bandbreedte (8.1.6; rules/ikc_bandbreedte.cpp)
  ikc_volumebekostiging, ikc_aanvulling_teldatum, ikc_leerlingen_later, ikc_afwijking, ikc_verrekening,
  // vangnetbepaling (8.1.7; rules/vangnet.cpp)
  vangnet_claims,
  // OCW korting tot de signaleringswaarde (hfst 12; rules/korting_ocw.cpp)
  ocw_korting_bruto, ocw_korting_opgelegd,
  COUNT
};
// clang-format on
inline constexpr int kLineCount = static_cast<int>(Line::COUNT);

struct LineDef {
  Line line;
  std::string_view id;     ///< dotted id (JSON, CSV, explain)
  std::string_view label;  ///< Dutch label as printed in the plan
  LineKind kind;
  Unit unit;
  std::optional<Line> parent;  ///< the subtotal this line adds into (sign: see `sign`)
  int sign;                    ///< +1 adds into parent
  std::string_view reference;  ///< plan paragraph / table row
};

const std::array<LineDef, kLineCount>& line_table();

/// What kengetallen.weerstandsvermogen_pct is, exactly as rules/kengetallen.cpp computes it (plan
/// 11.3): every format prints it next to the figure (issue 12.7).
inline constexpr const char* kWeerstandsvermogenPctDefinitie =
    "Weerstandsvermogen % = (eigen vermogen 31-12 - materiële vaste activa) / rijksbijdrage OCW (plan 11.3); "
    "als rijksbijdrage OCW telt het totaal rijksbijdragen van hfst 12 I (lichte en zware ondersteuning, impuls smw)";
/// The same in short, for a label next to the figure.
inline constexpr const char* kWeerstandsvermogenPctKort = "(eigen vermogen - mva) / rijksbijdrage OCW, plan 11.3";
inline const LineDef& def(Line l) { return line_table()[static_cast<size_t>(l)]; }
std::optional<Line> find_line(std::string_view id);
/// True for lines held in cents (unit Euro or EuroPerLeerling); others are real numbers.
inline bool is_money(Line l) { auto u = def(l).unit; return u == Unit::Euro || u == Unit::EuroPerLeerling; }

}  // namespace begroting
