// The begrotingsmodel in YAML (model_file.hpp): model files and a scenario's `regels:` section.
#include "model_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "begroting/graph.hpp"
#include "begroting/inputs.hpp"
#include "begroting/loader.hpp"

namespace begroting::detail {

namespace fs = std::filesystem;

namespace {

constexpr double kMaxAmount = 1e13;  // EUR, as the schema's bound on amounts

ModelLoc mloc(const Loc& l) { return ModelLoc{l.file, l.line, l.column}; }

std::string suggest(const std::string& key, const std::vector<std::string>& valid) {
  const std::string best = did_you_mean(key, valid);
  return best.empty() ? "" : "; bedoelt u '" + best + "'?";
}

void only_keys(const Tree& t, const std::vector<std::string>& valid, const std::string& what) {
  for (size_t i = 0; i < t.map.size(); ++i) {
    const auto& k = t.map[i].first;
    if (std::find(valid.begin(), valid.end(), k) != valid.end()) continue;
    std::string all;
    for (const auto& v : valid) all += (all.empty() ? "" : ", ") + v;
    const std::string s = suggest(k, valid);
    fail(t.key_locs[i], "onbekende sleutel '" + k + "' in " + what + (s.empty() ? "; verwacht een van: " + all : s));
  }
}

std::string text_of(const Tree& t, const std::string& what, const std::string& example) {
  if (t.kind != Tree::Kind::Scalar || t.scalar.empty()) fail(t.loc, what + " is geen tekst; verwacht bijvoorbeeld " + example);
  return t.scalar;
}

bool yes_no(const Tree& t, const std::string& what) {
  if (t.kind == Tree::Kind::Scalar) {
    if (t.scalar == "ja" || t.scalar == "true") return true;
    if (t.scalar == "nee" || t.scalar == "false") return false;
  }
  fail(t.loc, what + " is geen ja of nee; verwacht 'ja' of 'nee'");
}

const std::vector<std::string>& rule_names() {
  static const std::vector<std::string> v = {"population", "rijksbijdrage", "inhouding_duo", "ikc_volumebekostiging",
                                             "ikc_bandbreedte", "ondersteuningsbedrag_bao", "instroom_terugplaatsing",
                                             "personeel", "amounts", "vangnet", "scholen", "reserves", "signaleringswaarde",
                                             "kengetallen", "waterbed"};
  return v;
}

struct Reader {
  Model& m;
  Scenario& sc;
  Horizon own;
  std::set<int> placed;  ///< lines placed by this model file (duplicates)

  /// Declare a parameter in the scenario's registry (a copy: the built-in one stays as it is),
  /// so the scenario files, --set, solve and risk know it.
  void declare(ParamSpec p) {
    if (sc.reg().find(p.path)) return;
    auto r = std::make_shared<Registry>(sc.reg());
    r->add(std::move(p));
    sc.registry = std::move(r);
  }

