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
//
// Every error: FILE:LINE:COLUMN: what is wrong; what was expected (1-based).
#include "verdeling.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "begroting/loader.hpp"

namespace begroting::detail {

namespace {

[[noreturn]] void fail(const Loc& l, const std::string& msg) { throw InputError(l.str() + ": " + msg); }

/// A strict decimal number ("12", "-0.5"); no percent signs, no thousands separators.
double number(const Tree& t, const std::string& what, double min, double max, bool whole = false) {
  if (t.kind != Tree::Kind::Scalar) fail(t.loc, what + ": verwacht een getal");
  const std::string& s = t.scalar;
  double v = 0;
  const char* b = s.data() + (!s.empty() && s[0] == '+' ? 1 : 0);
  auto [p, ec] = std::from_chars(b, s.data() + s.size(), v);
  const bool plain = s.find_first_not_of("+-0123456789.") == std::string::npos;
  if (s.empty() || ec != std::errc() || p != s.data() + s.size() || !plain || !std::isfinite(v)) {
    if (!s.empty() && s.back() == '%') fail(t.loc, what + ": '" + s + "' is geen getal; schrijf een fractie, bijvoorbeeld 0.03 voor 3%");
    fail(t.loc, what + ": '" + s + "' is geen getal; verwacht een getal met een punt als decimaalteken");
  }
  if (whole && v != std::floor(v)) fail(t.loc, what + ": '" + s + "' is geen heel getal; verwacht een heel getal");
  if (v < min || v > max) {
    std::ostringstream os;
    os << what << ": " << s << " ligt buiten het bereik; verwacht een waarde van " << min << " tot en met " << max;
    fail(t.loc, os.str());
  }
  return v;
}

std::string text(const Tree& t, const std::string& what) {
  if (t.kind != Tree::Kind::Scalar || t.scalar.empty()) fail(t.loc, what + ": verwacht een tekst");
  return t.scalar;
}

const Tree& map_of(const Tree& t, const std::string& what, const std::string& expected) {
  if (t.kind != Tree::Kind::Map) fail(t.loc, what + " is een groep; verwacht " + expected);
  return t;
}

void only_keys(const Tree& t, const std::string& what, const std::set<std::string>& allowed) {
  for (size_t i = 0; i < t.map.size(); ++i)
    if (!allowed.count(t.map[i].first)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      std::string best;
      int best_d = 1 << 30;
      for (const auto& a : allowed) {
        const int d = edit_distance(t.map[i].first, a);
        if (d < best_d) { best_d = d; best = a; }
      }
      fail(t.key_locs[i], "onbekende sleutel '" + t.map[i].first + "' onder " + what +
                              (best_d <= 2 ? "; bedoelt u '" + best + "'?" : "; verwacht een van: " + list));
    }
}

// ---- ikc -----------------------------------------------------------------------------------

void read_ikc(const Tree& ikc, IkcAfspraak& out) {
  if (const Tree* v = ikc.get("verrekening")) {
    const std::string s = text(*v, "ikc.verrekening");
    if (s == "geen") out.verrekening = IkcAfspraak::Verrekening::Geen;
    else if (s == "deel_buiten_band") out.verrekening = IkcAfspraak::Verrekening::DeelBuitenBand;
    else if (s == "volledig") out.verrekening = IkcAfspraak::Verrekening::Volledig;
    else fail(v->loc, "ikc.verrekening '" + s + "' is onbekend; verwacht geen, deel_buiten_band of volledig");
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
    fail(t.loc, what + " '" + s + "' is geen schooljaar; verwacht bijvoorbeeld 2023-2024");
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
      if (!e.get(k)) fail(e.loc, what + " mist '" + k + "'; verwacht school, schooljaar, september, februari en juni");
    t.school = text(*e.get("school"), what + ".school");
    t.schooljaar_eind = schooljaar_eind(*e.get("schooljaar"), what + ".schooljaar");
    t.september = categories(*e.get("september"), what + ".september");
    t.februari = categories(*e.get("februari"), what + ".februari");
    t.juni = categories(*e.get("juni"), what + ".juni");
    t.herkomst = e.loc.str();
    (void)file;
    out.push_back(std::move(t));
  }
}

}  // namespace

const std::set<std::string>& verdeling_paths() {
  static const std::set<std::string> p{"ikc.verrekening", "ikc.verdeelsleutel", "vangnet.tellingen"};
  return p;
}

void read_verdeling(const std::vector<std::pair<const Tree*, std::string>>& docs, Scenario& sc) {
  Loc tellingen_loc;
  for (const auto& [tree, file] : docs) {
    (void)file;
    if (const Tree* ikc = tree->get("ikc"); ikc && ikc->kind == Tree::Kind::Map) read_ikc(*ikc, sc.verdeling.ikc);
    if (const Tree* v = tree->get("vangnet"); v && v->kind == Tree::Kind::Map)
      if (const Tree* t = v->get("tellingen")) {
        read_vangnet(*t, file, sc.verdeling.vangnet);
        tellingen_loc = t->loc;
      }
  }
  if (!sc.verdeling.vangnet.empty() && std::isnan(sc.value("vangnet.fractie_jaar")))
    fail(tellingen_loc, "vangnet.tellingen zonder vangnet.fractie_jaar; verwacht het deel van een jaar dat het swv per netto "
                        "ingestroomde leerling betaalt, bijvoorbeeld 'fractie_jaar: 0.25'");
}

}  // namespace begroting::detail
