// The pieces every report's first page shares: provenance (issue 12.2: the scenario chain, the
// --set overrides, "variant"), the summary sentences (issue 14.1) and the weerstandsratio texts
// (issue 14.2). They read the Scenario, the Result and the risk figures; they compute no new
// figure of the budget (the crossings are comparisons of two lines the engine computed).
#include <cmath>

#include "begroting/reports.hpp"
#include "begroting/weerstandsratio.hpp"

namespace begroting {

std::string chain_text(const Scenario& s) {
  if (s.files.empty()) return "(geen bestand)";
  std::string o = s.files.front();
  for (size_t k = 1; k < s.files.size(); ++k) o += (k == 1 ? " (breidt uit: " : ", dat uitbreidt: ") + s.files[k];
  if (s.files.size() > 1) o += ")";
  return o;
}

std::string overrides_text(const Scenario& s) {
  if (s.overrides.empty()) return "geen";
  std::string o;
  for (const auto& x : s.overrides) o += (o.empty() ? "" : "; ") + x;
  return o;
}

std::string scenario_title(const Scenario& s) {
  if (!is_variant(s)) return s.name;
  return "VARIANT van " + s.name + " (--set " + overrides_text(s) + ")";
}

std::vector<std::pair<std::string, std::string>> provenance_rows(const Scenario& s) {
  return {{"Scenario", s.name},
          {"Scenariobestanden", chain_text(s)},
          {"Overschreven met --set", overrides_text(s)},
          {"Soort run", is_variant(s) ? "variant: niet het scenario zelf, waarden overschreven met --set"
                                      : "het scenario zoals het in de bestanden staat"}};
}

std::string year_or_never(const std::optional<int>& y) { return y ? std::to_string(*y) : "nooit"; }

namespace {
std::optional<int> first_year(const Result& r, auto pred) {
  for (int i = 0; i < r.n(); ++i)
    if (pred(i)) return r.horizon.first + i;
  return std::nullopt;
}
std::string eur(Cents c) { return "€ " + format_euro(c); }
}  // namespace

Summary summarize(const Result& r) {
  Summary s;
  const int n = r.n();
  if (n == 0) return s;
  auto ev = [&](int i) { return r.c(Line::eigen_vermogen, i); };
  auto sw = [&](int i) { return r.c(Line::signaleringswaarde, i); };
  auto niv = [&](int i) { return r.c(Line::weerstandsvermogen_niveau, i); };
  s.eerste_onder_niveau = first_year(r, [&](int i) { return ev(i) < niv(i); });
  s.eerste_onder_nul = first_year(r, [&](int i) { return ev(i) < 0; });
  s.eerste_niet_bovenmatig = first_year(r, [&](int i) { return ev(i) <= sw(i); });
  const int f = r.horizon.first, l = r.horizon.last;

  // 1. Where the eigen vermogen goes.
  const Cents a = ev(0), b = ev(n - 1);
  const std::string richting = b < a ? "daalt" : b > a ? "stijgt" : "blijft gelijk";
  s.zinnen.push_back("Het eigen vermogen " + richting + " van " + eur(a) + " eind " + std::to_string(f) + " naar " + eur(b) +
                     " eind " + std::to_string(l) + ".");
  // 2. The signaleringswaarde: an Inspectie question, not a risk.
  const bool boven_eerst = ev(0) > sw(0);
  if (!s.eerste_niet_bovenmatig)
    s.zinnen.push_back("In elk jaar ligt het boven de signaleringswaarde van de Inspectie: mogelijk bovenmatig, een vraag "
                       "die de Inspectie kan stellen (geen risico).");
  else if (boven_eerst)
    s.zinnen.push_back("Tot en met " + std::to_string(*s.eerste_niet_bovenmatig - 1) +
                       " ligt het boven de signaleringswaarde van de Inspectie (mogelijk bovenmatig, een vraag van de "
                       "Inspectie); vanaf " + std::to_string(*s.eerste_niet_bovenmatig) + " niet meer.");
  else
    s.zinnen.push_back("Het eigen vermogen ligt in " + std::to_string(f) +
                       " niet boven de signaleringswaarde van de Inspectie: niet mogelijk bovenmatig.");
  // 3. The risks: below the niveau weerstandsvermogen, below zero.
  if (s.eerste_onder_nul)
    s.zinnen.push_back("Risico: vanaf " + std::to_string(*s.eerste_onder_niveau) +
                       " ligt het onder het niveau van het weerstandsvermogen en in " + std::to_string(*s.eerste_onder_nul) +
                       " is het negatief (" + eur(ev(*s.eerste_onder_nul - f)) + ").");
  else if (s.eerste_onder_niveau) {
    const int i = *s.eerste_onder_niveau - f;
    s.zinnen.push_back("Risico: in " + std::to_string(*s.eerste_onder_niveau) + " zakt het onder het niveau van het "
                       "weerstandsvermogen (" + eur(ev(i)) + " tegen " + eur(niv(i)) + "); het blijft wel boven nul.");
  } else {
    int k = 0;
    for (int i = 1; i < n; ++i)
      if (ev(i) - niv(i) < ev(k) - niv(k)) k = i;
    s.zinnen.push_back("Het blijft in elk jaar boven het niveau van het weerstandsvermogen; de kleinste marge is " +
                       eur(ev(k) - niv(k)) + " in " + std::to_string(f + k) + ".");
  }
  // 4. The resultaat.
  int tekort = 0, grootste = 0;
  for (int i = 0; i < n; ++i) {
    if (r.c(Line::resultaat, i) < 0) ++tekort;
    if (r.c(Line::resultaat, i) < r.c(Line::resultaat, grootste)) grootste = i;
  }
  if (tekort == 0)
    s.zinnen.push_back("De begroting sluit in elk jaar zonder tekort.");
  else
    s.zinnen.push_back("De begroting sluit in " + std::to_string(tekort) + " van de " + std::to_string(n) +
                       " jaren met een tekort; het grootste tekort is " + eur(-r.c(Line::resultaat, grootste)) + " in " +
                       std::to_string(f + grootste) + ".");
  return s;
}

std::string ratio_text(const RiskView::Year& y, size_t zekerheid) {
  const Cents nodig = y.benodigd[zekerheid];
  const Weerstandsratio w = weerstandsratio(y.beschikbaar, nodig);
  const std::string getal = std::isfinite(w.ratio) ? format_number(w.ratio, 2) : "geen buffer nodig";
  return getal + " (" + std::string(1, w.klasse) + ", " + std::string(w.oordeel) + ")";
}

std::string ratio_verdict(const RiskView& v) {
  if (v.years.empty()) return "";
  const int c = RiskView::kCertainties[v.zekerheid];
  // The weakest year decides: the lowest ratio (its class is then the worst too; the first such
  // year on a tie). A year that needs no buffer (no finite ratio) is never the weakest.
  size_t k = 0;
  double lowest = HUGE_VAL;
  for (size_t i = 0; i < v.years.size(); ++i) {
    const auto w = weerstandsratio(v.years[i].beschikbaar, v.years[i].benodigd[v.zekerheid]);
    const double ratio = std::isfinite(w.ratio) ? w.ratio : HUGE_VAL;
    if (ratio < lowest) { lowest = ratio; k = i; }
  }
  const auto& y = v.years[k];
  const char worst = weerstandsratio(y.beschikbaar, y.benodigd[v.zekerheid]).klasse;
  std::string o = "Weerstandsratio bij " + std::to_string(c) + "% zekerheid (beschikbaar weerstandsvermogen / benodigd): ";
  if (worst <= 'C')
    o += "in elk jaar minstens 1,0; het zwakste jaar is " + std::to_string(y.year) + " met " + ratio_text(y, v.zekerheid) +
         ". Het weerstandsvermogen vangt de risico's met " + std::to_string(c) + "% zekerheid op.";
  else
    o += "in " + std::to_string(y.year) + " " + ratio_text(y, v.zekerheid) + ": het beschikbare weerstandsvermogen (" +
         eur(y.beschikbaar) + ") is kleiner dan de " + eur(y.benodigd[v.zekerheid]) + " die met " + std::to_string(c) +
         "% zekerheid nodig is.";
  return o;
}

TextTable summary_table(const Result& r) {
  TextTable t;
  for (int i = 0; i < r.n(); ++i) t.years.push_back(r.horizon.first + i);
  auto money = [&](const char* key, const std::string& label, Line l) {
    TextTable::Row row{label, {}, key};
    for (int i = 0; i < r.n(); ++i) row.cells.push_back(format_euro(r.c(l, i)));
    t.rows.push_back(std::move(row));
  };
  money("eigen_vermogen", "Eigen vermogen op 31-12", Line::eigen_vermogen);
  money("signaleringswaarde", "Signaleringswaarde Inspectie (boven: mogelijk bovenmatig)", Line::signaleringswaarde);
  money("niveau", "Niveau weerstandsvermogen (onder: risico)", Line::weerstandsvermogen_niveau);
  money("resultaat", "Resultaat (baten - lasten)", Line::resultaat);
  TextTable::Row sig{"Signalen van de rekenkern", {}, "signalen"};
  for (int y : t.years) {
    std::string c;
    for (const auto& x : signals_in(r, y)) c += (c.empty() ? "" : "; ") + x;
    sig.cells.push_back(c.empty() ? "geen" : c);
  }
  t.rows.push_back(std::move(sig));
  return t;
}

TextTable risk_answer_table(const RiskView& v) {
  TextTable t;
  for (const auto& y : v.years) t.years.push_back(y.year);
  auto row = [&](const char* key, const std::string& label, auto cell) {
    TextTable::Row r{label, {}, key};
    for (const auto& y : v.years) r.cells.push_back(cell(y));
    t.rows.push_back(std::move(r));
  };
  row("plan", "Eigen vermogen 31-12 volgens plan", [](const RiskView::Year& y) { return format_euro(y.plan); });
  row("beschikbaar", "Beschikbaar weerstandsvermogen (plan)", [](const RiskView::Year& y) { return format_euro(y.beschikbaar); });
  for (size_t c = 0; c < 3; ++c)
    row(c == 0 ? "benodigd_80" : c == 1 ? "benodigd_90" : "benodigd_95",
        "Benodigd weerstandsvermogen bij " + std::to_string(RiskView::kCertainties[c]) + "% zekerheid",
        [c](const RiskView::Year& y) { return format_euro(y.benodigd[c]); });
  row("ratio", "Weerstandsratio bij " + std::to_string(RiskView::kCertainties[v.zekerheid]) + "% zekerheid",
      [&](const RiskView::Year& y) { return ratio_text(y, v.zekerheid); });
  row("kans_nul", "Risico: kans eigen vermogen onder nul", [](const RiskView::Year& y) { return format_percent(y.p_onder_nul, 1); });
  row("kans_niveau", "Risico: kans onder niveau weerstandsvermogen",
      [](const RiskView::Year& y) { return format_percent(y.p_onder_niveau, 1); });
  row("kans_signaleringswaarde", "Geen risico: kans niet meer boven de signaleringswaarde (niet meer mogelijk bovenmatig)",
      [](const RiskView::Year& y) { return format_percent(y.p_onder_signaleringswaarde, 1); });
  return t;
}

std::vector<std::string> risk_notes(const RiskView& v) {
  return {
      "Monte Carlo over de onzekerheden van het scenario: " + format_number(static_cast<double>(v.paths), 0) + " paden, seed " +
          std::to_string(v.seed) + " (zelfde seed: zelfde getallen).",
      "Benodigd weerstandsvermogen bij zekerheid c: de buffer die met kans c het verschil tussen het eigen vermogen van het "
      "plan en dat van een pad tot en met dat jaar opvangt.",
      "Weerstandsratio: beschikbaar weerstandsvermogen (de algemene reserve van het plan op 31-12) gedeeld door het benodigde "
      "bij " + std::to_string(RiskView::kCertainties[v.zekerheid]) +
          "% zekerheid, met de schaal van gemeenten: A vanaf 2,0 uitstekend; B 1,4-2,0 ruim voldoende; C 1,0-1,4 voldoende; "
          "D 0,8-1,0 matig; E 0,6-0,8 onvoldoende; F onder 0,6 ruim onvoldoende.",
      "Onder nul en onder het niveau van het weerstandsvermogen zijn risico's. Niet meer boven de signaleringswaarde liggen is "
      "geen risico: het eigen vermogen is dan niet meer mogelijk bovenmatig (een vraag van de Inspectie).",
  };
}

}  // namespace begroting
