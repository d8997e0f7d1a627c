// Section `stromen:` of a scenario: the pupil-flow model instead of growth rates (engine:
// flows.hpp, flow.cpp). Every key is a series over the transition years (the teldatum a flow
// moves into: F .. L-1, as `groei`): one number for all years, a list, or a map {year: value}
// (an extends child may change single years). When the section is present every key is
// required. Example: scenarios/zuid-kennemerland-2024-stromen.yaml.
#include <charconv>
#include <cmath>
#include <sstream>

#include "begroting/flows.hpp"
#include "begroting/loader.hpp"
#include "number.hpp"
#include "sections.hpp"

namespace begroting::detail {

namespace {



std::string keys() {
  std::string out;
  for (const auto& s : flow_schema()) out += (out.empty() ? "" : ", ") + s.path.substr(8);
  return out;
}

double number(const Tree& t, const ParamSpec& spec) {
  if (t.kind != Tree::Kind::Scalar) fail(t.loc, spec.path + " verwacht een getal (" + std::string(unit_name(spec.unit)) + ")");
  std::string s = t.scalar;
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  double v = 0;
  if (!parse_number(s, v)) {
    if (!s.empty() && s.back() == '%') fail(t.loc, "'" + shown_value(s) + "' is geen getal; schrijf een fractie (0.02 voor 2%) bij " + spec.path);
    fail(t.loc, "'" + shown_value(s) + "' is geen getal; verwacht " + std::string(unit_name(spec.unit)) + " bij " + spec.path);
  }
  if (v < spec.min || v > spec.max) {
    std::string hint;
    if (spec.unit == Unit::Fractie && v > 1 && v <= 100) hint = "; lijkt een percentage: schrijf " + fmt_num(v / 100.0);
    fail(t.loc, spec.path + " = " + s + " valt buiten " + fmt_num(spec.min) + " tot " + fmt_num(spec.max) + " (" +
                    std::string(unit_name(spec.unit)) + ")" + hint);
  }
  return v;
}

}  // namespace

void read_stromen(const Tree& section, Scenario& sc, const Horizon& final) {
  if (section.kind == Tree::Kind::Null) return;
  if (section.kind != Tree::Kind::Map)
    fail(section.loc, "stromen verwacht sleutels als instroom_4_jarigen:, verwijzing_sbo: ...; verwacht: " + keys());
  const YearRange r = years_for(Shape::TeldatumGrowth, sc.horizon);
  for (size_t i = 0; i < section.map.size(); ++i) {
    const auto& [key, t] = section.map[i];
    const ParamSpec* spec = find_flow_spec("stromen." + key);
    if (!spec) {
      std::vector<std::string> names;
      for (const auto& s : flow_schema()) names.push_back(s.path.substr(8));
      const std::string best = did_you_mean(key, names);
      fail(section.key_locs[i], "onbekende sleutel '" + shown_value(key) + "' onder stromen" +
                                    (!best.empty() ? "; bedoelt u '" + best + "'?" : "; verwacht een van: " + keys()));
    }
    auto& pv = sc.stromen[spec->path];
    auto put = [&](int y, const Tree& e) {
      pv.by_year[y] = number(e, *spec);
      pv.provenance[y] = Provenance::from_file(e.loc);
    };
    const std::string years = std::to_string(r.first) + "-" + std::to_string(r.last);
    if (r.first > r.last && t.kind != Tree::Kind::Scalar && t.kind != Tree::Kind::Null)
      fail(t.loc, spec->path + ": een horizon van een jaar heeft geen overgangen tussen teldata; laat deze waarden weg, "
                               "geef een enkele waarde of verleng jaren.tot_en_met");
    if (t.kind == Tree::Kind::Scalar || t.kind == Tree::Kind::Null) {
      pv = {};
      const YearRange all = every_year(Shape::TeldatumGrowth, sc.horizon, final);
      for (int y = all.first; y <= all.last; ++y) put(y, t);
    } else if (t.kind == Tree::Kind::Seq) {
      if (static_cast<int>(t.seq.size()) != r.last - r.first + 1)
        fail(t.loc, spec->path + " heeft " + std::to_string(t.seq.size()) + " waarden; verwacht er " +
                        std::to_string(r.last - r.first + 1) + ", voor de overgangen naar teldatum " + years);
      pv = {};
      for (int y = r.first; y <= r.last; ++y) put(y, t.seq[static_cast<size_t>(y - r.first)]);
    } else {
      for (size_t j = 0; j < t.map.size(); ++j) {
        const auto& [yk, e] = t.map[j];
        int y = 0;
        auto [p, ec] = std::from_chars(yk.data(), yk.data() + yk.size(), y);
        if (ec != std::errc() || p != yk.data() + yk.size() || y < r.first || y > r.last)
          fail(t.key_locs[j], spec->path + ": '" + shown_value(yk) + "' is geen jaar van " + years + "; verwacht een teldatumjaar als sleutel");
        put(y, e);
      }
    }
  }
}

void finish_stromen(Scenario& sc, const Loc& section) {
  if (sc.stromen.empty()) return;
  const YearRange r = years_for(Shape::TeldatumGrowth, sc.horizon);
  // a parent with a longer horizon: its rates for teldata beyond this one do not apply
  for (auto& [path, pv] : sc.stromen) keep_years(pv, r);
  // where to point at: the first value the scenario gives in the horizon, else the section
  Loc at = section;
  for (const auto& [path, pv] : sc.stromen)
    if (!pv.provenance.empty() && pv.provenance.begin()->second.kind == Provenance::Kind::File) {
      at = pv.provenance.begin()->second;  // its SourceLoc
      break;
    }
  for (const auto& spec : flow_schema())
    if (!sc.stromen.count(spec.path))
      fail(at, "stromen mist " + spec.path.substr(8) + " (" + spec.description + "); met een sectie stromen: zijn alle stromen nodig: " + keys());
  if (r.first > r.last) return;  // a one-year horizon: no transition between teldata to model
  for (const auto& spec : flow_schema()) {
    const auto it = sc.stromen.find(spec.path);
    for (int y = r.first; y <= r.last; ++y)
      if (it == sc.stromen.end() || !it->second.by_year.count(y))
        fail(at, "stromen mist " + spec.path.substr(8) + (it == sc.stromen.end() ? "" : " voor " + std::to_string(y)) +
                     " (" + spec.description + "); met een sectie stromen: zijn alle stromen nodig: " + keys());
  }
  // Outflows of a state cannot exceed its pupils.
  auto v = [&](const char* k, int y) { return sc.stromen.at(std::string("stromen.") + k).by_year.at(y); };
  for (int y = r.first; y <= r.last; ++y) {
    const double bo = v("uitstroom_groep_8", y) + v("verwijzing_sbo", y) + v("verwijzing_so_cat1", y) +
                      v("verwijzing_so_cat2", y) + v("verwijzing_so_cat3", y);
    const double sbo = v("uitstroom_sbo", y) + v("terugplaatsing_sbo", y);
    const double so = v("uitstroom_so", y) + v("terugplaatsing_so", y);
    const std::string ys = std::to_string(y);
    if (bo > 1) fail(at, "stromen " + ys + ": uitstroom en verwijzingen uit het bo samen " + fmt_num(bo) + "; verwacht hooguit 1 (alle leerlingen)");
    if (sbo > 1) fail(at, "stromen " + ys + ": uitstroom_sbo + terugplaatsing_sbo = " + fmt_num(sbo) + "; verwacht hooguit 1");
    if (so > 1) fail(at, "stromen " + ys + ": uitstroom_so + terugplaatsing_so = " + fmt_num(so) + "; verwacht hooguit 1");
  }
}

}  // namespace begroting::detail
