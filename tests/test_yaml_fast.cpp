// The fast YAML reader (loader/src/tree_fast.cpp) against libyaml (loader/src/tree.cpp): where the
// fast reader reads a text, its Tree is libyaml's, node for node (kind, text, quoted, every
// location); where libyaml refuses a text, the fast reader declines it (so every message stays
// libyaml's). The expected trees are libyaml's own reading of the same text, an independent
// parser; a few values and locations are also read off the text by hand.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../loader/src/tree.hpp"
#include "begroting/loader.hpp"
#include "helpers.hpp"

using begroting::InputError;
using begroting::detail::ListItems;
using begroting::detail::parse_yaml;
using begroting::detail::parse_yaml_fast;
using begroting::detail::parse_yaml_libyaml;
using begroting::detail::Tree;

namespace {

std::string diff(const Tree& a, const Tree& b) { return begroting::detail::tree_difference(a, b); }

struct Outcome {
  bool fast = false;       ///< the fast reader read it
  std::string libyaml_error;  ///< libyaml's message ("" when it read the text)
};

/// Read `text` both ways and check they agree; says whether the fast reader read it.
Outcome agree(const std::string& text, const std::string& name = "f.yaml") {
  Outcome o;
  Tree ref;
  try {
    ref = parse_yaml_libyaml(text, name);
  } catch (const InputError& e) {
    o.libyaml_error = e.what();
  }
  Tree fast;
  size_t handed = 0;
  o.fast = parse_yaml_fast(text, name, nullptr, fast, handed);
  INFO("text: " << text.substr(0, 400));
  if (!o.libyaml_error.empty()) {
    CHECK_MESSAGE(!o.fast, "the fast reader read a text libyaml refuses: " << o.libyaml_error);
  } else if (o.fast) {
    CHECK_MESSAGE(diff(fast, ref) == "", diff(fast, ref));
  }
  // and parse_yaml (the two together) says what libyaml says, and hands over the items of the
  // list under "scholen" as libyaml does
  std::vector<Tree> via_both, via_libyaml;
  const ListItems both_hook{"scholen", [&](Tree&& t) { via_both.push_back(std::move(t)); }};
  const ListItems lib_hook{"scholen", [&](Tree&& t) { via_libyaml.push_back(std::move(t)); }};
  try {
    const Tree both = parse_yaml(text, name, &both_hook);
    CHECK(o.libyaml_error == "");
    if (o.libyaml_error.empty()) {
      CHECK(diff(both, parse_yaml_libyaml(text, name, &lib_hook)) == "");
      REQUIRE(via_both.size() == via_libyaml.size());
      for (size_t i = 0; i < via_both.size(); ++i) CHECK(diff(via_both[i], via_libyaml[i]) == "");
    }
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == o.libyaml_error);
  }
  return o;
}

