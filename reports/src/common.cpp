// Pieces every multi-scenario report shares: which lines a comparison shows, how the waterbed
// splits the lasten, and the signals of a year. They select and label; they compute nothing.
#include "begroting/reports.hpp"

namespace begroting {

const std::vector<Line>& comparison_lines() {
  static const std::vector<Line> v{Line::baten_totaal, Line::lasten_totaal, Line::resultaat, Line::eigen_vermogen,
                                   Line::weerstandsvermogen_niveau, Line::signaleringswaarde};
  return v;
}

const std::vector<WaterbedPart>& waterbed_parts() {
  // The engine's waterbed lines (rules/waterbed.cpp, plan 8.1.1), with the swv's own costs
  // shown as M&O and uitvoeringsorganisatie: together exactly totaal lasten (hfst 12).
  static const std::vector<WaterbedPart> v{
      {"Inhouding DUO SBO", {Line::waterbed_inhouding_sbo}},
      {"Inhouding DUO SO", {Line::waterbed_inhouding_so_cat1, Line::waterbed_inhouding_so_cat2, Line::waterbed_inhouding_so_cat3}},
      {"Aanvulling IKC", {Line::waterbed_aanvulling_ikc}},
      {"Gentiaan en intensieve groepen SO3", {Line::waterbed_overig_gespecialiseerd}},
      {"Reguliere scholen", {Line::waterbed_regulier}},
      {"Management en organisatie", {Line::mo_totaal}},
      {"Uitvoeringsorganisatie", {Line::uo_totaal}},
  };
  return v;
}

std::vector<std::string> signals_in(const Result& r, int year) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    if (f.year == year) {
      if (f.kind == Finding::Kind::Other) out.push_back(f.message);  // a check: its own message
      else out.emplace_back(finding_label(f.kind));
    }
  return out;
}

}  // namespace begroting
