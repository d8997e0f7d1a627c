// The schools file as CSV: a spreadsheet with one tab per table, each exported as CSV.
//
//   scholen.csv   id;naam;bestuur;leerlingen 2023;sbo_ikc 2024;so_cat1 2024;...;dws 2024;tlv_op_bao 2024;
//                 opmaat_so_cat1 2025;... (Opmaat-leerlingweken, 8.1.8)
//   stromen.csv   school;soort;inschrijving;vertrek[;vorige_school]  (soort tlv_op_bao: inschrijving empty)
//   bao-bao.csv   van;naar;overstap;verwijzing
//
// Each school row becomes, when verdeling.cpp reads that school, the Tree a YAML school gives (its
// stromen rows in its `stromen` list); bao_bao the Tree of a YAML bao_bao list. An empty cell is a
// value not given (as a missing YAML key). All validation of the values is in verdeling.cpp,
// shared with YAML. The tables stay in memory only as their text and about 20 bytes per cell
// (CsvTabel); the ids are indexed once (hash map), so a stromen row finds its school in constant time.
// Every error: FILE:LINE:COLUMN: what is wrong; what was expected (1-based, columns in characters).
#include "csv.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "begroting/loader.hpp"

namespace begroting::detail {

namespace {

constexpr std::uintmax_t kMaxCsvBytes = 4u * 1024 * 1024;  // a schools table is a few kB

std::string read_csv_file(const CsvBron& b) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(b.path, ec))
    fail(b.from, "bestand " + b.path + " bestaat niet; verwacht een CSV-bestand (pad ten opzichte van het scenario)");
  const auto size = std::filesystem::file_size(b.path, ec);
  if (!ec && size > kMaxCsvBytes)
    fail(b.from, "bestand " + b.path + " is groter dan 4 MB; verwacht een tabel met een rij per school of leerling");
  std::ifstream f(b.path, std::ios::binary);
  if (!f) fail(b.from, "kan " + b.path + " niet lezen (rechten?)");
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

bool blank(char c) { return c == ' ' || c == '\t'; }

std::string join(const std::vector<std::string>& v, const std::string& last) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i == 0 ? "" : i + 1 == v.size() ? " " + last + " " : ", ") + v[i];
  return out;
}

[[noreturn]] void unknown_column(const CsvCell& h, const std::vector<std::string>& candidates, const std::string& expected) {
  const std::string best = did_you_mean(h.text, candidates);
  fail(h.loc, "onbekende kolom '" + shown_value(h.text) + "' in de kopregel" + (best.empty() ? "; verwacht " + expected : "; bedoelt u '" + best + "'?"));
}

Tree scalar(const CsvTabel& t, size_t r, size_t c) {
  Tree x;
  x.kind = Tree::Kind::Scalar;
  x.scalar = std::string(t.text(r, c));
  x.quoted = t.cel(r, c).quoted;
  x.loc = t.tree_loc(r, c);
  return x;
}

Tree empty(Tree::Kind kind, const TreeLoc& loc) {
  Tree t;
  t.kind = kind;
  t.loc = loc;
  return t;
}

void put(Tree& map, const std::string& key, Tree value, const TreeLoc& key_loc) {
  map.map.emplace_back(key, std::move(value));
  map.key_locs.push_back(key_loc);
}

Tree* find(Tree& map, const std::string& key) {
  for (auto& [k, v] : map.map)
    if (k == key) return &v;
  return nullptr;
}

/// A table with fixed column names (order free): the index of each name in the header, -1 when
/// absent. Unknown, empty and repeated names are errors at their header cell.
std::vector<int> fixed_columns(const CsvRow& header, const std::vector<std::string>& names, size_t required, const std::string& tabel) {
  std::vector<int> at(names.size(), -1);
  const std::string expected = "de kolommen " + join(names, "en") + " (" + join(std::vector<std::string>(names.begin(), names.begin() + static_cast<long>(required)), "en") + " verplicht)";
  for (size_t c = 0; c < header.cells.size(); ++c) {
    const CsvCell& h = header.cells[c];
    if (h.text.empty()) fail(h.loc, "kolom zonder naam in de kopregel van " + tabel + "; verwacht " + expected);
    size_t k = 0;
    while (k < names.size() && names[k] != h.text) ++k;
    if (k == names.size()) unknown_column(h, names, expected);
    if (at[k] >= 0) fail(h.loc, "kolom '" + shown_value(h.text) + "' staat twee keer in de kopregel (eerst in kolom " + std::to_string(header.cells[static_cast<size_t>(at[k])].loc.column) + "); verwacht elke kolom een keer");
    at[k] = static_cast<int>(c);
  }
  for (size_t k = 0; k < required; ++k)
    if (at[k] < 0) fail(header.loc, "de kopregel van " + tabel + " mist de kolom '" + names[k] + "'; verwacht " + expected);
  return at;
}

