#include "scenario_json.hpp"

#include "begroting/model.hpp"
#include "begroting/names.hpp"

#include <cmath>
#include <limits>
#include <memory>
#include <stdexcept>

namespace begroting {

using nlohmann::json;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

json num(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
double num_of(const json& j) { return j.is_null() ? kNaN : j.get<double>(); }

[[noreturn]] void bad(const std::string& what) {
  throw std::invalid_argument("scenario-JSON: " + what);
}
const json& need(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) bad(std::string("'") + key + "' ontbreekt");
  return j.at(key);
}

json datum_json(const Datum& d) { return json::array({d.jaar, d.maand, d.dag}); }
Datum datum_of(const json& j) {
  if (!j.is_array() || j.size() != 3) bad("een datum is [jaar, maand, dag]");
  return Datum{j[0].get<int>(), j[1].get<int>(), j[2].get<int>()};
}
json opt_datum(const std::optional<Datum>& d) { return d ? datum_json(*d) : json(nullptr); }
std::optional<Datum> opt_datum_of(const json& j) {
  if (j.is_null()) return std::nullopt;
  return datum_of(j);
}

// {year: value} maps (parameters, flows, school counts): keys as decimal strings.
json year_map(const std::map<int, double>& m) {
  json o = json::object();
  for (const auto& [y, v] : m) o[std::to_string(y)] = num(v);
  return o;
}
std::map<int, double> year_map_of(const json& j) {
  std::map<int, double> m;
  if (!j.is_object()) bad("verwacht {jaar: waarde}");
  for (const auto& [k, v] : j.items()) m[std::stoi(k)] = num_of(v);
  return m;
}

// A place in a scenario or schools file (SourceLoc, also Herkomst and Uncertainty::where).
json loc_json(const SourceLoc& l) { return json::object({{"bestand", l.file}, {"regel", l.line}, {"kolom", l.column}}); }
SourceLoc loc_of(const json& j) {
  return SourceLoc{need(j, "bestand").get<std::string>(), need(j, "regel").get<int>(), need(j, "kolom").get<int>()};
}

json provenance_json(const Provenance& p) {
  switch (p.kind) {
    case Provenance::Kind::Default: return json::object({{"soort", "standaard"}});
    case Provenance::Kind::File:
      return json::object({{"soort", "bestand"}, {"bestand", p.file}, {"regel", p.line}, {"kolom", p.column}});
    case Provenance::Kind::Set: return json::object({{"soort", "set"}, {"tekst", p.text}});
  }
  return json::object();
}
Provenance provenance_of(const json& j) {
  Provenance p;
  const std::string kind = need(j, "soort").get<std::string>();
  if (kind == "bestand") {
    p = Provenance::from_file(loc_of(j));
  } else if (kind == "set") {
    p = Provenance::from_set(need(j, "tekst").get<std::string>());
  } else if (kind != "standaard") {
    bad("onbekende herkomst '" + kind + "'");
  }
  return p;
}

json params_json(const std::map<std::string, ParamValue>& params) {
  json o = json::object();
  for (const auto& [path, pv] : params) o[path] = year_map(pv.by_year);
  return o;
}
json herkomst_json(const std::map<std::string, ParamValue>& params) {
  json o = json::object();
  for (const auto& [path, pv] : params) {
    json per = json::object();
    for (const auto& [y, p] : pv.provenance) per[std::to_string(y)] = provenance_json(p);
    o[path] = per;
  }
  return o;
}
std::map<std::string, ParamValue> params_of(const json& values, const json* herkomst) {
  std::map<std::string, ParamValue> out;
  if (!values.is_object()) bad("parameters: verwacht {pad: {jaar: waarde}}");
  for (const auto& [path, ys] : values.items()) {
    ParamValue pv;
    pv.by_year = year_map_of(ys);
    if (herkomst && herkomst->contains(path))
      for (const auto& [k, p] : herkomst->at(path).items()) pv.provenance[std::stoi(k)] = provenance_of(p);
    out.emplace(path, std::move(pv));
  }
  return out;
}

// ---- onzekerheden ----
/// An enum's word from JSON (begroting/names.hpp, the table the loader reads YAML with).
template <class E> E word_of(const json& j, const char* what) {
  const auto s = j.get<std::string>();
  if (const auto e = enum_of<E>(s)) return *e;
  bad(std::string("onbekende ") + what + " '" + s + "'");
}

json uncertainty_json(const Uncertainty& u) {
  json reference = json::object();
  for (const auto& [path, ys] : u.reference) reference[path] = year_map(ys);
  return json::object({{"naam", u.name},
                       {"parameters", u.params},
                       {"jaar", u.year},
                       {"verdeling", json::object({{"soort", name_of(u.dist.kind)}, {"a", num(u.dist.a)}, {"b", num(u.dist.b)}, {"c", num(u.dist.c)}})},
                       {"toepassing", name_of(u.apply)},
                       {"trekking", u.draw == Uncertainty::Draw::PerJaar ? "per_jaar" : "eenmalig"},
                       {"gebeurtenis", u.event},
                       {"kans", num(u.kans)},
                       {"vanaf", u.vanaf},
                       {"tot_en_met", u.tot_en_met},
                       {"blijvend", u.blijvend},
                       {"referentie", json(reference)},
                       {"bron", u.bron},
                       {"waar", loc_json(u.where)}});
}
Uncertainty uncertainty_of(const json& j) {
  Uncertainty u;
  u.name = need(j, "naam").get<std::string>();
  u.params = need(j, "parameters").get<std::vector<std::string>>();
  u.year = need(j, "jaar").get<int>();
  const json& d = need(j, "verdeling");
  u.dist.kind = word_of<Distribution::Kind>(need(d, "soort"), "verdeling");
  u.dist.a = num_of(need(d, "a"));
  u.dist.b = num_of(need(d, "b"));
  u.dist.c = num_of(need(d, "c"));
  u.apply = word_of<Uncertainty::Apply>(need(j, "toepassing"), "toepassing");
  u.draw = word_of<Uncertainty::Draw>(need(j, "trekking"), "trekking");
  u.event = need(j, "gebeurtenis").get<bool>();
  u.kans = num_of(need(j, "kans"));
  u.vanaf = need(j, "vanaf").get<int>();
  u.tot_en_met = need(j, "tot_en_met").get<int>();
  u.blijvend = need(j, "blijvend").get<bool>();
  for (const auto& [path, ys] : need(j, "referentie").items()) u.reference[path] = year_map_of(ys);
  u.bron = need(j, "bron").get<std::string>();
  u.where = loc_of(need(j, "waar"));
  return u;
}

// ---- verdeling ----
json triple(const std::array<double, 3>& a) { return json::array({num(a[0]), num(a[1]), num(a[2])}); }
std::array<double, 3> triple_of(const json& j) {
  if (!j.is_array() || j.size() != 3) bad("verwacht drie aantallen (categorie I, II, III)");
  return {num_of(j[0]), num_of(j[1]), num_of(j[2])};
}

json school_json(const School& s) {
  json pl = json::object();
  for (const auto& [y, p] : s.plaatsingen)
    pl[std::to_string(y)] = json::array({num(p.sbo_ikc), num(p.so_cat1), num(p.so_cat2), num(p.so_cat3), num(p.dws), num(p.tlv_d)});
  json st = json::array();
  for (const auto& x : s.stromen)
    st.push_back(json::object({{"soort", name_of(x.soort)},
                               {"inschrijving", datum_json(x.inschrijving)},
                               {"vertrek", opt_datum(x.vertrek)},
                               {"vorige_school", x.vorige_school},
                               {"herkomst", loc_json(x.herkomst)}}));
  json om = json::object();
  for (const auto& [y, w] : s.opmaat) om[std::to_string(y)] = triple(w);
  return json::object({{"id", s.id}, {"naam", s.naam}, {"bestuur", s.bestuur}, {"itk", s.itk}, {"leerlingen", year_map(s.leerlingen)},
                       {"plaatsingen", pl}, {"tlv_op_bao", year_map(s.tlv_op_bao)}, {"opmaat", om}, {"stromen", st},
                       {"herkomst", loc_json(s.herkomst)}});
}
School school_of(const json& j) {
  School s;
  s.id = need(j, "id").get<std::string>();
  s.naam = need(j, "naam").get<std::string>();
  s.bestuur = need(j, "bestuur").get<std::string>();
  s.itk = j.contains("itk") && j.at("itk").get<bool>();
  s.leerlingen = year_map_of(need(j, "leerlingen"));
  for (const auto& [k, v] : need(j, "plaatsingen").items()) {
    if (!v.is_array() || (v.size() != 5 && v.size() != 6)) bad("plaatsingen: verwacht [sbo_ikc, so_cat1, so_cat2, so_cat3, dws, tlv_d]");
    s.plaatsingen[std::stoi(k)] = Plaatsingen{num_of(v[0]), num_of(v[1]), num_of(v[2]), num_of(v[3]), num_of(v[4]), v.size() == 6 ? num_of(v[5]) : 0.0};
  }
  s.tlv_op_bao = year_map_of(need(j, "tlv_op_bao"));
  if (j.contains("opmaat"))  // 8.1.8; absent in JSON written before it existed
    for (const auto& [k, v] : j.at("opmaat").items()) s.opmaat[std::stoi(k)] = triple_of(v);
  for (const auto& x : need(j, "stromen")) {
    Leerlingstroom l;
    l.soort = word_of<Leerlingstroom::Soort>(need(x, "soort"), "stroom");
    l.inschrijving = datum_of(need(x, "inschrijving"));
    l.vertrek = opt_datum_of(need(x, "vertrek"));
    if (x.contains("vorige_school")) l.vorige_school = x.at("vorige_school").get<std::string>();
    l.herkomst = loc_of(need(x, "herkomst"));
    s.stromen.push_back(std::move(l));
  }
  s.herkomst = loc_of(need(j, "herkomst"));
  return s;
}

json verdeling_json(const Verdeling& v) {
  json sleutel = json::array();
  for (const auto& [b, a] : v.ikc.verdeelsleutel) sleutel.push_back(json::array({b, num(a)}));
  json vangnet = json::array();
  for (const auto& t : v.vangnet)
    vangnet.push_back(json::object({{"school", t.school}, {"schooljaar_eind", t.schooljaar_eind}, {"september", triple(t.september)},
                                    {"februari", triple(t.februari)}, {"juni", triple(t.juni)}, {"herkomst", loc_json(t.herkomst)}}));
  json scholen = nullptr;
  if (v.scholen) {
    json lijst = json::array(), bb = json::array();
    for (const auto& s : v.scholen->scholen) lijst.push_back(school_json(s));
    for (const auto& b : v.scholen->bao_bao)
      bb.push_back(json::object({{"van", b.van}, {"naar", b.naar}, {"overstap", datum_json(b.overstap)},
                                 {"verwijzing", opt_datum(b.verwijzing)}, {"herkomst", loc_json(b.herkomst)}}));
    scholen = json::object({{"bestand", v.scholen->bestand}, {"scholen", lijst}, {"bao_bao", bb}});
  }
  return json::object({{"ikc", json::object({{"verrekening", name_of(v.ikc.verrekening)}, {"verdeelsleutel", sleutel}})},
                       {"vangnet", vangnet},
                       {"scholen", scholen}});
}
Verdeling verdeling_of(const json& j) {
  Verdeling v;
  const json& ikc = need(j, "ikc");
  v.ikc.verrekening = word_of<IkcAfspraak::Verrekening>(need(ikc, "verrekening"), "verrekening");
  for (const auto& p : need(ikc, "verdeelsleutel")) v.ikc.verdeelsleutel.emplace_back(p.at(0).get<std::string>(), num_of(p.at(1)));
  for (const auto& t : need(j, "vangnet"))
    v.vangnet.push_back(VangnetTelling{need(t, "school").get<std::string>(), need(t, "schooljaar_eind").get<int>(),
                                       triple_of(need(t, "september")), triple_of(need(t, "februari")), triple_of(need(t, "juni")),
                                       loc_of(need(t, "herkomst"))});
  const json& sc = need(j, "scholen");
  if (!sc.is_null()) {
    Scholen s;
    s.bestand = need(sc, "bestand").get<std::string>();
    for (const auto& x : need(sc, "scholen")) s.scholen.push_back(school_of(x));
    for (const auto& b : need(sc, "bao_bao"))
      s.bao_bao.push_back(BaoBao{need(b, "van").get<std::string>(), need(b, "naar").get<std::string>(), datum_of(need(b, "overstap")),
                                 opt_datum_of(need(b, "verwijzing")), loc_of(need(b, "herkomst"))});
    v.scholen = std::move(s);
  }
  return v;
}

// ---- parameters a model file declares (registry.hpp: entries without an Inputs accessor) ----
json declared_json(const Scenario& s) {
  json out = json::array();
  if (!s.registry) return out;
  for (const auto& p : s.registry->entries()) {
    if (p.input) continue;  // builtin: every build knows it
    out.push_back(json::object({{"pad", p.path}, {"vorm", name_of(p.shape)}, {"eenheid", std::string(unit_name(p.unit))},
                                {"eenheid_tekst", p.unit_text}, {"min", num(p.min)}, {"max", num(p.max)}, {"min_exclusief", p.min_exclusive},
                                {"standaard", p.default_value ? num(*p.default_value) : json("verplicht")},
                                {"bron", p.reference}, {"beschrijving", p.description}, {"sectie", p.section}}));
  }
  return out;
}
std::shared_ptr<const Registry> registry_of(const json& declared) {
  if (declared.empty()) return nullptr;
  auto r = std::make_shared<Registry>(Registry::builtin());
  for (const auto& d : declared) {
    ParamSpec p{};
    p.path = need(d, "pad").get<std::string>();
    p.shape = word_of<Shape>(need(d, "vorm"), "vorm");
    p.unit = word_of<Unit>(need(d, "eenheid"), "eenheid");
    p.unit_text = need(d, "eenheid_tekst").get<std::string>();
    p.min = num_of(need(d, "min"));
    p.max = num_of(need(d, "max"));
    p.min_exclusive = need(d, "min_exclusief").get<bool>();
    const json& def = need(d, "standaard");
    if (!def.is_string()) p.default_value = num_of(def);
    p.reference = need(d, "bron").get<std::string>();
    p.description = need(d, "beschrijving").get<std::string>();
    p.section = need(d, "sectie").get<std::string>();
    r->add(std::move(p));
  }
  return r;
}

// ---- the begrotingsmodel (model.hpp): lines, sections, formulas (as text), parameters ----
json model_loc_json(const ModelLoc& l) { return json::object({{"bestand", l.file}, {"regel", l.line}, {"kolom", l.column}}); }
ModelLoc model_loc_of(const json& j) {
  return ModelLoc{need(j, "bestand").get<std::string>(), need(j, "regel").get<int>(), need(j, "kolom").get<int>()};
}
json model_json(const Model& m) {
  json lines = json::array(), sections = json::array(), params = json::array();
  for (const auto& l : m.lines)
    lines.push_back(json::object({{"id", l.id}, {"label", l.label}, {"soort", name_of(l.kind)}, {"eenheid", name_of(l.unit)},
                                  {"eenheid_tekst", l.unit_text}, {"bron", l.reference}, {"sectie", l.section},
                                  {"optellen", l.summed}, {"inspringen", l.indent}, {"nadruk", l.emphasis}, {"regel", l.rule},
                                  {"formule", l.formula ? json(l.formula->text) : json(nullptr)}, {"ingebouwd", l.builtin},
                                  {"waar", model_loc_json(l.loc)}}));
  for (const auto& s : m.sections) {
    json items = json::array();
    for (const auto& it : s.items)
      items.push_back(json::array({it.kind == SectionItem::Kind::Line ? "regel" : it.kind == SectionItem::Kind::Section ? "sectie" : "leeg",
                                   it.index}));
    sections.push_back(json::object({{"id", s.id}, {"titel", s.title}, {"ouder", s.parent}, {"totaal", s.total},
                                     {"items", items}, {"waar", model_loc_json(s.loc)}}));
  }
  for (const auto& p : m.params)
    params.push_back(json::object({{"pad", p.path}, {"eenheid_tekst", p.unit_text}, {"per_jaar", p.per_year}, {"bron", p.reference},
                                   {"omschrijving", p.description}, {"aanname", p.assumption}, {"waar", model_loc_json(p.loc)}}));
  return json::object({{"naam", m.name}, {"bestand", m.file}, {"regels", lines}, {"secties", sections}, {"parameters", params}});
}
std::shared_ptr<const Model> model_from_json(const json& j) {
  if (j.is_null()) return nullptr;
  auto m = std::make_shared<Model>();
  m->name = need(j, "naam").get<std::string>();
  m->file = need(j, "bestand").get<std::string>();
  const int lines = static_cast<int>(need(j, "regels").size());
  const int sections = static_cast<int>(need(j, "secties").size());
  auto index = [&](const json& x, int size, bool may_be_none) {
    const int i = x.get<int>();
    if (i < (may_be_none ? -1 : 0) || i >= size) bad("model: index " + std::to_string(i) + " buiten 0-" + std::to_string(size - 1));
    return i;
  };
  for (const auto& x : need(j, "regels")) {
    ModelLine l;
    l.id = need(x, "id").get<std::string>();
    l.label = need(x, "label").get<std::string>();
    l.kind = word_of<LineKind>(need(x, "soort"), "soort");
    l.unit = word_of<Unit>(need(x, "eenheid"), "eenheid");
    l.unit_text = need(x, "eenheid_tekst").get<std::string>();
    l.reference = need(x, "bron").get<std::string>();
    l.section = index(need(x, "sectie"), sections, true);
    l.summed = need(x, "optellen").get<bool>();
    l.indent = need(x, "inspringen").get<int>();
    l.emphasis = need(x, "nadruk").get<bool>();
    l.rule = need(x, "regel").get<std::string>();
    const json& f = need(x, "formule");
    if (!f.is_null()) {
      try {
        l.formula = std::make_shared<const Formula>(parse_formula(f.get<std::string>()));
      } catch (const FormulaError& e) {
        bad("formule van " + l.id + ": " + e.what());
      }
    }
    l.builtin = need(x, "ingebouwd").get<bool>();
    l.loc = model_loc_of(need(x, "waar"));
    m->lines.push_back(std::move(l));
  }
  for (const auto& x : need(j, "secties")) {
    ModelSection s;
    s.id = need(x, "id").get<std::string>();
    s.title = need(x, "titel").get<std::string>();
    s.parent = index(need(x, "ouder"), sections, true);
    s.total = index(need(x, "totaal"), lines, true);
    for (const auto& it : need(x, "items")) {
      const std::string kind = it.at(0).get<std::string>();
      const bool is_section = kind == "sectie";
      if (kind != "regel" && !is_section && kind != "leeg") bad("model: onbekend item '" + kind + "'");
      s.items.push_back({kind == "regel" ? SectionItem::Kind::Line : is_section ? SectionItem::Kind::Section : SectionItem::Kind::Blank,
                         kind == "leeg" ? it.at(1).get<int>() : index(it.at(1), is_section ? sections : lines, false)});
    }
    s.loc = model_loc_of(need(x, "waar"));
    m->sections.push_back(std::move(s));
  }
  for (const auto& x : need(j, "parameters")) {
    ModelParam p;
    p.path = need(x, "pad").get<std::string>();
    p.unit_text = need(x, "eenheid_tekst").get<std::string>();
    p.per_year = need(x, "per_jaar").get<bool>();
    p.reference = need(x, "bron").get<std::string>();
    p.description = need(x, "omschrijving").get<std::string>();
    p.assumption = need(x, "aanname").get<bool>();
    p.loc = model_loc_of(need(x, "waar"));
    m->params.push_back(std::move(p));
  }
  if (m->size() < kLineCount) bad("model: minder regels dan de ingebouwde");
  return m;
}

}  // namespace

