// The non-line parts of the 8.1 views: IKC split per bestuur (8.1.6), vangnet claims (8.1.7).
#include <fmt/format.h>

#include <cmath>
#include <algorithm>
#include <array>
#include <functional>
#include <set>
#include <tuple>

#include "begroting/reports.hpp"
#include "json_value.hpp"
#include "views_detail.hpp"

namespace begroting {

namespace {
nlohmann::json num_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }
/// A ratio in euros (per pupil) as printed: to the cent.
double euros_printed(double v) { return std::round(v * 100.0) / 100.0; }

std::string findings_text(const Result& r, Finding::Kind kind) {
  std::string out;
  for (const auto& f : r.findings)
    if (f.kind == kind) out += wrap_text("  " + std::to_string(f.year) + ": " + f.message, 99, "        ");  // within 100 columns
  return out.empty() ? "" : "\nSIGNALEN\n" + out;
}
}  // namespace

void extend_view_json(const std::string& view, const Result& r, nlohmann::ordered_json& j) {
  if (view == "ikc") {
    auto jaren = nlohmann::ordered_json::array();
    for (const auto& y : r.verdeling.ikc) {
      nlohmann::ordered_json e;
      e["jaar"] = y.jaar;
      e["bekostigde_leerlingen"] = y.bekostigd;
      e["leerlingen_later"] = num_or_null(y.later);
      e["later_volgens_prognose"] = y.geprojecteerd;
      e["afwijking"] = num_or_null(y.afwijking);
      e["binnen_bandbreedte"] = y.binnen_band;
      e["verrekening"] = cents_to_euros(y.verrekening);
      nlohmann::ordered_json b = nlohmann::ordered_json::object();
      for (const auto& [naam, c] : y.per_bestuur) b[naam] = cents_to_euros(c);
      e["per_bestuur"] = b;
      jaren.push_back(e);
    }
    j["ikc_per_jaar"] = jaren;
  }
  if (view == "vangnet") {
    auto claims = nlohmann::ordered_json::array();
    for (const auto& c : r.verdeling.vangnet) {
      nlohmann::ordered_json e;
      e["school"] = c.school;
      e["schooljaar"] = std::to_string(c.schooljaar_eind - 1) + "-" + std::to_string(c.schooljaar_eind);
      e["betaaljaar"] = c.betaaljaar;
      e["groei_sep_feb"] = c.groei_sep_feb;
      e["groei_feb_jun"] = c.groei_feb_jun;
      e["netto_instroom"] = {c.netto_instroom[0], c.netto_instroom[1], c.netto_instroom[2]};
      e["recht_op_vangnet"] = c.recht;
      e["bedrag"] = cents_to_euros(c.bedrag);
      e["in_horizon"] = r.horizon.contains(c.betaaljaar);
      claims.push_back(e);
    }
    j["claims"] = claims;
  }
  auto f = nlohmann::json::array();
  for (const auto& x : r.findings) {
    const bool mine = (view == "ikc" && x.kind == Finding::Kind::IkcBandbreedte) ||
                      (view == "vangnet" && x.kind == Finding::Kind::VangnetOverschrijding);
    if (mine) f.push_back({{"year", x.year}, {"message", x.message}});
  }
  if (view == "ikc" || view == "vangnet") j["findings"] = f;
}

