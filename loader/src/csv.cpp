// The schools file as CSV: a spreadsheet with one tab per table, each exported as CSV.
//
//   scholen.csv   id;naam;bestuur;leerlingen 2023;sbo_ikc 2024;so_cat1 2024;...;dws 2024;tlv_op_bao 2024;
//                 opmaat_so_cat1 2025;... (Opmaat-leerlingweken, 8.1.8)
//   stromen.csv   school;soort;inschrijving;vertrek[;vorige_school]  (soort tlv_op_bao: inschrijving empty)
//   bao-bao.csv   van;naar;overstap;verwijzing
//
// Each table becomes the Tree a YAML schools file gives (scholen: [...], bao_bao: [...]); the
// stromen rows go into the `stromen` list of their school. An empty cell is a value not given
// (as a missing YAML key). All validation of the values is in verdeling.cpp, shared with YAML.
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

Tree scalar(const CsvCell& c) {
  Tree t;
  t.kind = Tree::Kind::Scalar;
  t.scalar = c.text;
  t.quoted = c.quoted;
  t.loc = c.loc;
  return t;
}

Tree empty(Tree::Kind kind, const Loc& loc) {
  Tree t;
  t.kind = kind;
  t.loc = loc;
  return t;
}

void put(Tree& map, const std::string& key, Tree value, const Loc& key_loc) {
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
std::vector<Tree> items(const std::vector<CsvRow>& rows, const std::vector<int>& at, const std::vector<std::string>& names) {
  std::vector<Tree> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    Tree item = empty(Tree::Kind::Map, rows[r].loc);
    for (size_t k = 0; k < names.size(); ++k)
      if (at[k] >= 0) {
        const CsvCell& c = rows[r].cells[static_cast<size_t>(at[k])];
        if (!c.text.empty()) put(item, names[k], scalar(c), rows[0].cells[static_cast<size_t>(at[k])].loc);
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

struct Kolom {
  std::string soort;  ///< id, naam, bestuur, or one of kPerJaar
  std::string jaar;   ///< for the kPerJaar columns
};

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
Tree school(const CsvRow& header, const std::vector<Kolom>& cols, const CsvRow& row) {
  Tree s = empty(Tree::Kind::Map, row.loc);
  for (const char* k : {"id", "naam", "bestuur", "itk"})
    for (size_t c = 0; c < cols.size(); ++c)
      if (cols[c].soort == k && !row.cells[c].text.empty()) put(s, k, scalar(row.cells[c]), header.cells[c].loc);
  Tree leerlingen = empty(Tree::Kind::Map, row.loc), plaatsingen = empty(Tree::Kind::Map, row.loc), tlv = empty(Tree::Kind::Map, row.loc);
  Tree opmaat = empty(Tree::Kind::Map, row.loc);  // opmaat_so_catN JJJJ -> opmaat: {JJJJ: {so_catN: ...}} (8.1.8)
  Loc leerlingen_key = header.loc, plaatsingen_key = header.loc, tlv_key = header.loc, opmaat_key = header.loc;
  for (size_t c = 0; c < cols.size(); ++c) {
    const Kolom& k = cols[c];
    const CsvCell& cell = row.cells[c];
    const Loc& hl = header.cells[c].loc;
    if (k.jaar.empty()) continue;
    if (k.soort == "leerlingen" && leerlingen.map.empty()) leerlingen_key = hl;
    if (cell.text.empty()) continue;  // not given
    if (k.soort == "leerlingen") {
      put(leerlingen, k.jaar, scalar(cell), hl);
    } else if (k.soort == "tlv_op_bao") {
      if (tlv.map.empty()) tlv_key = hl;
      put(tlv, k.jaar, scalar(cell), hl);
    } else {
      const bool om = k.soort.rfind("opmaat_", 0) == 0;
      Tree& target = om ? opmaat : plaatsingen;
      if (target.map.empty()) (om ? opmaat_key : plaatsingen_key) = hl;
      Tree* jaar = find(target, k.jaar);
      if (!jaar) {
        put(target, k.jaar, empty(Tree::Kind::Map, cell.loc), hl);
        jaar = &target.map.back().second;
      }
      put(*jaar, om ? k.soort.substr(7) : k.soort, scalar(cell), hl);
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

std::vector<CsvRow> parse_csv(const std::string& raw, const std::string& file) {
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

  std::vector<CsvRow> rows;
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
  while (i < n) {
    CsvRow row;
    row.loc = here();
    for (;;) {
      CsvCell cell;
      cell.loc = here();
      while (i < n && blank(text[i])) step();
      if (i < n && text[i] == '"') {
        cell.quoted = true;
        cell.loc = here();
        step();
        for (;;) {
          if (i >= n) fail(cell.loc, "aanhalingsteken niet gesloten; verwacht een \" aan het eind van dit veld");
          if (text[i] == '"') {
            if (i + 1 < n && text[i + 1] == '"') { cell.text += '"'; step(); step(); continue; }
            step();
            break;
          }
          if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') { step(); continue; }  // CRLF inside quotes -> LF
          cell.text += text[i];
          step();
        }
        while (i < n && blank(text[i])) step();
        if (!at_end_of_row() && text[i] != sep)
          fail(here(), std::string("tekst na het sluitende aanhalingsteken; verwacht '") + sep + "' of het einde van de regel");
      } else {
        if (i < n && !at_end_of_row() && text[i] != sep) cell.loc = here();
        const size_t start = i;
        while (!at_end_of_row() && text[i] != sep) {
          if (text[i] == '"')
            fail(here(), "aanhalingsteken midden in een veld; verwacht het hele veld tussen aanhalingstekens, met \"\" voor een aanhalingsteken erin");
          step();
        }
        cell.text = text.substr(start, i - start);
        while (!cell.text.empty() && blank(cell.text.back())) cell.text.pop_back();
      }
      row.cells.push_back(std::move(cell));
      if (i < n && text[i] == sep) { step(); continue; }
      if (i < n && text[i] == '\r') { ++i; if (i < n && text[i] == '\n') step(); else { ++line; col = 1; } }
      else if (i < n) step();  // '\n'
      break;
    }
    bool all_empty = true;
    for (const auto& c : row.cells) all_empty = all_empty && c.text.empty();
    if (!all_empty) rows.push_back(std::move(row));
  }
  if (rows.empty()) fail(Loc{file, 1, 1}, "het bestand is leeg; verwacht een kopregel met de kolomnamen en daaronder de rijen");
  for (size_t r = 1; r < rows.size(); ++r)
    if (rows[r].cells.size() != rows[0].cells.size())
      fail(rows[r].loc, "de rij op regel " + std::to_string(rows[r].loc.line) + " heeft " + std::to_string(rows[r].cells.size()) +
                            " cellen, de kopregel " + std::to_string(rows[0].cells.size()) + "; verwacht in elke rij evenveel cellen als kolommen in de kopregel (scheidingsteken '" +
                            std::string(1, sep) + "')");
  return rows;
}

// ---- the schools file ------------------------------------------------------------------------

Tree scholen_uit_csv(const CsvBron& bron, const std::optional<CsvBron>& stromen, const std::optional<CsvBron>& bao_bao) {
  Tree root = empty(Tree::Kind::Map, Loc{bron.path, 1, 1});
  {
    auto rows = parse_csv(read_csv_file(bron), bron.path);
    const auto cols = school_columns(rows[0]);
    Tree list = empty(Tree::Kind::Seq, rows[0].loc);
    list.seq.reserve(rows.size() - 1);
    for (size_t r = 1; r < rows.size(); ++r) {
      list.seq.push_back(school(rows[0], cols, rows[r]));
      std::vector<CsvCell>().swap(rows[r].cells);  // freed as it goes: the rows and the tree never both whole in memory
    }
    put(root, "scholen", std::move(list), rows[0].loc);
  }
  if (stromen) {
    const auto rows = parse_csv(read_csv_file(*stromen), stromen->path);
    const std::vector<std::string> names = {"school", "soort", "inschrijving", "vertrek", "vorige_school"};
    const auto at = fixed_columns(rows[0], names, 3, "de stromen");
    Tree& list = root.map[0].second;
    // The ids indexed once (the first school with an id; a repeated id is refused later, by
    // verdeling.cpp): a row finds its school in constant time, not by scanning the list.
    // Keys are copies: a string_view into the school's Tree would dangle once adding `stromen`
    // to that school's map moves its id (short ids live inside the string object).
    std::unordered_map<std::string, size_t> index;
    index.reserve(list.seq.size());
    for (size_t k = 0; k < list.seq.size(); ++k)
      if (const Tree* v = list.seq[k].get("id")) index.emplace(v->scalar, k);
    for (size_t r = 1; r < rows.size(); ++r) {
      const CsvCell& id = rows[r].cells[static_cast<size_t>(at[0])];
      if (id.text.empty()) fail(id.loc, "deze rij heeft geen school; verwacht een id uit " + bron.path);
      const auto found = index.find(id.text);
      Tree* s = found == index.end() ? nullptr : &list.seq[found->second];
      if (!s) fail(id.loc, "school " + id.text + " staat niet in " + bron.path + "; verwacht een id uit de kolom id van het scholenbestand");
      Tree item = empty(Tree::Kind::Map, rows[r].loc);
      for (size_t k = 1; k < names.size(); ++k)
        if (at[k] >= 0) {
          const CsvCell& c = rows[r].cells[static_cast<size_t>(at[k])];
          if (!c.text.empty()) put(item, names[k], scalar(c), rows[0].cells[static_cast<size_t>(at[k])].loc);
        }
      Tree* st = find(*s, "stromen");
      if (!st) {
        put(*s, "stromen", empty(Tree::Kind::Seq, rows[r].loc), rows[0].cells[static_cast<size_t>(at[0])].loc);
        st = &s->map.back().second;
      }
      st->seq.push_back(std::move(item));
    }
  }
  if (bao_bao) {
    const auto rows = parse_csv(read_csv_file(*bao_bao), bao_bao->path);
    const std::vector<std::string> names = {"van", "naar", "overstap", "verwijzing"};
    const auto at = fixed_columns(rows[0], names, 3, "bao_bao");
    Tree list = empty(Tree::Kind::Seq, rows[0].loc);
    list.seq = items(rows, at, names);
    put(root, "bao_bao", std::move(list), rows[0].loc);
  }
  return root;
}

}  // namespace begroting::detail