/// A schools file as a generator or a finance person writes it: `n` schools with names in
/// several spellings (accents, quotes, a comma), comments, flow maps and an indented list.
std::string schools_text(int n, bool indentless) {
  std::ostringstream s;
  s << "# scholen\n\nscholen:\n";
  const std::string dash = indentless ? "- " : "  - ";
  const std::string in = indentless ? "  " : "    ";
  const char* names[] = {"Basisschool De Regenboog", "Caf\xC3\xA9 Sch\xC3\xB6ol", "Het Kofschip 't Zand, locatie Noord",
                         "\"Het Anker\"", "'De Wilg'", "O.B.S. 12 (Haarlem)", "Jan & Piet!"};
  for (int i = 1; i <= n; ++i) {
    s << dash << "id: S" << i << "\n";
    s << in << "naam: " << names[i % 7] << (i % 5 == 0 ? "   # toelichting" : "") << "\n";
    if (i % 3 == 0) s << in << "# een commentaarregel\n";
    s << in << "leerlingen: {2023: " << (100 + i) << ", 2024: " << (101 + i) << "}\n";
    if (i % 4 == 0) s << "\n";
    s << in << "plaatsingen:\n";
    s << in << "  2024: {so_cat1: 1, sbo_ikc: " << (i % 3) << "}\n";
    s << in << "  2025: {}\n";
    s << in << "tlv_op_bao: [1, 2, 3]\n";
    s << in << "stromen:\n";
    s << in << "  - {soort: instroom, inschrijving: 2027-08-21}\n";
    s << in << "  - soort: terugplaatsing\n";
    s << in << "    inschrijving: '2026-01-27'\n";
  }
  s << "bao_bao:\n  - {van: S1, naar: S2, aantal: 3}\n";
  return s.str();
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("fast yaml: a schools file is read by the fast reader, as libyaml reads it") {
  for (const bool indentless : {false, true}) {
    const std::string text = schools_text(60, indentless);
    const Outcome o = agree(text, "scholen.yaml");
    CHECK(o.libyaml_error == "");
    CHECK(o.fast);  // the point of the fast reader: this file does not go to libyaml
    // a few values read off the text by hand
    Tree t;
    size_t handed = 0;
    REQUIRE(parse_yaml_fast(text, "scholen.yaml", nullptr, t, handed));
    const Tree& list = *t.get("scholen");
    REQUIRE(list.seq.size() == 60);
    CHECK(list.loc.line == 4);  // the first '-': line 4 ("# scholen", "", "scholen:")
    CHECK(list.loc.column == (indentless ? 1 : 3));
    const Tree& s1 = list.seq[0];
    CHECK(s1.loc.column == (indentless ? 3 : 5));  // a map begun on the dash's line: at its first key
    CHECK(s1.get("naam")->scalar == "Caf\xC3\xA9 Sch\xC3\xB6ol");
    CHECK(list.seq[1].get("naam")->scalar == "Het Kofschip 't Zand, locatie Noord");  // a quote inside: plain
    CHECK_FALSE(list.seq[1].get("naam")->quoted);
    CHECK(list.seq[2].get("naam")->scalar == "Het Anker");  // in double quotes
    CHECK(list.seq[2].get("naam")->quoted);
    CHECK(list.seq[3].get("naam")->scalar == "De Wilg");  // in single quotes
    CHECK(list.seq[3].get("naam")->quoted);
    CHECK(list.seq[4].get("naam")->scalar == "O.B.S. 12 (Haarlem)");  // before a comment
    CHECK(list.seq[0].get("stromen")->seq[1].get("inschrijving")->scalar == "2026-01-27");
  }
}

TEST_CASE("fast yaml: every YAML file of the repository reads the same both ways") {
  // scenarios and their model files, golden and bad-input cases, fuzz regressions: where libyaml
  // refuses one (tests/bad), the fast reader declines it
  int files = 0, fast = 0, refused = 0;
  for (const char* dir : {"scenarios", "tests", "fuzz"}) {
    const std::filesystem::path root = testutil::source(dir);
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
      const auto ext = e.path().extension();
      if (!e.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
      if (std::filesystem::file_size(e.path()) > 4u << 20) continue;
      const std::string text = read_file(e.path());
      if (text.find('\0') != std::string::npos) continue;  // the loader refuses it before parsing
      INFO(e.path().string());
      const Outcome o = agree(text, e.path().string());
      ++files;
      fast += o.fast;
      refused += !o.libyaml_error.empty();
    }
  }
  MESSAGE(files << " files, " << fast << " read by the fast reader, " << refused << " refused by libyaml");
  CHECK(files > 50);
  CHECK(fast > files / 3);  // most scenarios are in the subset
  CHECK(refused > 10);      // the bad-input cases
}

TEST_CASE("fast yaml: what it reads, and what it leaves to libyaml") {
  // read by the fast reader, with the values and locations read off the text by hand
  {
    Tree t;
    size_t handed = 0;
    REQUIRE(parse_yaml_fast("a: 1\nb:\n  c: [x, 'y''s', \"z\"]   # opm\n  d: {e: f}\n", "f.yaml", nullptr, t, handed));
    CHECK(t.loc.line == 1);
    CHECK(t.loc.column == 1);
    const Tree& b = *t.get("b");
    CHECK(b.loc.line == 3);  // a block map: at its first key
    CHECK(b.loc.column == 3);
    const Tree& c = *b.get("c");
    CHECK(c.loc.column == 6);  // the '['
    REQUIRE(c.seq.size() == 3);
    CHECK(c.seq[1].scalar == "y's");
    CHECK(c.seq[1].loc.column == 10);
    CHECK(c.seq[2].scalar == "z");
    CHECK(c.seq[2].quoted);
    CHECK(b.key_locs[1].line == 4);
    CHECK(b.key_locs[1].column == 3);
    CHECK(b.get("d")->get("e")->loc.column == 10);
  }
  // texts it reads: the same as libyaml
  for (const char* text : {
           "a: 1\n", "a: 1", "a:   b c  \n", "- 1\n- 2\n", "a:\n- 1\n- x: 2\n  y: 3\nb: 4\n", "a: -5\nb: .5\nc: 1e3\n",
           "a: x#y\n", "a: x # y\n", "# c\n\n  # c\na: 1\n\n", "a: {}\nb: []\n", "a: [[1, 2], {b: [3]}]\n",
           "a: 'b\\c'\n", "a: ''\n", "a: \"\"\n", "a: \xC3\xA9\xC3\xA9 {b}\n", "x: \xC3\xA9\nk: {a: \xC3\xA9, b: 1}\n",
           "a: b [c] {d}, e\n", "a:\n  - {x: 1}\n  - [2]\n  - 'q'\n", "a : 1\n", "a: {b : 1 , c: 2}\n",
           "  a: 1\n  b: 2\n", "2024: {so: 1}\n", "a: b - c\n", "a: yes\nb: 0o17\nc: .inf\n",
           "a:   # c\n  b: 1\n", "- a:\n  - 1\n  b: 2\n"}) {
    const Outcome o = agree(text);
    CHECK_MESSAGE(o.fast, text);
  }
  // texts it leaves to libyaml (valid or not): every message stays libyaml's (agree)
  for (const char* text : {
           "", "a:\n", "a: ~\n", "a: null\n", "- \n", "a: &x 1\n", "a: *x\n", "a: !!str 1\n", "<<: {a: 1}\n",
           "a: 1\na: 2\n", "a: b: c\n", "a: http://x\n", "a: |\n  x\n", "a: >\n  x\n", "a: \"x\\ny\"\n", "a: 'x\n  y'\n",
           "a: x\n  y\n", "a:\n  b\n", "? a\n: 1\n", "--- \na: 1\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n",
           "a: [1,2]\n", "a: [12,5]\n", "a: {b: 1,c: 2}\n", "a: [1, 2,]\n", "a: [1,\n  2]\n", "a: {b}\n", "a: {b: }\n",
           "a:\t1\n", "a: 1\r\nb: 2\r\n", "\xEF\xBB\xBF" "a: 1\n", "a: \xC2\x85\n", "\"a\": 1\n", "a:\n  - 1\n  b: 2\n",
           "a: 1\n  b: 2\n", "a:\n    b: 1\n  c: 2\n", "- - 1\n", "-\n  a: 1\n", "a: [x: 1]\n", "a: -\n", "a: ---\n",
           "a: 'x'y\n", "a: \"x\": 1\n", "a: {b: 1}c\n", "a: x#\n b\n", "a:#x\n", "a: @x\n", "a: `x\n", "a: %x\n",
           "{a: 1}\n", "[1]\n", "plain\n", "a: [1, [2, {b: c}], ]\n", "a:\n- 1\n -2\n"}) {
    const Outcome o = agree(text);
    CHECK_MESSAGE(!o.fast, text);
  }
  // 60 maps deep: left to libyaml (which refuses nesting deeper than 64)
  std::string deep;
  for (int i = 0; i < 60; ++i) deep += std::string(static_cast<size_t>(2 * i), ' ') + "k:\n";
  deep += std::string(120, ' ') + "k: 1\n";
  CHECK_FALSE(agree(deep).fast);
  // a key whose ':' stands more than 1,000 bytes after its start (libyaml: at most 1,024 characters)
  CHECK_FALSE(agree("a" + std::string(1100, ' ') + ": 1\n").fast);
  CHECK_FALSE(agree("b: {a" + std::string(1100, ' ') + ": 1}\n").fast);
  CHECK(agree("a" + std::string(900, ' ') + ": 1\n").fast);
}

TEST_CASE("fast yaml: the items of a list are handed over once, in order, also when libyaml takes over") {
  // A schools text whose 41st school holds what the fast reader leaves to libyaml (an anchor-free
  // block text): the fast reader hands over 40 schools, libyaml the other 20, none twice.
  for (const bool indentless : {false, true}) {
    std::string text = schools_text(60, indentless);
    const std::string marker = std::string(indentless ? "- " : "  - ") + "id: S41\n";
    const size_t at41 = text.find(marker);
    REQUIRE(at41 != std::string::npos);
    text.insert(at41 + marker.size(), std::string(indentless ? "  " : "    ") + "opmerking: |\n" +
                                          (indentless ? "    " : "      ") + "tekst over\n" +
                                          (indentless ? "    " : "      ") + "twee regels\n");
    std::vector<Tree> via_both, via_libyaml;
    const ListItems both{"scholen", [&](Tree&& t) { via_both.push_back(std::move(t)); }};
    const ListItems lib{"scholen", [&](Tree&& t) { via_libyaml.push_back(std::move(t)); }};
    Tree t;
    size_t handed = 0;
    CHECK_FALSE(parse_yaml_fast(text, "s.yaml", &both, t, handed));
    CHECK(handed == 40);
    via_both.clear();
    const Tree r1 = parse_yaml(text, "s.yaml", &both);
    const Tree r2 = parse_yaml_libyaml(text, "s.yaml", &lib);
    CHECK(diff(r1, r2) == "");
    CHECK(r1.get("scholen")->seq.empty());  // the list stays, empty: its items were handed over
    REQUIRE(via_both.size() == 60);
    REQUIRE(via_libyaml.size() == 60);
    for (size_t i = 0; i < 60; ++i) {
      CHECK(via_both[i].get("id")->scalar == "S" + std::to_string(i + 1));
      CHECK(diff(via_both[i], via_libyaml[i]) == "");
    }
    CHECK(via_both[40].get("opmerking")->scalar == "tekst over\ntwee regels\n");
  }
}

TEST_CASE("fast yaml: mutated texts read the same both ways") {
  // A small fuzzer with a fixed seed: each text of a few bases, with characters that matter to
  // YAML inserted, replaced or deleted at random, must read the same both ways (or be declined).
  const std::vector<std::string> bases{schools_text(3, false), schools_text(2, true),
                                       "naam: x\nleerlingen: {bo: {teldatum: {2023: 100}}}\nlijst:\n  - [1, 2]\n  - 'a''b'\n",
                                       "a:   # c\n  b: [1, 2]  # d\n  c: \"x\"\n# e\nd:\n- e: 1\n  f: 2\n"};
  const std::string alphabet = " \n:-#,[]{}'\"&*!|>?%@`~\\xa1\xC3\xA9.";
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  const auto next = [&](std::uint64_t m) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state % m;
  };
  int fast = 0, total = 0;
  for (int round = 0; round < 6000; ++round) {
    std::string text = bases[next(bases.size())];
    for (int k = 0, edits = 1 + static_cast<int>(next(4)); k < edits; ++k) {
      const size_t at = next(text.size() + 1);
      const char c = alphabet[next(alphabet.size())];
      switch (next(3)) {
        case 0: text.insert(at, 1, c); break;
        case 1: if (at < text.size()) text[at] = c; break;
        default: if (at < text.size()) text.erase(at, 1); break;
      }
    }
    fast += agree(text).fast;
    ++total;
  }
  MESSAGE(fast << " of " << total << " mutated texts read by the fast reader");
  CHECK(fast > total / 10);  // the mutations that stay in the subset are compared, not only declined
}