std::string extend_view_table(const std::string& view, const Result& r) {
  std::string out;
  if (view == "ikc") {
    std::vector<std::string> besturen;
    for (const auto& y : r.verdeling.ikc)
      for (const auto& [naam, c] : y.per_bestuur)
        if (std::find(besturen.begin(), besturen.end(), naam) == besturen.end()) besturen.push_back(naam);
    if (besturen.empty()) {
      out += "Verdeling over de besturen: geen verdeelsleutel in het scenario (ikc.verdeelsleutel).\n";
    } else {
      out += "Verdeling van de aanvulling over de besturen (ikc.verdeelsleutel)\n";
      for (const auto& b : besturen) {
        std::string label = "  " + b;
        if (label.size() > 43) {  // never cut: a line of its own
          out += label + "\n";
          label = "    ";
        }
        std::string line = pad_right(label, 44);
        for (const auto& y : r.verdeling.ikc) {
          Cents c = 0;
          for (const auto& [naam, v] : y.per_bestuur)
            if (naam == b) c = v;
          line += pad_left(format_euro(c), 11);
        }
        out += line + "\n";
      }
    }
    out += "Bandbreedte: binnen de band blijft het bedrag; precies op de grens is binnen.\n";
    out += findings_text(r, Finding::Kind::IkcBandbreedte);
  }
  if (view == "vangnet") {
    if (r.verdeling.vangnet.empty()) out += "Geen vangnettellingen in het scenario (vangnet.tellingen).\n";
    else {
      out += "Tellingen per school en schooljaar (groei sep-feb, groei feb-jun, claim, betaald in)\n";
      for (const auto& c : r.verdeling.vangnet) {
        std::string label = "  " + c.school + " " + std::to_string(c.schooljaar_eind - 1) + "-" + std::to_string(c.schooljaar_eind);
        if (label.size() > 43) {  // never cut: a line of its own
          out += label + "\n";
          label = "    ";
        }
        out += pad_right(label, 44) + pad_left(format_number(c.groei_sep_feb, 0), 8) + pad_left(format_number(c.groei_feb_jun, 0), 8) +
               pad_left(c.recht ? format_euro(c.bedrag) : "geen recht", 12) + pad_left(std::to_string(c.betaaljaar), 6) +
               (r.horizon.contains(c.betaaljaar) ? "" : " (buiten de horizon)") + "\n";
      }
    }
    out += "De maximale ruimte blijft begroot; claims daarboven staan als overschrijding in de lasten.\n";
    out += findings_text(r, Finding::Kind::VangnetOverschrijding);
  }
  return out;
}

namespace {
/// The fields of one school's (or bestuur's) year i, in the order the JSON prints them: the
/// overview (append_school) and one school (--school, school_json) print the same.
std::array<std::pair<const char*, nlohmann::ordered_json>, 14> year_fields(const SchoolJaar& j, int jaar) {
  return {{{"jaar", jaar},
           {"leerlingen", count_printed(j.leerlingen)},
           {"basis", cents_to_euros(j.basis)},
           {"plaatsingen", count_printed(j.plaatsingen)},
           {"afdracht_plaatsingen", cents_to_euros(j.afdracht_plaatsingen)},
           {"afdracht_dws", cents_to_euros(j.afdracht_dws)},
           {"tlv_op_bao", cents_to_euros(j.tlv_op_bao)},
           {"tlv_op_bao_verrekend", cents_to_euros(j.tlv_verrekening)},
           {"instroom", cents_to_euros(j.instroom)},
           {"terugplaatsing", cents_to_euros(j.terugplaatsing)},
           {"opmaat_weken", count_printed(j.opmaat_weken)},
           {"opmaat", cents_to_euros(j.opmaat)},
           {"totaal", cents_to_euros(j.totaal)},
           // euros per pupil, printed to the cent (a ratio: the engine keeps it unrounded)
           {"per_leerling", j.leerlingen > 0 ? nlohmann::ordered_json(euros_printed(cents_to_euros(j.totaal) / j.leerlingen))
                                             : nlohmann::ordered_json(nullptr)}}};
}

nlohmann::ordered_json school_json(const SchoolResultaat& s, const Horizon& h) {
  nlohmann::ordered_json e;
  e["id"] = s.id;
  e["naam"] = s.naam;
  e["bestuur"] = s.bestuur;
  if (s.itk) e["itk"] = true;
  auto jaren = nlohmann::ordered_json::array();
  for (size_t i = 0; i < s.jaren.size(); ++i) {
    nlohmann::ordered_json y;
    for (auto& [key, value] : year_fields(s.jaren[i], h.first + static_cast<int>(i))) y[key] = std::move(value);
    jaren.push_back(y);
  }
  e["jaren"] = jaren;
  return e;
}

/// One school (or bestuur: without naam and bestuur) as dump(2) prints school_json(s, h) at
/// depth 2 of the document (every line after the first indented 4 more), appended to `out`
/// without building the JSON value: 43,000 schools as JSON values cost more memory and time than
/// their text. Every scalar is dumped by nlohmann::json itself, so the bytes are those of dump(2).
void append_school(std::string& out, const SchoolResultaat& s, const Horizon& h, bool bestuur) {
  auto field = [&](const char* key, const std::string& value, bool first) {
    out += first ? "{\n      \"" : ",\n      \"";
    out += key;
    out += "\": ";
    out += value;
  };
  field("id", nlohmann::json(s.id).dump(), true);
  if (!bestuur) {
    field("naam", nlohmann::json(s.naam).dump(), false);
    field("bestuur", nlohmann::json(s.bestuur).dump(), false);
  }
  if (s.itk) field("itk", "true", false);
  field("jaren", s.jaren.empty() ? "[]" : "[", false);
  for (size_t i = 0; i < s.jaren.size(); ++i) {
    out += i == 0 ? "\n        {" : ",\n        {";
    bool first = true;
    for (const auto& [key, value] : year_fields(s.jaren[i], h.first + static_cast<int>(i))) {
      out += first ? "\n          \"" : ",\n          \"";
      first = false;
      out += key;
      out += "\": ";
      out += value.dump();
    }
    out += "\n        }";
  }
  if (!s.jaren.empty()) out += "\n      ]";
  out += "\n    }";
}

nlohmann::ordered_json spread_json(const std::vector<Spreiding>& v, const Horizon& h) {
  auto a = nlohmann::ordered_json::array();
  for (size_t i = 0; i < v.size(); ++i)
    a.push_back({{"jaar", h.first + static_cast<int>(i)}, {"min", num_or_null(euros_printed(v[i].min))}, {"min_wie", v[i].min_wie},
                 {"max", num_or_null(euros_printed(v[i].max))}, {"max_wie", v[i].max_wie}, {"spreiding", num_or_null(euros_printed(v[i].spreiding))}});
  return a;
}

std::string rows(const std::vector<SchoolResultaat>& v, bool with_bestuur) {
  std::string out;
  for (const auto& s : v) {
    std::string label = with_bestuur ? s.id + " " + s.naam : s.naam;
    if (s.itk) label += " (ITK)";
    if (label.size() > 30) {  // never cut: a line of its own
      out += label + "\n";
      label = "  ";
    }
    std::string line = pad_right(label, 31) + pad_left(with_bestuur ? s.bestuur.substr(s.bestuur.size() > 9 ? s.bestuur.size() - 9 : 0) : "", 10) +
                       pad_left(s.jaren.empty() ? "" : format_number(s.jaren[0].leerlingen, 0), 7);
    for (const auto& j : s.jaren) line += pad_left(format_euro(j.totaal), 10);
    out += line + "\n";
  }
  return out;
}
}  // namespace