/// The rows of one table, each as a map {name: cell} of its non-empty cells in header order.
std::vector<Tree> items(const CsvTabel& t, const std::vector<int>& at, const std::vector<std::string>& names) {
  std::vector<Tree> out;
  for (size_t r = 1; r < t.rijen(); ++r) {
    Tree item = empty(Tree::Kind::Map, t.tree_rij_loc(r));
    for (size_t k = 0; k < names.size(); ++k)
      if (at[k] >= 0) {
        const auto c = static_cast<size_t>(at[k]);
        if (!t.text(r, c).empty()) put(item, names[k], scalar(t, r, c), t.tree_loc(0, c));
      }
    out.push_back(std::move(item));
  }
  return out;
}

// ---- the schools table ---------------------------------------------------------------------

const std::vector<std::string> kPerJaar = {"leerlingen", "sbo_ikc", "so_cat1", "so_cat2", "so_cat3", "dws", "tlv_d", "tlv_op_bao",
                                           "opmaat_so_cat1", "opmaat_so_cat2", "opmaat_so_cat3"};
const std::string kScholenKolommen =
    "id, naam, bestuur, leerlingen JJJJ (per teldatum), eventueel itk (ja: Internationale Taalklas) en per kalenderjaar eventueel sbo_ikc JJJJ, so_cat1 JJJJ, "
    "so_cat2 JJJJ, so_cat3 JJJJ, dws JJJJ, tlv_d JJJJ, tlv_op_bao JJJJ en opmaat_so_cat1 JJJJ, opmaat_so_cat2 JJJJ, opmaat_so_cat3 JJJJ";

using Kolom = CsvKolom;  ///< soort: id, naam, bestuur, itk, or one of kPerJaar with its jaar

std::vector<Kolom> school_columns(const CsvRow& header) {
  std::vector<Kolom> out;
  std::map<std::string, int> seen;
  for (const CsvCell& h : header.cells) {
    if (h.text.empty()) fail(h.loc, "kolom zonder naam in de kopregel van het scholenbestand; verwacht " + kScholenKolommen);
    Kolom k;
    if (h.text == "id" || h.text == "naam" || h.text == "bestuur" || h.text == "itk") {
      k.soort = h.text;
    } else {
      const size_t sp = h.text.rfind(' ');
      const std::string soort = sp == std::string::npos ? h.text : h.text.substr(0, sp);
      const std::string jaar = sp == std::string::npos ? "" : h.text.substr(sp + 1);
      bool known = false;
      for (const auto& p : kPerJaar) known = known || p == soort;
      if (!known || jaar.empty()) {
        // suggest with the year the user wrote, so that 'leerling 2023' gives 'leerlingen 2023'
        const std::string y = jaar.empty() || jaar.find_first_not_of("0123456789") != std::string::npos ? "JJJJ" : jaar;
        std::vector<std::string> cands = {"id", "naam", "bestuur", "itk"};
        for (const auto& p : kPerJaar) cands.push_back(p + " " + y);
        unknown_column(h, cands, kScholenKolommen);
      }
      int y = 0;
      if (jaar.size() != 4 || std::from_chars(jaar.data(), jaar.data() + 4, y).ec != std::errc() || y < 1990 || y > 2100)
        fail(h.loc, "kolom '" + shown_value(h.text) + "': '" + shown_value(jaar) + "' is geen jaartal; verwacht bijvoorbeeld '" + soort + " 2024'");
      k.soort = soort;
      k.jaar = jaar;
    }
    if (auto it = seen.find(h.text); it != seen.end())
      fail(h.loc, "kolom '" + shown_value(h.text) + "' staat twee keer in de kopregel (eerst in kolom " + std::to_string(it->second) + "); verwacht elke kolom een keer");
    seen[h.text] = h.loc.column;
    out.push_back(k);
  }
  for (const char* must : {"id", "naam", "bestuur", "leerlingen"}) {
    bool found = false;
    for (const auto& k : out) found = found || k.soort == must;
    if (!found)
      fail(header.loc, std::string("de kopregel van het scholenbestand mist de kolom '") + must + (std::string(must) == "leerlingen" ? " JJJJ" : "") +
                           "'; verwacht " + kScholenKolommen);
  }
  return out;
}