  /// Values per year (list over the file's years, {JAAR: v} map, or one value for every year)
  /// into sc.params[path]; `single`: one value (key 0).
  void values(const Tree& t, const std::string& path, Unit unit, bool single) {
    ParamSpec spec{path, single ? Shape::Single : Shape::PerYear, unit, -kMaxAmount, kMaxAmount, false, std::nullopt, "", "", "", nullptr, -1, ""};
    auto put = [&](int y, const Tree& e) {
      if (e.kind == Tree::Kind::Seq || e.kind == Tree::Kind::Map) fail(e.loc, path + ": verwacht een getal");
      const double v = parse_number_for(e.scalar, e.kind == Tree::Kind::Null, spec, e.loc);
      sc.set(path, y, v, Provenance::from_file(e.loc));
    };
    auto& pv = sc.params[path];
    if (single) {
      if (t.kind != Tree::Kind::Scalar) fail(t.loc, path + " is een enkele waarde; verwacht een getal");
      pv.by_year.clear();
      pv.provenance.clear();
      put(0, t);
      return;
    }
    switch (t.kind) {
      case Tree::Kind::Null:
      case Tree::Kind::Scalar:
        pv.by_year.clear();
        pv.provenance.clear();
        for (int y = own.first; y <= own.last; ++y) put(y, t);
        return;
      case Tree::Kind::Seq: {
        const int want = own.size();
        if (static_cast<int>(t.seq.size()) != want)
          fail(t.loc, path + " heeft " + std::to_string(t.seq.size()) + " waarden; verwacht " + std::to_string(want) +
                          " waarden, voor de jaren " + std::to_string(own.first) + "-" + std::to_string(own.last) +
                          " (of een map {JAAR: bedrag} voor enkele jaren)");
        pv.by_year.clear();
        pv.provenance.clear();
        for (int i = 0; i < want; ++i) put(own.first + i, t.seq[static_cast<size_t>(i)]);
        return;
      }
      case Tree::Kind::Map:
        if (path.rfind("bedragen.", 0) == 0)  // an amount line: the years a map does not name are 0
          for (int y = own.first; y <= own.last; ++y)
            if (!pv.by_year.count(y)) sc.set(path, y, 0.0, Provenance{});
        for (size_t i = 0; i < t.map.size(); ++i) {
          const auto& [k, e] = t.map[i];
          int y = 0;
          if (k.size() != 4 || !std::all_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; }))
            fail(t.key_locs[i], "'" + k + "' is geen jaartal; verwacht jaren " + std::to_string(own.first) + "-" +
                                    std::to_string(own.last) + " als sleutel");
          y = std::stoi(k);
          if (!own.contains(y))
            fail(t.key_locs[i], path + ": jaar " + k + " valt buiten de horizon; verwacht " + std::to_string(own.first) + "-" +
                                    std::to_string(own.last));
          put(y, e);
        }
        return;
    }
  }

  int section_arg(const Tree& t, const std::string& what) {
    const std::string id = text_of(t, what, "lasten.uitvoeringsorganisatie");
    if (id == "begroting") return 0;
    const int s = m.find_section(id);
    if (s >= 0) return s;
    std::vector<std::string> ids;
    for (const auto& x : m.sections)
      if (!x.id.empty()) ids.push_back(x.id);
    const std::string hint = suggest(id, ids);
    fail(t.loc, "onbekende sectie '" + id + "'" + (hint.empty() ? "; verwacht een sectie-id uit het model, bijvoorbeeld lasten.uitvoeringsorganisatie" : hint));
  }

  int line_arg(const Tree& t, const std::string& what) {
    const std::string id = text_of(t, what, "lasten.uitvoeringsorganisatie.projecten");
    const int l = m.find(id);
    if (l >= 0) return l;
    std::vector<std::string> ids;
    for (const auto& x : m.lines) ids.push_back(x.id);
    const std::string hint = suggest(id, ids);
    fail(t.loc, "onbekende regel '" + id + "'" + (hint.empty() ? "; verwacht een regel-id uit het model" : hint));
  }

