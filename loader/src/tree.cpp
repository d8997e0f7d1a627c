// YAML text -> Tree, built from libyaml's parser events (yaml_parser_parse; not a document
// API) so that every node has its own 1-based location, and so that what a finance person
// cannot mean is refused at the place it is written: anchors and aliases (&x, *x), the merge key
// '<<', a second document ('---'), a list or map used as a key, duplicate keys, nesting deeper
// than a scenario ever needs. libyaml's own (English) parse errors are put into Dutch. Plain
// YAML (a schools file, most scenarios) is read first by tree_fast.cpp into the same Tree; what
// that reader declines comes here (parse_yaml).
//
// libyaml (Debian's libyaml-dev) replaced yaml-cpp here: it parses a 2.7 MB schools file in
// about a seventh of the time. The Tree keeps each scalar as written plus whether it was quoted,
// so YAML 1.1 versus 1.2 typing (yes, 0o17, .inf) is not the parser's business: the loader reads
// the text. Where libyaml reads the characters themselves otherwise than yaml-cpp did (see Odd
// below), the text is adjusted so that every file reads as it always has.
#include "tree.hpp"

#include <yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <new>
#include <set>
#include <sstream>
#include <unordered_set>

#include "begroting/loader.hpp"

namespace begroting::detail {

void fail(const Loc& l, const std::string& msg) { throw InputError(l.str() + ": " + msg); }

/// Position (1-based line, column) of the first byte that is not valid UTF-8, or {0,0}.
namespace {
/// The length of the UTF-8 character that starts with byte c (0: no start byte, or overlong or
/// beyond U+10FFFF).
size_t utf8_length(unsigned char c) {
  if (c == 0xC0 || c == 0xC1 || c > 0xF4) return 0;
  return c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
}
/// Whether the text is UTF-8: ASCII eight bytes at a time, no line counting (a 4 MB file is
/// checked on every load; the position is found only for an error).
bool valid_utf8(const std::string& s) {
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    std::uint64_t w = 0;
    if (i + 8 <= n && (std::memcpy(&w, s.data() + i, 8), (w & 0x8080808080808080ull) == 0)) {
      i += 8;
      continue;
    }
    const size_t len = utf8_length(static_cast<unsigned char>(s[i]));
    if (len == 0 || i + len > n) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    i += len;
  }
  return true;
}
}  // namespace