json scenario_to_json(const Scenario& s) {
  json onz = json::array();
  for (const auto& u : s.onzekerheden) onz.push_back(uncertainty_json(u));
  return json::object({{"naam", s.name},
                       {"beschrijving", s.description},
                       {"bestanden", s.files},
                       {"jaren", json::object({{"van", s.horizon.first}, {"tot_en_met", s.horizon.last}})},
                       {"parameters", params_json(s.params)},
                       {"gedeclareerde_parameters", declared_json(s)},
                       {"model", s.model ? model_json(*s.model) : json(nullptr)},
                       {"herkomst", herkomst_json(s.params)},
                       {"stromen", params_json(s.stromen)},
                       {"herkomst_stromen", herkomst_json(s.stromen)},
                       {"onzekerheden", onz},
                       {"verdeling", verdeling_json(s.verdeling)}});
}

Scenario scenario_from_json(const json& j) {
  try {
    Scenario s;
    s.name = need(j, "naam").get<std::string>();
    s.description = need(j, "beschrijving").get<std::string>();
    s.files = need(j, "bestanden").get<std::vector<std::string>>();
    const json& jaren = need(j, "jaren");
    s.horizon = Horizon{need(jaren, "van").get<int>(), need(jaren, "tot_en_met").get<int>()};
    s.registry = registry_of(need(j, "gedeclareerde_parameters"));
    s.model = model_from_json(need(j, "model"));
    if (s.horizon.last < s.horizon.first) bad("jaren: tot_en_met ligt voor van");
    const json* hk = j.contains("herkomst") ? &j.at("herkomst") : nullptr;
    s.params = params_of(need(j, "parameters"), hk);
    const json* hks = j.contains("herkomst_stromen") ? &j.at("herkomst_stromen") : nullptr;
    s.stromen = params_of(need(j, "stromen"), hks);
    for (const auto& u : need(j, "onzekerheden")) s.onzekerheden.push_back(uncertainty_of(u));
    s.verdeling = verdeling_of(need(j, "verdeling"));
    return s;
  } catch (const json::exception& e) {
    bad(e.what());
  } catch (const std::logic_error& e) {  // std::stoi on a key that is no year
    if (dynamic_cast<const std::invalid_argument*>(&e) && std::string(e.what()).rfind("scenario-JSON", 0) == 0) throw;
    bad(std::string("jaartal verwacht: ") + e.what());
  }
}