  /// The fields of a line declaration or change (not id, onder, na, voor).
  void fields(const Tree& t, int li, bool is_new) {
    ModelLine& l = m.lines[static_cast<size_t>(li)];
    if (const Tree* x = t.get("naam")) l.label = text_of(*x, "naam", "'Project taalklas'");
    if (const Tree* x = t.get("bron")) l.reference = text_of(*x, "bron", "'besluit AB 12 maart 2025'");
    if (const Tree* x = t.get("nadruk")) l.emphasis = yes_no(*x, "nadruk");
    if (const Tree* x = t.get("optellen")) l.summed = yes_no(*x, "optellen");
    if (const Tree* x = t.get("inspringen")) {
      if (x->kind != Tree::Kind::Scalar || x->scalar.size() != 1 || x->scalar[0] < '0' || x->scalar[0] > '4')
        fail(x->loc, "inspringen is geen getal van 0 tot en met 4");
      l.indent = x->scalar[0] - '0';
    }
    if (const Tree* x = t.get("eenheid")) {
      if (!is_new) fail(x->loc, "de eenheid van een bestaande regel ligt vast; verwacht eenheid alleen bij een nieuwe regel");
      l.unit_text = text_of(*x, "eenheid", "EUR, uren, 'EUR per uur'");
      const Dim d = parse_dim(l.unit_text);
      l.unit = d == parse_dim("EUR") ? Unit::Euro : d == parse_dim("EUR per leerling") ? Unit::EuroPerLeerling
               : d == parse_dim("fractie")                                  ? Unit::Fractie
                                                                            : Unit::Leerlingen;  // a count: kept as a real number
      if (l.unit == Unit::Euro || l.unit == Unit::EuroPerLeerling || l.unit == Unit::Fractie) l.unit_text.clear();
    }
    if (const Tree* x = t.get("regel")) {
      const std::string r = text_of(*x, "regel", "rijksbijdrage");
      if (std::find(rule_names().begin(), rule_names().end(), r) == rule_names().end()) {
        const std::string hint = suggest(r, rule_names());
        fail(x->loc, "onbekende rekenregel '" + r + "'" + (hint.empty() ? "; verwacht een ingebouwde regel zoals rijksbijdrage of inhouding_duo" : hint));
      }
      if (!l.builtin)
        fail(x->loc, "een ingebouwde rekenregel schrijft alleen de regels van het model van het plan; verwacht formule: of bedragen: bij een nieuwe regel");
      l.rule = r;
    }
    const Tree* f = t.get("formule");
    const Tree* b = t.get("bedragen");
    if (f && b) fail(b->loc, "een regel heeft een formule of bedragen, niet allebei");
    if (f) {
      if (l.builtin)
        fail(f->loc, "'" + l.id + "' is een regel van het plan met een eigen rekenregel; verwacht een formule alleen bij een nieuwe regel");
      if (f->kind != Tree::Kind::Scalar) fail(f->loc, "formule is geen tekst; verwacht bijvoorbeeld 'formule: uren * uurtarief'");
      try {
        l.formula = std::make_shared<Formula>(parse_formula(f->scalar));
      } catch (const FormulaError& e) {
        Loc at = f->loc;
        at.column += e.offset + (f->quoted ? 1 : 0);
        fail(at, "formule van " + l.id + ": " + e.what());
      }
      l.kind = LineKind::Formula;
      l.loc = mloc(f->loc);
      if (f->quoted) l.loc.column += 1;
    }
    if (b) {
      if (l.builtin && l.kind != LineKind::Amount)
        fail(b->loc, "'" + l.id + "' wordt berekend; verwacht bedragen alleen bij een bedragregel");
      if (!l.builtin) {
        l.kind = LineKind::Amount;
        declare(ParamSpec{"bedragen." + l.id, Shape::PerYear, Unit::Euro, -kMaxAmount, kMaxAmount, false, 0.0, l.reference,
                          l.label + " (regel van het model, bedrag per jaar)", "", nullptr, -1, ""});
      }
      values(*b, "bedragen." + l.id, Unit::Euro, false);
    }
  }

  /// Place line li in section s, after/before a line named by `na`/`voor` in t (if given).
  void place(const Tree& t, int li, int s) {
    const Tree* na = t.get("na");
    const Tree* voor = t.get("voor");
    if (na && voor) fail(voor->loc, "geef na: of voor:, niet allebei");
    int anchor = -1;
    if (na || voor) {
      anchor = line_arg(*(na ? na : voor), na ? "na" : "voor");
      if (m.line(anchor).section != s)
        fail((na ? na : voor)->loc, "'" + m.line(anchor).id + "' staat niet in sectie '" + m.sections[static_cast<size_t>(s)].id +
                                        "'; verwacht een regel van die sectie");
    }
    m.detach(li);
    m.place(li, s, anchor, voor != nullptr);
  }