std::pair<int, int> first_invalid_utf8(const std::string& s) {
  if (valid_utf8(s)) return {0, 0};
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

/// Characters that libyaml (YAML 1.1) reads otherwise than this loader always has (yaml-cpp,
/// and what an editor shows): libyaml refuses control characters (C0 but tab and line ends,
/// DEL, C1), ends a line at a lone carriage return, NEL (U+0085), U+2028 and U+2029, and skips a
/// byte order mark (U+FEFF) at the start of any line; it also refuses U+FFFE and U+FFFF. In a
/// text that holds any of them (rare: the common case only scans the bytes once), each is
/// replaced before parsing by a private-use character of a block of 128 that the text does not
/// use, one for one (so lines and columns stay the same), and put back in every scalar. A NUL
/// (only a model file can reach here with one) is put back too, so it gets the loader's own
/// message about it.
class Odd {
 public:
  /// `text` itself, or the adjusted copy (see text()).
  explicit Odd(const std::string& text) : text_(text) {
    size_t first = std::string::npos;
    for (size_t i = 0; i < text.size(); ++i) {
      // eight printable ASCII bytes at a time: none has bit 7 set, none is below 0x20 or 0x7F
      while (i + 8 <= text.size()) {
        std::uint64_t w = 0;
        std::memcpy(&w, text.data() + i, 8);
        constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
        const std::uint64_t below_20 = (w - ones * 0x20) & ~w & high;  // some byte < 0x20 (or >= 0x80)
        const std::uint64_t is_7f = ((w ^ (ones * 0x7F)) - ones) & ~(w ^ (ones * 0x7F)) & high;  // some byte 0x7F
        if ((w & high) | below_20 | is_7f) break;
        i += 8;
      }
      if (i >= text.size()) break;
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x20 && c < 0x7F) continue;
      if (odd_at(text, i, nullptr) != 0) {
        first = i;
        break;
      }
    }
    if (first == std::string::npos) return;
    base_ = free_block(text);
    if (base_ == 0) return;  // every block in use (a constructed file): parse as it is
    adjusted_.reserve(text.size() + 64);
    adjusted_.assign(text, 0, first);
    for (size_t i = first; i < text.size();) {
      char32_t cp = 0;
      if (const size_t n = odd_at(text, i, &cp); n != 0) {
        append_utf8(adjusted_, base_ + slot(cp));
        i += n;
      } else {
        adjusted_ += text[i++];
      }
    }
    active_ = true;
  }

  /// The text libyaml is given.
  [[nodiscard]] const std::string& text() const { return active_ ? adjusted_ : text_; }

  /// A scalar as libyaml gives it (of text()), with the replaced characters put back.
  void restore(std::string& value) const {
    if (!active_) return;
    size_t i = 0;
    while (i < value.size() && placeholder(value, i) == 0) ++i;
    if (i == value.size()) return;
    std::string out(value, 0, i);
    while (i < value.size()) {
      if (const char32_t cp = placeholder(value, i); cp != 0) {
        append_utf8(out, original(cp - base_));
        i += 3;
      } else {
        out += value[i++];
      }
    }
    value = std::move(out);
  }

 private:
  static constexpr char32_t kSlots = 72;

  /// The replacement character at s[i] (its code point), or 0.
  char32_t placeholder(const std::string& s, size_t i) const {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c != 0xEE && c != 0xEF) || i + 2 >= s.size()) return 0;
    const char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(s[i + 1] & 0x3F) << 6) | char32_t(s[i + 2] & 0x3F);
    return cp >= base_ && cp < base_ + kSlots ? cp : 0;
  }

  /// The length in bytes of the odd character at text[i] (0: none), and its code point.
  static size_t odd_at(const std::string& s, size_t i, char32_t* cp) {
    const auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    const unsigned c = b(0);
    size_t n = 0;
    char32_t v = 0;
    if (c < 0x20) {
      if (c == '\t' || c == '\n' || (c == '\r' && b(1) == '\n')) return 0;
      n = 1, v = c;
    } else if (c == 0x7F) {
      n = 1, v = c;
    } else if (c == 0xC2 && b(1) >= 0x80 && b(1) <= 0x9F) {
      n = 2, v = b(1);  // U+0080..U+009F
    } else if (c == 0xE2 && b(1) == 0x80 && (b(2) == 0xA8 || b(2) == 0xA9)) {
      n = 3, v = 0x2000 | (b(2) & 0x3F);  // U+2028, U+2029
    } else if (c == 0xEF && ((b(1) == 0xBB && b(2) == 0xBF && i != 0) || (b(1) == 0xBF && (b(2) == 0xBE || b(2) == 0xBF)))) {
      n = 3, v = b(1) == 0xBB ? 0xFEFF : 0xFF00 | (0xC0 | (b(2) & 0x3F));  // U+FEFF past the start, U+FFFE, U+FFFF
    } else {
      return 0;
    }
    if (cp) *cp = v;
    return n;
  }
  /// 0..31 C0 (and NUL), 32 DEL, 33..64 C1, 65 U+2028, 66 U+2029, 67 U+FEFF, 68 U+FFFE, 69 U+FFFF.
  static char32_t slot(char32_t cp) {
    if (cp < 0x20) return cp;
    if (cp == 0x7F) return 32;
    if (cp < 0xA0) return 33 + (cp - 0x80);
    if (cp == 0x2028 || cp == 0x2029) return 65 + (cp - 0x2028);
    if (cp == 0xFEFF) return 67;
    return 68 + (cp - 0xFFFE);
  }
  static char32_t original(char32_t s) {
    if (s < 32) return s;
    if (s == 32) return 0x7F;
    if (s < 65) return 0x80 + (s - 33);
    if (s < 67) return 0x2028 + (s - 65);
    if (s == 67) return 0xFEFF;
    return 0xFFFE + (s - 68);
  }
  /// The first block of 128 private-use characters (U+E000..U+F8FF) the text does not use, or 0.
  static char32_t free_block(const std::string& s) {
    std::array<bool, 50> used{};
    for (size_t i = 0; i + 2 < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c != 0xEE && c != 0xEF) continue;
      const char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(s[i + 1] & 0x3F) << 6) | char32_t(s[i + 2] & 0x3F);
      if (cp >= 0xE000 && cp < 0xE000 + 50 * 128) used[(cp - 0xE000) / 128] = true;
    }
    for (size_t k = 0; k < used.size(); ++k)
      if (!used[k]) return static_cast<char32_t>(0xE000 + 128 * k);
    return 0;
  }
  static void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  const std::string& text_;
  std::string adjusted_;
  char32_t base_ = 0;
  bool active_ = false;
};

/// libyaml's marks are 0-based and count characters (what an editor shows: "\xC3\xA9" is one
/// column), as a Loc does 1-based. The checks that read the text itself need the byte offset of
/// a mark: marks arrive in file order, so a forward cursor over the text makes all conversions
/// together linear in its size (a 4 MB file of any shape); a mark before the cursor restarts it.
class Positions {
 public:
  explicit Positions(const std::string& text) : text_(text) { restart(); }

