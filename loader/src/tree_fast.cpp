// A fast reader for the plain YAML that schools files and most scenarios are written in, tried
// before libyaml (tree.cpp, parse_yaml). It reads only a strict subset and gives the very Tree
// libyaml's events would give (the same values, kinds, quoted flags and 1-based locations); on
// anything outside the subset, valid or not, it declines and the text goes to libyaml, which
// reads it, or refuses it with the message and location it always had. Nothing is ever refused
// here.
//
// Why: a national schools file (6,500 schools, 2.7 MB) spent about half of `run` in libyaml's
// scanner and in the allocations of its tokens and events (issue 15: `run` at most 0.15 s).
//
// The subset, line by line (anything else declines):
// - the text: UTF-8 without control characters (no tab, no carriage return), without the
//   characters that Odd (tree.cpp) replaces, not starting with a byte order mark;
// - lines: indented with spaces; blank lines and comment lines anywhere; a comment after a value
//   (" # ..."); no document markers ('---', '...') or directives;
// - a block map "key: value" or "key:" with a block list or map on the lines below (more
//   indented, or a list at the key's own indentation); a block list "- value", whose value may
//   be a map begun on the dash's line ("- id: S1");
// - flow maps and lists ({a: 1, b: [2, 3]}) that close on the line they open on, with ", "
//   between items;
// - keys: plain, not empty, no null spelling, not '<<', each once per map;
// - values: plain text on one line without ':' that does not begin with an indicator, or a text
//   in single quotes ('' for ') or in double quotes without '\', on one line; never no value
//   (empty, '~', 'null'), an anchor, alias or tag.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "tree.hpp"

namespace begroting::detail {

namespace {

constexpr int kMaxDepth = 48;        // libyaml's reader refuses at 64 (tree.cpp): declined well before
constexpr size_t kMaxKey = 1000;     // libyaml: a key's ':' at most 1024 characters after its start
constexpr size_t kMaxMapKeys = 512;  // duplicates are searched for by comparing each pair

struct Decline {};

/// Whether the text is in the subset's character set: UTF-8 (valid), no byte below 0x20 but the
/// line feed, no DEL, none of the characters libyaml reads otherwise than this loader (Odd in
/// tree.cpp: C1 controls, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF), no byte order mark.
bool plain_characters(const std::string& s) {
  const size_t n = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < n;) {
    // eight printable ASCII bytes or line feeds at a time; each mask flags exactly its bytes (no
    // borrow from one byte into the next), so two masks can be compared
    if (i + 8 <= n) {
      std::uint64_t w = 0;
      std::memcpy(&w, p + i, 8);
      constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
      const auto zero_bytes = [](std::uint64_t x) {
        constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
        return ~(((x & low7) + low7) | x | low7);
      };
      const std::uint64_t is_nl = zero_bytes(w ^ (ones * '\n'));
      const std::uint64_t below_20 = zero_bytes(w & (ones * 0xE0));  // bytes below 0x20
      const std::uint64_t is_7f = zero_bytes(w ^ (ones * 0x7F));
      if (((w & high) | is_7f) == 0 && below_20 == is_nl) {
        i += 8;
        continue;
      }
    }
    const unsigned c = p[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\n') || c == 0x7F) return false;
      ++i;
      continue;
    }
    const auto b = [&](size_t k) { return i + k < n ? static_cast<unsigned>(p[i + k]) : 0u; };
    size_t len = 0;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k)
      if ((b(k) & 0xC0) != 0x80) return false;
    if (len == 3) {
      const unsigned cp = ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
      if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;  // overlong, surrogate
      if (cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF) return false;
    } else if (len == 4) {
      const unsigned cp = ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
      if (cp < 0x10000 || cp > 0x10FFFF) return false;
    } else if (c == 0xC2 && b(1) < 0xA0) {
      return false;  // U+0080..U+009F
    }
    i += len;
  }
  return true;
}

class Reader {
 public:
  Reader(const std::string& text, const std::string& file, const ListItems* items)
      : s_(text.data()), n_(text.size()), file_(std::make_shared<const std::string>(file)), hook_(items),
        entries_(kMaxDepth + 2), items_(kMaxDepth + 2) {}

  size_t handed = 0;

  Tree read() {
    i_ = 0;
    line_start_ = 0;
    line_ = 1;
    content_line(0);
    if (eof_) throw Decline{};  // an empty document: no value
    Tree root;
    const int c = ind_;
    if (entry_here()) {
      block_seq(root, c, 1, false);
    } else {
      block_map(root, c, 1);
    }
    if (!eof_) throw Decline{};  // a line less indented than the first
    return root;
  }