std::string render_school_detail(const Scenario& s, const Result& r, const std::string& id, const std::string& format) {
  const auto& v = r.verdeling.scholen;
  const auto it = std::find_if(v.begin(), v.end(), [&](const SchoolResultaat& x) { return x.id == id; });
  if (it == v.end())
    throw std::invalid_argument(s.verdeling.scholen ? "school " + id + " staat niet in het scholenbestand " + s.verdeling.scholen->bestand
                                                    : "het scenario heeft geen scholenbestand ('scholen: BESTAND'), dus geen school " + id);
  const SchoolResultaat& sc = *it;
  if (format == "json") {
    nlohmann::ordered_json j;
    j["scenario"] = s.name;
    j["files"] = s.files;
    j["herkomst"] = herkomst_json(s);
    j["view"] = "scholen";
    j["school"] = school_json(sc, r.horizon);
    return j.dump(2) + "\n";
  }
  // rows: label, csv id, and the figure per year (money in cents, or a count)
  struct Row {
    const char* label;
    const char* id;
    bool money;
    std::function<double(const SchoolJaar&)> count;
    std::function<Cents(const SchoolJaar&)> cents;
  };
  using J = const SchoolJaar&;
  const std::vector<Row> rows_{
      {"Leerlingen (1-2 vorig jaar)", "leerlingen", false, [](J j) { return j.leerlingen; }, nullptr},
      {"Basis: leerlingen x ondersteuningsbedrag", "basis", true, nullptr, [](J j) { return j.basis; }},
      {"Plaatsingen ten laste van de school", "plaatsingen", false, [](J j) { return j.plaatsingen; }, nullptr},
      {"- Afdracht plaatsingen (TLV-tarief SBO)", "afdracht_plaatsingen", true, nullptr, [](J j) { return j.afdracht_plaatsingen; }},
      {"- Afdracht DWS-plaatsen", "afdracht_dws", true, nullptr, [](J j) { return j.afdracht_dws; }},
      {"+ TLV op de bao (netto)", "tlv_op_bao", true, nullptr, [](J j) { return j.tlv_op_bao; }},
      {"  waarvan terug bij vertrek (8.1.4)", "tlv_op_bao_verrekend", true, nullptr, [](J j) { return -j.tlv_verrekening; }},
      {"+ Instroombudget", "instroom", true, nullptr, [](J j) { return j.instroom; }},
      {"+ Terugplaatsingsbudget", "terugplaatsing", true, nullptr, [](J j) { return j.terugplaatsing; }},
      {"Opmaat klas: leerlingweken", "opmaat_weken", false, [](J j) { return j.opmaat_weken; }, nullptr},
      {"- Opmaat klas SO Molenduin (8.1.8)", "opmaat", true, nullptr, [](J j) { return j.opmaat; }},
      {"Totaal budget school", "totaal", true, nullptr, [](J j) { return j.totaal; }},
  };
  if (format == "csv") {
    std::string out = "id";
    for (int y = r.horizon.first; y <= r.horizon.last; ++y) out += "," + std::to_string(y);
    out += "\n" + csv_provenance_rows(s, CsvDialect{}) + "school.id," + csv_text(sc.id) + "\nschool.naam," + csv_text(sc.naam) +
           "\nschool.bestuur," + csv_text(sc.bestuur) + "\n";
    for (const Row& row : rows_) {
      out += row.id;
      for (const auto& j : sc.jaren) out += "," + (row.money ? cents_plain(row.cents(j)) : csv_real(row.count(j), Unit::Leerlingen));
      out += "\n";
    }
    return out;
  }
  std::string out = provenance_heading(s) + "TOP-initiatief: budget van een school per jaar (par. 8.1.2-8.1.8), bedragen in euro's\n";
  out += wrap_text(sc.id + " " + sc.naam + " (" + sc.bestuur + ")" +
                       (sc.itk ? ": Internationale Taalklas, geen ondersteuningsbedrag en geen afdracht voor plaatsingen" : ""),
                   99, "  ");
  std::string head = pad_right("", 45);
  for (int y = r.horizon.first; y <= r.horizon.last; ++y) head += pad_left(std::to_string(y), 11);
  const std::string rule(head.size(), '-');
  out += head + "\n" + rule + "\n";
  for (const Row& row : rows_) {
    std::string line = pad_right(row.label, 45);
    for (const auto& j : sc.jaren) line += pad_left(row.money ? format_euro(row.cents(j)) : format_number(row.count(j), 2), 11);
    out += line + "\n";
    if (std::string(row.id) == "opmaat") out += rule + "\n";
  }
  std::string pp = pad_right("Budget per leerling", 45);
  for (const auto& j : sc.jaren) pp += pad_left(j.leerlingen > 0 ? format_number(cents_to_euros(j.totaal) / j.leerlingen, 2) : "-", 11);
  out += pp + "\n";
  out += wrap_text("Totaal = basis - afdracht plaatsingen - afdracht DWS + TLV op de bao + instroom + terugplaatsing - Opmaat klas.", 99, "  ");
  return out;
}

