// The non-parameter sections of the plan's distribution rules (paragraph 8.1):
//
//   ikc:
//     verrekening: geen | deel_buiten_band | volledig   # 8.1.6, default geen
//     verdeelsleutel: {Bestuur A: 0.5, Bestuur B: 0.3, Bestuur C: 0.2}   # shares, sum 1
//   vangnet:
//     fractie_jaar: 0.25          # schema parameter; required when tellingen are given
//     tellingen:                  # 8.1.7, per SO cluster 3 school and school year
//       - school: SO Molenduin
//         schooljaar: 2023-2024   # claims paid in the budget of 2025
//         september: {cat1: 40, cat2: 12, cat3: 6}
//         februari: {cat1: 42, cat2: 12, cat3: 6}
//         juni: {cat1: 47, cat2: 13, cat3: 6}
//   scholen: gegevens/scholen.yaml   # 8.1.2-8.1.5; or scholen.csv, or {bestand: scholen.csv,
//                                    # stromen: stromen.csv, bao_bao: bao-bao.csv} (csv.cpp)
//
// Every error: FILE:LINE:COLUMN: what is wrong; what was expected (1-based).
#include "verdeling.hpp"

#include <algorithm>
#include <array>
#include <concepts>
#include <initializer_list>
#include <charconv>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "begroting/loader.hpp"
#include "begroting/names.hpp"
#include "csv.hpp"
#include "number.hpp"