  void line(const Tree& t, int s) {
    if (t.kind != Tree::Kind::Map) fail(t.loc, "een regel is een map met id en naam; verwacht bijvoorbeeld {id: baten.totaal, naam: Totaal baten}");
    only_keys(t, {"id", "naam", "bron", "eenheid", "regel", "formule", "bedragen", "nadruk", "optellen", "inspringen"}, "een regel");
    const Tree* idt = t.get("id");
    if (!idt) fail(t.loc, "regel zonder id; verwacht 'id: sectie.regel'");
    const std::string id = text_of(*idt, "id", "lasten.uitvoeringsorganisatie.projecten");
    int li = m.find(id);
    if (li >= 0 && placed.count(li)) fail(idt->loc, "dubbele regel-id '" + id + "'; elke regel staat een keer in het model");
    bool is_new = false;
    if (li < 0) {
      ModelLine x;
      x.id = id;
      x.label = id;
      x.kind = LineKind::Amount;
      x.loc = mloc(idt->loc);
      m.lines.push_back(std::move(x));
      li = m.size() - 1;
      is_new = true;
    }
    placed.insert(li);
    m.lines[static_cast<size_t>(li)].loc = mloc(idt->loc);
    if (!t.get("naam")) fail(t.loc, "regel '" + id + "' zonder naam; verwacht 'naam: ...' (zoals in het plan)");
    fields(t, li, is_new);
    if (is_new && m.line(li).kind != LineKind::Formula && !t.get("bedragen")) m.lines[static_cast<size_t>(li)].kind = LineKind::Amount;
    if (m.line(li).kind == LineKind::Subtotal) fail(idt->loc, "'" + id + "' is het totaal van een sectie; verwacht het onder totaal: van die sectie");
    m.detach(li);
    m.place(li, s);
  }

  void total(const Tree& t, int s) {
    if (t.kind != Tree::Kind::Map) fail(t.loc, "totaal is een map; verwacht {id: ..., naam: ...}");
    only_keys(t, {"id", "naam", "bron"}, "een totaal");
    const Tree* idt = t.get("id");
    if (!idt) fail(t.loc, "totaal zonder id; verwacht 'id: sectie.totaal'");
    const std::string id = text_of(*idt, "id", "lasten.totaal");
    int li = m.find(id);
    if (li >= 0 && placed.count(li)) fail(idt->loc, "dubbele regel-id '" + id + "'; elke regel staat een keer in het model");
    if (li >= 0 && m.line(li).kind != LineKind::Subtotal)
      fail(idt->loc, "'" + id + "' is geen totaal maar een regel; verwacht een nieuw id voor het totaal van de sectie");
    if (li < 0) {
      ModelLine x;
      x.id = id;
      x.kind = LineKind::Subtotal;
      x.summed = false;
      m.lines.push_back(std::move(x));
      li = m.size() - 1;
    }
    placed.insert(li);
    auto& l = m.lines[static_cast<size_t>(li)];
    l.loc = mloc(idt->loc);
    l.emphasis = true;
    if (const Tree* x = t.get("naam")) l.label = text_of(*x, "naam", "'Totaal baten'");
    else fail(t.loc, "totaal '" + id + "' zonder naam; verwacht 'naam: ...'");
    if (const Tree* x = t.get("bron")) l.reference = text_of(*x, "bron", "'hfst 12'");
    l.section = s;
    m.sections[static_cast<size_t>(s)].total = li;
  }

  int section(const Tree& t, int parent) {
    only_keys(t, {"sectie", "titel", "totaal", "regels", "onder"}, "een sectie");
    const std::string id = text_of(*t.get("sectie"), "sectie", "lasten.uitvoeringsorganisatie");
    if (m.find_section(id) >= 0) fail(t.get("sectie")->loc, "dubbele sectie-id '" + id + "'");
    ModelSection sec;
    sec.id = id;
    sec.parent = parent;
    sec.loc = mloc(t.get("sectie")->loc);
    if (const Tree* x = t.get("titel")) sec.title = text_of(*x, "titel", "'III Uitvoeringsorganisatie swv'");
    m.sections.push_back(std::move(sec));
    const int s = static_cast<int>(m.sections.size()) - 1;
    m.sections[static_cast<size_t>(parent)].items.push_back({SectionItem::Kind::Section, s});
    if (const Tree* x = t.get("totaal")) total(*x, s);
    if (const Tree* x = t.get("regels")) items(*x, s);
    return s;
  }