/// One row of the schools table as the map a YAML school gives.
Tree school(const CsvTabel& t, const std::vector<Kolom>& cols, size_t r) {
  const TreeLoc row_loc = t.tree_rij_loc(r), header_loc = t.tree_rij_loc(0);
  Tree s = empty(Tree::Kind::Map, row_loc);
  for (const char* k : {"id", "naam", "bestuur", "itk"})
    for (size_t c = 0; c < cols.size(); ++c)
      if (cols[c].soort == k && !t.text(r, c).empty()) put(s, k, scalar(t, r, c), t.tree_loc(0, c));
  Tree leerlingen = empty(Tree::Kind::Map, row_loc), plaatsingen = empty(Tree::Kind::Map, row_loc), tlv = empty(Tree::Kind::Map, row_loc);
  Tree opmaat = empty(Tree::Kind::Map, row_loc);  // opmaat_so_catN JJJJ -> opmaat: {JJJJ: {so_catN: ...}} (8.1.8)
  TreeLoc leerlingen_key = header_loc, plaatsingen_key = header_loc, tlv_key = header_loc, opmaat_key = header_loc;
  for (size_t c = 0; c < cols.size(); ++c) {
    const Kolom& k = cols[c];
    if (k.jaar.empty()) continue;
    if (k.soort == "leerlingen" && leerlingen.map.empty()) leerlingen_key = t.tree_loc(0, c);
    if (t.text(r, c).empty()) continue;  // not given
    const TreeLoc hl = t.tree_loc(0, c);
    if (k.soort == "leerlingen") {
      put(leerlingen, k.jaar, scalar(t, r, c), hl);
    } else if (k.soort == "tlv_op_bao") {
      if (tlv.map.empty()) tlv_key = hl;
      put(tlv, k.jaar, scalar(t, r, c), hl);
    } else {
      const bool om = k.soort.rfind("opmaat_", 0) == 0;
      Tree& target = om ? opmaat : plaatsingen;
      if (target.map.empty()) (om ? opmaat_key : plaatsingen_key) = hl;
      Tree* jaar = find(target, k.jaar);
      if (!jaar) {
        put(target, k.jaar, empty(Tree::Kind::Map, t.tree_loc(r, c)), hl);
        jaar = &target.map.back().second;
      }
      put(*jaar, om ? k.soort.substr(7) : k.soort, scalar(t, r, c), hl);
    }
  }
  put(s, "leerlingen", std::move(leerlingen), leerlingen_key);
  if (!plaatsingen.map.empty()) put(s, "plaatsingen", std::move(plaatsingen), plaatsingen_key);
  if (!tlv.map.empty()) put(s, "tlv_op_bao", std::move(tlv), tlv_key);
  if (!opmaat.map.empty()) put(s, "opmaat", std::move(opmaat), opmaat_key);
  return s;
}

}  // namespace

// ---- CSV text ------------------------------------------------------------------------------

CsvRow CsvTabel::rij(size_t r) const {
  CsvRow row{rij_loc(r), {}};
  for (size_t c = 0; c < cellen_in(r); ++c) row.cells.push_back(cell(r, c));
  return row;
}