TEST_CASE("fast yaml: the comparison of trees sees every kind of difference") {
  // the tests above are only as good as tree_difference: each pair differs in one thing
  const auto differ = [](const char* a, const char* b) {
    return !diff(parse_yaml_libyaml(a, "f.yaml"), parse_yaml_libyaml(b, "f.yaml")).empty();
  };
  CHECK_FALSE(differ("a: [1, {b: c}]\n", "a: [1, {b: c}]\n"));
  CHECK(differ("a: 1\n", "a:  1\n"));         // a value's column
  CHECK(differ("a: 1\n", "\na: 1\n"));        // every line
  CHECK(differ("a: 1\n", "a: '1'\n"));        // quoted
  CHECK(differ("a: 1\n", "a: 2\n"));          // the text
  CHECK(differ("a: 1\n", "b: 1\n"));          // a key
  CHECK(differ("a: [1]\n", "a: {1: 1}\n"));   // the kind
  CHECK(differ("a: [1]\n", "a: [1, 2]\n"));   // the items
  CHECK(differ("a: {b: 1}\n", "a: {b: 1, c: 2}\n"));
  CHECK(differ("a:\n  b: 1\n  c: 2\n", "a:\n  b: 1\n  c:  2\n"));
  CHECK(differ("{a: 1, b: 2}\n", "{a: 1,  b: 2}\n"));  // a key's column
  CHECK(!diff(parse_yaml_libyaml("a: 1\n", "f.yaml"), parse_yaml_libyaml("a: 1\n", "g.yaml")).empty());  // the file
}