  static Loc loc(const yaml_mark_t& m, const std::string& file) {
    return Loc{file, static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1};
  }
  /// Byte offset of the mark in the text, or npos when it is not inside it.
  size_t offset(const yaml_mark_t& m) {
    if (m.index < chars_) restart();
    // n characters on: n bytes first (all of them when the text is ASCII), then as many more as
    // there were continuation bytes among them (a counting loop the compiler vectorizes)
    while (chars_ < m.index) {
      const size_t n = m.index - chars_;
      if (byte_ + n > text_.size()) return std::string::npos;
      size_t continuation = 0, i = byte_;
      for (; i + 8 <= byte_ + n; i += 8) {  // eight bytes at a time: 10xxxxxx is bit 7 set, bit 6 clear
        std::uint64_t w = 0;
        std::memcpy(&w, text_.data() + i, 8);
        continuation += static_cast<size_t>(__builtin_popcountll(w & ~(w << 1) & 0x8080808080808080ull));
      }
      for (; i < byte_ + n; ++i) continuation += (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80;
      byte_ += n;
      chars_ += n - continuation;
    }
    // on the first byte of the character: past continuation bytes of the one before
    while (byte_ < text_.size() && (static_cast<unsigned char>(text_[byte_]) & 0xC0) == 0x80) ++byte_;
    return byte_ < text_.size() ? byte_ : std::string::npos;
  }

 private:
  void restart() {
    byte_ = text_.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;  // libyaml does not count a BOM
    chars_ = 0;
  }

  const std::string& text_;
  size_t byte_ = 0;   ///< byte offset of the cursor
  size_t chars_ = 0;  ///< characters before it (libyaml's mark index)
};

/// One libyaml event, freed however the handling of it ends.
struct Event {
  yaml_event_t e{};
  ~Event() { yaml_event_delete(&e); }
};

/// The libyaml parser over a text in memory.
struct Parser {
  yaml_parser_t p{};
  explicit Parser(const std::string& text) {
    if (!yaml_parser_initialize(&p)) throw std::bad_alloc();
    yaml_parser_set_input_string(&p, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~Parser() { yaml_parser_delete(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

class Builder {
 public:
  /// `items`: the list whose items are handed over (see ListItems); `skip`: how many of them an
  /// earlier parse of the same text (before a separating tab was made a space) handed over.
  Builder(const std::string& file, const std::string& text, const Odd& odd, const ListItems* items, size_t skip)
      : file_(std::make_shared<const std::string>(file)), text_(text), odd_(odd), items_hook_(items), skip_(skip),
        comma_digit_(has_comma_digit(text)), pos_(text) {}

  /// How many items were handed over.
  [[nodiscard]] size_t handed() const { return handed_; }

  Tree root;
  int documents = 0;

  /// The kind of the innermost list or map being read (Null at the top).
  [[nodiscard]] Tree::Kind inside() const { return frames_.empty() ? Tree::Kind::Null : frames_.back().kind; }

  void on(const yaml_event_t& e) {
    const yaml_mark_t& m = e.start_mark;
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        if (++documents > 1)
          fail(loc(m), "een tweede YAML-document ('---'); verwacht een scenario per bestand");
        return;
      case YAML_ALIAS_EVENT:
        fail(loc(m), "YAML-verwijzingen (*naam) worden niet ondersteund; verwacht de waarde voluit geschreven");
      case YAML_SCALAR_EVENT:
        scalar(e);
        return;
      case YAML_SEQUENCE_START_EVENT:
        open(m, e.data.sequence_start.anchor, Tree::Kind::Seq, e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
        return;
      case YAML_MAPPING_START_EVENT:
        open(m, e.data.mapping_start.anchor, Tree::Kind::Map, e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
        return;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        close();
        return;
      default:  // stream start and end, document end
        return;
    }
  }

 private:
  /// A list or map being read. Its items wait on items_ (a list) or entries_ (a map) from
  /// `first` on, and move into the node once, at its end, at their final size: no vector grows
  /// item by item, and the stacks keep their memory from one node to the next.
  struct Frame {
    Tree::Kind kind = Tree::Kind::Null;
    TreeLoc loc;
    bool want_key = true;  // maps: the next node is a key
    bool flow = false;     // written [a, b] or {a: b}
    size_t first = 0;      // its first item on items_ / entries_
    std::string key;
    TreeLoc key_loc;
    std::unique_ptr<std::unordered_set<std::string>> keys;  // a large map's keys (duplicates)
  };

  TreeLoc loc(const yaml_mark_t& m) const {
    return TreeLoc{file_, static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1};
  }

  void no_anchor(const yaml_mark_t& m, const yaml_char_t* anchor) const {
    if (anchor != nullptr)
      fail(loc(m), "YAML-ankers (&naam) worden niet ondersteund; verwacht de waarde voluit geschreven");
  }

  /// A scalar, read as this loader always has: a plain one without a tag that is empty, '~' or
  /// 'null' ('Null', 'NULL') is no value (YAML 1.2's core schema, as yaml-cpp did); a quoted one,
  /// or one tagged '!', is text that is never read as a number.
  void scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    const yaml_mark_t& m = e.start_mark;
    no_anchor(m, s.anchor);
    const char* tag = reinterpret_cast<const char*>(s.tag);
    const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
    // yaml-cpp's tags: '?' for a plain scalar without one, '!' for a quoted one without one
    const bool untagged_plain = tag == nullptr && plain;
    const bool quoted = tag == nullptr ? !plain : std::strcmp(tag, "!") == 0;
    const char* v = reinterpret_cast<const char*>(s.value);
    const bool null = untagged_plain && is_null(v, s.length);
    if (!frames_.empty() && frames_.back().kind == Tree::Kind::Map && frames_.back().want_key) {
      key(frames_.back(), m, null ? nullptr : v, s.length, quoted);
      return;
    }
    Tree& t = slot();  // in place: no Tree is moved on its way into its list or map
    if (null) {
      t.kind = Tree::Kind::Null;
      if (!frames_.empty() && frames_.back().kind == Tree::Kind::Map) {
        // A key without a value ("sbo:") is located at the key: that is where it must be filled in.
        t.loc = entries_.back().key_loc;
        return;
      }
      t.loc = loc(m);
      // an empty list item ("-" and nothing after it): libyaml places it just after the '-';
      // name the '-' itself
      if (s.length == 0 && m.column > 0 && !frames_.empty() && !frames_.back().flow) {
        yaml_mark_t dash = m;
        --dash.index;
        --dash.column;
        if (const size_t k = pos_.offset(dash); k != std::string::npos && text_[k] == '-') t.loc = loc(dash);
      }
      placed(t);
      return;
    }
    t.kind = Tree::Kind::Scalar;
    t.loc = loc(m);
    t.scalar.assign(v, s.length);
    odd_.restore(t.scalar);
    if (t.scalar.find('\0') != std::string::npos)  // "\0" in a double-quoted text
      fail(t.loc, "een tekst met een nul-teken (\\0); verwacht gewone tekst zonder nul-teken");
    if (comma_digit_ && !quoted && !frames_.empty() && frames_.back().flow) check_decimal_comma(m, t.scalar);
    t.quoted = quoted;
    placed(t);
  }

  /// A map's key (`v` null: written as no value), checked and kept for the value to come.
  void key(Frame& f, const yaml_mark_t& m, const char* v, size_t n, bool quoted) {
    TreeLoc kl = loc(m);
    if (v == nullptr || n == 0) fail(kl, "een sleutel zonder naam; verwacht bijvoorbeeld 'groei: 0.02'");
    f.key.assign(v, n);
    odd_.restore(f.key);
    if (f.key.find('\0') != std::string::npos)  // "\0" in a double-quoted text
      fail(kl, "een tekst met een nul-teken (\\0); verwacht gewone tekst zonder nul-teken");
    if (comma_digit_ && !quoted && f.flow) check_decimal_comma(m, f.key);
    if (f.key == "<<" && !quoted)
      fail(kl, "de YAML-samenvoegsleutel '<<' wordt niet ondersteund; verwacht de sleutels voluit geschreven");
    if (seen(f, f.key))
      fail(kl, "sleutel '" + shown_value(f.key) + "' staat twee keer in dezelfde map; verwacht elke sleutel een keer");
    f.key_loc = std::move(kl);
    f.want_key = false;
  }

  /// Where the next node goes: the root, the next item of the open list, or the value of the
  /// open map's key.
  Tree& slot() {
    if (frames_.empty()) return root;
    Frame& f = frames_.back();
    if (f.kind == Tree::Kind::Seq) {
      if (handing_over()) {
        scratch_ = Tree();
        return scratch_;
      }
      return items_.emplace_back();
    }
    Entry& en = entries_.emplace_back();
    en.key = std::move(f.key);
    en.key_loc = std::move(f.key_loc);
    f.want_key = true;
    return en.value;
  }

  static bool is_null(const char* v, size_t n) {
    switch (n) {
      case 0: return true;
      case 1: return v[0] == '~';
      case 4: return std::memcmp(v, "null", 4) == 0 || std::memcmp(v, "Null", 4) == 0 || std::memcmp(v, "NULL", 4) == 0;
      default: return false;
    }
  }

  void open(const yaml_mark_t& m, const yaml_char_t* anchor, Tree::Kind kind, bool flow) {
    no_anchor(m, anchor);
    if (!frames_.empty() && frames_.back().kind == Tree::Kind::Map && frames_.back().want_key)
      fail(loc(m), "een sleutel moet een naam zijn, geen lijst of map; verwacht bijvoorbeeld 'groei:'");
    if (frames_.size() >= kMaxDepth)
      fail(loc(m), "te diep genest; een scenario heeft hooguit enkele niveaus");
    Frame& f = frames_.emplace_back();
    f.kind = kind;
    f.flow = flow;
    f.loc = loc(m);
    f.first = kind == Tree::Kind::Seq ? items_.size() : entries_.size();
  }

  void close() {
    Frame& f = frames_.back();
    Tree t;
    t.kind = f.kind;
    t.loc = std::move(f.loc);
    if (f.kind == Tree::Kind::Seq) {
      t.seq.reserve(items_.size() - f.first);
      std::move(items_.begin() + static_cast<std::ptrdiff_t>(f.first), items_.end(), std::back_inserter(t.seq));
      items_.resize(f.first);
    } else {
      const size_t n = entries_.size() - f.first;
      t.map.reserve(n);
      t.key_locs.reserve(n);
      for (size_t i = f.first; i < entries_.size(); ++i) {
        t.map.emplace_back(std::move(entries_[i].key), std::move(entries_[i].value));
        t.key_locs.push_back(std::move(entries_[i].key_loc));
      }
      entries_.resize(f.first);
    }
    frames_.pop_back();
    Tree& dst = slot();
    dst = std::move(t);
    placed(dst);
  }

  /// Whether the next item of the innermost list is handed over (ListItems).
  [[nodiscard]] bool handing_over() const {
    return items_hook_ != nullptr && frames_.size() == 2 && frames_[0].kind == Tree::Kind::Map && !frames_[0].want_key &&
           frames_[1].kind == Tree::Kind::Seq && frames_[0].key == items_hook_->key;
  }
  /// After a node was put in slot(): hand it over if it went to the scratch tree.
  void placed(Tree& t) {
    if (&t != &scratch_) return;
    if (handed_++ >= skip_) items_hook_->item(std::move(scratch_));
    scratch_ = Tree();
  }

  /// Whether the map of `f` has key `k` already (and note it). A small map is searched (no
  /// allocation); a large one keeps its keys in a hash set.
  bool seen(Frame& f, const std::string& k) {
    constexpr size_t kSmall = 16;
    const size_t n = entries_.size() - f.first;
    if (!f.keys) {
      for (size_t i = f.first; i < entries_.size(); ++i)
        if (entries_[i].key == k) return true;
      if (n < kSmall) return false;
      f.keys = std::make_unique<std::unordered_set<std::string>>();
      for (size_t i = f.first; i < entries_.size(); ++i) f.keys->insert(entries_[i].key);
    }
    return !f.keys->insert(k).second;
  }

  /// Whether a comma directly followed by a digit stands anywhere in the text: only then can
  /// check_decimal_comma find one (a schools file writes ", " between values: one scan, no check).
  static bool has_comma_digit(const std::string& t) {
    for (size_t k = t.find(','); k != std::string::npos; k = t.find(',', k + 1))
      if (k + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[k + 1]))) return true;
    return false;
  }

  /// In a flow list or map, "[12,5, 18.75]" is read by YAML as 12 and 5: a Dutch decimal comma
  /// silently becomes two values. A number directly followed by a comma and a digit (no space)
  /// is refused; "[12, 5]" (with a space) stays two values.
  void check_decimal_comma(const yaml_mark_t& m, const std::string& value) {
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
    fail(loc(m), "'" + shown_value(written) + "' in een lijst: een komma zonder spatie tussen cijfers leest als "
                 "decimaalteken, maar YAML maakt er twee waarden van; schrijf " + shown_value(dotted) +
                 " (een punt als decimaalteken), of zet een spatie na de komma als het twee waarden zijn");
  }

  struct Entry {
    std::string key;
    Tree value;
    TreeLoc key_loc;
  };

  std::shared_ptr<const std::string> file_;  ///< shared by the location of every node
  const std::string& text_;
  const Odd& odd_;
  std::vector<Frame> frames_;
  std::vector<Tree> items_;     ///< the items of the open lists, innermost last
  std::vector<Entry> entries_;  ///< the entries of the open maps, innermost last
  const ListItems* items_hook_;
  size_t skip_ = 0;
  bool comma_digit_ = true;  ///< see has_comma_digit
  size_t handed_ = 0;
  Tree scratch_;  ///< an item to hand over while it is filled
  Positions pos_;
};

/// libyaml's parse errors in words a finance person can act on. `at`: the character where the
/// problem was found (0 at the end of the text).
std::string dutch(const std::string& problem, const std::string& context, char at) {
  const auto is = [&](const char* m) { return problem == m; };
  if (is("did not find expected ',' or '}'")) return "een '{' wordt niet gesloten met '}'";
  if (is("did not find expected ',' or ']'")) return "een '[' wordt niet gesloten met ']'";
  if ((at == ']' || at == '}') && (is("did not find expected node content") || is("did not find expected key") ||
                                   is("did not find expected '-' indicator") || is("did not find expected <document start>")))
    return "een ']' of '}' zonder bijbehorende '[' of '{'";
  if (is("mapping values are not allowed in this context") || is("mapping keys are not allowed in this context") ||
      is("block sequence entries are not allowed in this context") || is("did not find expected key") ||
      is("did not find expected '-' indicator") || is("could not find expected ':'") ||
      is("did not find expected <document start>"))
    return "de inspringing of opbouw klopt hier niet";
  if (context == "while scanning a quoted scalar" &&
      (is("found unexpected end of stream") || is("found unexpected document indicator")))
    return "een tekst tussen aanhalingstekens wordt niet afgesloten";
  if (is("found unknown escape character") || is("did not find expected hexdecimal number") ||
      is("found invalid Unicode character escape code"))
    return "een ongeldige '\\'-code in een tekst tussen dubbele aanhalingstekens";
  if (context == "while scanning an alias") return "YAML-verwijzingen (*naam) worden niet ondersteund";
  if (context == "while scanning an anchor") return "YAML-ankers (&naam) worden niet ondersteund";
  if (is("found a tab character that violates indentation") || is("found a tab character where an indentation space is expected") ||
      (at == '\t' && is("found character that cannot start any token")))
    return "een tab in de inspringing";
  return "onverwacht teken";
}

/// The location of a byte offset in the text (a reader error names only that).
Loc loc_of_offset(const std::string& text, size_t off, const std::string& file) {
  int line = 1, col = 1;
  size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  for (; i < off && i < text.size(); ++i) {
    if (text[i] == '\n') { ++line; col = 1; }
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  }
  return Loc{file, line, col};
}

[[noreturn]] void parse_error(const yaml_parser_t& p, const std::string& text, const std::string& file, Tree::Kind inside) {
  if (p.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
  const std::string problem = p.problem ? p.problem : "";
  const std::string context = p.context ? p.context : "";
  if (p.error == YAML_READER_ERROR) {  // the callers refuse text that is not UTF-8 before
    if (problem == "control characters are not allowed")  // only when Odd found no free block
      fail(loc_of_offset(text, p.problem_offset, file), "een stuurteken in de tekst; verwacht gewone tekst");
    fail(loc_of_offset(text, p.problem_offset, file), "geen geldige UTF-8-tekst (" + problem + "); sla het bestand op als UTF-8");
  }
  // A quoted text that runs to the end of the file (or to a '---'), swallowing every line after
  // it: named at its opening quote, where it must be closed.
  if (context == "while scanning a quoted scalar" &&
      (problem == "found unexpected end of stream" || problem == "found unexpected document indicator")) {
    Positions pos(text);
    const size_t k = pos.offset(p.context_mark);
    const char q = k == std::string::npos ? '"' : text[k];
    fail(Positions::loc(p.context_mark, file), std::string("een tekst tussen aanhalingstekens (") + q +
                                                  ") wordt niet afgesloten; verwacht een tweede " + q + " op dezelfde regel");
  }
  Positions pos(text);
  const size_t k = pos.offset(p.problem_mark);
  const char at = k == std::string::npos ? '\0' : text[k];
  const Loc where = Positions::loc(p.problem_mark, file);
  // A word on a line of its own in a map ("sbo" without ': 6700'): libyaml finds that out where
  // the next line starts; name the word.
  if (problem == "could not find expected ':'")
    fail(Positions::loc(p.context_mark, file), "geen geldige YAML: een sleutel zonder ':' erachter (" + problem +
                                                  "); verwacht 'sleutel: waarde' per regel, ingesprongen met spaties");
  // libyaml refuses an empty key (": 6700", "{b: 1, , c: 2}") and an empty place in a flow list
  // ("[1, , 3]") as bad structure; say what is missing.
  const bool missing = problem == "did not find expected node content" || problem == "did not find expected key";
  if (missing && (at == ':' || (at == ',' && inside == Tree::Kind::Map)))
    fail(where, "een sleutel zonder naam; verwacht bijvoorbeeld 'groei: 0.02'");
  if (missing && at == ',' && inside == Tree::Kind::Seq)
    fail(where, "een lege plek in een lijst (een komma zonder waarde ervoor); verwacht een waarde tussen elke twee komma's");
  fail(where, "geen geldige YAML: " + dutch(problem, context, at) + " (" + problem +
                                                "); verwacht 'sleutel: waarde' per regel, ingesprongen met spaties");
}

/// The first tab in the indentation of a line, as {line, column} (1-based), or {0, 0}. YAML
/// forbids tabs there, and a parser's own message for it is obscure.
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

/// The start of the first line with content (not blank, not a comment), or the text's size.
size_t first_content_line(const std::string& text) {
  size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    if (j < text.size() && text[j] != '\n' && text[j] != '\r' && text[j] != '#') return i;
    i = text.find('\n', i);
    i = i == std::string::npos ? text.size() : i + 1;
  }
  return text.size();
}

/// Whether the tab at byte `k` is one this loader always read as a space (see parse_yaml), were
/// libyaml to stop there; `content`: first_content_line(text). The blanks from `a` to `e` around
/// it are the ones made spaces with it.
bool separating_at(const std::string& text, size_t k, size_t content, size_t& a, size_t& e) {
  const auto blank = [&](size_t i) { return text[i] == ' ' || text[i] == '\t'; };
  a = k;
  e = k;
  while (a > 0 && blank(a - 1)) --a;
  while (e < text.size() && blank(e)) ++e;
  const size_t line_start = a == 0 ? 0 : text.rfind('\n', a - 1) + 1;  // npos + 1 == 0
  if (a == line_start) {
    // a blank or comment line: only before the first content (yaml-cpp refused it after that)
    if (e < text.size() && text[e] != '\n' && text[e] != '\r' && text[e] != '#') return false;
    return line_start <= content;  // every line before it blank or a comment
  }
  const char ind = text[a - 1];
  if (ind != '-' && ind != '?' && ind != ':') return false;
  if (a - 1 > line_start && !blank(a - 2)) return false;  // "a-\tb" is text, not an indicator
  // a block list or map after the tab ("-\t- 2", "-\tk: v") has its indentation set by that
  // tab: refused, as it always was (a quoted text or a '{...}' / '[...]' is not one)
  const size_t eol = std::min(text.find('\n', e), text.size());
  if (e < eol && text[e] != '"' && text[e] != '\'' && text[e] != '{' && text[e] != '[') {
    const std::string rest = text.substr(e, eol - e);
    const std::string content_ = rest.substr(0, rest.find(" #"));
    if ((content_[0] == '-' && (content_.size() == 1 || blank(e + 1) || content_[1] == '\r')) ||
        content_.find(": ") != std::string::npos || content_.find(":\t") != std::string::npos ||
        content_.back() == ':' || (content_.size() > 1 && content_.back() == '\r' && content_[content_.size() - 2] == ':'))
      return false;
  }
  return true;
}

/// When libyaml stopped at a tab that this loader always read as a space (see parse_yaml), put
/// `text` with that tab (and those around it) made spaces into `out` and say so.
bool separating_tab(const yaml_parser_t& p, const std::string& text, std::string& out) {
  if (p.error != YAML_SCANNER_ERROR || p.problem == nullptr ||
      std::strcmp(p.problem, "found character that cannot start any token") != 0)
    return false;
  Positions pos(text);  // the replaced characters of Odd are one character each: same index
  const size_t k = pos.offset(p.problem_mark);
  if (k == std::string::npos || text[k] != '\t') return false;
  size_t a = 0, e = 0;
  if (!separating_at(text, k, first_content_line(text), a, e)) return false;
  const auto blank = [&](size_t i) { return text[i] == ' ' || text[i] == '\t'; };
  const size_t line_start = a == 0 ? 0 : text.rfind('\n', a - 1) + 1;
  std::string fixed = text;
  if (a == line_start) {
    for (size_t i2 = 0; i2 < e; ++i2)  // the indentation of all the lines up to it
      if (fixed[i2] == '\t' && (i2 == 0 || fixed[i2 - 1] == '\n' || blank(i2 - 1))) {
        size_t s2 = i2;
        while (s2 > 0 && blank(s2 - 1)) --s2;
        if (s2 == 0 || fixed[s2 - 1] == '\n') fixed[i2] = ' ';
      }
  } else {
    for (size_t i = a; i < e; ++i) fixed[i] = ' ';
  }
  out = std::move(fixed);
  return true;
}

/// `text` with every tab made a space that separating_tab would make one were libyaml to stop
/// there, into `out`; their byte offsets (ascending) into `at`. A guess: such a tab inside a
/// text (a quoted or block text, or a plain one like "a -\tb") is no separator (parse_yaml).
void separating_tabs(const std::string& text, std::string& out, std::vector<size_t>& at) {
  out = text;
  at.clear();
  const size_t content = first_content_line(text);
  for (size_t k = text.find('\t'); k != std::string::npos; k = text.find('\t', k)) {
    size_t a = 0, e = 0;
    const bool sep = separating_at(text, k, content, a, e);  // the same for every tab from a to e
    for (size_t i = k; i < e; ++i)
      if (sep && text[i] == '\t') {
        out[i] = ' ';
        at.push_back(i);
      }
    k = e;
  }
}

}  // namespace

Tree parse_yaml(const std::string& text, const std::string& file, const ListItems* items) {
  // the plain YAML of a schools file (and of most scenarios) by the fast reader (tree_fast.cpp);
  // anything else, and every error, by libyaml, after the items the fast reader handed over
  Tree t;
  size_t handed = 0;
  if (parse_yaml_fast(text, file, items, t, handed)) return t;
  return parse_yaml_libyaml(text, file, items, handed);
}

Tree parse_yaml_libyaml(const std::string& text, const std::string& file, const ListItems* items, size_t skip) {
  if (auto [l, c] = first_indent_tab(text); l != 0)
    fail(Loc{file, l, c}, "een tab in de inspringing; verwacht spaties om in te springen (YAML staat geen tabs toe)");
  // libyaml refuses a tab that separates where this loader (yaml-cpp) always took it as a space:
  // on the blank and comment lines before the first content ("\t# toelichting"), and after a
  // '-', '?' or ':' indicator ("-\t2"). Such a tab is made a space and the text parsed again
  // (a tab is one column, as a space: every location stays the same). Only when libyaml stops
  // there, so the common file is parsed once. The first time, every tab that would be made a
  // space were libyaml to stop there is made one at once (a guess: one parse more, whatever the
  // number of such tabs). A guessed tab inside a text (a quoted or block text, or a plain one as
  // "a -\tb") would change that text: when a text spans one, or the guess fails otherwise, the
  // guess is dropped and the tabs are made spaces one at a time, each where libyaml stops (as
  // many parses as such tabs: each parse makes one more tab a space, so it ends).
  std::string patched;       // the text of the next attempt
  std::string exact;         // the text with only the first tab libyaml stopped at made a space
  std::vector<size_t> guess;  // the guessed tabs (byte offsets, ascending) while guessing
  bool guessed = false;      // whether the guess was made (once)
  size_t handed = skip;  // items handed over by an earlier attempt: the same again, not handed twice
  for (int attempt = 0;; ++attempt) {
    const std::string& in = attempt == 0 ? text : patched;
    std::string next;
    bool drop = false;  // the guess is dropped: on with `exact`
    {
      const Odd odd(in);
      const std::string& src = odd.text();
      Builder b(file, src, odd, items, handed);
      Parser parser(src);
      Positions pos(in);  // the replaced characters of Odd are one character each: same index
      for (;;) {
        Event ev;
        if (!yaml_parser_parse(&parser.p, &ev.e)) {
          if (separating_tab(parser.p, in, next)) {
            handed = std::max(handed, b.handed());
            break;
          }
          if (!guess.empty()) {  // the error may come of the guess: found exactly
            handed = std::max(handed, b.handed());
            drop = true;
            break;
          }
          parse_error(parser.p, src, file, b.inside());
        }
        // a text spanning a guessed tab: dropped before the text is used (or its item handed over)
        if (!guess.empty() && ev.e.type == YAML_SCALAR_EVENT) {
          const size_t from = pos.offset(ev.e.start_mark);
          size_t to = pos.offset(ev.e.end_mark);
          if (to == std::string::npos) to = in.size();
          const auto g = std::lower_bound(guess.begin(), guess.end(), from);
          if (from != std::string::npos && g != guess.end() && *g < to) {
            handed = std::max(handed, b.handed());
            drop = true;
            break;
          }
        }
        const bool end = ev.e.type == YAML_STREAM_END_EVENT;
        b.on(ev.e);
        if (end) return std::move(b.root);
      }
    }
    if (drop) {
      guess.clear();
      patched = std::move(exact);
    } else if (!guessed) {  // the first tab libyaml stopped at: guess the others
      guessed = true;
      exact = std::move(next);
      separating_tabs(text, patched, guess);
      if (guess.empty()) patched = exact;  // cannot be (the tab it stopped at is one); exactly then
    } else {
      patched = std::move(next);
    }
  }
}

}  // namespace begroting::detail