CsvTabel parse_csv(const std::string& raw, const std::string& file) {
  if (raw.size() >= 2 && ((raw[0] == '\xFF' && raw[1] == '\xFE') || (raw[0] == '\xFE' && raw[1] == '\xFF')))
    fail(Loc{file, 1, 1}, "het bestand is opgeslagen als UTF-16; sla het op als CSV UTF-8");
  const std::string text = raw.rfind("\xEF\xBB\xBF", 0) == 0 ? raw.substr(3) : raw;  // UTF-8 BOM (Excel's "CSV UTF-8")
  if (const size_t z = text.find('\0'); z != std::string::npos)
    fail(Loc{file, 1, 1}, "bevat nul-bytes (geen tekstbestand); verwacht een CSV-bestand in UTF-8");
  if (auto [l, c] = first_invalid_utf8(text); l != 0)
    fail(Loc{file, l, c}, "geen geldige UTF-8-tekst; sla het bestand op als 'CSV UTF-8'");

  // the separator: whichever of ';' and ',' the header line has more of outside quotes
  int semis = 0, commas = 0;
  bool in_q = false;
  for (size_t i = 0; i < text.size() && (in_q || (text[i] != '\n' && text[i] != '\r')); ++i) {
    if (text[i] == '"') in_q = !in_q;
    else if (!in_q && text[i] == ';') ++semis;
    else if (!in_q && text[i] == ',') ++commas;
  }
  const char sep = semis > 0 && semis >= commas ? ';' : ',';

  CsvTabel t;
  t.file = file;
  t.file_gedeeld = std::make_shared<const std::string>(file);
  t.tekst.reserve(text.size());
  t.begin.push_back(0);
  size_t i = 0;
  int line = 1, col = 1;
  const size_t n = text.size();
  auto here = [&] { return Loc{file, line, col}; };
  auto step = [&] {  // advance one byte, counting characters (UTF-8 lead bytes) and lines
    const auto c = static_cast<unsigned char>(text[i++]);
    if (c == '\n') { ++line; col = 1; }
    else if ((c & 0xC0) != 0x80) ++col;
  };
  auto at_end_of_row = [&] { return i >= n || text[i] == '\n' || text[i] == '\r'; };
  if (text.size() > 0xFFFFFFF0u) fail(Loc{file, 1, 1}, "het bestand is te groot; verwacht een tabel met een rij per school of leerling");
  while (i < n) {
    const int row_line = line;
    const size_t row_tekst = t.tekst.size(), row_cel = t.cellen.size();
    bool all_empty = true;
    for (;;) {
      CsvTabel::Cel cell;
      cell.line = line;
      cell.column = col;
      cell.begin = static_cast<std::uint32_t>(t.tekst.size());
      while (i < n && blank(text[i])) step();
      if (i < n && text[i] == '"') {
        cell.quoted = true;
        cell.line = line;
        cell.column = col;
        const Loc open = here();
        step();
        for (;;) {
          if (i >= n) fail(open, "aanhalingsteken niet gesloten; verwacht een \" aan het eind van dit veld");
          if (text[i] == '"') {
            if (i + 1 < n && text[i + 1] == '"') { t.tekst += '"'; step(); step(); continue; }
            step();
            break;
          }
          if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') { step(); continue; }  // CRLF inside quotes -> LF
          t.tekst += text[i];
          step();
        }
        while (i < n && blank(text[i])) step();
        if (!at_end_of_row() && text[i] != sep)
          fail(here(), std::string("tekst na het sluitende aanhalingsteken; verwacht '") + sep + "' of het einde van de regel");
      } else {
        if (i < n && !at_end_of_row() && text[i] != sep) { cell.line = line; cell.column = col; }
        const size_t start = i;
        while (!at_end_of_row() && text[i] != sep) {
          if (text[i] == '"')
            fail(here(), "aanhalingsteken midden in een veld; verwacht het hele veld tussen aanhalingstekens, met \"\" voor een aanhalingsteken erin");
          step();
        }
        size_t end = i;
        while (end > start && blank(text[end - 1])) --end;
        t.tekst.append(text, start, end - start);
      }
      cell.len = static_cast<std::uint32_t>(t.tekst.size() - cell.begin);
      all_empty = all_empty && cell.len == 0;
      t.cellen.push_back(cell);
      if (i < n && text[i] == sep) { step(); continue; }
      if (i < n && text[i] == '\r') { ++i; if (i < n && text[i] == '\n') step(); else { ++line; col = 1; } }
      else if (i < n) step();  // '\n'
      break;
    }
    if (all_empty) {  // a blank row: left out
      t.tekst.resize(row_tekst);
      t.cellen.resize(row_cel);
      continue;
    }
    t.begin.push_back(static_cast<std::uint32_t>(t.cellen.size()));
    t.regel.push_back(row_line);
  }
  if (t.rijen() == 0) fail(Loc{file, 1, 1}, "het bestand is leeg; verwacht een kopregel met de kolomnamen en daaronder de rijen");
  for (size_t r = 1; r < t.rijen(); ++r)
    if (t.cellen_in(r) != t.cellen_in(0))
      fail(t.rij_loc(r), "de rij op regel " + std::to_string(t.regel[r]) + " heeft " + std::to_string(t.cellen_in(r)) +
                             " cellen, de kopregel " + std::to_string(t.cellen_in(0)) + "; verwacht in elke rij evenveel cellen als kolommen in de kopregel (scheidingsteken '" +
                             std::string(1, sep) + "')");
  t.tekst.shrink_to_fit();
  return t;
}

// ---- the schools file ------------------------------------------------------------------------