  void items(const Tree& t, int s) {
    if (t.kind != Tree::Kind::Seq) fail(t.loc, "regels is geen lijst; verwacht per regel '- {id: ..., naam: ...}'");
    for (const auto& it : t.seq) {
      if (it.kind == Tree::Kind::Scalar && it.scalar == "leeg") {
        m.sections[static_cast<size_t>(s)].items.push_back({SectionItem::Kind::Blank, -1});
        continue;
      }
      if (it.kind == Tree::Kind::Map && it.get("sectie")) {
        section(it, s);
        continue;
      }
      line(it, s);
    }
  }

  void params(const Tree& t) {
    if (t.kind != Tree::Kind::Seq) fail(t.loc, "parameters is geen lijst; verwacht per parameter '- {pad: ..., eenheid: ..., waarde: ...}'");
    for (const auto& p : t.seq) {
      if (p.kind != Tree::Kind::Map) fail(p.loc, "een parameter is een map; verwacht {pad: ..., eenheid: ..., waarde: ...}");
      only_keys(p, {"pad", "eenheid", "waarde", "per_jaar", "bron", "omschrijving", "aanname"}, "een parameter");
      const Tree* pad = p.get("pad");
      if (!pad) fail(p.loc, "parameter zonder pad; verwacht 'pad: ondersteuning.uurtarief'");
      ModelParam x;
      x.path = text_of(*pad, "pad", "ondersteuning.uurtarief");
      x.loc = mloc(pad->loc);
      if (const ParamSpec* old = sc.reg().find(x.path); old && old->input) fail(pad->loc, "parameter '" + x.path + "' bestaat al in de rekenkern; verwacht een eigen naam");
      if (m.find(x.path) >= 0) fail(pad->loc, "'" + x.path + "' is al een regel; verwacht een andere naam voor de parameter");
      const bool again = std::any_of(m.params.begin(), m.params.end(), [&](const ModelParam& q) { return q.path == x.path; });
      if (const Tree* e = p.get("eenheid")) x.unit_text = text_of(*e, "eenheid", "'EUR per uur'");
      else fail(p.loc, "parameter '" + x.path + "' zonder eenheid; verwacht bijvoorbeeld 'eenheid: EUR per uur' of 'eenheid: aantal'");
      if (const Tree* e = p.get("per_jaar")) x.per_year = yes_no(*e, "per_jaar");
      if (const Tree* e = p.get("bron")) x.reference = text_of(*e, "bron", "'DUO 2024'");
      if (const Tree* e = p.get("omschrijving")) x.description = text_of(*e, "omschrijving", "'uurtarief ambulante begeleiding'");
      if (const Tree* e = p.get("aanname")) x.assumption = yes_no(*e, "aanname");
      const Tree* w = p.get("waarde");
      if (!w) fail(p.loc, "parameter '" + x.path + "' zonder waarde; verwacht 'waarde: ...' (een getal, of een lijst per jaar)");
      const Unit u = parse_dim(x.unit_text).exp.count("EUR") ? Unit::Euro : Unit::Leerlingen;
      if (again) {
        const ParamSpec* old = sc.reg().find(x.path);
        if (old && old->shape != (x.per_year ? Shape::PerYear : Shape::Single))
          fail(pad->loc, "parameter '" + x.path + "' was per jaar of enkel gedeclareerd; verwacht dezelfde per_jaar als in de ouder");
      }
      declare(ParamSpec{x.path, x.per_year ? Shape::PerYear : Shape::Single, u, -kMaxAmount, kMaxAmount, false, std::nullopt,
                        x.reference, x.description.empty() ? x.path + " (" + x.unit_text + ")" : x.description, "", nullptr, -1, x.unit_text});
      values(*w, x.path, u, !x.per_year);
      if (again) {
        for (auto& q : m.params)
          if (q.path == x.path) q = x;
      } else
        m.params.push_back(std::move(x));
    }
  }
};

std::shared_ptr<Model> fresh_model() {
  auto m = std::make_shared<Model>(*Model::builtin());
  for (auto& l : m->lines) {
    l.section = -1;
    l.emphasis = false;
    l.indent = -1;
  }
  m->sections.assign(1, ModelSection{});
  return m;
}

}  // namespace