 private:
  struct Entry {
    std::string key;
    TreeLoc key_loc;
    Tree value;
  };

  [[nodiscard]] char at(size_t k) const { return k < n_ ? s_[k] : '\n'; }
  [[nodiscard]] char cur() const { return at(i_); }

  /// The location of the cursor: columns count characters, as libyaml's marks do (counted on from
  /// the last location asked on the same line: the cursor only moves forward).
  [[nodiscard]] TreeLoc here() {
    if (col_line_ != line_start_ || col_at_ > i_) {
      col_line_ = line_start_;
      col_at_ = line_start_;
      col_ = 1;
    }
    for (; col_at_ < i_; ++col_at_) col_ += (static_cast<unsigned char>(s_[col_at_]) & 0xC0) != 0x80;
    return TreeLoc{file_, line_, col_};
  }

  /// From `from` (the start of a line): on to the first line with content, the cursor on its
  /// first character and ind_ its indentation; eof_ when there is none.
  void content_line(size_t from) {
    for (size_t k = from;;) {
      if (k >= n_) {
        eof_ = true;
        i_ = n_;
        return;
      }
      size_t j = k;
      while (j < n_ && s_[j] == ' ') ++j;
      if (j < n_ && s_[j] != '\n' && s_[j] != '#') {
        line_start_ = k;
        i_ = j;
        ind_ = static_cast<int>(j - k);
        if (j == k && n_ - j >= 3 && (std::memcmp(s_ + j, "---", 3) == 0 || std::memcmp(s_ + j, "...", 3) == 0))
          throw Decline{};  // a document marker (or a text that begins like one)
        return;
      }
      const void* nl = j < n_ ? std::memchr(s_ + j, '\n', n_ - j) : nullptr;
      if (nl == nullptr) {
        eof_ = true;
        i_ = n_;
        return;
      }
      ++line_;
      k = static_cast<size_t>(static_cast<const char*>(nl) - s_) + 1;
    }
  }

  /// After a value: only blanks and a comment up to the line's end, then on to the next line
  /// with content.
  void end_line() {
    size_t j = i_;
    while (j < n_ && s_[j] == ' ') ++j;
    if (j < n_ && s_[j] == '#') {
      if (j == 0 || s_[j - 1] != ' ') throw Decline{};  // "x#": no comment
      const void* nl = std::memchr(s_ + j, '\n', n_ - j);
      j = nl == nullptr ? n_ : static_cast<size_t>(static_cast<const char*>(nl) - s_);
    }
    if (j < n_ && s_[j] != '\n') throw Decline{};
    if (j >= n_) {
      eof_ = true;
      i_ = n_;
      return;
    }
    ++line_;
    content_line(j + 1);
  }

  void skip_spaces() {
    while (i_ < n_ && s_[i_] == ' ') ++i_;
  }

  /// Whether the cursor is on a block list's dash ("- ", or "-" at the line's end).
  [[nodiscard]] bool entry_here() const { return cur() == '-' && (at(i_ + 1) == ' ' || at(i_ + 1) == '\n'); }