ScholenCsv scholen_uit_csv(const CsvBron& bron, const std::optional<CsvBron>& stromen, const std::optional<CsvBron>& bao_bao) {
  ScholenCsv out;
  out.root_loc = Loc{bron.path, 1, 1};
  out.scholen = parse_csv(read_csv_file(bron), bron.path);
  const CsvTabel& t = out.scholen;
  out.kolommen = school_columns(t.rij(0));
  const size_t n = out.aantal();
  out.stromen_begin.assign(n + 1, 0);
  if (stromen) {
    out.stromen = parse_csv(read_csv_file(*stromen), stromen->path);
    const CsvTabel& st = out.stromen;
    const std::vector<std::string> names = {"school", "soort", "inschrijving", "vertrek", "vorige_school"};
    out.stromen_at = fixed_columns(st.rij(0), names, 3, "de stromen");
    // The ids indexed once (the first school with an id; a repeated id is refused later, by
    // verdeling.cpp): a row finds its school in constant time, not by scanning the list. The
    // keys point into the table's text, which does not change while the index lives.
    size_t id_col = 0;
    while (out.kolommen[id_col].soort != "id") ++id_col;
    std::unordered_map<std::string_view, std::uint32_t> index;
    index.reserve(n);
    for (size_t k = 0; k < n; ++k)
      if (const auto id = t.text(k + 1, id_col); !id.empty()) index.emplace(id, static_cast<std::uint32_t>(k));
    const auto at0 = static_cast<size_t>(out.stromen_at[0]);
    std::vector<std::uint32_t> school_of(st.rijen(), 0);
    for (size_t r = 1; r < st.rijen(); ++r) {
      const std::string_view id = st.text(r, at0);
      if (id.empty()) fail(st.loc(r, at0), "deze rij heeft geen school; verwacht een id uit " + bron.path);
      const auto found = index.find(id);
      if (found == index.end())
        fail(st.loc(r, at0), "school " + std::string(id) + " staat niet in " + bron.path + "; verwacht een id uit de kolom id van het scholenbestand");
      school_of[r] = found->second;
      ++out.stromen_begin[found->second + 1];
    }
    // per school its rows, in file order (a counting sort)
    for (size_t k = 0; k < n; ++k) out.stromen_begin[k + 1] += out.stromen_begin[k];
    out.stromen_van.resize(st.rijen() > 0 ? st.rijen() - 1 : 0);
    std::vector<std::uint32_t> next(out.stromen_begin.begin(), out.stromen_begin.end() - 1);
    for (size_t r = 1; r < st.rijen(); ++r) out.stromen_van[next[school_of[r]]++] = static_cast<std::uint32_t>(r);
  }
  if (bao_bao) {
    const CsvTabel bb = parse_csv(read_csv_file(*bao_bao), bao_bao->path);
    const std::vector<std::string> names = {"van", "naar", "overstap", "verwijzing"};
    const auto at = fixed_columns(bb.rij(0), names, 3, "bao_bao");
    Tree list = empty(Tree::Kind::Seq, bb.tree_rij_loc(0));
    list.seq = items(bb, at, names);
    out.bao_bao = std::move(list);
  }
  return out;
}

Tree ScholenCsv::school(size_t i) const {
  Tree s = detail::school(scholen, kolommen, i + 1);
  const std::vector<std::string> names = {"school", "soort", "inschrijving", "vertrek", "vorige_school"};
  for (std::uint32_t j = stromen_begin[i]; j < stromen_begin[i + 1]; ++j) {
    const size_t r = stromen_van[j];
    Tree item = empty(Tree::Kind::Map, stromen.tree_rij_loc(r));
    for (size_t k = 1; k < names.size(); ++k)
      if (stromen_at[k] >= 0) {
        const auto c = static_cast<size_t>(stromen_at[k]);
        if (!stromen.text(r, c).empty()) put(item, names[k], scalar(stromen, r, c), stromen.tree_loc(0, c));
      }
    if (j == stromen_begin[i])
      put(s, "stromen", empty(Tree::Kind::Seq, stromen.tree_rij_loc(r)), stromen.tree_loc(0, static_cast<size_t>(stromen_at[0])));
    s.map.back().second.seq.push_back(std::move(item));
  }
  return s;
}

Loc ScholenCsv::vorige_school_loc(size_t i, size_t k) const {
  return stromen.loc(stromen_van[stromen_begin[i] + k], static_cast<size_t>(stromen_at[4]));
}

}  // namespace begroting::detail