std::string_view finding_kind_name(Finding::Kind k) { return finding_id(k); }  // the engine's own ids

json result_to_json(const Result& r) {
  json years = json::array();
  for (int y = r.horizon.first; y <= r.horizon.last; ++y) years.push_back(y);
  json lines = json::object(), units = json::object(), money = json::array();
  const Model& model = r.m();
  for (int k = 0; k < model.size(); ++k) {
    const ModelLine& d = model.line(k);
    const auto l = static_cast<Line>(k);
    json arr = json::array();
    for (int i = 0; i < r.n(); ++i) arr.push_back(d.money() ? json(r.c(l, i)) : num(r.r(l, i)));
    lines[d.id] = std::move(arr);
    units[d.id] = d.unit_text.empty() ? std::string(unit_name(d.unit)) : d.unit_text;
    if (d.money()) money.push_back(d.id);
  }
  json f = json::array();
  for (const auto& x : r.findings)
    f.push_back(json::object({{"jaar", x.year}, {"soort", finding_kind_name(x.kind)}, {"melding", x.message}}));
  return json::object({{"jaren", years}, {"regels", lines}, {"eenheden", units}, {"geld", money}, {"signalen", f}});
}

}  // namespace begroting

namespace begroting {

namespace {
std::string number_text(double v) { return json(v).dump(); }
}  // namespace

json lines_json(const Model& m) {
  json out = json::array();
  std::vector<bool> shown(static_cast<size_t>(m.size()), false);
  auto add = [&](int k) {
    const ModelLine& d = m.line(k);
    shown[static_cast<size_t>(k)] = true;
    out.push_back(json::object({{"id", d.id}, {"label", d.label}, {"soort", name_of(d.kind)},
                                {"eenheid", d.unit_text.empty() ? std::string(unit_name(d.unit)) : d.unit_text}, {"geld", d.money()},
                                {"bron", d.reference}}));
  };
  for (const auto& row : m.layout())
    if (row.kind == ModelRow::Kind::Line && !shown[static_cast<size_t>(row.line)]) add(row.line);
  for (int k = 0; k < m.size(); ++k)
    if (!shown[static_cast<size_t>(k)]) add(k);
  return out;
}

json parameters_json(const Scenario& s) {
  json out = json::array();
  for (const auto& p : s.reg().entries()) {
    if (!p.section.empty() && p.section == "stromen" && s.stromen.empty()) continue;  // no section: not settable
    const YearRange r = years_for(p.shape, s.horizon);
    // a model's own parameter is kept in its unit (euros for money): the page moves it in steps of
    // a cent when its unit is money, as the loader reads it
    out.push_back(json::object({{"pad", p.path}, {"eenheid", unit_label(p)}, {"geld", is_money_unit(p.unit)},
                                {"vorm", name_of(p.shape)}, {"min", num(p.min)}, {"max", num(p.max)},
                                {"min_exclusief", p.min_exclusive}, {"beschrijving", p.description}, {"bron", p.reference},
                                {"jaren", json::array({r.first, r.last})}}));
  }
  return out;
}

void apply_changes(Scenario& s, const json& changes) {
  if (!changes.is_object()) throw std::invalid_argument("wijzigingen: verwacht {pad: {jaar: waarde}}");
  for (const auto& [path, years] : changes.items()) {
    const ParamSpec* spec = s.reg().find(path);
    if (!spec) throw std::invalid_argument("onbekende parameter '" + path + "'");
    if (spec->section == "stromen" && s.stromen.empty())
      throw std::invalid_argument(path + ": dit scenario heeft geen sectie stromen:");
    if (!years.is_object()) throw std::invalid_argument(path + ": verwacht {jaar: waarde}");
    const YearRange r = years_for(spec->shape, s.horizon);
    for (const auto& [key, value] : years.items()) {
      int year = 0;
      try {
        year = std::stoi(key);
      } catch (const std::logic_error&) {
        throw std::invalid_argument(path + ": '" + key + "' is geen jaar");
      }
      if (year < r.first || year > r.last)
        throw std::invalid_argument(path + "." + key + ": jaar buiten " + std::to_string(r.first) + "-" + std::to_string(r.last));
      if (!value.is_number()) throw std::invalid_argument(path + "." + key + ": geen getal");
      const double v = value.get<double>();
      const bool below = spec->min_exclusive ? !(v > spec->min) : !(v >= spec->min);
      if (!std::isfinite(v) || below || v > spec->max)
        throw std::invalid_argument(path + "." + key + " = " + number_text(v) + ": buiten het bereik " + number_text(spec->min) +
                                    (spec->min_exclusive ? " (exclusief)" : "") + " tot en met " + number_text(spec->max));
      if (is_money_unit(spec->unit) && std::fabs(v * 100.0 - std::round(v * 100.0)) > 1e-6 * std::max(1.0, std::fabs(v)))
        throw std::invalid_argument(path + "." + key + " = " + number_text(v) + ": een bedrag heeft hooguit twee decimalen");
      const std::string text = path + (spec->shape == Shape::Single ? "" : "." + key) + "=" + number_text(v);
      s.set(path, year, v, Provenance::from_set(text));
    }
  }
}

}  // namespace begroting
