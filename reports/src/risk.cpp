// Risk and sensitivity as a terminal table (Dutch notation, within 100 columns) and as JSON.
// Neither shows the thread count or timing: the same seed gives byte-identical output.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "begroting/reports.hpp"
#include "begroting/risk_reports.hpp"
#include "begroting/weerstandsratio.hpp"
#include "json_value.hpp"

namespace begroting {

namespace {
const char* kPctNames[] = {"P5", "P25", "P50 (mediaan)", "P75", "P95"};
const char* kPctKeys[] = {"P5", "P25", "P50", "P75", "P95"};

/// The rows of the risk table (year_table: widths from the widest figure).
struct RiskRows {
  const RiskResult& r;
  std::vector<YearRow> rows;
  void text(const std::string& t) { rows.push_back({t, {}}); }
  void row(const std::string& label, auto cell) {
    std::vector<std::string> cells;
    for (const auto& y : r.years) cells.push_back(cell(y));
    rows.push_back({"  " + label, std::move(cells)});
  }
  [[nodiscard]] std::string render() const {
    std::vector<int> years;
    for (const auto& y : r.years) years.push_back(y.year);
    return "\n" + year_table("Bedragen in euro's", years, rows, true);
  }
};

double eur(Cents c) { return cents_to_euros(c); }

/// The heading of the risk and sensitivity tables (issue 12.2): the title (a variant says so),
/// the file chain and every --set, wrapped at 99 columns.
std::string heading(const std::string& what, const std::string& name, const Scenario* s) {
  if (!s) return wrap_text(what + name, 99, "  ");
  std::string out = wrap_text(what + scenario_title(*s), 99, "  ") + wrap_text("Scenariobestanden: " + chain_text(*s), 99, "  ");
  if (is_variant(*s)) out += wrap_text("Overschreven met --set: " + overrides_text(*s), 99, "  ");
  return out;
}
}  // namespace

std::string render_risk_table(const RiskResult& r, const Scenario* s) {
  std::string out;
  out += heading("Risicoanalyse: ", r.scenario, s);
  out += format_number(static_cast<double>(r.paths), 0) + " paden, seed " + std::to_string(r.seed) + "\n";
  std::string names;
  for (const auto& n : r.uncertainties) names += (names.empty() ? "" : ", ") + n;
  out += wrap_text("Onzekerheden (" + std::to_string(r.uncertainties.size()) + "): " + (names.empty() ? "geen" : names), 99, "  ");
  RiskRows t{r, {}};
  t.text("Resultaat");
  t.row("plan (scenario zonder onzekerheid)", [](const RiskYear& y) { return format_euro(y.resultaat_plan); });
  for (size_t q = 0; q < 5; ++q)
    t.row(kPctNames[q], [q](const RiskYear& y) { return format_euro(y.resultaat_q[q]); });
  t.row("gemiddelde", [](const RiskYear& y) { return format_number(y.resultaat_mean, 0); });
  t.row("standaardafwijking", [](const RiskYear& y) { return format_number(y.resultaat_sd, 0); });
  t.text("Eigen vermogen 31-12");
  t.row("plan (scenario zonder onzekerheid)", [](const RiskYear& y) { return format_euro(y.ev_plan); });
  for (size_t q = 0; q < 5; ++q) t.row(kPctNames[q], [q](const RiskYear& y) { return format_euro(y.ev_q[q]); });
  t.row("gemiddelde", [](const RiskYear& y) { return format_number(y.ev_mean, 0); });
  t.row("standaardafwijking", [](const RiskYear& y) { return format_number(y.ev_sd, 0); });
  t.text("Risico: kans dat het eigen vermogen 31-12 ligt");
  t.row("onder nul", [](const RiskYear& y) { return format_percent(y.p_onder_nul, 1); });
  t.row("onder het niveau weerstandsvermogen", [](const RiskYear& y) { return format_percent(y.p_onder_weerstandsvermogen, 1); });
  t.text("Benodigd weerstandsvermogen (risico)");
  const char* cert[] = {"bij 80% zekerheid", "bij 90% zekerheid", "bij 95% zekerheid"};
  for (size_t c = 0; c < 3; ++c) t.row(cert[c], [c](const RiskYear& y) { return format_euro(y.benodigd[c]); });
  t.row("beschikbaar weerstandsvermogen (plan)", [](const RiskYear& y) { return format_euro(y.wv_plan); });
  t.row("niveau weerstandsvermogen (scenario)", [](const RiskYear& y) { return format_euro(y.wv_niveau_plan); });
  t.text("Weerstandsratio: beschikbaar / benodigd");
  for (size_t c = 0; c < 3; ++c)
    t.row(cert[c], [c](const RiskYear& y) {
      const Weerstandsratio w = weerstandsratio(y.wv_plan, y.benodigd[c]);
      return (std::isfinite(w.ratio) ? format_number(w.ratio, 2) : std::string("-")) + " " + std::string(1, w.klasse);
    });
  // Worded as md and pdf word it (issue 12.3): boven de signaleringswaarde is the Inspectie's
  // question (mogelijk bovenmatig); the chance of no longer being above it is no risk.
  t.text("Geen risico: kans dat het eigen vermogen 31-12 niet meer boven de signaleringswaarde ligt");
  t.text("(boven de signaleringswaarde is het mogelijk bovenmatig: een vraag van de Inspectie)");
  t.row("niet meer mogelijk bovenmatig", [](const RiskYear& y) { return format_percent(y.p_onder_signaleringswaarde, 1); });
  t.row("signaleringswaarde (plan)", [](const RiskYear& y) { return format_euro(y.signaleringswaarde_plan); });
  out += t.render();
  out += wrap_text("Benodigd weerstandsvermogen bij zekerheid c: het c-kwantiel van het tekort (eigen vermogen plan - eigen "
              "vermogen pad) op 31-12 van dat jaar, niet onder 0: de buffer die met kans c het verschil met de begroting "
              "tot en met dat jaar opvangt. Percentielen: type 7 (als PERCENTIEL.INC in Excel). Weerstandsratio: "
              "beschikbaar weerstandsvermogen (de algemene reserve van het plan) / benodigd, met de schaal van gemeenten: "
              "A vanaf 2,0 uitstekend; B 1,4-2,0 ruim voldoende; C 1,0-1,4 voldoende; D 0,8-1,0 matig; E 0,6-0,8 "
              "onvoldoende; F onder 0,6 ruim onvoldoende ('-': niets nodig).",
              99, "");
  return out;
}

std::string render_risk_json(const RiskResult& r, const Scenario* s) {
  nlohmann::ordered_json j;
  j["scenario"] = r.scenario;
  if (s) j["herkomst"] = herkomst_json(*s);
  j["paths"] = r.paths;
  j["seed"] = r.seed;
  j["uncertainties"] = r.uncertainties;
  auto years = nlohmann::json::array();
  for (const auto& y : r.years) years.push_back(y.year);
  j["years"] = years;
  auto series = [&](auto f) {
    auto a = nlohmann::json::array();
    for (const auto& y : r.years) a.push_back(f(y));
    return a;
  };
  nlohmann::ordered_json res, ev, kans, ben;
  res["plan"] = series([](const RiskYear& y) { return eur(y.resultaat_plan); });
  ev["plan"] = series([](const RiskYear& y) { return eur(y.ev_plan); });
  for (size_t q = 0; q < 5; ++q) {
    res[kPctKeys[q]] = series([q](const RiskYear& y) { return eur(y.resultaat_q[q]); });
    ev[kPctKeys[q]] = series([q](const RiskYear& y) { return eur(y.ev_q[q]); });
  }
  res["gemiddelde"] = series([](const RiskYear& y) { return y.resultaat_mean; });
  res["sd"] = series([](const RiskYear& y) { return y.resultaat_sd; });
  ev["gemiddelde"] = series([](const RiskYear& y) { return y.ev_mean; });
  ev["sd"] = series([](const RiskYear& y) { return y.ev_sd; });
  kans["onder_signaleringswaarde"] = series([](const RiskYear& y) { return y.p_onder_signaleringswaarde; });
  kans["onder_weerstandsvermogen"] = series([](const RiskYear& y) { return y.p_onder_weerstandsvermogen; });
  kans["onder_nul"] = series([](const RiskYear& y) { return y.p_onder_nul; });
  const char* ck[] = {"80", "90", "95"};
  for (size_t c = 0; c < 3; ++c) ben[ck[c]] = series([c](const RiskYear& y) { return eur(y.benodigd[c]); });
  j["resultaat"] = res;
  j["eigen_vermogen"] = ev;
  j["kans"] = kans;
  // Which chance is a risk (issue 12.3): below zero and below the niveau are risks; no longer
  // above the signaleringswaarde is none (above it the Inspectie may ask: mogelijk bovenmatig).
  j["kans_aard"] = {{"onder_signaleringswaarde", "geen risico: niet meer mogelijk bovenmatig (boven de signaleringswaarde: vraag van de Inspectie)"},
                    {"onder_weerstandsvermogen", "risico"},
                    {"onder_nul", "risico"}};
  j["benodigd_weerstandsvermogen"] = ben;
  j["niveau_weerstandsvermogen"] = series([](const RiskYear& y) { return eur(y.wv_niveau_plan); });
  j["signaleringswaarde"] = series([](const RiskYear& y) { return eur(y.signaleringswaarde_plan); });
  j["beschikbaar_weerstandsvermogen"] = series([](const RiskYear& y) { return eur(y.wv_plan); });
  nlohmann::ordered_json ratio;
  for (size_t c = 0; c < 3; ++c)
    ratio[ck[c]] = series([c](const RiskYear& y) {
      const Weerstandsratio w = weerstandsratio(y.wv_plan, y.benodigd[c]);
      return nlohmann::json{{"ratio", std::isfinite(w.ratio) ? nlohmann::json(w.ratio) : nlohmann::json(nullptr)},
                                    {"klasse", std::string(1, w.klasse)},
                                    {"oordeel", std::string(w.oordeel)}};
    });
  j["weerstandsratio"] = ratio;
  return j.dump(2) + "\n";
}

namespace {
std::string x_text(double x) {
  // the drawn number: fractions and amounts alike, up to 4 decimals, Dutch notation
  const double ax = std::fabs(x);
  return format_number(x, ax != 0 && ax < 1 ? 4 : ax < 100 ? 2 : 0);
}
std::string signed_euro(Cents c) { return (c > 0 ? "+" : "") + format_euro(c); }
}  // namespace

namespace {
const Uncertainty* find_uncertainty(const Scenario* sc, const std::string& name) {
  if (!sc) return nullptr;
  for (const auto& u : sc->onzekerheden)
    if (u.name == name) return &u;
  return nullptr;
}

/// The values a drawn x actually became (issue 12.1), as the engine reports them
/// (SensitivityRow::used_low/used_high, read back from the inputs the path computed with): with
/// 'toepassing: waarde' x plus the shift of a --set or child scenario, clamped and rounded as the
/// engine does. Verschil and factor show x itself (they work on the scenario's value per year).
std::pair<double, double> used(const Uncertainty& u, double x, const std::pair<double, double>& engine_used) {
  if (u.apply != Uncertainty::Apply::Waarde || std::isnan(engine_used.first)) return {x, x};
  return engine_used;
}

/// An onzekerheid's value in its unit as the run used it: "2,7%"; "0,7% tot 2,7%" when the
/// shift differs per parameter or year.
std::string applied_text(const Uncertainty& u, double x, const std::pair<double, double>& engine_used) {
  const auto [lo, hi] = used(u, x, engine_used);
  const std::string a = uncertainty_value_text(u, lo), b = uncertainty_value_text(u, hi);
  return a == b ? a : a + " tot " + b;
}

std::string low_text(const Uncertainty* u, const SensitivityRow& r) {
  return r.event ? "niet" : u ? applied_text(*u, r.x_low, r.used_low) : x_text(r.x_low);
}
std::string high_text(const Uncertainty* u, const SensitivityRow& r) {
  return (r.event ? "wel " : "") + (u ? applied_text(*u, r.x_high, r.used_high) : x_text(r.x_high));
}
}  // namespace

std::string uncertainty_label(const Uncertainty& u) {
  if (!u.omschrijving.empty()) return u.omschrijving;
  if (!u.params.empty())
    if (const ParamSpec* p = find_spec(u.params.front())) {
      std::string d = p->description;
      if (const auto k = d.find(" ("); k != std::string::npos) d.resize(k);  // drop "(0,02 = 2%)"
      return u.params.size() > 1 ? d + " (en " + std::to_string(u.params.size() - 1) + " meer)" : d;
    }
  return u.name;
}

std::string uncertainty_value_text(const Uncertainty& u, double x) {
  if (u.apply == Uncertainty::Apply::Factor) return "x " + format_number(x, 2);
  const ParamSpec* p = u.params.empty() ? nullptr : find_spec(u.params.front());
  const Unit unit = p ? p->unit : Unit::Leerlingen;
  const bool diff = u.apply == Uncertainty::Apply::Verschil;
  const std::string sign = diff && x > 0 ? "+" : "";
  switch (unit) {
    case Unit::Fractie:
      return diff ? sign + format_number(x * 100.0, 1) + "%-punt" : format_percent(x, 1);
    case Unit::Euro: return sign + "€ " + format_euro(static_cast<Cents>(std::llround(x * 100)));
    case Unit::EuroPerLeerling: return sign + "€ " + format_euro_cents(static_cast<Cents>(std::llround(x * 100))) + " per leerling";
    case Unit::Leerlingen: return sign + format_number(x, 1) + " leerlingen";
    case Unit::Leerlingjaren: return sign + format_number(x, 2) + " leerlingjaren";
    case Unit::Jaar: return format_number(x, 0);
    case Unit::Weken: return sign + format_number(x, 1) + " weken";
  }
  return x_text(x);
}

std::string render_sensitivity_table(const SensitivityResult& s, const Scenario* sc) {
  std::string out = heading("Gevoeligheid (tornado): ", s.scenario, sc);
  out += "Effect op het eigen vermogen 31-12-" + std::to_string(s.horizon_year) + " (plan: " + format_euro(s.ev_plan) +
         "), grootste eerst\n\n";
  constexpr size_t kName = 30, kX = 11, kE = 12;
  out += pad_right("onzekerheid", kName) + pad_left("laag", kX) + pad_left("hoog", kX) + pad_left("effect laag", kE + 1) +
         pad_left("effect hoog", kE + 1) + pad_left("bandbreedte", kE + 1) + "\n";
  out += std::string(kName + 2 * kX + 3 * (kE + 1), '-') + "\n";
  for (const auto& r : s.rows) {
    // The description on its own line when it does not fit: never cut with "~" (issue 14.5).
    const Uncertainty* u = find_uncertainty(sc, r.name);
    const std::string name = u ? uncertainty_label(*u) : r.name;
    const std::string lo = low_text(u, r), hi = high_text(u, r);
    const std::string nums = pad_left(signed_euro(r.effect_low), kE + 1) + pad_left(signed_euro(r.effect_high), kE + 1) +
                             pad_left(format_euro(r.range()), kE + 1);
    if (name.size() > kName - 1 || lo.size() > kX - 1 || hi.size() > kX - 1) {
      out += name + "\n" + pad_right("", kName) + "  laag " + lo + ", hoog " + hi + "\n" + pad_right("", kName + 2 * kX) + nums + "\n";
    } else {
      out += pad_right(name, kName) + pad_left(lo, kX) + pad_left(hi, kX) + nums + "\n";
    }
  }
  out += "\n";
  out += wrap_text("Laag/hoog: een verdeling op haar P5 en P95 (in alle jaren tegelijk); een gebeurtenis niet, of wel in "
              "haar eerste mogelijke jaar met de mediaan van haar impact (blijvend: ook in alle latere jaren). "
              "Steeds een onzekerheid tegelijk; de andere op de waarde van het scenario. Bij 'toepassing: waarde' "
              "staat de gebruikte waarde: de getrokken waarde plus de verschuiving door een --set of kindscenario "
              "('a tot b' als die per parameter of jaar verschilt).",
              99, "");
  return out;
}

std::string render_sensitivity_json(const SensitivityResult& s, const Scenario* sc) {
  nlohmann::ordered_json j;
  j["scenario"] = s.scenario;
  if (sc) j["herkomst"] = herkomst_json(*sc);
  j["horizon"] = s.horizon_year;
  j["eigen_vermogen_plan"] = eur(s.ev_plan);
  auto rows = nlohmann::ordered_json::array();
  for (const auto& r : s.rows) {
    nlohmann::ordered_json o;
    o["naam"] = r.name;
    o["gebeurtenis"] = r.event;
    o["laag"] = r.event ? nlohmann::json(nullptr) : nlohmann::json(r.x_low);
    o["hoog"] = r.x_high;
    // The values used (issue 12.1): toepassing waarde adds the shift of a --set or child
    // scenario; [kleinste, grootste] over the parameters and years it moves.
    if (const Uncertainty* u = find_uncertainty(sc, r.name)) {
      if (r.event) o["laag_toegepast"] = nullptr;
      else {
        const auto [a, b] = used(*u, r.x_low, r.used_low);
        o["laag_toegepast"] = {a, b};
      }
      const auto [a, b] = used(*u, r.x_high, r.used_high);
      o["hoog_toegepast"] = {a, b};
    }
    o["eigen_vermogen_laag"] = eur(r.ev_low);
    o["eigen_vermogen_hoog"] = eur(r.ev_high);
    o["effect_laag"] = eur(r.effect_low);
    o["effect_hoog"] = eur(r.effect_high);
    o["bron"] = r.bron;
    rows.push_back(o);
  }
  j["rows"] = rows;
  return j.dump(2) + "\n";
}

RiskView risk_view(const RiskResult& r, const SensitivityResult& s, const Scenario* sc) {
  RiskView v;
  v.paths = r.paths;
  v.seed = r.seed;
  for (const auto& y : r.years) {
    RiskView::Year x;
    x.year = y.year;
    x.plan = y.ev_plan;
    x.beschikbaar = y.wv_plan;
    x.niveau = y.wv_niveau_plan;
    x.signaleringswaarde = y.signaleringswaarde_plan;
    for (size_t c = 0; c < 3; ++c) x.benodigd[c] = y.benodigd[c];
    x.p_onder_nul = y.p_onder_nul;
    x.p_onder_niveau = y.p_onder_weerstandsvermogen;
    x.p_onder_signaleringswaarde = y.p_onder_signaleringswaarde;
    v.years.push_back(x);
  }
  for (size_t q = 0; q < kRiskPercentiles.size(); ++q) {
    RiskView::Percentile p;
    p.p = kRiskPercentiles[q];
    for (const auto& y : r.years) p.values.push_back(y.ev_q[q]);
    v.eigen_vermogen.push_back(std::move(p));
  }
  for (const auto& row : s.rows) {
    const Uncertainty* u = find_uncertainty(sc, row.name);
    RiskView::Bar b{u ? uncertainty_label(*u) : row.name, row.ev_low, row.ev_high, "", "", row.name};
    b.low_text = low_text(u, row);  // the values used (issue 12.1), as the sensitivity table
    b.high_text = high_text(u, row);
    v.tornado.push_back(std::move(b));
  }
  v.tornado_base = s.ev_plan;
  return v;
}

}  // namespace begroting
