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
  // Together these are every child of totaal lasten exactly once (hfst 12): regulier, SBO and SO
  // subtotals split into their DUO inhoudingen and the rest, plus M&O and uitvoeringsorganisatie.
  static const std::vector<WaterbedPart> v{
      {"Regulier onderwijs", {Line::regulier_subtotaal}},
      {"Inhouding DUO SBO", {Line::sbo_inhouding}},
      {"Aanvulling IKC", {Line::ikc_aanvulling}},
      {"Inhouding DUO SO", {Line::so_inhouding}},
      {"Gentiaan en intensieve groepen SO3", {Line::gentiaan, Line::so_intensieve_groepen}},
      {"Management en organisatie", {Line::mo_totaal}},
      {"Uitvoeringsorganisatie", {Line::uo_totaal}},
  };
  return v;
}

std::vector<std::string> signals_in(const Result& r, int year) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    if (f.year == year) {
      switch (f.kind) {
        case Finding::Kind::BovenSignaleringswaarde: out.emplace_back("mogelijk bovenmatig"); break;
        case Finding::Kind::OnderWeerstandsvermogen: out.emplace_back("onder niveau weerstandsvermogen"); break;
        case Finding::Kind::NegatiefEigenVermogen: out.emplace_back("negatief eigen vermogen"); break;
        case Finding::Kind::Other: out.push_back(f.message); break;
      }
    }
  return out;
}

}  // namespace begroting

namespace begroting {
std::string rentabiliteit_signal(double rentabiliteit) {
  return rentabiliteit < 0 ? "rentabiliteit onder doel 0%" : "";
}
}  // namespace begroting
