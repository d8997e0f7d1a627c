// Scenario loading: read (UTF-8 checked) -> parse (duplicates refused) -> extends chain ->
// horizon -> interpret every file against the schema (parent first, child overrides per year)
// -> --set -> defaults -> completeness. Every message: FILE:LINE:COLUMN: what; expected.
#include "begroting/loader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <sstream>

#include "number.hpp"
#include "model_file.hpp"
#include "sections.hpp"
#include "tree.hpp"
#include "verdeling.hpp"

namespace begroting {

using detail::fail;
using detail::first_invalid_utf8;
using detail::Loc;
using detail::Tree;
namespace fs = std::filesystem;

int edit_distance(const std::string& a, const std::string& b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {


// ---- reading ---------------------------------------------------------------------------

constexpr std::uintmax_t kMaxFileBytes = 4u * 1024 * 1024;  // a scenario is a few kB

}  // namespace

namespace detail {

std::string shown_path(const std::string& path) { return printable(path); }

std::string read_text_file(const std::string& path, const Loc* from, const std::string& noun) {
  const std::string where = from ? from->str() + ": " : "";
  const std::string file = shown_path(path);
  const std::string expected = "; verwacht " + noun + " (.yaml)";
  if (path.find('\0') != std::string::npos) throw InputError(where + file + ": een nul-teken in de bestandsnaam" + expected);
  // O_NONBLOCK: opening a FIFO does not wait for a writer; it is refused below as not regular.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR) throw InputError(where + file + ": bestand bestaat niet" + expected);
    if (err == EACCES || err == EPERM) throw InputError(where + file + ": kan het bestand niet lezen (geen leesrechten)" + expected);
    throw InputError(where + file + ": kan het bestand niet openen (" + std::strerror(err) + ")" + expected);
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw InputError(where + file + ": kan het bestand niet lezen" + expected);
  if (S_ISDIR(st.st_mode)) throw InputError(where + file + ": is een map" + expected);
  // Not a device, pipe or socket: /dev/zero or a FIFO would never end.
  if (!S_ISREG(st.st_mode)) throw InputError(where + file + ": is geen gewoon bestand" + expected);
  const auto too_large = [&](std::uintmax_t bytes) {
    return InputError(where + file + ": bestand van " + std::to_string(bytes / (1024 * 1024)) + " MB is te groot; verwacht " + noun +
                      " van hooguit 4 MB");
  };
  if (static_cast<std::uintmax_t>(st.st_size) > kMaxFileBytes) throw too_large(static_cast<std::uintmax_t>(st.st_size));
  // Read at most the limit (and one byte more to know): a file that grows meanwhile, or a
  // /proc file that reports size 0, cannot make the loader read gigabytes.
  std::string text;
  char buf[1 << 16];
  while (text.size() <= kMaxFileBytes) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError(where + file + ": kan het bestand niet lezen (" + std::strerror(errno) + ")" + expected);
    if (n == 0) return text;
    text.append(buf, static_cast<size_t>(n));
  }
  throw too_large(text.size());
}

void check_text(const std::string& text, const std::string& name, const std::string& noun) {
  const std::string file = shown_path(name);
  if (text.size() > kMaxFileBytes)
    throw InputError(file + ":1:1: de tekst is te groot; verwacht " + noun + " van hooguit 4 MB");
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
    throw InputError(file + ":1:1: het bestand is opgeslagen als UTF-16; sla het op als UTF-8");
  if (text.find('\0') != std::string::npos)
    throw InputError(file + ":1:1: bevat nul-bytes (geen tekstbestand); verwacht een YAML-tekstbestand in UTF-8");
  auto [l, c] = first_invalid_utf8(text);
  if (l != 0)
    throw InputError(file + ":" + std::to_string(l) + ":" + std::to_string(c) +
                     ": geen geldige UTF-8-tekst; sla het bestand op als UTF-8");
}

void check_is_a(const Tree& t, const std::string& name, const std::set<std::string>& keys, const std::string& noun) {
  if (t.kind != Tree::Kind::Map) return;
  for (const auto& [k, v] : t.map)
    for (const auto& known : keys)
      if (k == known || edit_distance(k, known) <= 2) return;  // a scenario, perhaps with a typo
  // Nothing of it is a key of this kind of file: say so without quoting what it holds (a file
  // named by mistake, or on purpose, like extends: /etc/shadow).
  fail(Loc{name, 1, 1}, "is geen " + noun.substr(noun.find(' ') + 1) + ": geen van de sleutels op het hoogste niveau hoort daarbij; verwacht " +
                            noun + " (.yaml)");
}

}  // namespace detail

std::string shown_value(const std::string& s) {
  // Cut on characters, never inside one; then escape what may not be printed.
  std::vector<size_t> starts;  // byte offset of each character
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  std::string cut = s;
  if (starts.size() > 40) cut = s.substr(0, starts[24]) + "..." + s.substr(starts[starts.size() - 12]);
  return printable(cut);
}

std::string printable(const std::string& msg) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(msg.size());
  for (size_t i = 0; i < msg.size();) {
    const auto c = static_cast<unsigned char>(msg[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (c == 0xC0 || c == 0xC1 || c > 0xF4) len = 0;
    bool ok = len != 0 && i + len <= msg.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(msg[i + k]) >> 6) == 0x2;
    const bool c1 = ok && len == 2 && c == 0xC2 && static_cast<unsigned char>(msg[i + 1]) < 0xA0;  // U+0080-U+009F
    if (ok && len == 1 && c >= 0x20 && c != 0x7F) {
      out += msg[i];
    } else if (ok && len == 1 && (c == '\n' || c == '\t' || c == '\r')) {
      out += c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\r";
    } else if (ok && len > 1 && !c1) {
      out.append(msg, i, len);
      i += len;
      continue;
    } else {
      const size_t n = ok ? len : 1;  // a C0/C1 control character, or one byte that is not UTF-8
      for (size_t k = 0; k < n; ++k) {
        const auto b = static_cast<unsigned char>(msg[i + k]);
        out += "\\x";
        out += hex[b >> 4];
        out += hex[b & 0xF];
      }
      i += n;
      continue;
    }
    ++i;
  }
  return out;
}

namespace {

// ---- numbers -----------------------------------------------------------------------------

/// A bound for a message, without exponent: 1000000, 100000000000, 0.5, -1.
std::string plain(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) return std::to_string(static_cast<long long>(v));
  std::ostringstream os;
  os << v;
  return os.str();
}

/// A value the user wrote, shortened for a message when it is absurdly long.
std::string shown(const std::string& s) { return shown_value(s); }

std::string unit_example(Unit u) {
  switch (u) {
    case Unit::Fractie: return "een fractie, bijvoorbeeld 0.04 voor 4%";
    case Unit::Euro: return "een bedrag in euro's met hooguit twee decimalen, bijvoorbeeld 1250 of 356.36";
    case Unit::EuroPerLeerling: return "een bedrag per leerling in euro's, bijvoorbeeld 356.36";
    case Unit::Leerlingen: return "een aantal leerlingen, bijvoorbeeld 585";
    case Unit::Leerlingjaren: return "een aantal leerlingjaren, bijvoorbeeld 12.5";
    case Unit::Jaar: return "een kalenderjaar, bijvoorbeeld 2027";
    case Unit::Weken: return "een aantal weken, bijvoorbeeld 40";
  }
  return "een getal";
}

double parse_value(const std::string& text, bool is_null, const ParamSpec& spec, const Loc& loc) {
  if (is_null) fail(loc, spec.path + " heeft geen waarde; verwacht " + unit_example(spec.unit));
  std::string s = text;
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  const std::string w = shown(s);  // as written, shortened if absurdly long
  double v = 0;
  int decimals = 0;
  if (!detail::parse_number(s, v, decimals)) {
    std::string hint;
    if (!s.empty() && s.back() == '%') {
      std::string num = s.substr(0, s.size() - 1);
      double p = 0;
      if (detail::parse_number(num, p)) {
        std::ostringstream os;
        os << p / 100.0;
        hint = ": schrijf " + os.str();
      }
      fail(loc, "'" + w + "' is geen getal" + (hint.empty() ? "; verwacht " + unit_example(spec.unit) : hint));
    }
    if (s.find(',') != std::string::npos)
      fail(loc, "'" + w + "' is geen getal: gebruik een punt als decimaalteken en geen scheidingstekens voor duizendtallen; verwacht " +
                    unit_example(spec.unit));
    if (std::count(s.begin(), s.end(), '.') > 1)
      fail(loc, "'" + w + "' is geen getal: schrijf bedragen zonder punten voor duizendtallen (1234567.89); verwacht " +
                    unit_example(spec.unit));
    fail(loc, "'" + w + "' is geen getal; verwacht " + unit_example(spec.unit));
  }
  if ((spec.unit == Unit::Euro || spec.unit == Unit::EuroPerLeerling) && decimals > 2)
    fail(loc, "'" + w + "' heeft meer dan twee decimalen; verwacht een bedrag in hele centen (" + unit_example(spec.unit) + ")");
  if (spec.unit == Unit::Jaar && decimals > 0) fail(loc, "'" + w + "' is geen heel jaar; verwacht " + unit_example(spec.unit));
  if (spec.unit == Unit::Fractie && v > spec.max && v <= 100.0 && spec.max <= 1.0) {
    std::ostringstream os;
    os << v / 100.0;
    fail(loc, spec.path + " = " + w + " lijkt een percentage; schrijf " + os.str() + " voor " + w + "% (" +
                  unit_example(spec.unit) + ")");
  }
  if (spec.min_exclusive ? v <= spec.min : v < spec.min) {
    if (spec.unit == Unit::Fractie && spec.min == -1.0)
      fail(loc, spec.path + " = " + w + ": een groei van -100% of minder kan niet; verwacht een waarde boven -1 (bijvoorbeeld -0.007)");
    fail(loc, spec.path + " = " + w + " is te klein; verwacht " + (spec.min == 0 ? std::string("0 of meer") : "minstens " + plain(spec.min)) +
                  " (" + std::string(unit_name(spec.unit)) + ")");
  }
  if (v > spec.max) {
    fail(loc, spec.path + " = " + w + " is te groot; verwacht hooguit " + plain(spec.max) + " (" + std::string(unit_name(spec.unit)) + ")");
  }
  return v;
}

bool parse_year_key(const std::string& s, int& year) {
  if (s.size() != 4 || !std::all_of(s.begin(), s.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
    return false;
  year = std::stoi(s);
  return true;
}

std::string range_text(const YearRange& r) {
  return r.first == r.last ? std::to_string(r.first) : std::to_string(r.first) + "-" + std::to_string(r.last);
}

// ---- interpretation ------------------------------------------------------------------------

struct Builder {
  Scenario& sc;
  Horizon final;  ///< the scenario's horizon (sc.horizon is the current file's while reading it)
  std::map<std::string, Loc> defined_at;  ///< where each parameter was last given (for messages)

  void put(const ParamSpec& spec, int year, double v, const Loc& loc) {
    sc.set(spec.path, year, v, Provenance::from_file(loc));
  }

  void leaf(const ParamSpec& spec, const Tree& t) {
    const YearRange r = years_for(spec.shape, sc.horizon);
    defined_at[spec.path] = t.loc;
    auto& pv = sc.params[spec.path];
    if (spec.shape == Shape::Single) {
      if (t.kind == Tree::Kind::Seq || t.kind == Tree::Kind::Map)
        fail(t.loc, spec.path + " is een enkele waarde, geen lijst of map; verwacht " + unit_example(spec.unit));
      pv.by_year.clear();
      put(spec, 0, parse_value(t.scalar, t.kind == Tree::Kind::Null, spec, t.loc), t.loc);
      return;
    }
    const bool counts = spec.shape == Shape::Teldatum;
    const std::string what = counts ? "teldata 1 februari " : "jaren ";
    switch (t.kind) {
      case Tree::Kind::Null:
      case Tree::Kind::Scalar: {
        const double v = parse_value(t.scalar, t.kind == Tree::Kind::Null, spec, t.loc);
        pv.by_year.clear();
        pv.provenance.clear();
        if (counts) {
          put(spec, r.first, v, t.loc);  // a single count is the first teldatum
          return;
        }
        const YearRange all = detail::every_year(spec.shape, sc.horizon, final);
        for (int y = all.first; y <= all.last; ++y) put(spec, y, v, t.loc);
        return;
      }
      case Tree::Kind::Seq: {
        const auto n = static_cast<int>(t.seq.size());
        const int want = r.last - r.first + 1;
        if (counts ? (n < 1 || n > want) : n != want)
          fail(t.loc, spec.path + " heeft " + std::to_string(n) + " waarden; verwacht " +
                          (counts ? "1 tot " : "") + std::to_string(want) + " waarden, voor de " + what + range_text(r));
        pv.by_year.clear();
        pv.provenance.clear();
        for (int i = 0; i < n; ++i) {
          const Tree& e = t.seq[static_cast<size_t>(i)];
          if (e.kind == Tree::Kind::Seq || e.kind == Tree::Kind::Map)
            fail(e.loc, spec.path + ": een lijst of map binnen de lijst; verwacht per jaar een getal: " + unit_example(spec.unit));
          put(spec, r.first + i, parse_value(e.scalar, e.kind == Tree::Kind::Null, spec, e.loc), e.loc);
        }
        return;
      }
      case Tree::Kind::Map: {
        // Per-year map: overrides only the years it names (an extends child may change one year).
        for (size_t i = 0; i < t.map.size(); ++i) {
          const auto& [k, e] = t.map[i];
          int y = 0;
          if (!parse_year_key(k, y))
            fail(t.key_locs[i], "'" + shown_value(k) + "' is geen jaartal; verwacht " + what + range_text(r) + " als sleutel (bijvoorbeeld " +
                                    std::to_string(r.first) + ": ...)");
          if (y < r.first || y > r.last)
            fail(t.key_locs[i], spec.path + ": jaar " + k + " valt buiten de horizon; verwacht " + what + range_text(r));
          if (e.kind == Tree::Kind::Seq || e.kind == Tree::Kind::Map)
            fail(e.loc, spec.path + "." + k + " is een lijst of map; verwacht een getal: " + unit_example(spec.unit));
          put(spec, y, parse_value(e.scalar, e.kind == Tree::Kind::Null, spec, e.loc), e.loc);
        }
        return;
      }
    }
  }

  /// Keys valid directly below `prefix` (prefix "" = top level).
  std::set<std::string> children_of(const std::string& prefix) const {
    std::set<std::string> out;
    for (const auto& s : sc.reg().entries()) {
      if (!s.section.empty()) continue;  // a section's keys are read by its own reader
      if (s.path.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string rest = s.path.substr(prefix.size());
      out.insert(rest.substr(0, rest.find('.')));
    }
    if (prefix.empty()) out.insert({"naam", "beschrijving", "extends", "jaren", "scholen", "onzekerheden", "stromen", "model", "regels"});
    for (const auto& p : detail::verdeling_paths())  // non-parameter keys of the 8.1 rules
      if (p.compare(0, prefix.size(), prefix) == 0) out.insert(p.substr(prefix.size(), p.find('.', prefix.size()) - prefix.size()));
    return out;
  }

  void walk(const Tree& t, const std::string& prefix) {
    for (size_t i = 0; i < t.map.size(); ++i) {
      const auto& [key, child] = t.map[i];
      const Loc& kloc = t.key_locs[i];
      if (prefix.empty() && (key == "naam" || key == "beschrijving" || key == "extends" || key == "jaren" || key == "scholen" ||
                             key == "onzekerheden" || key == "stromen" || key == "model" || key == "regels"))
        continue;  // handled elsewhere
      const std::string path = prefix + key;
      if (detail::verdeling_paths().count(path)) continue;  // read by verdeling.cpp
      if (const ParamSpec* spec = sc.reg().find(path); spec && spec->section.empty()) {
        leaf(*spec, child);
        continue;
      }
      const auto kids = children_of(path + ".");
      if (!kids.empty() && *kids.begin() != "") {
        if (child.kind == Tree::Kind::Null)
          fail(child.loc, path + " is leeg; verwacht daaronder de sleutels " + join(kids));
        if (child.kind == Tree::Kind::Scalar)
          fail(child.loc, path + " is een groep, geen enkele waarde ('" + shown(child.scalar) + "'); verwacht daaronder de sleutels " + join(kids));
        if (child.kind == Tree::Kind::Seq)
          fail(child.loc, path + " is een groep, geen lijst; verwacht daaronder de sleutels " + join(kids));
        walk(child, path + ".");
        continue;
      }
      unknown_key(key, kloc, prefix);
    }
  }

  static std::string join(const std::set<std::string>& s) {
    std::string out;
    for (const auto& k : s) out += (out.empty() ? "" : ", ") + k;
    return out;
  }

  [[noreturn]] void unknown_key(const std::string& key, const Loc& loc, const std::string& prefix) {
    const auto valid = children_of(prefix);
    const std::string best = did_you_mean(key, std::vector<std::string>(valid.begin(), valid.end()));
    const std::string where = prefix.empty() ? "op het hoogste niveau" : "onder " + prefix.substr(0, prefix.size() - 1);
    std::string msg = "onbekende sleutel '" + shown_value(key) + "' " + where;
    if (!best.empty()) msg += "; bedoelt u '" + best + "'?";
    else msg += "; verwacht een van: " + join(valid);
    if (prefix.rfind("bedragen.", 0) == 0)
      msg += " (een nieuwe regel declareert u onder regels: nieuw:, zie README \"Het begrotingsmodel\")";
    fail(loc, msg);
  }
};

// ---- extends ---------------------------------------------------------------------------------

struct Doc {
  Tree tree;
  std::string file;
};

/// Files in one extends chain, the scenario itself included. load_chain recurses once per file;
/// a chain of thousands of files used to overflow the stack (SIGSEGV at about 9,900).
constexpr size_t kMaxExtendsDepth = 32;

void load_chain(const std::string& text, const std::string& name, std::vector<Doc>& chain,
                std::vector<std::string>& stack, std::vector<std::string>& shown, const Loc* from) {
  detail::check_text(text, name, "een scenariobestand");
  Tree t = detail::parse_yaml(text, name);
  if (t.kind == Tree::Kind::Null) fail(Loc{name, 1, 1}, "het bestand is leeg; verwacht een scenario met 'jaren:', 'leerlingen:', 'tarieven:' ...");
  if (t.kind != Tree::Kind::Map) fail(t.loc, "een scenario is een map van sleutels; verwacht 'sleutel: waarde' op het hoogste niveau");
  {
    Scenario none;  // the keys of the standard registry (a model file adds keys below these)
    detail::check_is_a(t, name, Builder{none, {}, {}}.children_of(""), "een scenariobestand");
  }
  (void)from;
  if (const Tree* ext = t.get("extends")) {
    if (ext->kind != Tree::Kind::Scalar || ext->scalar.empty())
      fail(ext->loc, "extends is geen bestandsnaam; verwacht bijvoorbeeld 'extends: zuid-kennemerland-2024.yaml'");
    const fs::path base = fs::path(name).parent_path() / ext->scalar;
    std::error_code ec;
    const fs::path canon = fs::weakly_canonical(base, ec);
    const std::string key = ec ? base.string() : canon.string();
    if (std::find(stack.begin(), stack.end(), key) != stack.end()) {
      // Name the files as the user wrote them (not canonical paths: those differ per machine).
      std::string cyc;
      for (const auto& s : shown) cyc += s + " -> ";
      fail(ext->loc, "extends maakt een kring (" + cyc + base.lexically_normal().string() +
                         "); verwacht een keten die eindigt bij een scenario zonder extends");
    }
    if (stack.size() >= kMaxExtendsDepth)
      fail(ext->loc, "extends: de keten is langer dan " + std::to_string(kMaxExtendsDepth) +
                         " bestanden; verwacht een keten van hooguit " + std::to_string(kMaxExtendsDepth) +
                         " scenario's (elk scenario erft doorgaans direct of via een enkel tussenscenario van het basisscenario)");
    stack.push_back(key);
    shown.push_back(base.lexically_normal().string());
    const Loc ext_loc = ext->loc;
    const std::string parent_text = detail::read_text_file(base.string(), &ext_loc, "een scenariobestand");
    load_chain(parent_text, base.string(), chain, stack, shown, &ext_loc);
  }
  chain.push_back(Doc{std::move(t), name});
}

/// The horizon a document declares under `jaren:`, if it declares one.
std::optional<Horizon> doc_horizon(const Doc& d) {
  const Tree* j = d.tree.get("jaren");
  if (!j) return std::nullopt;
  if (j->kind != Tree::Kind::Map) fail(j->loc, "jaren is geen map; verwacht 'van' en 'tot_en_met', bijvoorbeeld 'jaren: {van: 2024, tot_en_met: 2028}'");
  ParamSpec yr{"jaren", Shape::Single, Unit::Jaar, 1990, 2100, false, std::nullopt, "", "", "", nullptr, -1, ""};
  Horizon h;
  bool van = false, tot = false;
  for (size_t i = 0; i < j->map.size(); ++i) {
    const auto& [k, v] = j->map[i];
    yr.path = "jaren." + k;
    if ((k == "van" || k == "tot_en_met") && (v.kind == Tree::Kind::Seq || v.kind == Tree::Kind::Map))
      fail(v.loc, "jaren." + k + " is een enkel jaartal; verwacht bijvoorbeeld 'jaren: {van: 2024, tot_en_met: 2028}'");
    if (k == "van") { h.first = static_cast<int>(parse_value(v.scalar, v.kind != Tree::Kind::Scalar, yr, v.loc)); van = true; }
    else if (k == "tot_en_met") { h.last = static_cast<int>(parse_value(v.scalar, v.kind != Tree::Kind::Scalar, yr, v.loc)); tot = true; }
    else fail(j->key_locs[i], "onbekende sleutel '" + shown_value(k) + "' onder jaren; verwacht 'van' en 'tot_en_met'");
  }
  if (!van || !tot) fail(j->loc, "jaren mist " + std::string(!van ? "'van'" : "'tot_en_met'") + "; verwacht 'jaren: {van: 2024, tot_en_met: 2028}'");
  if (h.last < h.first) fail(j->loc, "jaren: 'tot_en_met' ligt voor 'van'; verwacht van <= tot_en_met");
  if (h.size() > 50) fail(j->loc, "jaren: meer dan 50 jaar; verwacht een horizon van hooguit 50 jaar");
  return h;
}

/// The horizon each document of the chain (parent first) is read against: the nearest `jaren:`
/// at or above it, so a parent's lists keep meaning the parent's years when a child changes
/// `tot_en_met` (values outside the final horizon are dropped in complete(); years the child
/// adds must be given). A document above the first `jaren:` is read against that one.
/// A child may not move `van`: single values tied to the first year (personeelskosten of the
/// first year, eigen vermogen on 31-12 before it) would silently take another year's meaning.
std::vector<Horizon> doc_horizons(const std::vector<Doc>& chain) {
  std::vector<std::optional<Horizon>> declared;
  for (const auto& d : chain) declared.push_back(doc_horizon(d));
  const auto first = std::find_if(declared.begin(), declared.end(), [](const auto& h) { return h.has_value(); });
  if (first == declared.end())
    fail(Loc{chain.back().file, 1, 1}, "ontbrekende sleutel 'jaren'; verwacht bijvoorbeeld 'jaren: {van: 2024, tot_en_met: 2028}'");
  std::vector<Horizon> out;
  Horizon h = **first;
  for (size_t k = 0; k < declared.size(); ++k) {
    if (const auto& d = declared[k]) {
      if (d->first != h.first) {
        const Tree* van = chain[k].tree.get("jaren")->get("van");
        fail(van->loc, "jaren.van " + std::to_string(d->first) + " verschilt van het eerste jaar van de ouder (" +
                           std::to_string(h.first) + "); verwacht van: " + std::to_string(h.first) +
                           " (een scenario dat erft mag alleen tot_en_met veranderen: de waarden van het eerste jaar, "
                           "zoals personeelskosten en het eigen vermogen aan het begin, horen bij dat jaar)");
      }
      h = *d;
    }
    out.push_back(h);
  }
  return out;
}

// ---- --set -----------------------------------------------------------------------------------

void apply_override(Scenario& sc, const Override& o) {
  const auto eq = o.text.find('=');
  const std::string where = "--set " + o.text;
  if (eq == std::string::npos || eq == 0)
    throw InputError(where + ": verwacht PAD=WAARDE, bijvoorbeeld --set leerlingen.so_cat1.groei=0.06");
  std::string path = o.text.substr(0, eq);
  const std::string value = o.text.substr(eq + 1);
  int year = 0;
  bool has_year = false;
  const Registry& reg = sc.reg();
  const ParamSpec* spec = reg.find(path);
  if (!spec) {
    const auto dot = path.rfind('.');
    if (dot != std::string::npos && parse_year_key(path.substr(dot + 1), year)) {
      spec = reg.find(path.substr(0, dot));
      if (spec) { has_year = true; path = path.substr(0, dot); }
    }
  }
  if (!spec) {
    std::vector<std::string> paths;
    for (const auto& s : reg.entries()) paths.push_back(s.path);
    const std::string best = did_you_mean(path, paths);
    throw InputError(where + ": onbekende parameter '" + shown_value(path) + "'" +
                     (!best.empty() ? "; bedoelt u '" + best + "'?" : "; verwacht een pad uit het scenariobestand, bijvoorbeeld tarieven.sbo"));
  }
  const Loc loc{"--set " + o.text, 1, static_cast<int>(eq) + 2};
  double v = 0;
  try {
    v = parse_value(value, false, *spec, loc);
  } catch (const InputError& e) {
    std::string m = e.what();
    throw InputError(where + ": " + m.substr(loc.str().size() + 2));
  }
  if (spec->section == "stromen" && sc.stromen.empty())
    throw InputError(where + ": " + path + " hoort bij het stromenmodel, maar het scenario heeft geen sectie stromen: (het rekent met "
                     "groeivoeten); verwacht een scenario met stromen:, zoals scenarios/zuid-kennemerland-2024-stromen.yaml, "
                     "of --set leerlingen.<groep>.groei");
  const YearRange r = years_for(spec->shape, sc.horizon);
  const Provenance p = Provenance::from_set(o.text);
  if (spec->shape == Shape::Single) {
    if (has_year) throw InputError(where + ": " + path + " is een enkele waarde zonder jaar; verwacht --set " + path + "=WAARDE");
    sc.set(path, 0, v, p);
  } else if (has_year) {
    if (year < r.first || year > r.last)
      throw InputError(where + ": jaar " + std::to_string(year) + " valt buiten de horizon; verwacht een jaar in " + range_text(r));
    sc.set(path, year, v, p);
  } else if (spec->shape == Shape::Teldatum) {
    sc.set(path, r.first, v, p);
  } else {
    for (int y = r.first; y <= r.last; ++y) sc.set(path, y, v, p);
  }
}

/// --set onzekerheden.NAAM.VELD=WAARDE (sections.hpp, set_onzekerheid): grouped per
/// onzekerheid, in the order given, so `verdeling=uniform` with its `min` and `max` is one change.
void apply_onzekerheid_overrides(Scenario& sc, detail::OnzekerheidBronnen& bronnen, const std::vector<Override>& overrides) {
  std::vector<std::pair<std::string, std::vector<detail::VeldWaarde>>> groups;
  std::map<std::string, std::string> where_of;  // "--set TEXT:1:COL" -> "--set TEXT"
  for (const auto& o : overrides) {
    if (o.text.rfind("onzekerheden.", 0) != 0) continue;
    const std::string where = "--set " + o.text;
    const auto eq = o.text.find('=');
    const std::string path = o.text.substr(0, eq == std::string::npos ? o.text.size() : eq);
    const std::string rest = path.substr(std::string("onzekerheden.").size());
    const auto dot = rest.find('.');
    if (eq == std::string::npos || dot == std::string::npos || dot == 0 || dot + 1 == rest.size())
      throw InputError(where + ": verwacht --set onzekerheden.NAAM.VELD=WAARDE, bijvoorbeeld --set onzekerheden.groei_so.gemiddelde=0.06");
    const Loc loc{where, 1, static_cast<int>(eq) + 2};
    where_of[loc.str()] = where;
    const std::string name = rest.substr(0, dot);
    auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& x) { return x.first == name; });
    if (g == groups.end()) g = groups.insert(groups.end(), {name, {}});
    g->second.push_back(detail::VeldWaarde{rest.substr(dot + 1), o.text.substr(eq + 1), loc});
  }
  for (const auto& [name, velden] : groups) {
    try {
      detail::set_onzekerheid(sc, bronnen, name, velden);
    } catch (const InputError& e) {
      // "--set TEXT:1:COL: msg" -> "--set TEXT: msg"
      const std::string m = e.what();
      for (const auto& [loc, where] : where_of)
        if (m.rfind(loc + ": ", 0) == 0) throw InputError(where + ": " + m.substr(loc.size() + 2));
      throw;
    }
  }
}

// ---- completeness -------------------------------------------------------------------------------

void complete(Scenario& sc, const std::map<std::string, Loc>& defined_at, const std::string& main_file) {
  for (const auto& spec : sc.reg().entries()) {
    if (!spec.section.empty()) continue;  // stromen: checked by finish_stromen
    const YearRange r = years_for(spec.shape, sc.horizon);
    auto& pv = sc.params[spec.path];
    const bool given = !pv.by_year.empty();
    if (spec.shape == Shape::Single) {
      if (given) continue;
      if (!spec.default_value)
        fail(Loc{main_file, 1, 1}, "ontbrekende parameter " + spec.path + " (" + spec.description + "); verwacht " + unit_example(spec.unit));
      sc.set(spec.path, 0, *spec.default_value, Provenance{});
      continue;
    }
    if (spec.shape == Shape::Teldatum) {
      if (!pv.by_year.count(r.first)) {
        const auto it = defined_at.find(spec.path);
        fail(it != defined_at.end() ? it->second : Loc{main_file, 1, 1},
             "ontbrekende parameter " + spec.path + " voor 1 februari " + std::to_string(r.first) + " (" + spec.description +
                 "); verwacht bijvoorbeeld 'teldatum: {" + std::to_string(r.first) + ": 585}'");
      }
      continue;  // later teldata are optional: projected with groei
    }
    if (r.first > r.last) continue;  // growth over a one-year horizon: no years
    if (spec.default_value && std::isnan(*spec.default_value)) {
      // optional per year (NaN = "not given", e.g. ikc.teldatum_later): missing years stay not given
      for (int y = r.first; y <= r.last; ++y)
        if (!pv.by_year.count(y)) sc.set(spec.path, y, *spec.default_value, Provenance{});
      detail::keep_years(pv, r);
      continue;
    }
    if (!given && spec.default_value) {
      for (int y = r.first; y <= r.last; ++y) sc.set(spec.path, y, *spec.default_value, Provenance{});
      continue;
    }
    if (!given)
      fail(Loc{main_file, 1, 1}, "ontbrekende parameter " + spec.path + " (" + spec.description + ", " +
                                     std::string(unit_name(spec.unit)) + "); verwacht een waarde voor de jaren " + range_text(r));
    std::vector<int> missing;
    for (int y = r.first; y <= r.last; ++y)
      if (!pv.by_year.count(y)) missing.push_back(y);
    if (!missing.empty()) {
      std::string ys;
      for (int y : missing) ys += (ys.empty() ? "" : ", ") + std::to_string(y);
      const auto it = defined_at.find(spec.path);
      fail(it != defined_at.end() ? it->second : Loc{main_file, 1, 1},
           spec.path + " mist jaar " + ys + "; verwacht een waarde voor elk jaar " + range_text(r) + " (of een enkele waarde voor alle jaren)");
    }
    // drop values outside the horizon (from a parent with a longer horizon)
    detail::keep_years(pv, r);
  }
}

Scenario build(const std::string& text, const std::string& name, const std::vector<Override>& overrides) {
  std::vector<Doc> chain;
  std::error_code ec;
  const fs::path canon = fs::weakly_canonical(fs::path(name), ec);
  std::vector<std::string> stack{ec ? name : canon.string()};
  std::vector<std::string> shown{fs::path(name).lexically_normal().string()};
  load_chain(text, name, chain, stack, shown, nullptr);
  Scenario sc;
  const std::vector<Horizon> horizons = doc_horizons(chain);
  Builder b{sc, horizons.back(), {}};
  Loc stromen_at;  ///< the last `stromen:` key of the chain
  detail::OnzekerheidBronnen bronnen;
  for (size_t k = 0; k < chain.size(); ++k) {
    const Doc& d = chain[k];
    sc.horizon = horizons[k];
    if (const Tree* n = d.tree.get("naam")) {
      if (n->kind != Tree::Kind::Scalar) fail(n->loc, "naam is geen tekst; verwacht bijvoorbeeld 'naam: Krimp bo 1,5% per jaar'");
      sc.name = n->scalar;
    }
    if (const Tree* n = d.tree.get("beschrijving")) {
      if (n->kind != Tree::Kind::Scalar) fail(n->loc, "beschrijving is geen tekst; verwacht een zin die zegt welke vraag het scenario beantwoordt");
      sc.description = n->scalar;
    }
    // The begrotingsmodel first: a model file replaces the parent's model, regels: changes it
    // (copy on write), and the lines it declares are known when bedragen: is read.
    if (const Tree* mk = d.tree.get("model")) sc.model = detail::read_model_file(*mk, d.file, sc, sc.horizon);
    if (const Tree* rg = d.tree.get("regels")) {
      auto m = std::make_shared<Model>(model_of(sc));
      detail::apply_regels(*rg, *m, sc, sc.horizon);
      sc.model = std::move(m);
    }
    b.walk(d.tree, "");
    if (const Tree* o = d.tree.get("stromen")) {
      detail::read_stromen(*o, sc, horizons.back());
      stromen_at = d.tree.key_locs[static_cast<size_t>(std::find_if(d.tree.map.begin(), d.tree.map.end(),
                                                                      [](const auto& kv) { return kv.first == "stromen"; }) -
                                                         d.tree.map.begin())];
    }
    // after the file's own values: they are what its onzekerheden were written for
    if (const Tree* o = d.tree.get("onzekerheden")) detail::read_onzekerheden(*o, sc, bronnen);
  }
  sc.horizon = horizons.back();
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) sc.files.push_back(it->file);
  if (sc.name.empty()) sc.name = fs::path(name).stem().string();
  for (auto& [path, pv] : sc.stromen) detail::keep_years(pv, years_for(Shape::TeldatumGrowth, sc.horizon));
  // parameters first, then onzekerheden: a changed onzekerheid is written for the values after
  // every --set (README, "risk"); an unchanged one shifts with them
  for (const auto& o : overrides)
    if (o.text.rfind("onzekerheden.", 0) != 0) apply_override(sc, o);
  apply_onzekerheid_overrides(sc, bronnen, overrides);
  detail::finish_stromen(sc, stromen_at);
  for (const auto& o : overrides) sc.overrides.push_back(o.text);  // provenance: every --set, in order
  complete(sc, b.defined_at, name);
  detail::complete_references(sc);
  for (const auto& p : model_of(sc).params)  // values outside the final horizon (a longer parent)
    if (p.per_year) detail::keep_years(sc.params[p.path], years_for(Shape::PerYear, sc.horizon));
  detail::check_model(sc);
  std::vector<std::pair<const Tree*, std::string>> docs;
  for (const auto& d : chain) docs.emplace_back(&d.tree, d.file);
  detail::read_verdeling(docs, sc);
  return sc;
}

}  // namespace

namespace detail {
double parse_number_for(const std::string& text, bool is_null, const ParamSpec& spec, const Loc& loc) {
  return parse_value(text, is_null, spec, loc);
}
}  // namespace detail

Scenario load_scenario_text(const std::string& text, const std::string& name, const std::vector<Override>& overrides) {
  return build(text, name, overrides);
}

Scenario load_scenario(const std::string& path, const std::vector<Override>& overrides) {
  return build(detail::read_text_file(path, nullptr, "een scenariobestand"), path, overrides);
}

}  // namespace begroting
