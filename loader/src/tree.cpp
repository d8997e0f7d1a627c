// YAML text -> Tree, built from yaml-cpp's parser events (not YAML::Node) so that every node
// has its own 1-based location, and so that what a finance person cannot mean is refused at
// the place it is written: anchors and aliases (&x, *x), the merge key '<<', a second
// document ('---'), a list or map used as a key, duplicate keys, nesting deeper than a
// scenario ever needs. yaml-cpp's own (English) parse errors are put into Dutch.
#include "tree.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cctype>
#include <cstring>
#include <set>
#include <sstream>

#include "begroting/loader.hpp"

namespace begroting::detail {

void fail(const Loc& l, const std::string& msg) { throw InputError(l.str() + ": " + msg); }

/// Position (1-based line, column) of the first byte that is not valid UTF-8, or {0,0}.
std::pair<int, int> first_invalid_utf8(const std::string& s) {
  int line = 1, col = 1;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (c == 0xC0 || c == 0xC1 || c > 0xF4) len = 0;  // overlong or beyond U+10FFFF
    if (len == 0 || i + len > s.size()) return {line, col};
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return {line, col};
    if (c == '\n') { ++line; col = 1; } else { ++col; }
    i += len;
  }
  return {0, 0};
}

Tree::Tree() = default;
Tree::Tree(const Tree&) = default;
Tree::Tree(Tree&&) noexcept = default;
Tree& Tree::operator=(const Tree&) = default;
Tree& Tree::operator=(Tree&&) noexcept = default;
Tree::~Tree() = default;

namespace {

constexpr size_t kMaxDepth = 64;

/// yaml-cpp's Mark is 0-based and its column counts bytes; a Loc is 1-based and its column counts
/// characters (what an editor shows: "\xC3\xA9" is one column). Marks arrive in file order, so a
/// forward cursor makes every conversion together linear in the text (a 4 MB file of any shape);
/// a mark before the cursor restarts it from the top.
class Positions {
 public:
  explicit Positions(const std::string& text) : text_(text) { restart(); }

  Loc loc(const YAML::Mark& m, const std::string& file) {
    if (m.line < 0 || m.column < 0) return Loc{file, 1, 1};
    if (!seek(m)) return Loc{file, m.line + 1, m.column + 1};
    return Loc{file, m.line + 1, chars_ + 1};
  }
  /// Byte offset of the mark in the text, or npos when it is not inside it.
  size_t offset(const YAML::Mark& m) {
    if (m.line < 0 || m.column < 0 || !seek(m) || byte_ >= text_.size()) return std::string::npos;
    return byte_;
  }

 private:
  void restart() {
    line_ = 0;
    line_start_ = byte_ = text_.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;  // yaml-cpp does not count a BOM
    chars_ = 0;
  }
  bool seek(const YAML::Mark& m) {
    if (m.line < line_ || (m.line == line_ && static_cast<size_t>(m.column) < byte_ - line_start_)) restart();
    while (line_ < m.line) {
      const size_t nl = text_.find('\n', byte_);
      if (nl == std::string::npos) return false;
      line_start_ = byte_ = nl + 1;
      chars_ = 0;
      ++line_;
    }
    const size_t want = line_start_ + static_cast<size_t>(m.column);
    for (; byte_ < want; ++byte_) {
      if (byte_ >= text_.size() || text_[byte_] == '\n') return false;
      if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++chars_;
    }
    return true;
  }

  const std::string& text_;
  int line_ = 0;            ///< 0-based line of the cursor
  size_t line_start_ = 0;   ///< byte offset where that line starts
  size_t byte_ = 0;         ///< byte offset of the cursor
  int chars_ = 0;           ///< characters from line_start_ to byte_
};

class Builder : public YAML::EventHandler {
 public:
  Builder(std::string file, const std::string& text) : file_(std::move(file)), text_(text), pos_(text) {}

  Tree root;
  int documents = 0;

