// The YAML reader (loader/src/tree.cpp, libyaml's event parser since issue 15): what libyaml
// (YAML 1.1) reads otherwise than yaml-cpp did before it comes through as it always has, and its
// parse errors come out in Dutch with a 1-based FILE:LINE:COLUMN. Every expected value below is
// read off the YAML text by hand (lines and columns counted in the literal, 1-based).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../loader/src/tree.hpp"
#include "begroting/loader.hpp"

using begroting::InputError;
using begroting::detail::parse_yaml;
using begroting::detail::Tree;

namespace {

std::string error_of(const std::string& text) {
  try {
    (void)parse_yaml(text, "f.yaml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

const Tree& at(const Tree& t, const std::string& key) {
  const Tree* v = t.get(key);
  REQUIRE_MESSAGE(v != nullptr, "key " << key);
  return *v;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("yaml reader: YAML 1.1 words and numbers stay text for the loader to read") {
  // libyaml resolves no types: the Tree holds what is written. yes/no, 0o17, .inf and a date are
  // plain text; only an untagged plain '~', 'null', 'Null', 'NULL' or nothing is no value.
  const Tree t = parse_yaml(
      "a: yes\nb: 0o17\nc: .inf\nd: 2024-01-01\ne: ~\nf: null\ng: Null\nh: NULL\ni:\nj: nULL\n"
      "k: \"~\"\nl: '12'\nm: !!str 12\nn: ! 12\n",
      "f.yaml");
  REQUIRE(t.kind == Tree::Kind::Map);
  CHECK(at(t, "a").scalar == "yes");
  CHECK(at(t, "b").scalar == "0o17");
  CHECK(at(t, "c").scalar == ".inf");
  CHECK(at(t, "d").scalar == "2024-01-01");
  for (const char* k : {"a", "b", "c", "d", "j"}) {
    CHECK(at(t, k).kind == Tree::Kind::Scalar);
    CHECK_FALSE(at(t, k).quoted);
  }
  for (const char* k : {"e", "f", "g", "h", "i"}) CHECK(at(t, k).kind == Tree::Kind::Null);
  CHECK(at(t, "j").scalar == "nULL");  // not one of the null spellings
  // quoted: text, never a number or no value
  CHECK(at(t, "k").kind == Tree::Kind::Scalar);
  CHECK(at(t, "k").scalar == "~");
  CHECK(at(t, "k").quoted);
  CHECK(at(t, "l").scalar == "12");
  CHECK(at(t, "l").quoted);
  // a '!!str' tag is not a quote (yaml-cpp did the same); the non-specific tag '!' is
  CHECK(at(t, "m").scalar == "12");
  CHECK_FALSE(at(t, "m").quoted);
  CHECK(at(t, "n").quoted);
  // a key with no value is located at its key: line 9, column 1
  CHECK(at(t, "i").loc.line == 9);
  CHECK(at(t, "i").loc.column == 1);
}

TEST_CASE("yaml reader: control characters and line separators stay characters") {
  // libyaml refuses ESC and form feed, and ends a line at NEL (U+0085), U+2028 and a lone CR;
  // the loader always read them as characters of the text (the messages escape them).
  const std::string text =
      "\"k\x1b[2J\": 1\n"        // line 1: an ESC in a quoted key
      "a: x\xC2\x85y\n"          // line 2: NEL inside a plain value
      "b: \"p\xE2\x80\xA8q\"\n"  // line 3: U+2028 inside a quoted value
      "c: r\rs\n"                // line 4: a lone CR inside a value
      "d: t\x0Cu\n";             // line 5: a form feed
  const Tree t = parse_yaml(text, "f.yaml");
  REQUIRE(t.kind == Tree::Kind::Map);
  REQUIRE(t.map.size() == 5);
  CHECK(t.map[0].first == "k\x1b[2J");
  CHECK(at(t, "a").scalar == "x\xC2\x85y");
  CHECK(at(t, "b").scalar == "p\xE2\x80\xA8q");
  CHECK(at(t, "b").quoted);
  CHECK(at(t, "c").scalar == "r\rs");
  CHECK(at(t, "d").scalar == "t\x0Cu");
  // no separator counted as a line end: 'd' is on line 5, its value at column 4
  CHECK(t.key_locs[4].line == 5);
  CHECK(at(t, "d").loc.line == 5);
  CHECK(at(t, "d").loc.column == 4);
  // after a NEL the line goes on: "v: 5" is no new key but a second ':' on line 1, column 7
  // ('e', ':', ' ', 'x', NEL, 'v', ':')
  CHECK(starts_with(error_of("e: x\xC2\x85v: 5\n"), "f.yaml:1:7: geen geldige YAML: de inspringing of opbouw klopt hier niet"));
}

TEST_CASE("yaml reader: a byte order mark is skipped at the start only") {
  // At the start it is not counted (the key is at 1:1); on a later line it is a character of the
  // key, as yaml-cpp read it ("\xEF\xBB\xBFb"), and counts as one column.
  const Tree t = parse_yaml("\xEF\xBB\xBF" "a: 1\n\xEF\xBB\xBF" "b: 2\n", "f.yaml");
  REQUIRE(t.map.size() == 2);
  CHECK(t.map[0].first == "a");
  CHECK(t.key_locs[0].column == 1);
  CHECK(t.map[1].first == "\xEF\xBB\xBF" "b");
  CHECK(t.map[1].second.loc.column == 5);  // BOM, 'b', ':', ' ' -> the 2 is the fifth character
}

TEST_CASE("yaml reader: a tab that separates is read as a space where it always was") {
  // after '-' (libyaml refuses a tab there) and on comment lines before the first content
  const Tree t = parse_yaml("\t# toelichting\na:\n  -\t2\n  - \t3\n", "f.yaml");
  const Tree& a = at(t, "a");
  REQUIRE(a.kind == Tree::Kind::Seq);
  REQUIRE(a.seq.size() == 2);
  CHECK(a.seq[0].scalar == "2");
  CHECK(a.seq[0].loc.line == 3);
  CHECK(a.seq[0].loc.column == 5);  // ' ', ' ', '-', TAB, '2'
  CHECK(a.seq[1].scalar == "3");
  CHECK(a.seq[1].loc.column == 6);
  // a list or map set after a tab has an indentation no one can see: refused at the tab
  CHECK(starts_with(error_of("a:\n  -\tk: v\n"), "f.yaml:2:4: geen geldige YAML: een tab in de inspringing"));
  // a tab-indented comment after content was refused before and still is
  CHECK(starts_with(error_of("a: 1\n\t# c\n"), "f.yaml:2:1: geen geldige YAML: een tab in de inspringing"));
}

TEST_CASE("yaml reader: an empty list item is located at its dash") {
  // "  -" on line 3: the dash is column 3 (libyaml's own mark is just after it)
  const Tree t = parse_yaml("a:\n  - 1\n  -\n  - 3\n", "f.yaml");
  const Tree& a = at(t, "a");
  REQUIRE(a.seq.size() == 3);
  CHECK(a.seq[1].kind == Tree::Kind::Null);
  CHECK(a.seq[1].loc.line == 3);
  CHECK(a.seq[1].loc.column == 3);
}

TEST_CASE("yaml reader: parse errors in Dutch at a 1-based position") {
  // an unclosed '[': libyaml finds out where the text ends, line 2 column 1
  CHECK(error_of("a: [1, 2\n") ==
        "f.yaml:2:1: geen geldige YAML: een '[' wordt niet gesloten met ']' (did not find expected ',' or ']'); "
        "verwacht 'sleutel: waarde' per regel, ingesprongen met spaties");
  // a quoted text that runs to the end: at its opening quote (line 2, column 7)
  CHECK(error_of("a: 1\nnaam: 'Scenario\nb: 2\n") ==
        "f.yaml:2:7: een tekst tussen aanhalingstekens (') wordt niet afgesloten; verwacht een tweede ' op dezelfde regel");
  // an empty key: at its ':' (line 2, column 3)
  CHECK(error_of("a:\n  : 6700\n") == "f.yaml:2:3: een sleutel zonder naam; verwacht bijvoorbeeld 'groei: 0.02'");
  // an empty place in a flow list: at the second comma (column 8); yaml-cpp read it as no value
  CHECK(error_of("a: [1, , 3]\n") ==
        "f.yaml:1:8: een lege plek in een lijst (een komma zonder waarde ervoor); verwacht een waarde tussen elke twee komma's");
  // a word without ':' in a map: at the word (line 2, column 1), not where libyaml noticed
  CHECK(starts_with(error_of("a: 1\nsbo\nb: 2\n"), "f.yaml:2:1: geen geldige YAML: een sleutel zonder ':' erachter"));
  // a bad escape in a double-quoted text: at the backslash (line 1, column 6)
  CHECK(starts_with(error_of("a: \"x\\qy\"\n"),
                    "f.yaml:1:6: geen geldige YAML: een ongeldige '\\'-code in een tekst tussen dubbele aanhalingstekens"));
  // anchors, aliases, a second document: the loader's own messages, at the '&', '*' and '---'
  CHECK(starts_with(error_of("a: &x 1\n"), "f.yaml:1:4: YAML-ankers (&naam) worden niet ondersteund"));
  CHECK(starts_with(error_of("a: *x\n"), "f.yaml:1:4: YAML-verwijzingen (*naam) worden niet ondersteund"));
  CHECK(starts_with(error_of("a: 1\n---\nb: 2\n"), "f.yaml:2:1: een tweede YAML-document ('---')"));
  // a decimal comma in a flow list, after characters of two bytes: 'x', ':', ' ', '{', 'é', ':',
  // ' ', '[' -> the 1 of '1,5' is column 9; and on the line after one, column 5
  CHECK(starts_with(error_of("x: {\xC3\xA9: [1,5]}\n"), "f.yaml:1:9: '1,5' in een lijst: een komma zonder spatie"));
  CHECK(starts_with(error_of("n: \xC3\xA9\xC3\xA9\nx: [12,5, 3]\n"), "f.yaml:2:5: '12,5' in een lijst: een komma zonder spatie"));
  // a '"\0"' escape gives a NUL inside the text
  CHECK(starts_with(error_of("a: \"x\\0y\"\n"), "f.yaml:1:4: een tekst met een nul-teken"));
}

TEST_CASE("yaml reader: many tabs after a dash are all read as spaces") {
  // 40 items "  -<TAB>{id: A<i>, n: <i>}" (old reader: accepted, each tab a space); no limit on
  // how many. Line i+1 (line 1 is "s:"), the '{' in column 5 (' ', ' ', '-', TAB, '{').
  std::string text = "s:\n";
  for (int i = 1; i <= 40; ++i) text += "  -\t{id: A" + std::to_string(i) + ", n: " + std::to_string(i) + "}\n";
  const Tree t = parse_yaml(text, "f.yaml");
  const Tree& s = at(t, "s");
  REQUIRE(s.kind == Tree::Kind::Seq);
  REQUIRE(s.seq.size() == 40);
  for (int i = 1; i <= 40; ++i) {
    const Tree& item = s.seq[static_cast<size_t>(i - 1)];
    CHECK(at(item, "id").scalar == "A" + std::to_string(i));
    CHECK(at(item, "n").scalar == std::to_string(i));
    CHECK(item.loc.line == i + 1);
    CHECK(item.loc.column == 5);
  }
  // the same handed over item by item: each once
  std::vector<std::string> ids;
  const begroting::detail::ListItems hook{"s", [&](Tree&& item) { ids.push_back(at(item, "id").scalar); }};
  (void)parse_yaml(text, "f.yaml", &hook);
  REQUIRE(ids.size() == 40);
  CHECK(ids.front() == "A1");
  CHECK(ids.back() == "A40");
}

TEST_CASE("yaml reader: a dash and a tab inside a text keep the tab") {
  // "-\tx" separates (made a space); the texts below hold "-<TAB>" that is no separator: a
  // block text, a quoted text and a plain one keep their tab.
  const Tree t = parse_yaml("a:\n  -\tx\nb: |\n  p -\tq\nc: \"r -\ts\"\nd: u -\tv\ne:\n  -\ty\n", "f.yaml");
  const Tree& a = at(t, "a");
  REQUIRE(a.seq.size() == 1);
  CHECK(a.seq[0].scalar == "x");
  CHECK(at(t, "b").scalar == "p -\tq\n");
  CHECK(at(t, "c").scalar == "r -\ts");
  CHECK(at(t, "d").scalar == "u -\tv");
  const Tree& e = at(t, "e");
  REQUIRE(e.seq.size() == 1);
  CHECK(e.seq[0].scalar == "y");
  CHECK(e.seq[0].loc.line == 8);
  CHECK(e.seq[0].loc.column == 5);  // ' ', ' ', '-', TAB, 'y'
  // items handed over before a text with a tab is met are not handed over again
  std::vector<std::string> ids;
  const begroting::detail::ListItems hook{"s", [&](Tree&& item) { ids.push_back(at(item, "id").scalar); }};
  (void)parse_yaml("s:\n  -\t{id: A}\n  -\t{id: B}\n  - {id: \"c -\td\"}\n  -\t{id: E}\n", "f.yaml", &hook);
  REQUIRE(ids.size() == 4);
  CHECK(ids[0] == "A");
  CHECK(ids[1] == "B");
  CHECK(ids[2] == "c -\td");
  CHECK(ids[3] == "E");
  // an error after many such tabs: where it is, as before
  std::string bad = "s:\n";
  for (int i = 0; i < 40; ++i) bad += "  -\t1\n";
  bad += "  -\tk: v\n";  // line 42: a map set after a tab, refused at the tab (column 4)
  CHECK(starts_with(error_of(bad), "f.yaml:42:4: geen geldige YAML: een tab in de inspringing"));
}