  /// Whether a plain text may begin with c (followed by d): not an indicator.
  static bool plain_start(char c, char d) {
    switch (c) {
      case '-': return d != ' ' && d != '\n' && d != '-';
      case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#': case '&': case '*':
      case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`': case ' ': case '\n':
        return false;
      default: return true;
    }
  }

  static bool null_spelling(const char* v, size_t n) {
    return n == 0 || (n == 1 && v[0] == '~') ||
           (n == 4 && (std::memcmp(v, "null", 4) == 0 || std::memcmp(v, "Null", 4) == 0 || std::memcmp(v, "NULL", 4) == 0));
  }

  /// Whether the line from the cursor is a block map's key: a ':' followed by a blank or the line's
  /// end (only the simple case: a plain key).
  [[nodiscard]] bool key_here() const {
    if (!plain_start(cur(), at(i_ + 1))) return false;
    for (size_t k = i_; k < n_ && s_[k] != '\n'; ++k)
      if (s_[k] == ':') return at(k + 1) == ' ' || at(k + 1) == '\n';
    return false;
  }

  /// Where a plain text (or key) begins: the cursor, if that is not on an indicator.
  [[nodiscard]] size_t plain_begin() const {
    if (!plain_start(cur(), at(i_ + 1))) throw Decline{};
    return i_;
  }

  /// The end of the text from b to `end` without its trailing blanks.
  [[nodiscard]] size_t trimmed(size_t b, size_t end) const {
    while (end > b && s_[end - 1] == ' ') --end;
    return end;
  }

  /// A plain key from b to its ':' at `colon` (not an indicator first, not a null spelling, not
  /// '<<'), the cursor left after the ':'.
  void key_to(std::string& key, size_t b, size_t colon) {
    const size_t e = trimmed(b, colon);
    if (colon - b > kMaxKey || null_spelling(s_ + b, e - b) || (e - b == 2 && s_[b] == '<' && s_[b + 1] == '<'))
      throw Decline{};
    key.assign(s_ + b, e - b);
    i_ = colon + 1;
  }

  /// A plain text from b to `end` (without trailing blanks, not a null spelling), the cursor left
  /// after it.
  void plain_to(Tree& t, size_t b, size_t end) {
    const size_t e = trimmed(b, end);
    if (null_spelling(s_ + b, e - b)) throw Decline{};
    t.kind = Tree::Kind::Scalar;
    t.scalar.assign(s_ + b, e - b);
    i_ = e;
  }

  /// A block map's key at the cursor, the cursor left after its ':'.
  void block_key(std::string& key) {
    const size_t b = plain_begin();
    size_t k = b;
    while (k < n_ && s_[k] != ':' && s_[k] != '\n') {
      if (s_[k] == '#' && s_[k - 1] == ' ') throw Decline{};
      ++k;
    }
    if (at(k) != ':' || (at(k + 1) != ' ' && at(k + 1) != '\n')) throw Decline{};
    key_to(key, b, k);
  }

  /// A flow map's key at the cursor: up to a ':' and a blank.
  void flow_key(std::string& key) {
    const size_t b = plain_begin();
    size_t k = b;
    for (;; ++k) {
      const char ch = at(k);
      if (ch == ':') break;
      if (ch == '\n' || ch == ',' || ch == '[' || ch == ']' || ch == '{' || ch == '}' || ch == '#') throw Decline{};
    }
    if (at(k + 1) != ' ') throw Decline{};
    key_to(key, b, k);
  }

  /// A plain text in a block at the cursor, to the line's end or a comment.
  void block_plain(Tree& t) {
    t.loc = here();
    const size_t b = plain_begin();
    size_t k = b;
    while (k < n_ && s_[k] != '\n') {
      if (s_[k] == ':') throw Decline{};
      if (s_[k] == '#' && s_[k - 1] == ' ') break;
      ++k;
    }
    plain_to(t, b, k);
  }

  /// A plain text in a flow list or map at the cursor, up to ',', ']' or '}'.
  void flow_plain(Tree& t) {
    t.loc = here();
    const size_t b = plain_begin();
    size_t k = b;
    for (;; ++k) {
      const char c = at(k);
      if (c == ',' || c == ']' || c == '}') break;
      if (c == '\n' || c == ':' || c == '#' || c == '[' || c == '{') throw Decline{};
    }
    plain_to(t, b, k);
  }

  /// A quoted text on one line at the cursor: '...' ('' for ') or "..." without escapes.
  void quoted(Tree& t) {
    t.loc = here();
    const char q = cur();
    t.kind = Tree::Kind::Scalar;
    t.quoted = true;
    t.scalar.clear();
    size_t k = i_ + 1;
    for (;;) {
      size_t e = k;  // in single quotes a backslash is itself; in double quotes an escape: declined
      while (e < n_ && s_[e] != q && s_[e] != '\n' && (s_[e] != '\\' || q == '\'')) ++e;
      if (e >= n_ || s_[e] != q) throw Decline{};
      t.scalar.append(s_ + k, e - k);
      if (q == '\'' && at(e + 1) == '\'') {
        t.scalar += '\'';
        k = e + 2;
        continue;
      }
      i_ = e + 1;
      return;
    }
  }

  void depth_check(int depth) const {
    if (depth > kMaxDepth) throw Decline{};
  }

  /// The entries of an open map wait here per depth and move into their map at its end, at its
  /// final size; the stacks keep their memory from one map to the next (sized once: a reference
  /// to one stays valid while deeper ones are used).
  std::vector<Entry>& entries(int depth) { return entries_[static_cast<size_t>(depth)]; }
  std::vector<Tree>& items(int depth) { return items_[static_cast<size_t>(depth)]; }

  static void check_new_key(const std::vector<Entry>& es, const std::string& key) {
    if (es.size() >= kMaxMapKeys) throw Decline{};
    for (const Entry& e : es)
      if (e.key == key) throw Decline{};  // a duplicate: libyaml's reader says where
  }

  static void into_map(Tree& t, std::vector<Entry>& es) {
    t.map.reserve(es.size());
    t.key_locs.reserve(es.size());
    for (Entry& e : es) {
      t.map.emplace_back(std::move(e.key), std::move(e.value));
      t.key_locs.push_back(std::move(e.key_loc));
    }
    es.clear();
  }

  static void into_seq(Tree& t, std::vector<Tree>& is) {
    t.seq.reserve(is.size());
    for (Tree& x : is) t.seq.push_back(std::move(x));
    is.clear();
  }

  /// Hand an item of the list under the ListItems key over (hand) or keep it. Only once nothing
  /// after it can change it (the next line with content is not more indented; in a flow list the
  /// ',' or ']' after it is read): libyaml, when it takes over, skips the items handed over.
  void add_item(std::vector<Tree>& is, Tree&& item, bool hand) {
    if (hand) {
      ++handed;
      hook_->item(std::move(item));
    } else {
      is.push_back(std::move(item));
    }
  }

  /// A value on the line of its key or dash: a flow list or map, a quoted or a plain text; then
  /// the rest of the line.
  void inline_value(Tree& t, int depth, bool hand) {
    const char c = cur();
    if (c == '{') flow_map(t, depth);
    else if (c == '[') flow_seq(t, depth, hand);
    else if (c == '"' || c == '\'') quoted(t);
    else block_plain(t);
    end_line();
  }

  /// A block map whose first key is at the cursor, in column c + 1 (indentation c).
  void block_map(Tree& t, int c, int depth) {
    depth_check(depth);
    t.kind = Tree::Kind::Map;
    t.loc = here();
    std::vector<Entry>& es = entries(depth);
    es.clear();
    for (;;) {
      Entry e;
      e.key_loc = here();
      block_key(e.key);
      check_new_key(es, e.key);
      const bool hand = hook_ != nullptr && depth == 1 && e.key == hook_->key;
      skip_spaces();
      if (cur() == '\n' || (cur() == '#' && s_[i_ - 1] == ' ')) {
        end_line();  // the value on the lines below
        if (eof_ || ind_ < c) throw Decline{};  // no value
        if (ind_ == c) {
          if (!entry_here()) throw Decline{};  // no value
          block_seq(e.value, c, depth + 1, hand);  // a list at the key's indentation
        } else if (entry_here()) {
          block_seq(e.value, ind_, depth + 1, hand);
        } else if (key_here()) {
          block_map(e.value, ind_, depth + 1);
        } else {
          throw Decline{};  // a text on the line below its key
        }
      } else {
        inline_value(e.value, depth + 1, hand);
      }
      es.push_back(std::move(e));
      if (eof_ || ind_ < c) break;
      if (ind_ > c || entry_here()) throw Decline{};
    }
    into_map(t, es);
  }

  /// A block list whose first dash is at the cursor, in column c + 1.
  void block_seq(Tree& t, int c, int depth, bool hand) {
    depth_check(depth);
    t.kind = Tree::Kind::Seq;
    t.loc = here();
    std::vector<Tree>& is = items(depth);
    is.clear();
    for (;;) {
      if (at(i_ + 1) != ' ') throw Decline{};  // "-" alone: no value, or a value on the lines below
      ++i_;
      skip_spaces();
      const char v = cur();
      if (v == '\n' || v == '#' || (v == '-' && (at(i_ + 1) == ' ' || at(i_ + 1) == '\n'))) throw Decline{};
      Tree item;
      if (v != '{' && v != '[' && v != '"' && v != '\'' && key_here()) {
        block_map(item, static_cast<int>(i_ - line_start_), depth + 1);  // "- id: S1" and the keys below it
      } else {
        inline_value(item, depth + 1, false);
      }
      // a more indented line would continue the item (or be an error): declined before the item
      // is handed over, so that what is handed over is the item as libyaml reads it
      if (!eof_ && ind_ > c) throw Decline{};
      add_item(is, std::move(item), hand);
      if (eof_ || ind_ < c) break;
      if (!entry_here()) break;  // a list at its key's indentation ends at the next key
    }
    into_seq(t, is);
  }

  /// After a value in a flow list or map: ", " and the next, or the closing bracket.
  bool flow_next(char close) {
    skip_spaces();
    if (cur() == close) {
      ++i_;
      return false;
    }
    if (cur() != ',' || at(i_ + 1) != ' ') throw Decline{};
    i_ += 2;
    skip_spaces();
    if (cur() == ']' || cur() == '}' || cur() == ',') throw Decline{};
    return true;
  }

  void flow_value(Tree& t, int depth) {
    const char c = cur();
    if (c == '{') flow_map(t, depth);
    else if (c == '[') flow_seq(t, depth, false);
    else if (c == '"' || c == '\'') quoted(t);
    else flow_plain(t);
  }

  void flow_map(Tree& t, int depth) {
    depth_check(depth);
    t.kind = Tree::Kind::Map;
    t.loc = here();
    ++i_;
    skip_spaces();
    std::vector<Entry>& es = entries(depth);
    es.clear();
    if (cur() == '}') {
      ++i_;
      return;
    }
    do {
      Entry e;
      e.key_loc = here();
      flow_key(e.key);
      check_new_key(es, e.key);
      skip_spaces();
      flow_value(e.value, depth + 1);
      es.push_back(std::move(e));
    } while (flow_next('}'));
    into_map(t, es);
  }

  void flow_seq(Tree& t, int depth, bool hand) {
    depth_check(depth);
    t.kind = Tree::Kind::Seq;
    t.loc = here();
    ++i_;
    skip_spaces();
    std::vector<Tree>& is = items(depth);
    is.clear();
    if (cur() == ']') {
      ++i_;
      return;
    }
    for (bool more = true; more;) {
      Tree item;
      flow_value(item, depth + 1);
      more = flow_next(']');  // first: a ':' after it would make it a key ("['a': b]")
      add_item(is, std::move(item), hand);
    }
    into_seq(t, is);
  }

  const char* s_;
  size_t n_;
  std::shared_ptr<const std::string> file_;
  const ListItems* hook_;
  size_t i_ = 0;           ///< the cursor
  size_t line_start_ = 0;  ///< where the cursor's line starts
  int line_ = 1;           ///< the cursor's line (1-based)
  int ind_ = 0;            ///< the indentation of the line with content the cursor is on
  bool eof_ = false;       ///< no line with content left
  size_t col_line_ = SIZE_MAX;  ///< here(): the line start of its last count,
  size_t col_at_ = 0;           ///< the byte it counted to,
  int col_ = 1;                 ///< and the column there
  std::vector<std::vector<Entry>> entries_;
  std::vector<std::vector<Tree>> items_;
};

}  // namespace

std::string tree_difference(const Tree& a, const Tree& b, const std::string& path) {
  const auto where = [](const TreeLoc& l) {
    return std::to_string(l.line) + ":" + std::to_string(l.column) + (l.file ? " " + *l.file : "");
  };
  if (a.kind != b.kind) return path + ": kind";
  if (where(a.loc) != where(b.loc)) return path + ": loc " + where(a.loc) + " / " + where(b.loc);
  if (a.scalar != b.scalar) return path + ": text '" + a.scalar + "' / '" + b.scalar + "'";
  if (a.quoted != b.quoted) return path + ": quoted";
  if (a.seq.size() != b.seq.size()) return path + ": items " + std::to_string(a.seq.size()) + " / " + std::to_string(b.seq.size());
  for (size_t i = 0; i < a.seq.size(); ++i)
    if (auto d = tree_difference(a.seq[i], b.seq[i], path + "[" + std::to_string(i) + "]"); !d.empty()) return d;
  if (a.map.size() != b.map.size() || a.key_locs.size() != b.key_locs.size() || a.key_locs.size() != a.map.size())
    return path + ": keys";
  for (size_t i = 0; i < a.map.size(); ++i) {
    const std::string& k = a.map[i].first;
    if (k != b.map[i].first) return path + ": key '" + k + "' / '" + b.map[i].first + "'";
    if (where(a.key_locs[i]) != where(b.key_locs[i]))
      return path + "." + k + ": key loc " + where(a.key_locs[i]) + " / " + where(b.key_locs[i]);
    if (auto d = tree_difference(a.map[i].second, b.map[i].second, path + "." + k); !d.empty()) return d;
  }
  return "";
}

bool parse_yaml_fast(const std::string& text, const std::string& file, const ListItems* items, Tree& out, size_t& handed) {
  handed = 0;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0 || !plain_characters(text)) return false;
  Reader r(text, file, items);
  try {
    out = r.read();
    handed = r.handed;
    return true;
  } catch (const Decline&) {
    handed = r.handed;
    return false;
  }
}

}  // namespace begroting::detail