  void OnDocumentStart(const YAML::Mark& m) override {
    if (++documents > 1)
      fail(pos_.loc(m, file_), "een tweede YAML-document ('---'); verwacht een scenario per bestand");
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
    no_anchor(m, a);
    Tree t;
    t.kind = Tree::Kind::Null;
    t.loc = pos_.loc(m, file_);
    add(std::move(t), m);
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { alias(m); }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a, const std::string& value) override {
    no_anchor(m, a);
    if (tag == "!") check_closed(m);
    if (value.find('\0') != std::string::npos)  // "\0" in a double-quoted text
      fail(pos_.loc(m, file_), "een tekst met een nul-teken (\\0); verwacht gewone tekst zonder nul-teken");
    if (tag != "!" && !frames_.empty() && frames_.back().flow) check_decimal_comma(m, value);
    Tree t;
    t.kind = Tree::Kind::Scalar;
    t.scalar = value;
    t.quoted = tag == "!";  // yaml-cpp tags a quoted (non-plain) scalar "!"
    t.loc = pos_.loc(m, file_);
    add(std::move(t), m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value style) override {
    open(m, a, Tree::Kind::Seq, style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value style) override {
    open(m, a, Tree::Kind::Map, style == YAML::EmitterStyle::Flow);
  }
  void OnMapEnd() override { close(); }
  void OnAnchor(const YAML::Mark& m, const std::string&) override { anchor(m); }

 private:
  struct Frame {
    Tree node;
    bool want_key = true;  // maps: the next node is a key
    bool flow = false;     // written [a, b] or {a: b}
    std::string key;
    Loc key_loc;
    std::set<std::string> seen;
  };

  [[noreturn]] void anchor(const YAML::Mark& m) {
    fail(pos_.loc(m, file_), "YAML-ankers (&naam) worden niet ondersteund; verwacht de waarde voluit geschreven");
  }
  [[noreturn]] void alias(const YAML::Mark& m) {
    fail(pos_.loc(m, file_), "YAML-verwijzingen (*naam) worden niet ondersteund; verwacht de waarde voluit geschreven");
  }
  void no_anchor(const YAML::Mark& m, YAML::anchor_t a) {
    if (a != YAML::NullAnchor) anchor(m);
  }

  void open(const YAML::Mark& m, YAML::anchor_t a, Tree::Kind kind, bool flow) {
    no_anchor(m, a);
    if (!frames_.empty() && frames_.back().node.kind == Tree::Kind::Map && frames_.back().want_key)
      fail(pos_.loc(m, file_), "een sleutel moet een naam zijn, geen lijst of map; verwacht bijvoorbeeld 'groei:'");
    if (frames_.size() >= kMaxDepth)
      fail(pos_.loc(m, file_), "te diep genest; een scenario heeft hooguit enkele niveaus");
    Frame f;
    f.flow = flow;
    f.node.kind = kind;
    f.node.loc = pos_.loc(m, file_);
    frames_.push_back(std::move(f));
  }

  void close() {
    Tree t = std::move(frames_.back().node);
    frames_.pop_back();
    add(std::move(t), YAML::Mark::null_mark());
  }

  void add(Tree t, const YAML::Mark& m) {
    if (frames_.empty()) {
      root = std::move(t);
      return;
    }
    Frame& f = frames_.back();
    if (f.node.kind == Tree::Kind::Seq) {
      f.node.seq.push_back(std::move(t));
      return;
    }
    if (f.want_key) {
      const Loc kl = t.kind == Tree::Kind::Null ? pos_.loc(m, file_) : t.loc;
      if (t.kind != Tree::Kind::Scalar || t.scalar.empty())
        fail(kl, "een sleutel zonder naam; verwacht bijvoorbeeld 'groei: 0.02'");
      if (t.scalar == "<<" && !t.quoted)
        fail(kl, "de YAML-samenvoegsleutel '<<' wordt niet ondersteund; verwacht de sleutels voluit geschreven");
      if (!f.seen.insert(t.scalar).second)
        fail(kl, "sleutel '" + shown_value(t.scalar) + "' staat twee keer in dezelfde map; verwacht elke sleutel een keer");
      f.key = std::move(t.scalar);
      f.key_loc = kl;
      f.want_key = false;
      return;
    }
    // A key without a value ("sbo:") is located at the key: that is where it must be filled in.
    if (t.kind == Tree::Kind::Null) t.loc = f.key_loc;
    f.node.map.emplace_back(std::move(f.key), std::move(t));
    f.node.key_locs.push_back(f.key_loc);
    f.want_key = true;
  }

  /// In a flow list or map, "[12,5, 18.75]" is read by YAML as 12 and 5: a Dutch decimal comma
  /// silently becomes two values. A number directly followed by a comma and a digit (no space)
  /// is refused; "[12, 5]" (with a space) stays two values.
  void check_decimal_comma(const YAML::Mark& m, const std::string& value) {
    if (value.empty() || !std::isdigit(static_cast<unsigned char>(value.back()))) return;
    const size_t k = pos_.offset(m);
    if (k == std::string::npos || text_.compare(k, value.size(), value) != 0) return;
    const size_t after = k + value.size();
    if (after + 1 >= text_.size() || text_[after] != ',' || !std::isdigit(static_cast<unsigned char>(text_[after + 1]))) return;
    size_t end = after + 1;
    while (end < text_.size() && std::isdigit(static_cast<unsigned char>(text_[end]))) ++end;
    const std::string written = text_.substr(k, end - k);
    std::string dotted = written;
    dotted[value.size()] = '.';
    fail(pos_.loc(m, file_), "'" + shown_value(written) + "' in een lijst: een komma zonder spatie tussen cijfers leest als "
                             "decimaalteken, maar YAML maakt er twee waarden van; schrijf " + shown_value(dotted) +
                             " (een punt als decimaalteken), of zet een spatie na de komma als het twee waarden zijn");
  }

  /// yaml-cpp accepts a quoted text that runs to the end of the file, silently swallowing every
  /// line after it: refuse that. The opening quote is at the mark (Positions: one pass over the
  /// file for all marks; this used to rescan from the top for each quoted text, so 50,000 of
  /// them took 14 s). The search for the closing quote reads only the quoted text itself.
  void check_closed(const YAML::Mark& m) {
    size_t k = pos_.offset(m);
    if (k == std::string::npos) return;
    const char q = text_[k];
    if (q != '"' && q != '\'') return;  // not at a quote: nothing to check
    for (++k; k < text_.size(); ++k) {
      if (q == '"' && text_[k] == '\\') { ++k; continue; }
      if (text_[k] != q) continue;
      if (q == '\'' && k + 1 < text_.size() && text_[k + 1] == '\'') { ++k; continue; }  // '' is a quote
      return;
    }
    fail(pos_.loc(m, file_), std::string("een tekst tussen aanhalingstekens (") + q +
                               ") wordt niet afgesloten; verwacht een tweede " + q + " op dezelfde regel");
  }

  std::string file_;
  const std::string& text_;
  std::vector<Frame> frames_;
  Positions pos_;
};

/// yaml-cpp's parse errors in words a finance person can act on.
std::string dutch(const std::string& msg) {
  namespace E = YAML::ErrorMsg;
  const auto is = [&](const char* m) { return msg.rfind(m, 0) == 0; };
  if (is(E::END_OF_MAP_FLOW)) return "een '{' wordt niet gesloten met '}'";
  if (is(E::END_OF_SEQ_FLOW)) return "een '[' wordt niet gesloten met ']'";
  if (is(E::FLOW_END)) return "een ']' of '}' zonder bijbehorende '[' of '{'";
  if (is(E::END_OF_MAP) || is(E::END_OF_SEQ) || is(E::BLOCK_ENTRY) || is(E::MAP_KEY) || is(E::MAP_VALUE))
    return "de inspringing of opbouw klopt hier niet";
  if (is(E::EOF_IN_SCALAR) || is(E::DOC_IN_SCALAR)) return "een tekst tussen aanhalingstekens wordt niet afgesloten";
  if (is(E::INVALID_ESCAPE) || is(E::INVALID_UNICODE) || is(E::INVALID_HEX))
    return "een ongeldige '\\'-code in een tekst tussen dubbele aanhalingstekens";
  if (is(E::UNKNOWN_ANCHOR) || is(E::ALIAS_NOT_FOUND) || is(E::ALIAS_CONTENT) || is(E::MULTIPLE_ALIASES))
    return "YAML-verwijzingen (*naam) worden niet ondersteund";
  if (is(E::ANCHOR_NOT_FOUND) || is(E::MULTIPLE_ANCHORS)) return "YAML-ankers (&naam) worden niet ondersteund";
  if (is(E::TAB_IN_INDENTATION)) return "een tab in de inspringing";
  return "onverwacht teken";
}

/// The first tab in the indentation of a line, as {line, column} (1-based), or {0, 0}. YAML
/// forbids tabs there, and yaml-cpp's own message for it is obscure.
std::pair<int, int> first_indent_tab(const std::string& text) {
  int line = 1;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    const bool content = j < text.size() && text[j] != '\n' && text[j] != '\r' && text[j] != '#';
    if (content)
      for (size_t k = i; k < j; ++k)
        if (text[k] == '\t') return {line, static_cast<int>(k - i) + 1};
    const size_t nl = text.find('\n', i);
    if (nl == std::string::npos) break;
    i = nl + 1;
    ++line;
  }
  return {0, 0};
}

}  // namespace

Tree parse_yaml(const std::string& text, const std::string& file) {
  if (auto [l, c] = first_indent_tab(text); l != 0)
    fail(Loc{file, l, c}, "een tab in de inspringing; verwacht spaties om in te springen (YAML staat geen tabs toe)");
  std::istringstream in(text);
  Builder b(file, text);
  try {
    YAML::Parser p(in);
    while (p.HandleNextDocument(b)) {
    }
  } catch (const YAML::DeepRecursion& e) {
    fail(Positions(text).loc(e.mark, file), "te diep genest; een scenario heeft hooguit enkele niveaus");
  } catch (const YAML::Exception& e) {
    fail(Positions(text).loc(e.mark, file), "geen geldige YAML: " + dutch(e.msg) + " (" + e.msg +
                                   "); verwacht 'sleutel: waarde' per regel, ingesprongen met spaties");
  }
  return std::move(b.root);
}

}  // namespace begroting::detail