TEST_CASE("fast yaml: an item is handed over only as libyaml reads it") {
  // Where libyaml reads the text, the items handed over via parse_yaml (the fast reader, then
  // libyaml after a decline) are libyaml's, one for one. Each text below once handed over an
  // item before the fast reader saw what changes it: a continuation line, a ':' after it.
  const auto handed_items = [](const std::string& text, bool fast_first) {
    std::vector<Tree> got;
    const ListItems hook{"scholen", [&](Tree&& t) { got.push_back(std::move(t)); }};
    (void)(fast_first ? parse_yaml(text, "s.yaml", &hook) : parse_yaml_libyaml(text, "s.yaml", &hook));
    return got;
  };
  for (const char* text : {"scholen:\n  - a\n    b\n", "scholen:\n  - a\n    - b\n", "scholen:\n- a\n  b\n- c\n",
                           "scholen: ['a': b]\n", "scholen: [x, \"a\": b]\n", "scholen: [x, 'a' : b]\n",
                           "scholen:\n  - {id: A}\n  - {id: B}\n  - c\n    d\n"}) {
    INFO(text);
    const std::vector<Tree> ref = handed_items(text, false);
    const std::vector<Tree> got = handed_items(text, true);
    REQUIRE(got.size() == ref.size());
    for (size_t i = 0; i < ref.size(); ++i) CHECK(diff(got[i], ref[i]) == "");
  }
  // read off the text: libyaml reads "a" and "b" on the line below as one text "a b"
  const std::vector<Tree> one = handed_items("scholen:\n- a\n  b\n- c\n", true);
  REQUIRE(one.size() == 2);
  CHECK(one[0].scalar == "a b");
  CHECK(one[1].scalar == "c");
}

TEST_CASE("fast yaml: a control character right after a line feed is seen") {
  // "\n\x0B" in one 8-byte word: the word test must flag the vertical tab, not take it for part
  // of the line feed. With every private-use block in use (Odd cannot replace it), libyaml
  // refuses the text: so must parse_yaml.
  std::string text = "k: ";
  for (char32_t b = 0; b < 50; ++b) {  // U+E000 + 128 b in UTF-8
    const char32_t cp = 0xE000 + 128 * b;
    text += static_cast<char>(0xE0 | (cp >> 12));
    text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    text += static_cast<char>(0x80 | (cp & 0x3F));
  }
  for (const std::string pad : {"", "x", "xx", "xxx", "xxxx", "xxxxx", "xxxxxx", "xxxxxxx"}) {
    const std::string t = text + pad + "\n\x0B" "v: 1\n";
    INFO(pad.size());
    Tree out;
    size_t handed = 0;
    CHECK_FALSE(parse_yaml_fast(t, "f.yaml", nullptr, out, handed));
    CHECK(agree(t).libyaml_error.find("een stuurteken in de tekst") != std::string::npos);
  }
}
