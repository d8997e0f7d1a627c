// Section `onzekerheden:` of a scenario: the uncertainties risk and sensitivity use
// (engine: uncertainty.hpp, risk.hpp). Example:
//
//   onzekerheden:
//     groei_so:                           # name, shown in reports
//       parameter: [leerlingen.so_cat1.groei, leerlingen.so_cat2.groei]   # or one path
//       verdeling: normaal                # normaal | driehoek | uniform | vast
//       gemiddelde: 0.04                  # normaal: gemiddelde, sd; driehoek: min, modus,
//       sd: 0.02                          #   max; uniform: min, max; vast: waarde
//       toepassing: waarde                # waarde (default) | verschil | factor
//       trekking: per_jaar                # eenmalig (default) | per_jaar
//       jaar: 2026                        # optional: only this year of the parameter
//       bron: "waarom deze verdeling"
//       omschrijving: "groei van het SO per jaar"   # optional: shown in reports instead of the name
//     korting_ocw:                        # an event: `kans` per year
//       parameter: tarieven.zware_ondersteuning
//       kans: 0.15                        # probability per year, in (0, 1]
//       vanaf: 2025                       # optional window of years
//       tot_en_met: 2028
//       blijvend: ja                      # once it happens, also in every later year
//       verdeling: vast                   # the impact x, applied as `toepassing`
//       waarde: -13.50                    #   (for an event the default is verschil)
#include <algorithm>
#include <charconv>
#include <map>
#include <cmath>
#include <set>
#include <sstream>

#include "begroting/flows.hpp"
#include "begroting/loader.hpp"
#include "begroting/names.hpp"
#include "number.hpp"
#include "sections.hpp"