std::shared_ptr<Model> read_model_file(const Tree& key, const std::string& from, Scenario& sc, const Horizon& own) {
  if (key.kind != Tree::Kind::Scalar || key.scalar.empty())
    fail(key.loc, "model is geen bestandsnaam; verwacht bijvoorbeeld 'model: modellen/zuid-kennemerland.yaml'");
  const fs::path path = fs::path(from).parent_path() / key.scalar;
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || fs::is_directory(path, ec))
    fail(key.loc, "modelbestand '" + path.lexically_normal().string() + "' bestaat niet of is niet te lezen; verwacht een pad ten opzichte van het scenario");
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string file = path.lexically_normal().string();
  const auto [bl, bc] = first_invalid_utf8(ss.str());
  if (bl) fail(Loc{file, bl, bc}, "het modelbestand is geen UTF-8; verwacht tekst in UTF-8");
  Tree t = parse_yaml(ss.str(), file);
  if (t.kind != Tree::Kind::Map) fail(Loc{file, 1, 1}, "een modelbestand is een map; verwacht 'naam:' en 'structuur:'");
  only_keys(t, {"naam", "beschrijving", "structuur", "parameters"}, "een modelbestand");
  auto m = fresh_model();
  m->file = file;
  m->params.clear();
  if (const Tree* n = t.get("naam")) m->name = text_of(*n, "naam", "'SWV PO Zuid-Kennemerland'");
  const Tree* st = t.get("structuur");
  if (!st) fail(Loc{file, 1, 1}, "het modelbestand mist 'structuur:'; verwacht de secties en regels van de begroting");
  Reader r{*m, sc, own, {}};
  if (const Tree* p = t.get("parameters")) r.params(*p);
  r.items(*st, 0);
  for (const char* role : {"baten.totaal", "lasten.totaal"}) {
    const int li = m->find(role);
    bool is_total = false;
    for (const auto& s : m->sections) is_total = is_total || s.total == li;
    if (!is_total)
      fail(st->loc, std::string("het model heeft geen sectie met totaal '") + role +
                        "'; verwacht de secties baten en lasten met die totalen (resultaat = totaal baten - totaal lasten)");
  }
  return m;
}

