// The layout of the meerjarenbegroting in chapter 12 of the plan, shared by all renderers.
#include "begroting/reports.hpp"

namespace begroting {

const std::vector<LayoutRow>& plan_layout() {
  using K = LayoutRow::Kind;
  using L = Line;
  static const std::vector<LayoutRow> rows = [] {
    std::vector<LayoutRow> v;
    auto sec = [&](std::string t, int ind) { v.push_back({K::Section, std::move(t), {}, ind, true}); };
    auto ln = [&](Line l, int ind, bool emph = false) { v.push_back({K::Line, "", l, ind, emph}); };
    auto blank = [&] { v.push_back({K::Blank, "", {}, 0, false}); };
    sec("BATEN", 0);
    sec("I Rijksbijdragen", 1);
    for (auto l : {L::lichte_ondersteuning, L::zware_ondersteuning, L::impuls_smw}) ln(l, 2);
    ln(L::rijksbijdragen_totaal, 1, true);
    sec("II Overige baten", 1);
    for (auto l : {L::subsidie_hoogbegaafdheid, L::middelen_hdt, L::ikc_ander_swv, L::rentebaten, L::overige_baten_overig}) ln(l, 2);
    ln(L::overige_baten_totaal, 1, true);
    ln(L::baten_totaal, 0, true);
    blank();
    sec("LASTEN", 0);
    sec("I Overdrachten", 1);
    sec("Regulier onderwijs", 2);
    ln(L::ondersteuningsbedrag_per_leerling, 3);
    for (auto l : {L::ondersteuningsbedrag_bao, L::tlv_op_bao, L::instroombudget, L::terugplaatsing}) ln(l, 3);
    ln(L::regulier_subtotaal, 2, true);
    sec("Speciaal basisonderwijs en SBO-plus", 2);
    for (auto l : {L::sbo_inhouding, L::ikc_aanvulling, L::gentiaan}) ln(l, 3);
    ln(L::sbo_subtotaal, 2, true);
    sec("Speciaal onderwijs", 2);
    for (auto l : {L::so_inhouding, L::so_intensieve_groepen}) ln(l, 3);
    ln(L::so_subtotaal, 2, true);
    ln(L::overdrachten_totaal, 1, true);
    sec("II Management en organisatie", 1);
    for (int l = static_cast<int>(L::personeelskosten); l < static_cast<int>(L::mo_totaal); ++l) ln(static_cast<Line>(l), 2);
    ln(L::mo_totaal, 1, true);
    sec("III Uitvoeringsorganisatie swv", 1);
    for (int l = static_cast<int>(L::projecten); l < static_cast<int>(L::uo_totaal); ++l) ln(static_cast<Line>(l), 2);
    ln(L::uo_totaal, 1, true);
    ln(L::lasten_totaal, 0, true);
    blank();
    ln(L::resultaat, 0, true);
    ln(L::eigen_vermogen, 0, true);
    ln(L::weerstandsvermogen, 1);
    ln(L::bestemmingsreserve, 1);
    ln(L::signaleringswaarde, 0);
    ln(L::boven_signaleringswaarde, 0);
    blank();
    sec("KENGETALLEN", 0);
    ln(L::rentabiliteit, 1);
    ln(L::weerstandsvermogen_pct, 1);
    ln(L::weerstandsvermogen_niveau, 1);
    return v;
  }();
  return rows;
}

}  // namespace begroting
