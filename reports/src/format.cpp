#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "begroting/reports.hpp"

namespace begroting {

namespace {
struct DutchPunct : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\3"; }
};
}  // namespace

size_t display_width(const std::string& s) {
  size_t w = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++w;  // count UTF-8 lead bytes only
  return w;
}

const std::locale& dutch_locale() {
  static const std::locale loc(std::locale::classic(), new DutchPunct);
  return loc;
}

std::string format_euro(Cents c) { return fmt::format(dutch_locale(), "{:L}", cents_to_whole_euros(c)); }

std::string format_euro_cents(Cents c) {
  const Cents a = c < 0 ? -c : c;
  return fmt::format(dutch_locale(), "{}{:L},{:02}", c < 0 ? "-" : "", a / 100, a % 100);
}

std::string format_number(double v, int decimals) {
  if (!std::isfinite(v)) return "n.v.t.";
  // Format with '.' first, then swap punctuation: exact and independent of fmt's float L support.
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s == "-0" || s.rfind("-0.", 0) == 0) {
    bool all_zero = s.find_first_not_of("-0.") == std::string::npos;
    if (all_zero) s.erase(0, 1);
  }
  const auto dot = s.find('.');
  std::string ip = s.substr(0, dot), fp = dot == std::string::npos ? "" : s.substr(dot + 1);
  const bool neg = !ip.empty() && ip[0] == '-';
  if (neg) ip.erase(0, 1);
  std::string grouped;
  for (size_t i = 0; i < ip.size(); ++i) {
    if (i > 0 && (ip.size() - i) % 3 == 0) grouped += '.';
    grouped += ip[i];
  }
  return (neg ? "-" : "") + grouped + (fp.empty() ? "" : "," + fp);
}

std::string format_percent(double fraction, int decimals) {
  if (!std::isfinite(fraction)) return "n.v.t.";
  return format_number(fraction * 100.0, decimals) + "%";
}

std::string cents_plain(Cents c) {
  const Cents a = c < 0 ? -c : c;
  return fmt::format("{}{}.{:02}", c < 0 ? "-" : "", a / 100, a % 100);
}

std::string pad_left(const std::string& s, size_t width) {
  const size_t w = display_width(s);
  // a figure as wide as its column or wider still gets a space before it: never glued to the
  // one before (a national amount in a table of fixed columns)
  return w >= width ? " " + s : std::string(width - w, ' ') + s;
}

TableWidths table_widths(const std::vector<size_t>& widest, size_t label, size_t col) {
  TableWidths t{label, {}};
  size_t figures = 0;
  for (const size_t w : widest) figures += t.cols.emplace_back(std::max(col, w + 1));
  const size_t limit = std::max<size_t>(99, label + widest.size() * col);  // a longer horizon was wider already
  if (label + figures > limit) t.label = std::max<size_t>(24, limit > figures ? limit - figures : 0);
  return t;
}

std::string year_table(const std::string& corner, const std::vector<int>& years, const std::vector<YearRow>& rows,
                       bool rule_at_end) {
  std::vector<size_t> widest(years.size(), 0);
  for (const auto& row : rows)
    for (size_t i = 0; i < row.cells.size() && i < widest.size(); ++i) widest[i] = std::max(widest[i], display_width(row.cells[i]));
  const TableWidths w = table_widths(widest);  // 44 + 5 x 11 = 99 columns
  std::string head = pad_right(corner, w.label);
  for (size_t i = 0; i < years.size(); ++i) head += pad_left(std::to_string(years[i]), w.cols[i]);
  const std::string rule(w.total(), '-');
  std::string out = head + "\n" + rule + "\n";
  for (const auto& row : rows) {
    if (row.cells.empty()) {
      out += row.label + "\n";
    } else {
      std::string line = row.label;
      if (display_width(line) > w.label - 1) {  // a line of its own, the figures on the next
        out += line + "\n";
        line = std::string(std::min(line.find_first_not_of(' '), line.size()) + 2, ' ');
      }
      line = pad_right(line, w.label);
      for (size_t i = 0; i < row.cells.size() && i < w.cols.size(); ++i) line += pad_left(row.cells[i], w.cols[i]);
      out += line + "\n";
    }
    if (row.rule_after) out += rule + "\n";
  }
  return rule_at_end ? out + rule + "\n" : out;
}

std::string pad_right(const std::string& s, size_t width) {
  const size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string wrap_text(const std::string& text, size_t width, const std::string& indent) {
  std::string out;
  const size_t lead = std::min(text.find_first_not_of(' '), text.size());
  std::string line = text.substr(0, lead);  // the first line keeps its own leading spaces
  bool fresh = true;                        // no word on `line` yet
  size_t pos = lead;
  while (pos < text.size()) {
    size_t sp = text.find(' ', pos);
    if (sp == std::string::npos) sp = text.size();
    const std::string word = text.substr(pos, sp - pos);
    pos = sp + 1;
    if (word.empty()) continue;
    if (!fresh && display_width(line) + 1 + display_width(word) > width) {
      out += line + "\n";
      line = indent;
      fresh = true;
    }
    line += (fresh ? "" : " ") + word;
    fresh = false;
  }
  if (!fresh) out += line + "\n";
  return out;
}

}  // namespace begroting