void apply_regels(const Tree& t, Model& m, Scenario& sc, const Horizon& own) {
  if (t.kind != Tree::Kind::Map) fail(t.loc, "regels is een map; verwacht 'nieuw:', 'wijzig:', 'vervalt:', 'secties:' of 'parameters:'");
  only_keys(t, {"secties", "nieuw", "wijzig", "vervalt", "parameters"}, "regels");
  Reader r{m, sc, own, {}};
  if (const Tree* p = t.get("parameters")) r.params(*p);
  if (const Tree* s = t.get("secties")) {
    if (s->kind != Tree::Kind::Seq) fail(s->loc, "secties is geen lijst; verwacht '- {sectie: ..., titel: ..., onder: ...}'");
    for (const auto& x : s->seq) {
      if (x.kind != Tree::Kind::Map || !x.get("sectie")) fail(x.loc, "een sectie is een map met sectie:, titel: en onder:");
      const Tree* onder = x.get("onder");
      if (!onder) fail(x.loc, "nieuwe sectie zonder onder:; verwacht de sectie waarin zij komt, bijvoorbeeld 'onder: lasten'");
      r.section(x, r.section_arg(*onder, "onder"));
    }
  }
  if (const Tree* s = t.get("nieuw")) {
    if (s->kind != Tree::Kind::Seq) fail(s->loc, "nieuw is geen lijst; verwacht per regel '- {id: ..., naam: ..., onder: ...}'");
    for (const auto& x : s->seq) {
      if (x.kind != Tree::Kind::Map) fail(x.loc, "een nieuwe regel is een map; verwacht {id: ..., naam: ..., onder: ..., bedragen: ...}");
      only_keys(x, {"id", "naam", "onder", "na", "voor", "bron", "eenheid", "formule", "bedragen", "nadruk", "optellen"}, "een nieuwe regel");
      const Tree* idt = x.get("id");
      if (!idt) fail(x.loc, "nieuwe regel zonder id; verwacht bijvoorbeeld 'id: lasten.uitvoeringsorganisatie.project_taalklas'");
      const std::string id = text_of(*idt, "id", "lasten.uitvoeringsorganisatie.project_taalklas");
      if (m.find(id) >= 0) fail(idt->loc, "regel '" + id + "' bestaat al; verwacht een nieuw id (een bestaande regel verandert u onder wijzig:)");
      if (!x.get("naam")) fail(x.loc, "nieuwe regel '" + id + "' zonder naam; verwacht 'naam: ...'");
      const Tree* onder = x.get("onder");
      if (!onder) fail(x.loc, "nieuwe regel '" + id + "' zonder onder:; verwacht de sectie, bijvoorbeeld 'onder: lasten.uitvoeringsorganisatie'");
      const int s_ = r.section_arg(*onder, "onder");
      if (!x.get("formule") && !x.get("bedragen"))
        fail(x.loc, "nieuwe regel '" + id + "' zonder bedragen: of formule:; verwacht een bedrag per jaar of een formule");
      ModelLine l;
      l.id = id;
      l.loc = mloc(idt->loc);
      m.lines.push_back(std::move(l));
      const int li = m.size() - 1;
      r.fields(x, li, true);
      r.place(x, li, s_);
    }
  }
  if (const Tree* s = t.get("wijzig")) {
    if (s->kind != Tree::Kind::Seq) fail(s->loc, "wijzig is geen lijst; verwacht per regel '- {id: ..., naam: ...}'");
    for (const auto& x : s->seq) {
      if (x.kind != Tree::Kind::Map) fail(x.loc, "een wijziging is een map; verwacht {id: ..., naam: ...}");
      only_keys(x, {"id", "naam", "onder", "na", "voor", "bron", "formule", "bedragen", "nadruk", "optellen"}, "een wijziging");
      const Tree* idt = x.get("id");
      if (!idt) fail(x.loc, "wijziging zonder id; verwacht 'id: ...'");
      const int li = r.line_arg(*idt, "id");
      if (m.line(li).kind == LineKind::Subtotal) fail(idt->loc, "'" + m.line(li).id + "' is het totaal van een sectie; verwacht een regel");
      r.fields(x, li, false);
      if (const Tree* onder = x.get("onder")) r.place(x, li, r.section_arg(*onder, "onder"));
      else if (x.get("na") || x.get("voor")) {
        if (m.line(li).section < 0) fail(idt->loc, "'" + m.line(li).id + "' staat in geen sectie; verwacht ook onder:");
        r.place(x, li, m.line(li).section);
      }
    }
  }
  if (const Tree* s = t.get("vervalt")) {
    if (s->kind != Tree::Kind::Seq) fail(s->loc, "vervalt is geen lijst; verwacht per regel '- ID'");
    for (const auto& x : s->seq) {
      const int li = r.line_arg(x, "vervalt");
      const auto& l = m.line(li);
      if (l.kind == LineKind::Subtotal) fail(x.loc, "'" + l.id + "' is het totaal van een sectie en kan niet vervallen");
      if (li == static_cast<int>(Line::resultaat) || li == static_cast<int>(Line::eigen_vermogen))
        fail(x.loc, "'" + l.id + "' is een vaste regel van elke begroting en kan niet vervallen");
      m.detach(li);
    }
  }
}

void check_model(const Scenario& sc) {
  if (!sc.model) return;
  try {
    (void)build_graph(sc.model, formula_params(*sc.model, sc.reg()));
  } catch (const ModelError& e) {
    std::string msg = e.what();
    if (!e.unknown.empty()) {
      const std::string s = suggest(e.unknown, e.candidates);
      msg += s.empty() ? "; verwacht een regel-id uit het model of een parameter" : s;
    }
    fail(Loc{e.loc.file.empty() ? (sc.files.empty() ? std::string("?") : sc.files.back()) : e.loc.file,
             e.loc.line > 0 ? e.loc.line : 1, e.loc.column > 0 ? e.loc.column : 1},
         msg);
  }
}

}  // namespace begroting::detail