namespace begroting::detail {

namespace {


/// A value's name in a message ("scholen[12].plaatsingen.2024.sbo_ikc"): a text, or a function
/// that puts it together only when a message needs it (a schools file of 6,500 schools has a
/// quarter of a million values, and building every name up front cost more than reading them).
inline const std::string& name_of(const std::string& s) { return s; }
inline std::string name_of(const char* s) { return s; }
template <class F>
  requires std::invocable<const F&>
std::string name_of(const F& f) {
  return f();
}

/// A number by the one rule of number.hpp ("12", "-0.5", "1e0"); no percent signs, no
/// thousands separators.
template <class N>
double number(const Tree& t, const N& what, double min, double max, bool whole = false) {
  if (t.kind != Tree::Kind::Scalar) fail(t.loc, name_of(what) + ": verwacht een getal");
  const std::string& s = t.scalar;
  double v = 0;
  if (!parse_number(s, v)) {
    if (!s.empty() && s.back() == '%') fail(t.loc, name_of(what) + ": '" + shown_value(s) + "' is geen getal; schrijf een fractie, bijvoorbeeld 0.03 voor 3%");
    fail(t.loc, name_of(what) + ": '" + shown_value(s) + "' is geen getal; verwacht een getal met een punt als decimaalteken");
  }
  if (whole && v != std::floor(v)) fail(t.loc, name_of(what) + ": '" + shown_value(s) + "' is geen heel getal; verwacht een heel getal");
  if (v < min || v > max) {
    std::ostringstream os;
    os << name_of(what) << ": " << s << " ligt buiten het bereik; verwacht een waarde van " << min << " tot en met " << max;
    fail(t.loc, os.str());
  }
  return v;
}

template <class N>
std::string text(const Tree& t, const N& what) {
  if (t.kind != Tree::Kind::Scalar || t.scalar.empty()) fail(t.loc, name_of(what) + ": verwacht een tekst");
  return t.scalar;
}

template <class N>
const Tree& map_of(const Tree& t, const N& what, std::string_view expected) {
  if (t.kind != Tree::Kind::Map) fail(t.loc, name_of(what) + " is een groep; verwacht " + std::string(expected));
  return t;
}

/// Every key of map `t` is one of `allowed` (searched in place: no set is built per map).
template <class N>
void only_keys(const Tree& t, const N& what, std::initializer_list<std::string_view> allowed) {
  for (size_t i = 0; i < t.map.size(); ++i)
    if (std::find(allowed.begin(), allowed.end(), t.map[i].first) == allowed.end()) {
      std::vector<std::string> sorted(allowed.begin(), allowed.end());
      std::sort(sorted.begin(), sorted.end());
      std::string list;
      for (const auto& a : sorted) list += (list.empty() ? "" : ", ") + a;
      const std::string best = did_you_mean(t.map[i].first, sorted);
      fail(t.key_locs[i], "onbekende sleutel '" + shown_value(t.map[i].first) + "' onder " + name_of(what) +
                              (!best.empty() ? "; bedoelt u '" + best + "'?" : "; verwacht een van: " + list));
    }
}

// ---- ikc -----------------------------------------------------------------------------------

void read_ikc(const Tree& ikc, IkcAfspraak& out) {
  if (const Tree* v = ikc.get("verrekening")) {
    const std::string s = text(*v, "ikc.verrekening");
    const auto r = enum_of<IkcAfspraak::Verrekening>(s);
    if (!r)
      fail(v->loc, "ikc.verrekening '" + shown_value(s) + "' is onbekend; verwacht " + names_list<IkcAfspraak::Verrekening>());
    out.verrekening = *r;
  }
  if (const Tree* k = ikc.get("verdeelsleutel")) {
    map_of(*k, "ikc.verdeelsleutel", "per schoolbestuur zijn aandeel, bijvoorbeeld {Bestuur A: 0.5, Bestuur B: 0.5}");
    out.verdeelsleutel.clear();
    double som = 0;
    for (size_t i = 0; i < k->map.size(); ++i) {
      const auto& [bestuur, v] = k->map[i];
      const double share = number(v, "ikc.verdeelsleutel." + bestuur, 0, 1);
      som += share;
      out.verdeelsleutel.emplace_back(bestuur, share);
    }
    if (out.verdeelsleutel.empty()) fail(k->loc, "ikc.verdeelsleutel is leeg; verwacht per schoolbestuur zijn aandeel");
    if (std::fabs(som - 1.0) > 1e-9) {
      std::ostringstream os;
      os << "ikc.verdeelsleutel telt op tot " << som << "; verwacht aandelen die samen precies 1 zijn";
      fail(k->loc, os.str());
    }
  }
}

// ---- vangnet -------------------------------------------------------------------------------

std::array<double, 3> categories(const Tree& t, const std::string& what) {
  map_of(t, what, "aantallen per categorie, bijvoorbeeld {cat1: 40, cat2: 12, cat3: 6}");
  only_keys(t, what, {"cat1", "cat2", "cat3"});
  std::array<double, 3> out{};
  const char* keys[] = {"cat1", "cat2", "cat3"};
  for (int k = 0; k < 3; ++k)
    if (const Tree* v = t.get(keys[k])) out[static_cast<size_t>(k)] = number(*v, what + "." + keys[k], 0, 1e6, true);
  return out;
}

int schooljaar_eind(const Tree& t, const std::string& what) {
  const std::string s = text(t, what);
  int a = 0, b = 0;
  const bool ok = s.size() == 9 && s[4] == '-' &&
                  std::from_chars(s.data(), s.data() + 4, a).ec == std::errc() &&
                  std::from_chars(s.data() + 5, s.data() + 9, b).ec == std::errc();
  if (!ok || b != a + 1 || a < 1990 || a > 2100)
    fail(t.loc, what + " '" + shown_value(s) + "' is geen schooljaar; verwacht bijvoorbeeld 2023-2024");
  return b;
}

void read_vangnet(const Tree& tellingen, const std::string& file, std::vector<VangnetTelling>& out) {
  if (tellingen.kind != Tree::Kind::Seq)
    fail(tellingen.loc, "vangnet.tellingen is een lijst; verwacht per SO cluster 3-school en schooljaar een item met school, "
                        "schooljaar, september, februari en juni");
  out.clear();
  for (size_t i = 0; i < tellingen.seq.size(); ++i) {
    const Tree& e = tellingen.seq[i];
    const std::string what = "vangnet.tellingen[" + std::to_string(i + 1) + "]";
    map_of(e, what, "school, schooljaar, september, februari, juni");
    only_keys(e, what, {"school", "schooljaar", "september", "februari", "juni"});
    VangnetTelling t;
    for (const char* k : {"school", "schooljaar", "september", "februari", "juni"})
      if (!e.get(k)) fail(e.loc, what + " mist '" + shown_value(k) + "'; verwacht school, schooljaar, september, februari en juni");
    t.school = text(*e.get("school"), what + ".school");
    t.schooljaar_eind = schooljaar_eind(*e.get("schooljaar"), what + ".schooljaar");
    t.september = categories(*e.get("september"), what + ".september");
    t.februari = categories(*e.get("februari"), what + ".februari");
    t.juni = categories(*e.get("juni"), what + ".juni");
    t.herkomst = e.loc;
    (void)file;
    out.push_back(std::move(t));
  }
}

// ---- scholen (8.1.2-8.1.5) --------------------------------------------------------------------

template <class N>
Datum datum(const Tree& t, const N& what) {
  const std::string s = t.kind == Tree::Kind::Scalar ? t.scalar : "";
  Datum d;
  const bool ok = s.size() == 10 && s[4] == '-' && s[7] == '-' &&
                  std::from_chars(s.data(), s.data() + 4, d.jaar).ec == std::errc() &&
                  std::from_chars(s.data() + 5, s.data() + 7, d.maand).ec == std::errc() &&
                  std::from_chars(s.data() + 8, s.data() + 10, d.dag).ec == std::errc();
  static const int dagen[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (!ok || d.jaar < 1990 || d.jaar > 2100 || d.maand < 1 || d.maand > 12 || d.dag < 1 || d.dag > dagen[d.maand - 1])
    fail(t.loc, name_of(what) + " '" + shown_value(s) + "' is geen datum; verwacht JJJJ-MM-DD, bijvoorbeeld 2024-03-15");
  return d;
}

template <class N>
int year_key(const Tree& map, size_t i, const N& what) {
  const std::string& k = map.map[i].first;
  int y = 0;
  if (k.size() != 4 || std::from_chars(k.data(), k.data() + 4, y).ec != std::errc() || y < 1990 || y > 2100)
    fail(map.key_locs[i], name_of(what) + ": '" + shown_value(k) + "' is geen jaartal; verwacht bijvoorbeeld 2024");
  return y;
}

School read_school(const Tree& e, const std::string& what) {
  map_of(e, what, "id, naam, bestuur, itk, leerlingen, plaatsingen, tlv_op_bao, opmaat, stromen");
  only_keys(e, what, {"id", "naam", "bestuur", "itk", "leerlingen", "plaatsingen", "tlv_op_bao", "opmaat", "stromen"});
  School s;
  for (const char* k : {"id", "naam", "bestuur", "leerlingen"})
    if (!e.get(k)) fail(e.loc, what + " mist '" + shown_value(k) + "'; verwacht id, naam, bestuur en leerlingen (per teldatum)");
  s.id = text(*e.get("id"), [&] { return what + ".id"; });
  s.naam = text(*e.get("naam"), [&] { return what + ".naam"; });
  s.bestuur = text(*e.get("bestuur"), [&] { return what + ".bestuur"; });
  if (const Tree* v = e.get("itk")) {  // Internationale Taalklas (8.1.2)
    if (v->kind == Tree::Kind::Scalar && v->scalar == "ja") s.itk = true;
    else if (v->kind == Tree::Kind::Scalar && v->scalar == "nee") s.itk = false;
    else fail(v->loc, what + ".itk '" + shown_value(v->kind == Tree::Kind::Scalar ? v->scalar : "") + "' is geen ja of nee; verwacht 'ja' voor de Internationale Taalklas of 'nee'");
  }
  s.herkomst = e.loc;
  const auto leerlingen = [&] { return what + ".leerlingen"; };
  const Tree& ll = map_of(*e.get("leerlingen"), leerlingen, "leerlingen per teldatum 1 februari, bijvoorbeeld {2023: 250}");
  for (size_t i = 0; i < ll.map.size(); ++i)
    s.leerlingen[year_key(ll, i, leerlingen)] = number(ll.map[i].second, leerlingen, 0, 1e5, true);
  if (const Tree* p = e.get("plaatsingen")) {
    const auto plaatsingen = [&] { return what + ".plaatsingen"; };
    map_of(*p, plaatsingen, "per kalenderjaar de plaatsingen, bijvoorbeeld {2024: {sbo_ikc: 2, so_cat1: 1, dws: 1}}");
    for (size_t i = 0; i < p->map.size(); ++i) {
      const int y = year_key(*p, i, plaatsingen);
      const Tree& v = p->map[i].second;
      const auto w = [&] { return what + ".plaatsingen." + std::to_string(y); };
      map_of(v, w, "sbo_ikc, so_cat1, so_cat2, so_cat3, dws, tlv_d");
      only_keys(v, w, {"sbo_ikc", "so_cat1", "so_cat2", "so_cat3", "dws", "tlv_d"});
      Plaatsingen pl;
      if (const Tree* x = v.get("sbo_ikc")) pl.sbo_ikc = number(*x, [&] { return w() + ".sbo_ikc"; }, 0, 1e4, true);
      if (const Tree* x = v.get("so_cat1")) pl.so_cat1 = number(*x, [&] { return w() + ".so_cat1"; }, 0, 1e4, true);
      if (const Tree* x = v.get("so_cat2")) pl.so_cat2 = number(*x, [&] { return w() + ".so_cat2"; }, 0, 1e4, true);
      if (const Tree* x = v.get("so_cat3")) pl.so_cat3 = number(*x, [&] { return w() + ".so_cat3"; }, 0, 1e4, true);
      if (const Tree* x = v.get("dws")) pl.dws = number(*x, [&] { return w() + ".dws"; }, 0, 1e4, true);
      if (const Tree* x = v.get("tlv_d")) {  // 6.1.3: of the placements, pupils with a voorschoolse TLV
        pl.tlv_d = number(*x, [&] { return w() + ".tlv_d"; }, 0, 1e4, true);
        if (pl.tlv_d > pl.verwijzingen()) {
          std::ostringstream os;
          os << w() << ".tlv_d: " << pl.tlv_d << " leerlingen met een voorschoolse TLV, maar " << pl.verwijzingen()
             << " plaatsingen in " << y << "; verwacht hooguit het aantal plaatsingen (sbo_ikc + so_cat1 + so_cat2 + so_cat3)";
          fail(x->loc, os.str());
        }
      }
      s.plaatsingen[y] = pl;
    }
  }
  if (const Tree* t = e.get("tlv_op_bao")) {
    const auto tlv = [&] { return what + ".tlv_op_bao"; };
    map_of(*t, tlv, "per kalenderjaar het aantal leerlingen met een TLV op de bao, bijvoorbeeld {2024: 1}");
    for (size_t i = 0; i < t->map.size(); ++i)
      s.tlv_op_bao[year_key(*t, i, tlv)] = number(t->map[i].second, tlv, 0, 1e4, true);
  }
  if (const Tree* o = e.get("opmaat")) {  // 8.1.8: pupil-weeks in the Opmaat klas SO Molenduin
    const auto opmaat = [&] { return what + ".opmaat"; };
    map_of(*o, opmaat, "per kalenderjaar de leerlingweken in de Opmaat klas per SO-categorie, bijvoorbeeld {2025: {so_cat1: 12}}");
    for (size_t i = 0; i < o->map.size(); ++i) {
      const int y = year_key(*o, i, opmaat);
      const Tree& v = o->map[i].second;
      const std::string w = what + ".opmaat." + std::to_string(y);
      map_of(v, w, "leerlingweken per SO-categorie: so_cat1, so_cat2, so_cat3");
      only_keys(v, w, {"so_cat1", "so_cat2", "so_cat3"});
      std::array<double, 3> weken{};
      const char* cats[] = {"so_cat1", "so_cat2", "so_cat3"};
      for (size_t k = 0; k < 3; ++k)
        if (const Tree* x = v.get(cats[k])) weken[k] = number(*x, w + "." + cats[k] + " (leerlingweken)", 0, 1e5, true);
      s.opmaat[y] = weken;
    }
  }
  if (const Tree* st = e.get("stromen")) {
    if (st->kind != Tree::Kind::Seq)
      fail(st->loc, what + ".stromen is een lijst; verwacht items als {soort: instroom, inschrijving: 2024-03-15}");
    for (size_t i = 0; i < st->seq.size(); ++i) {
      const Tree& x = st->seq[i];
      const auto w = [&] { return what + ".stromen[" + std::to_string(i + 1) + "]"; };
      map_of(x, w, "soort, inschrijving en eventueel vertrek");
      only_keys(x, w, {"soort", "inschrijving", "vertrek", "vorige_school"});
      if (!x.get("soort")) fail(x.loc, w() + " mist soort; verwacht {soort: instroom, inschrijving: 2024-03-15}");
      Leerlingstroom ls;
      const std::string soort = text(*x.get("soort"), [&] { return w() + ".soort"; });
      const auto r = enum_of<Leerlingstroom::Soort>(soort);
      if (!r)
        fail(x.get("soort")->loc, w() + ".soort '" + shown_value(soort) + "' is onbekend; verwacht " + names_list<Leerlingstroom::Soort>());
      ls.soort = *r;
      const bool tlv = ls.soort == Leerlingstroom::Soort::TlvOpBao;
      if (tlv && !x.get("vertrek"))
        fail(x.loc, w() + " (tlv_op_bao) mist vertrek; verwacht {soort: tlv_op_bao, vertrek: 2025-03-15}: de laatste schooldag van de leerling");
      if (!tlv && !x.get("inschrijving")) fail(x.loc, w() + " mist inschrijving; verwacht {soort: " + soort + ", inschrijving: 2024-03-15}");
      if (const Tree* v = x.get("inschrijving")) ls.inschrijving = datum(*v, [&] { return w() + ".inschrijving"; });
      if (const Tree* v = x.get("vertrek")) {
        ls.vertrek = datum(*v, [&] { return w() + ".vertrek"; });
        if (x.get("inschrijving") && *ls.vertrek < ls.inschrijving) fail(v->loc, w() + ".vertrek ligt voor de inschrijving; verwacht een latere datum");
      }
      if (const Tree* v = x.get("vorige_school")) {  // 6.3; checked against the ids in read_scholen_list
        if (ls.soort != Leerlingstroom::Soort::Terugplaatsing)
          fail(v->loc, w() + ".vorige_school hoort alleen bij soort terugplaatsing; verwacht geen vorige_school bij " + soort);
        ls.vorige_school = text(*v, [&] { return w() + ".vorige_school"; });
      }
      if (tlv) {  // 8.1.4: the pupil must have been paid in August of the school year it leaves
        const int start = ls.vertrek->maand >= 8 ? ls.vertrek->jaar : ls.vertrek->jaar - 1;
        int leavers = 0;
        for (const auto& o : s.stromen)
          if (o.soort == Leerlingstroom::Soort::TlvOpBao && (o.vertrek->maand >= 8 ? o.vertrek->jaar : o.vertrek->jaar - 1) == start) ++leavers;
        const auto paid = s.tlv_op_bao.find(start);
        const double n = paid == s.tlv_op_bao.end() ? 0 : paid->second;
        if (leavers + 1 > n) {
          std::ostringstream os;
          os << w() << ": een leerling met een TLV op de bao vertrekt in schooljaar " << start << "-" << start + 1 << ", maar "
             << what << ".tlv_op_bao geeft voor " << start << " (uitkering augustus " << start << ") " << n
             << " leerlingen; verwacht tlv_op_bao: {" << start << ": n} met n minstens het aantal vertrekkers in dat schooljaar";
          fail(x.get("vertrek")->loc, os.str());
        }
      }
      ls.herkomst = x.loc;
      s.stromen.push_back(ls);
    }
  }
  return s;
}

/// The schools, from YAML or from CSV, one school at a time in file order: add(school) gets
/// school i as the Tree a YAML schools file has (csv.cpp builds it from the CSV row only while it
/// is read, with the CSV cells' locations; a YAML file hands each over while it is parsed): one
/// reader, so that every check and message holds for both. finish() checks what spans schools.
class ScholenLezer {
 public:
  ScholenLezer(const std::string& path, size_t n) {
    out.bestand = path;
    // Every id indexed once (hash map): a bao_bao row finds its schools in constant time.
    ids.reserve(n);
    out.scholen.reserve(n);
  }

  void add(const Tree& school) {
    const size_t i = out.scholen.size();
    School s = read_school(school, "scholen[" + std::to_string(i + 1) + "]");
    // where a school starts is where read_school says it comes from (herkomst)
    const auto [it, fresh] = ids.try_emplace(s.id, i);
    if (!fresh)
      fail(s.herkomst, "school-id " + s.id + " staat twee keer in het bestand (eerst op " + out.scholen[it->second].herkomst.str() +
                           "); verwacht unieke id's");
    out.scholen.push_back(std::move(s));
  }

  /// `vorige_school_loc(i, k)`: where stroom k of school i names its vorige_school. `bb`: the
  /// bao_bao list, if any.
  template <class VorigeLoc>
  Scholen finish(const VorigeLoc& vorige_school_loc, const Tree* bb) {
  // 6.3: a terugplaatsing's vorige_school is a school of this file
  for (size_t i = 0; i < out.scholen.size(); ++i)
    for (size_t k = 0; k < out.scholen[i].stromen.size(); ++k)
      if (const std::string& v = out.scholen[i].stromen[k].vorige_school; !v.empty() && !ids.count(v))
        fail(vorige_school_loc(i, k),
             "scholen[" + std::to_string(i + 1) + "].stromen[" + std::to_string(k + 1) + "].vorige_school: school " + shown_value(v) +
                 " staat niet in het bestand; verwacht een id uit 'scholen' (een school buiten het bestand: laat vorige_school weg)");
  if (bb) {
    if (bb->kind != Tree::Kind::Seq) fail(bb->loc, "bao_bao is een lijst; verwacht items als {van: S01, naar: S02, overstap: 2023-03-01}");
    for (size_t i = 0; i < bb->seq.size(); ++i) {
      const Tree& x = bb->seq[i];
      const std::string w = "bao_bao[" + std::to_string(i + 1) + "]";
      map_of(x, w, "van, naar, overstap en eventueel verwijzing");
      only_keys(x, w, {"van", "naar", "overstap", "verwijzing"});
      for (const char* k : {"van", "naar", "overstap"})
        if (!x.get(k)) fail(x.loc, w + " mist '" + shown_value(k) + "'; verwacht van, naar en overstap");
      BaoBao b;
      b.van = text(*x.get("van"), w + ".van");
      b.naar = text(*x.get("naar"), w + ".naar");
      for (const auto& [id, loc] : {std::pair{b.van, x.get("van")->loc}, std::pair{b.naar, x.get("naar")->loc}})
        if (!ids.count(id)) fail(loc, w + ": school " + id + " staat niet in het bestand; verwacht een id uit 'scholen'");
      if (b.van == b.naar) fail(x.get("naar")->loc, w + ": van en naar zijn dezelfde school; verwacht twee verschillende scholen");
      b.overstap = datum(*x.get("overstap"), w + ".overstap");
      if (const Tree* v = x.get("verwijzing")) {
        b.verwijzing = datum(*v, w + ".verwijzing");
        if (*b.verwijzing < b.overstap) fail(v->loc, w + ".verwijzing ligt voor de overstap; verwacht een latere datum");
        // the placement must be in the receiving school's placements of that year
        const School& s = out.scholen[ids.at(b.naar)];
        auto it = s.plaatsingen.find(b.verwijzing->jaar);
        if (it == s.plaatsingen.end() || it->second.verwijzingen() < 1)
          fail(v->loc, w + ": school " + b.naar + " heeft in " + std::to_string(b.verwijzing->jaar) +
                           " geen plaatsing; verwacht de plaatsing van deze leerling bij de ontvangende school");
      }
      b.herkomst = x.loc;
      out.bao_bao.push_back(b);
    }
  }
    return std::move(out);
  }

 private:
  Scholen out;
  std::unordered_map<std::string, size_t> ids;
};

/// The schools CSV tables (csv.cpp): each school's Tree is built while it is read, then dropped.
Scholen read_scholen_csv(const CsvBron& bron, const std::optional<CsvBron>& stromen, const std::optional<CsvBron>& bao_bao) {
  const ScholenCsv csv = scholen_uit_csv(bron, stromen, bao_bao);
  ScholenLezer lezer(bron.path, csv.aantal());
  for (size_t i = 0; i < csv.aantal(); ++i) lezer.add(csv.school(i));
  return lezer.finish([&](size_t i, size_t k) { return csv.vorige_school_loc(i, k); }, csv.bao_bao ? &*csv.bao_bao : nullptr);
}

/// A schools YAML file gets exactly the checks of a scenario file: a regular file of at most
/// 4 MB, UTF-8 without NUL bytes, not empty, and a message naming the file when it is not a
/// schools file at all (without quoting its content).
Scholen read_scholen_yaml(const std::string& path, const Loc& from) {
  const std::string text = read_text_file(path, &from, "een scholenbestand");
  check_text(text, path, "een scholenbestand");
  // Each school is read while the file is parsed (ListItems) and dropped: the file is never one
  // tree of 6,500 schools. What is wrong in a school is said after the file's own errors, as
  // when the whole tree came first: a YAML error anywhere, then the top level, then the schools.
  ScholenLezer lezer(path, 0);
  std::optional<std::string> school_error;
  std::map<std::pair<size_t, size_t>, Loc> vorige_school_at;  // only the strooms that name one
  size_t n = 0;
  const ListItems scholen{"scholen", [&](Tree&& school) {
                            const size_t i = n++;
                            if (school_error) return;
                            try {
                              lezer.add(school);
                            } catch (const InputError& e) {
                              school_error = e.what();
                              return;
                            }
                            if (const Tree* st = school.get("stromen"))
                              for (size_t k = 0; k < st->seq.size(); ++k)
                                if (const Tree* v = st->seq[k].get("vorige_school")) vorige_school_at.emplace(std::pair{i, k}, v->loc);
                          }};
  const Tree root = parse_yaml(text, path, &scholen);
  if (root.kind == Tree::Kind::Null)
    fail(Loc{path, 1, 1}, "het bestand is leeg; verwacht een scholenbestand met 'scholen:' en daaronder een lijst van scholen");
  if (root.kind != Tree::Kind::Map)
    fail(root.loc, "een scholenbestand is een map; verwacht 'scholen:' en eventueel 'bao_bao:'");
  check_is_a(root, path, {"scholen", "bao_bao"}, "een scholenbestand");
  only_keys(root, "het scholenbestand", {"scholen", "bao_bao"});
  const Tree* list = root.get("scholen");
  if (!list || list->kind != Tree::Kind::Seq) fail(list ? list->loc : root.loc, "verwacht 'scholen:' met een lijst van scholen");
  if (school_error) throw InputError(*school_error);
  Scholen out = lezer.finish([&](size_t i, size_t k) { return vorige_school_at.at({i, k}); }, root.get("bao_bao"));
  out.bestanden = {path};
  return out;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  return true;
}

/// `scholen:` in a scenario: a YAML file, a CSV table of schools, or
/// {bestand: scholen.csv, stromen: stromen.csv, bao_bao: bao-bao.csv} (stromen, bao_bao optional).
/// Paths are relative to the scenario file.
Scholen read_scholen(const Tree& sch, const std::string& file) {
  const std::string vormen =
      "verwacht een bestandsnaam (.yaml, .yml of .csv), bijvoorbeeld 'scholen: scholen.yaml', of "
      "{bestand: scholen.csv, stromen: stromen.csv, bao_bao: bao-bao.csv}";
  auto path_of = [&](const Tree& t) { return (std::filesystem::path(file).parent_path() / t.scalar).string(); };
  if (sch.kind == Tree::Kind::Scalar && !sch.scalar.empty()) {
    if (ends_with(sch.scalar, ".yaml") || ends_with(sch.scalar, ".yml")) return read_scholen_yaml(path_of(sch), sch.loc);
    if (ends_with(sch.scalar, ".csv")) {
      Scholen out = read_scholen_csv({path_of(sch), sch.loc}, {}, {});
      out.bestanden = {path_of(sch)};
      return out;
    }
    fail(sch.loc, "scholen: '" + shown_value(sch.scalar) + "' eindigt niet op .yaml, .yml of .csv; " + vormen);
  }
  if (sch.kind != Tree::Kind::Map) fail(sch.loc, "scholen: " + vormen);
  only_keys(sch, "scholen", {"bestand", "stromen", "bao_bao"});
  if (!sch.get("bestand")) fail(sch.loc, "scholen mist 'bestand'; " + vormen);
  std::optional<CsvBron> bron[3];
  const char* keys[] = {"bestand", "stromen", "bao_bao"};
  for (int k = 0; k < 3; ++k)
    if (const Tree* v = sch.get(keys[k])) {
      if (v->kind != Tree::Kind::Scalar || !ends_with(v->scalar, ".csv"))
        fail(v->loc, std::string("scholen.") + keys[k] + " verwacht een CSV-bestand (.csv), bijvoorbeeld '" +
                         (k == 0 ? "scholen.csv" : k == 1 ? "stromen.csv" : "bao-bao.csv") + "'");
      bron[k] = CsvBron{path_of(*v), v->loc};
    }
  Scholen out = read_scholen_csv(*bron[0], bron[1], bron[2]);
  for (const auto& b : bron)
    if (b) out.bestanden.push_back(b->path);
  return out;
}

void check_scholen(const Scholen& sc, const Scenario& s, const Loc& at) {
  const int first = s.horizon.first - 1;  // teldatum of the first begrotingsjaar
  double som = 0;
  for (const auto& school : sc.scholen) {
    if (!school.leerlingen.count(first))
      throw InputError(school.herkomst.str() + ": school " + school.id + " mist leerlingen op teldatum 1 februari " + std::to_string(first) +
                       "; verwacht bijvoorbeeld 'leerlingen: {" + std::to_string(first) + ": 250}'");
    som += school.leerlingen.at(first);
  }
  const double bo = s.value("leerlingen.bo.teldatum", first);
  if (std::fabs(som - bo) > 1e-6) {
    std::ostringstream os;
    os << "de scholen in " << sc.bestand << " hebben samen " << som << " leerlingen op 1 februari " << first
       << ", leerlingen.bo.teldatum zegt " << bo << "; verwacht dezelfde som";
    fail(at, os.str());
  }
  for (const char* p : {"top.dws_prijs", "top.tlv_op_bao_per_leerling"})
    for (int y = s.horizon.first; y <= s.horizon.last; ++y)
      if (std::isnan(s.value(p, y)))
        fail(at, std::string("met een scholenbestand is ") + p + " nodig voor " + std::to_string(y) + "; verwacht een bedrag in euro's");
}

}  // namespace

const std::set<std::string>& verdeling_paths() {
  static const std::set<std::string> p{"ikc.verrekening", "ikc.verdeelsleutel", "vangnet.tellingen"};
  return p;
}

void read_verdeling(const std::vector<std::pair<const Tree*, std::string>>& docs, Scenario& sc) {
  Loc tellingen_loc, scholen_loc;
  for (const auto& [tree, file] : docs) {
    (void)file;
    if (const Tree* ikc = tree->get("ikc"); ikc && ikc->kind == Tree::Kind::Map) read_ikc(*ikc, sc.verdeling.ikc);
    if (const Tree* v = tree->get("vangnet"); v && v->kind == Tree::Kind::Map)
      if (const Tree* t = v->get("tellingen")) {
        read_vangnet(*t, file, sc.verdeling.vangnet);
        tellingen_loc = t->loc;
      }
  }
  // The nearest file of the extends chain that names a schools file wins; only that one is read
  // (a child that replaces its parent's 6,500 schools by a CSV must not parse the parent's YAML).
  for (auto it = docs.rbegin(); it != docs.rend(); ++it)
    if (const Tree* sch = it->first->get("scholen")) {
      sc.verdeling.scholen = read_scholen(*sch, it->second);
      scholen_loc = sch->loc;
      break;
    }
  if (sc.verdeling.scholen) check_scholen(*sc.verdeling.scholen, sc, scholen_loc);
  if (!sc.verdeling.vangnet.empty() && std::isnan(sc.value("vangnet.fractie_jaar")))
    fail(tellingen_loc, "vangnet.tellingen zonder vangnet.fractie_jaar; verwacht het deel van een jaar dat het swv per netto "
                        "ingestroomde leerling betaalt, bijvoorbeeld 'fractie_jaar: 0.25'");
}

}  // namespace begroting::detail