namespace begroting::detail {

namespace {



const std::vector<std::string>& known_keys() {
  static const std::vector<std::string> k{"parameter", "verdeling", "gemiddelde", "sd", "min", "modus", "max", "waarde",
                                          "toepassing", "trekking", "jaar", "kans", "vanaf", "tot_en_met", "blijvend", "bron", "omschrijving"};
  return k;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string suggest(const std::string& key, const std::vector<std::string>& valid) {
  const std::string best = did_you_mean(key, valid);
  if (!best.empty()) return "; bedoelt u '" + best + "'?";
  return "; verwacht een van: " + join(valid);
}

std::string fmt_short(const std::string& s) { return s.size() <= 40 ? s : s.substr(0, 20) + "..." + s.substr(s.size() - 10); }

double number(const Tree& t, const std::string& what) {
  if (t.kind != Tree::Kind::Scalar) fail(t.loc, what + " verwacht een getal");
  std::string s = t.scalar;
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  double v = 0;
  if (!parse_number(s, v)) {
    if (!s.empty() && s.back() == '%')
      fail(t.loc, "'" + shown_value(s) + "' is geen getal; schrijf een fractie (0.04 voor 4%) bij " + what);
    if (s.find(',') != std::string::npos)
      fail(t.loc, "'" + shown_value(s) + "' is geen getal: gebruik een punt als decimaalteken bij " + what);
    fail(t.loc, "'" + shown_value(s) + "' is geen getal; verwacht een getal bij " + what);
  }
  if (!std::isfinite(v)) fail(t.loc, what + ": '" + fmt_short(s) + "' is te groot; verwacht een getal van hooguit 15 cijfers");
  return v;
}

int year_of(const Tree& t, const std::string& what) {
  const double v = number(t, what);
  if (v != std::floor(v) || v < 1900 || v > 2200) fail(t.loc, what + " = " + t.scalar + ": verwacht een kalenderjaar, bijvoorbeeld 2026");
  return static_cast<int>(v);
}

std::string word(const Tree& t, const std::string& what, const std::vector<std::string>& allowed) {
  if (t.kind != Tree::Kind::Scalar) fail(t.loc, what + " verwacht een van: " + join(allowed));
  for (const auto& a : allowed)
    if (t.scalar == a) return a;
  fail(t.loc, "'" + shown_value(t.scalar) + "' is geen geldige " + what + suggest(t.scalar, allowed));
}

/// The keys each distribution takes, in the order a message lists them.
const std::vector<std::string>& keys_of(Distribution::Kind k) {
  static const std::vector<std::string> normaal{"gemiddelde", "sd"}, driehoek{"min", "modus", "max"}, uniform{"min", "max"},
      vast{"waarde"};
  switch (k) {
    case Distribution::Kind::Normaal: return normaal;
    case Distribution::Kind::Driehoek: return driehoek;
    case Distribution::Kind::Uniform: return uniform;
    case Distribution::Kind::Vast: break;
  }
  return vast;
}

/// One of an enum's words (begroting/names.hpp), with the valid words in the message.
template <class E> E choice(const Tree& t, const std::string& what) {
  std::vector<std::string> allowed;
  for (const auto& [e, n] : EnumNames<E>::table) allowed.emplace_back(n);
  return *enum_of<E>(word(t, what, allowed));
}

bool yes_no(const Tree& t, const std::string& what) {
  if (t.kind == Tree::Kind::Scalar) {
    if (t.scalar == "ja" || t.scalar == "true" || t.scalar == "yes") return true;
    if (t.scalar == "nee" || t.scalar == "false" || t.scalar == "no") return false;
  }
  fail(t.loc, what + " verwacht ja of nee");
}

/// The range check of a value a distribution can take, against the parameter's schema range
/// (only for toepassing waarde: there x is the parameter's value itself).
void check_in_range(const ParamSpec& spec, double v, const Loc& loc, const std::string& what) {
  const bool low = spec.min_exclusive ? v <= spec.min : v < spec.min;
  if (!low && v <= spec.max) return;
  std::string hint;
  if (spec.unit == Unit::Fractie && v > spec.max && v <= 100.0 && spec.max <= 1.0)
    hint = "; lijkt een percentage: schrijf " + fmt_num(v / 100.0) + " voor " + fmt_num(v) + "%";
  fail(loc, what + " = " + fmt_num(v) + " valt buiten het bereik van " + spec.path + " (" + fmt_num(spec.min) + " tot " +
                fmt_num(spec.max) + ", " + std::string(unit_name(spec.unit)) + ")" + hint);
}

Uncertainty read_one(const std::string& name, const Loc& where, const Tree& t, const Horizon& h, const Registry& reg) {
  if (t.kind != Tree::Kind::Map)
    fail(t.loc, "onzekerheid " + name + " verwacht sleutels als parameter:, verdeling: ...; zie de voorbeelden in de README");
  Uncertainty u;
  u.name = name;
  u.where = where;
  const std::string ctx = "onzekerheden." + name;
  for (size_t i = 0; i < t.map.size(); ++i) {
    const auto& key = t.map[i].first;
    bool ok = false;
    for (const auto& k : known_keys()) ok = ok || k == key;
    if (!ok) fail(t.key_locs[i], "onbekende sleutel '" + shown_value(key) + "' onder " + ctx + suggest(key, known_keys()));
  }
  // parameter(s)
  const Tree* par = t.get("parameter");
  if (!par) fail(where, ctx + " mist 'parameter'; verwacht een pad uit het scenario, bijvoorbeeld leerlingen.so_cat1.groei");
  std::vector<const Tree*> ps;
  if (par->kind == Tree::Kind::Seq) {
    for (const auto& e : par->seq) ps.push_back(&e);
    if (ps.empty()) fail(par->loc, ctx + ".parameter is een lege lijst; verwacht minstens een pad");
  } else {
    ps.push_back(par);
  }
  std::vector<const ParamSpec*> specs;
  for (const Tree* p : ps) {
    if (p->kind != Tree::Kind::Scalar) fail(p->loc, ctx + ".parameter verwacht een pad of een lijst van paden");
    const ParamSpec* spec = reg.find(p->scalar);  // stromen.<key> needs a section stromen: (checked by bind)
    if (!spec) {
      std::vector<std::string> all;
      for (const auto& s : reg.entries()) all.push_back(s.path);
      const std::string best = did_you_mean(p->scalar, all);
      fail(p->loc, "onbekende parameter '" + shown_value(p->scalar) + "'" +
                       (!best.empty() ? "; bedoelt u '" + best + "'?" : "; verwacht een pad uit het scenario, bijvoorbeeld tarieven.sbo"));
    }
    u.params.push_back(spec->path);
    specs.push_back(spec);
  }
  // event
  if (const Tree* k = t.get("kans")) {
    u.event = true;
    u.kans = number(*k, ctx + ".kans");
    if (!(u.kans > 0 && u.kans <= 1))
      fail(k->loc, ctx + ".kans = " + k->scalar + ": verwacht een kans per jaar groter dan 0 en hooguit 1 (0.15 voor 15%)");
  }
  for (const char* key : {"vanaf", "tot_en_met", "blijvend"})
    if (const Tree* x = t.get(key); x && !u.event)
      fail(x->loc, ctx + "." + key + " hoort bij een gebeurtenis; verwacht ook 'kans:' (of laat " + key + " weg)");
  if (const Tree* x = t.get("vanaf")) u.vanaf = year_of(*x, ctx + ".vanaf");
  if (const Tree* x = t.get("tot_en_met")) u.tot_en_met = year_of(*x, ctx + ".tot_en_met");
  if (const Tree* x = t.get("blijvend")) u.blijvend = yes_no(*x, ctx + ".blijvend");
  if (u.vanaf && u.tot_en_met && u.tot_en_met < u.vanaf)
    fail(t.get("tot_en_met")->loc, ctx + ": tot_en_met ligt voor vanaf; verwacht vanaf <= tot_en_met");
  for (int y : {u.vanaf, u.tot_en_met})
    if (y != 0 && (y < h.first - 1 || y > h.last))
      fail(t.get(y == u.vanaf ? "vanaf" : "tot_en_met")->loc,
           ctx + ": jaar " + std::to_string(y) + " valt buiten de horizon; verwacht " + std::to_string(h.first - 1) + "-" +
               std::to_string(h.last));
  // modes
  u.apply = u.event ? Uncertainty::Apply::Verschil : Uncertainty::Apply::Waarde;
  if (const Tree* x = t.get("toepassing")) {
    u.apply = choice<Uncertainty::Apply>(*x, "toepassing");
  }
  if (const Tree* x = t.get("trekking")) u.draw = choice<Uncertainty::Draw>(*x, "trekking");
  if (const Tree* x = t.get("jaar")) {
    if (u.event) fail(x->loc, ctx + ".jaar: een gebeurtenis kiest haar jaar zelf; gebruik vanaf: en tot_en_met:");
    u.year = year_of(*x, ctx + ".jaar");
  }
  for (size_t j = 0; j < specs.size(); ++j) {
    const ParamSpec& spec = *specs[j];
    const Loc& ploc = ps[j]->loc;
    if (spec.shape == Shape::Single) {
      if (u.year) fail(t.get("jaar")->loc, spec.path + " is een enkele waarde zonder jaar; laat 'jaar:' weg");
      if (u.event) fail(ploc, spec.path + " is een enkele waarde zonder jaar; een gebeurtenis werkt op een parameter per jaar");
      if (u.draw == Uncertainty::Draw::PerJaar)
        fail(t.get("trekking")->loc, spec.path + " is een enkele waarde zonder jaar; verwacht 'trekking: eenmalig'");
    } else if (u.year) {
      const YearRange r = years_for(spec.shape, h);
      if (u.year < r.first || u.year > r.last)
        fail(t.get("jaar")->loc, ctx + ".jaar " + std::to_string(u.year) + " valt buiten de jaren van " + spec.path + " (" +
                                     std::to_string(r.first) + "-" + std::to_string(r.last) + ")");
    }
  }
  // distribution
  const Tree* vd = t.get("verdeling");
  if (!vd) fail(where, ctx + " mist 'verdeling'; verwacht " + names_list<Distribution::Kind>());
  Distribution& d = u.dist;
  d.kind = choice<Distribution::Kind>(*vd, "verdeling");
  const std::string kind(name_of(d.kind));
  auto need = [&](const char* key) -> double {
    const Tree* x = t.get(key);
    if (!x) fail(vd->loc, "verdeling " + kind + " van " + ctx + " mist '" + shown_value(key) + "'");
    return number(*x, ctx + "." + key);
  };
  const std::vector<std::string> dist_keys{"gemiddelde", "sd", "min", "modus", "max", "waarde"};
  const std::vector<std::string>& allowed = keys_of(d.kind);
  if (d.kind == Distribution::Kind::Normaal) {
    d.a = need("gemiddelde");
    d.b = need("sd");
    if (d.b < 0) fail(t.get("sd")->loc, ctx + ".sd = " + t.get("sd")->scalar + ": een standaardafwijking is 0 of meer");
  } else if (d.kind == Distribution::Kind::Driehoek) {
    d.a = need("min");
    d.b = need("modus");
    d.c = need("max");
    if (!(d.a <= d.b && d.b <= d.c)) fail(vd->loc, ctx + ": verwacht min <= modus <= max");
  } else if (d.kind == Distribution::Kind::Uniform) {
    d.a = need("min");
    d.b = need("max");
    if (!(d.a <= d.b)) fail(vd->loc, ctx + ": verwacht min <= max");
  } else {
    d.a = need("waarde");
  }
  for (const auto& k : dist_keys) {
    bool ok = false;
    for (const auto& a : allowed) ok = ok || a == k;
    if (!ok && t.get(k)) fail(t.get(k)->loc, ctx + "." + k + " hoort niet bij verdeling " + kind + "; verwacht " + join(allowed));
  }
  if (u.apply == Uncertainty::Apply::Waarde)
    for (const ParamSpec* spec : specs) {
      if (d.kind == Distribution::Kind::Normaal) check_in_range(*spec, d.a, t.get("gemiddelde")->loc, ctx + ".gemiddelde");
      else if (d.kind == Distribution::Kind::Vast) check_in_range(*spec, d.a, t.get("waarde")->loc, ctx + ".waarde");
      else {
        check_in_range(*spec, d.a, t.get("min")->loc, ctx + ".min");
        check_in_range(*spec, d.kind == Distribution::Kind::Driehoek ? d.c : d.b, t.get("max")->loc, ctx + ".max");
      }
    }
  if (u.apply == Uncertainty::Apply::Factor && d.kind != Distribution::Kind::Normaal) {
    const double lo = d.a, hi = d.kind == Distribution::Kind::Driehoek ? d.c : d.kind == Distribution::Kind::Uniform ? d.b : d.a;
    if (lo < 0 || hi > 100) fail(vd->loc, ctx + ": een factor ligt tussen 0 en 100 (1.1 = 10% meer); gevonden " + fmt_num(lo) + " tot " + fmt_num(hi));
  }
  if (const Tree* x = t.get("bron")) {
    if (x->kind != Tree::Kind::Scalar) fail(x->loc, ctx + ".bron verwacht een tekst");
    u.bron = x->scalar;
  }
  if (const Tree* x = t.get("omschrijving")) {
    if (x->kind != Tree::Kind::Scalar) fail(x->loc, ctx + ".omschrijving verwacht een tekst, bijvoorbeeld 'groei van het SO per jaar'");
    u.omschrijving = x->scalar;
  }
  return u;
}

}  // namespace

namespace {
void capture_reference(Uncertainty& u, const Scenario& sc) {
  u.reference.clear();
  for (const auto& path : u.params) {
    auto& ref = u.reference[path];
    if (const ParamValue* pv = sc.values(path)) ref = pv->by_year;
  }
}

void put(Scenario& sc, Uncertainty u) {
  capture_reference(u, sc);
  for (auto& old : sc.onzekerheden)
    if (old.name == u.name) { old = std::move(u); return; }
  sc.onzekerheden.push_back(std::move(u));
}
}  // namespace

void read_onzekerheden(const Tree& section, Scenario& sc, OnzekerheidBronnen& bronnen) {
  if (section.kind == Tree::Kind::Null) return;
  if (section.kind != Tree::Kind::Map)
    fail(section.loc, "onzekerheden verwacht per onzekerheid een naam met daaronder parameter:, verdeling: ...");
  for (size_t i = 0; i < section.map.size(); ++i) {
    const auto& [name, t] = section.map[i];
    put(sc, read_one(name, section.key_locs[i], t, sc.horizon, sc.reg()));
    bronnen[name] = OnzekerheidBron{t, section.key_locs[i]};
  }
}

void set_onzekerheid(Scenario& sc, OnzekerheidBronnen& bronnen, const std::string& name, const std::vector<VeldWaarde>& velden) {
  const auto it = bronnen.find(name);
  const Loc& first = velden.front().at;
  if (it == bronnen.end()) {
    std::vector<std::string> names;
    for (const auto& u : sc.onzekerheden) names.push_back(u.name);
    if (names.empty()) fail(first, "het scenario declareert geen onzekerheden; verwacht een scenario met een sectie onzekerheden:");
    fail(first, "onbekende onzekerheid '" + shown_value(name) + "'" + suggest(name, names));
  }
  Tree t = it->second.tree;
  if (t.kind != Tree::Kind::Map) fail(first, "onzekerheid " + name + " is geen map van sleutels");
  // A field that says where the distribution lies writes it for the current values; the
  // others (sd, kans, trekking, ...) keep the reference, so the shift of an override stays.
  static const std::vector<std::string> centre{"gemiddelde", "min", "modus", "max", "waarde", "verdeling", "toepassing", "parameter"};
  bool recentre = false;
  for (const auto& [field, value, at] : velden) {
    if (std::find(known_keys().begin(), known_keys().end(), field) == known_keys().end())
      fail(at, "onbekend veld '" + shown_value(field) + "' van onzekerheid " + name + suggest(field, known_keys()));
    recentre = recentre || std::find(centre.begin(), centre.end(), field) != centre.end();
    Tree v;
    v.loc = TreeLoc(at);
    if (field == "parameter" && value.find(',') != std::string::npos) {
      v.kind = Tree::Kind::Seq;
      size_t b = 0;
      while (b <= value.size()) {
        const size_t e = std::min(value.find(',', b), value.size());
        Tree p;
        p.kind = Tree::Kind::Scalar;
        p.loc = TreeLoc{v.loc.file, at.line, at.column + static_cast<int>(b)};
        p.scalar = value.substr(b, e - b);
        p.scalar.erase(0, p.scalar.find_first_not_of(' '));
        p.scalar.erase(p.scalar.find_last_not_of(' ') + 1);
        v.seq.push_back(std::move(p));
        b = e + 1;
      }
    } else {
      v.kind = Tree::Kind::Scalar;
      v.scalar = value;
    }
    if (field == "verdeling") {
      // the keys of the old distribution do not belong to the new one
      const auto kind = enum_of<Distribution::Kind>(value);
      for (size_t i = t.map.size(); kind && i-- > 0;) {
        const std::string& key = t.map[i].first;
        bool dist_key = false;
        for (const auto& [e, n] : EnumNames<Distribution::Kind>::table)
          dist_key = dist_key || std::find(keys_of(e).begin(), keys_of(e).end(), key) != keys_of(e).end();
        const auto& own = keys_of(*kind);
        if (dist_key && std::find(own.begin(), own.end(), key) == own.end()) {
          t.map.erase(t.map.begin() + static_cast<std::ptrdiff_t>(i));
          t.key_locs.erase(t.key_locs.begin() + static_cast<std::ptrdiff_t>(i));
        }
      }
    }
    bool found = false;
    for (auto& [k, x] : t.map)
      if (k == field) { x = v; found = true; }
    if (!found) {
      t.map.emplace_back(field, v);
      t.key_locs.push_back(v.loc);
    }
  }
  Uncertainty u = read_one(name, it->second.key, t, sc.horizon, sc.reg());
  if (recentre) put(sc, std::move(u));
  else
    for (auto& old : sc.onzekerheden)
      if (old.name == name) {
        u.reference = old.reference;
        old = std::move(u);
      }
  it->second.tree = std::move(t);
}

void complete_references(Scenario& sc) {
  for (auto& u : sc.onzekerheden)
    for (auto& [path, ref] : u.reference) {
      const ParamSpec* spec = sc.reg().find(path);
      if (!spec || !spec->default_value || !std::isfinite(*spec->default_value)) continue;
      const YearRange r = years_for(spec->shape, sc.horizon);
      for (int y = r.first; y <= r.last; ++y)
        if (!ref.count(y)) ref[y] = *spec->default_value;
    }
}

}  // namespace begroting::detail