std::string render_scholen(const Scenario& s, const Result& r, const std::string& format) {
  const auto& vr = r.verdeling;
  const bool has = s.verdeling.scholen.has_value();
  if (format == "json") {
    nlohmann::ordered_json j;
    j["scenario"] = s.name;
    j["files"] = s.files;
    j["herkomst"] = herkomst_json(s);
    j["view"] = "scholen";
    auto years = nlohmann::json::array();
    for (int y = r.horizon.first; y <= r.horizon.last; ++y) years.push_back(y);
    j["years"] = years;
    j["scholenbestand"] = has ? nlohmann::json(s.verdeling.scholen->bestand) : nlohmann::json(nullptr);
    // The schools and besturen arrays are written as text one element at a time at placeholders
    // in the document: the whole document as one JSON value took about 6 times the size of its
    // text (43,000 schools: 780 MB). Same bytes as dump(2) of the whole document.
    j["scholen"] = "\u0001scholen";
    j["besturen"] = "\u0001besturen";
    j["per_leerling_scholen"] = spread_json(vr.spreiding_scholen, r.horizon);
    j["per_leerling_besturen"] = spread_json(vr.spreiding_besturen, r.horizon);
    auto swv = nlohmann::ordered_json::object();
    for (Line l : {Line::ondersteuningsbedrag_bruto, Line::afdracht_verwijzingen_dws, Line::ondersteuningsbedrag_bao, Line::tlv_op_bao,
                   Line::instroombudget, Line::terugplaatsing, Line::opmaat_afdracht, Line::regulier_subtotaal}) {
      auto a = nlohmann::json::array();
      for (int i = 0; i < r.n(); ++i) a.push_back(cents_to_euros(r.c(l, i)));
      swv[std::string(def(l).id)] = a;
    }
    j["swv_regels"] = swv;
    const std::string doc = j.dump(2) + "\n";
    // One output string, reserved ahead (generously: pages never written cost no memory), the
    // arrays written straight into it at the placeholders.
    std::string first;
    if (!vr.scholen.empty()) append_school(first, vr.scholen[0], r.horizon, false);
    std::string out;
    out.reserve(doc.size() + (first.size() + first.size() / 2 + 64) * (vr.scholen.size() + vr.besturen.size()));
    size_t from = 0;
    for (const auto& [key, v, bestuur] : {std::tuple{"\"\\u0001scholen\"", &vr.scholen, false}, std::tuple{"\"\\u0001besturen\"", &vr.besturen, true}}) {
      const std::string placeholder = key;
      const size_t at = doc.find(placeholder, from);
      out.append(doc, from, at - from);
      if (v->empty()) out += "[]";
      else {
        out += "[\n";
        for (size_t k = 0; k < v->size(); ++k) {
          out += "    ";
          append_school(out, (*v)[k], r.horizon, bestuur);
          out += k + 1 < v->size() ? ",\n" : "\n  ]";
        }
      }
      from = at + placeholder.size();
    }
    out.append(doc, from, std::string::npos);
    return out;
  }
  if (format == "csv") {
    std::string out = "id,naam,bestuur";
    for (int y = r.horizon.first; y <= r.horizon.last; ++y) out += "," + std::to_string(y);
    out += "\n" + csv_provenance_rows(s, CsvDialect{});
    // csv_text: quotes doubled, and a name starting with '=' '+' '-' '@' never becomes a formula
    auto q = [](const std::string& t) { return csv_text(t); };
    for (const auto* v : {&vr.scholen, &vr.besturen})
      for (const auto& x : *v) {
        out += q(v == &vr.scholen ? x.id : "bestuur:" + x.id) + "," + q(x.naam) + "," + q(x.bestuur);
        for (const auto& jj : x.jaren) out += "," + cents_plain(jj.totaal);
        out += "\n";
      }
    return out;
  }
  std::string out = provenance_heading(s) + "TOP-initiatief per school en per bestuur (par. 8.1.2-8.1.5), bedragen in euro's\n";
  if (!has) return out + "\nGeen scholenbestand in het scenario ('scholen: BESTAND.yaml'); de begroting rekent met swv-totalen.\n";
  out += "Scholenbestand: " + s.verdeling.scholen->bestand + "\n\n";
  std::string head = pad_right("School", 31) + pad_left("bestuur", 10) + pad_left("lln", 7);
  for (int y = r.horizon.first; y <= r.horizon.last; ++y) head += pad_left(std::to_string(y), 10);
  const std::string rule(head.size(), '-');
  out += head + "\n" + rule + "\n" + rows(vr.scholen, true) + rule + "\n";
  std::string sum = pad_right("Totaal scholen = subtotaal regulier", 48);
  for (int i = 0; i < r.n(); ++i) sum += pad_left(format_euro(r.c(Line::regulier_subtotaal, i)), 10);
  out += sum + "\n\nPer bestuur\n" + rule + "\n" + rows(vr.besturen, false) + rule + "\n";
  out += "\nBudget per leerling (min / max / spreiding)\n";
  for (const auto& [titel, v] : {std::pair{"scholen", &vr.spreiding_scholen}, std::pair{"besturen", &vr.spreiding_besturen}})
    for (size_t i = 0; i < v->size(); ++i) {
      const auto& sp = (*v)[i];
      out += "  " + std::to_string(r.horizon.first + static_cast<int>(i)) + " " + titel + ": min " + format_number(sp.min, 2) + " (" +
             sp.min_wie + "), max " + format_number(sp.max, 2) + " (" + sp.max_wie + "), spreiding " + format_number(sp.spreiding, 2) + "\n";
    }
  out += "\nControle: de som over de scholen is het subtotaal regulier onderwijs, op de cent (elke run).\n";
  return out;
}

}  // namespace begroting
