// Views of `begroting run --view NAME` (plan 8.1): the waterbed, the IKC volumebekostiging, the
// vangnet and the schools. Line-based views show a selection of the result's lines in the same
// three formats as the full budget; they compute nothing new.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <stdexcept>

#include "begroting/reports.hpp"
#include "views_detail.hpp"
#include "json_value.hpp"

namespace begroting {

namespace {
using K = LayoutRow::Kind;
using L = Line;

struct View {
  std::string title;
  std::vector<LayoutRow> rows;
};

const View* line_view(std::string_view name) {
  static const View waterbed = [] {
    View v{"Waterbed (par. 8.1.1): waar de rijksbijdrage heen gaat", {}};
    auto ln = [&](Line l, int ind, bool emph = false) { v.rows.push_back({K::Line, "", l, ind, emph}); };
    auto sec = [&](std::string t, int ind) { v.rows.push_back({K::Section, std::move(t), {}, ind, true}); };
    ln(L::waterbed_rijksbijdragen, 0, true);
    sec("Gespecialiseerd onderwijs (inhouding DUO, 1-2 t-1)", 1);
    for (auto l : {L::waterbed_inhouding_sbo, L::waterbed_inhouding_so_cat1, L::waterbed_inhouding_so_cat2,
                   L::waterbed_inhouding_so_cat3, L::waterbed_aanvulling_ikc, L::waterbed_overig_gespecialiseerd})
      ln(l, 2);
    ln(L::waterbed_eigen_kosten, 1);
    ln(L::waterbed_ruimte_regulier, 0, true);
    sec("Besteding van de ruimte", 1);
    for (auto l : {L::waterbed_regulier, L::waterbed_af_overige_baten, L::waterbed_naar_eigen_vermogen}) ln(l, 2);
    v.rows.push_back({K::Blank, "", {}, 0, false});
    sec("Leerlingen op de teldatum 1 februari t-1", 0);
    for (auto l : {L::leerlingen_bo, L::leerlingen_sbo, L::leerlingen_so_cat1, L::leerlingen_so_cat2, L::leerlingen_so_cat3,
                   L::leerlingen_ikc})
      ln(l, 1);
    return v;
  }();
  static const View ikc = [] {
    View v{"IKC volumebekostiging en bandbreedte (par. 8.1.6)", {}};
    auto ln = [&](Line l, int ind, bool emph = false) { v.rows.push_back({K::Line, "", l, ind, emph}); };
    for (auto l : {L::leerlingen_ikc, L::ikc_tarief, L::ikc_volumebekostiging}) ln(l, 0);
    ln(L::ikc_aanvulling_teldatum, 0);
    ln(L::ikc_leerlingen_later, 1);
    ln(L::ikc_afwijking, 1);
    ln(L::ikc_verrekening, 1);
    ln(L::ikc_aanvulling, 0, true);
    ln(L::leerlingen_ikc_ander_swv, 0);
    ln(L::ikc_ander_swv, 0);
    return v;
  }();
  static const View vangnet = [] {
    View v{"Vangnetbepaling SO cluster 3 (par. 8.1.7)", {}};
    auto ln = [&](Line l, int ind, bool emph = false) { v.rows.push_back({K::Line, "", l, ind, emph}); };
    ln(L::vangnet_claims, 0);
    ln(L::vangnet_ruimte, 0);
    ln(L::vangnet_overschrijding, 0, true);
    return v;
  }();
  if (name == "waterbed") return &waterbed;
  if (name == "vangnet") return &vangnet;
  if (name == "ikc") return &ikc;
  return nullptr;
}

std::string table(const Scenario& s, const Result& r, const View& v, const std::string& note) {
  std::string out = layout_table(provenance_heading(s) + v.title + " (bedragen in euro's)", r, v.rows);
  if (!note.empty()) out += "\n" + note;
  return out;
}

}  // namespace

const std::vector<std::string>& view_names() {
  static const std::vector<std::string> v{"begroting", "waterbed", "ikc", "vangnet", "scholen"};
  return v;
}

std::string render_view(const Scenario& s, const Result& r, const std::string& view, const std::string& format) {
  if (view == "begroting" || view.empty())
    return format == "json" ? render_json(s, r) : format == "csv" ? render_csv(s, r) : render_table(s, r);
  if (view == "scholen") return render_scholen(s, r, format);
  const View* v = line_view(view);
  if (!v) throw std::invalid_argument("onbekende weergave " + view);
  std::vector<Line> lines;
  for (const auto& row : v->rows)
    if (row.kind == K::Line) lines.push_back(row.line);
  if (format == "json") {
    nlohmann::ordered_json j;
    j["scenario"] = s.name;
    j["files"] = s.files;
    j["herkomst"] = herkomst_json(s);
    j["view"] = view;
    auto years = nlohmann::json::array();
    for (int y = r.horizon.first; y <= r.horizon.last; ++y) years.push_back(y);
    j["years"] = years;
    nlohmann::ordered_json ls = nlohmann::ordered_json::object(), units = nlohmann::ordered_json::object();
    for (Line l : lines) {
      auto arr = nlohmann::json::array();
      for (int i = 0; i < r.n(); ++i) arr.push_back(value_json(r, l, i));
      ls[std::string(def(l).id)] = arr;
      units[std::string(def(l).id)] = std::string(unit_name(def(l).unit));
    }
    j["lines"] = ls;
    j["units"] = units;
    if (view == "waterbed") j["identiteit"] = "delen = rijksbijdragen, op de cent gecontroleerd";
    extend_view_json(view, r, j);
    return j.dump(2) + "\n";
  }
  if (format == "csv") {
    std::string out = "id";
    for (int y = r.horizon.first; y <= r.horizon.last; ++y) out += "," + std::to_string(y);
    out += "\n" + csv_provenance_rows(s, CsvDialect{});
    for (Line l : lines) {
      out += def(l).id;
      for (int i = 0; i < r.n(); ++i) {
        out += ",";
        if (is_money(l)) out += cents_plain(r.c(l, i));
        else out += csv_real(r.r(l, i), def(l).unit);  // counts at 2 decimals, no float noise
      }
      out += "\n";
    }
    return out;
  }
  std::string note;
  if (view == "waterbed")
    note = "Controle: inhoudingen + aanvulling IKC + overige arrangementen + eigen kosten + reguliere scholen\n"
           "- overige baten + resultaat = rijksbijdragen, op de cent (elke run).\n";
  note += extend_view_table(view, r);
  return table(s, r, *v, note);
}

}  // namespace begroting
