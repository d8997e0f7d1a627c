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

// yaml-cpp's Mark is 0-based; ours is 1-based.
Loc loc_of(const YAML::Mark& m, const std::string& file) {
  if (m.line < 0 || m.column < 0) return Loc{file, 1, 1};
  return Loc{file, m.line + 1, m.column + 1};
}


class Builder : public YAML::EventHandler {
 public:
  Builder(std::string file, const std::string& text) : file_(std::move(file)), text_(text) {}

  Tree root;
  int documents = 0;

  void OnDocumentStart(const YAML::Mark& m) override {
    if (++documents > 1)
      fail(loc_of(m, file_), "een tweede YAML-document ('---'); verwacht een scenario per bestand");
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
    no_anchor(m, a);
    Tree t;
    t.kind = Tree::Kind::Null;
    t.loc = loc_of(m, file_);
    add(std::move(t), m);
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { alias(m); }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a, const std::string& value) override {
    no_anchor(m, a);
    if (tag == "!") check_closed(m);
    Tree t;
    t.kind = Tree::Kind::Scalar;
    t.scalar = value;
    t.quoted = tag == "!";  // yaml-cpp tags a quoted (non-plain) scalar "!"
    t.loc = loc_of(m, file_);
    add(std::move(t), m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(m, a, Tree::Kind::Seq);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(m, a, Tree::Kind::Map);
  }
  void OnMapEnd() override { close(); }
  void OnAnchor(const YAML::Mark& m, const std::string&) override { anchor(m); }

 private:
  struct Frame {
    Tree node;
    bool want_key = true;  // maps: the next node is a key
    std::string key;
    Loc key_loc;
    std::set<std::string> seen;
  };

  [[noreturn]] void anchor(const YAML::Mark& m) {
    fail(loc_of(m, file_), "YAML-ankers (&naam) worden niet ondersteund; verwacht de waarde voluit geschreven");
  }
  [[noreturn]] void alias(const YAML::Mark& m) {
    fail(loc_of(m, file_), "YAML-verwijzingen (*naam) worden niet ondersteund; verwacht de waarde voluit geschreven");
  }
  void no_anchor(const YAML::Mark& m, YAML::anchor_t a) {
    if (a != YAML::NullAnchor) anchor(m);
  }

  void open(const YAML::Mark& m, YAML::anchor_t a, Tree::Kind kind) {
    no_anchor(m, a);
    if (!frames_.empty() && frames_.back().node.kind == Tree::Kind::Map && frames_.back().want_key)
      fail(loc_of(m, file_), "een sleutel moet een naam zijn, geen lijst of map; verwacht bijvoorbeeld 'groei:'");
    if (frames_.size() >= kMaxDepth)
      fail(loc_of(m, file_), "te diep genest; een scenario heeft hooguit enkele niveaus");
    Frame f;
    f.node.kind = kind;
    f.node.loc = loc_of(m, file_);
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
      const Loc kl = t.kind == Tree::Kind::Null ? loc_of(m, file_) : t.loc;
      if (t.kind != Tree::Kind::Scalar || t.scalar.empty())
        fail(kl, "een sleutel zonder naam; verwacht bijvoorbeeld 'groei: 0.02'");
      if (t.scalar == "<<" && !t.quoted)
        fail(kl, "de YAML-samenvoegsleutel '<<' wordt niet ondersteund; verwacht de sleutels voluit geschreven");
      if (!f.seen.insert(t.scalar).second)
        fail(kl, "sleutel '" + t.scalar + "' staat twee keer in dezelfde map; verwacht elke sleutel een keer");
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

  /// yaml-cpp accepts a quoted text that runs to the end of the file, silently swallowing every
  /// line after it: refuse that. The opening quote is found from the mark's line and column
  /// (characters, not bytes; a byte-order mark is not counted).
  void check_closed(const YAML::Mark& m) const {
    if (m.line < 0 || m.column < 0) return;
    size_t i = text_.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    for (int l = 0; l < m.line && i != std::string::npos; ++l) {
      i = text_.find('\n', i);
      if (i != std::string::npos) ++i;
    }
    for (int c = 0; c < m.column && i < text_.size(); ++c)  // step over whole UTF-8 characters
      do ++i; while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80);
    if (i >= text_.size()) return;
    const char q = text_[i];
    if (q != '"' && q != '\'') return;  // not at a quote: nothing to check
    for (++i; i < text_.size(); ++i) {
      if (q == '"' && text_[i] == '\\') { ++i; continue; }
      if (text_[i] != q) continue;
      if (q == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') { ++i; continue; }  // '' is a quote
      return;
    }
    fail(loc_of(m, file_), std::string("een tekst tussen aanhalingstekens (") + q +
                               ") wordt niet afgesloten; verwacht een tweede " + q + " op dezelfde regel");
  }

  std::string file_;
  const std::string& text_;
  std::vector<Frame> frames_;
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
    fail(loc_of(e.mark, file), "te diep genest; een scenario heeft hooguit enkele niveaus");
  } catch (const YAML::Exception& e) {
    fail(loc_of(e.mark, file), "geen geldige YAML: " + dutch(e.msg) + " (" + e.msg +
                                   "); verwacht 'sleutel: waarde' per regel, ingesprongen met spaties");
  }
  return std::move(b.root);
}

}  // namespace begroting::detail
