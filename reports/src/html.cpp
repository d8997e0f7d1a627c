// HTML report for the algemene vergadering and the kwaliteitscommissie: ONE self-contained file
// (inline CSS and inline SVG, no scripts, a Content-Security-Policy that forbids any load from
// outside), printable on A4. Per scenario: the meerjarenbegroting in the plan's layout (hfst 12),
// the kengetallen with signals, and charts: eigen vermogen against signaleringswaarde and the
// niveau weerstandsvermogen, baten against lasten, the waterbed (8.1.1). With several scenarios a
// comparison (one eigen vermogen line per scenario, differences against the first). With risk
// results (ReportOptions::risk) a fan chart and a tornado chart.
//
// Every chart point is an SVG element with class "pt" and data attributes (data-chart,
// data-series, data-scenario, data-year, data-value in euros with cents) so that a test in a
// browser can read the figures back. The output depends only on its inputs (no clock, no
// randomness): the run date is passed in.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "begroting/reports.hpp"

namespace begroting {

namespace {

std::string esc(const std::string& s) {
  std::string o;
  o.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default: o += ch;
    }
  }
  return o;
}

std::string px(double v) { return fmt::format("{:.1f}", v); }

const char* kCss = R"CSS(
:root { --ink: #1f2933; --muted: #616e7c; --rule: #cbd2d9; --accent: #1c5d99; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: var(--ink);
       max-width: 190mm; margin: 10mm auto; padding: 0 4mm; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 2mm; color: var(--accent); }
h2 { font-size: 14pt; margin: 8mm 0 2mm; color: var(--accent); border-bottom: 1px solid var(--rule); }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; }
p.meta { color: var(--muted); margin: 0 0 1mm; font-size: 9pt; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { padding: 1px 4px; vertical-align: top; }
th { text-align: right; border-bottom: 1.5px solid var(--ink); }
th.label, td.label { text-align: left; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
tr.section td { font-weight: bold; padding-top: 5px; }
tr.total td { font-weight: bold; border-top: 1px solid var(--muted); }
tr.grand td { border-top: 1.5px solid var(--ink); border-bottom: 1.5px solid var(--ink); }
tr.blank td { height: 6px; }
.i1 { padding-left: 14px; } .i2 { padding-left: 26px; } .i3 { padding-left: 38px; }
td.hoog { background: #fdebd0; } td.laag { background: #f9d6d5; } td.neg { color: #b42318; }
span.sig { display: inline-block; border-radius: 3px; padding: 0 4px; margin: 0 2px 1px 0; font-size: 8pt; }
span.sig.hoog { background: #f5b041; } span.sig.laag { background: #e74c3c; color: #fff; }
span.sig.rent { background: #d5d8dc; } span.ok { color: var(--muted); }
figure { margin: 3mm 0 6mm; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11px; fill: var(--ink); }
svg.chart .grid { stroke: #e4e7eb; stroke-width: 1; }
svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
ul.legend { list-style: none; padding: 0; margin: 1mm 0 3mm; font-size: 8.5pt; display: flex; flex-wrap: wrap; gap: 2mm 5mm; }
ul.legend span.sw { display: inline-block; width: 14px; height: 9px; margin-right: 4px; vertical-align: middle; }
ul.legend span.sw.line { height: 0; border-top: 3px solid; }
ul.legend span.sw.dash { height: 0; border-top: 3px dashed; }
p.note { font-size: 8.5pt; color: var(--muted); margin: 1mm 0; }
@page { size: A4; margin: 12mm 10mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  .page-break { break-before: page; }
  h2, h3 { break-after: avoid; }
}
)CSS";

// ---------------------------------------------------------------------------------------------
// Charts: a plot area with nice ticks on the y axis, one band per year on the x axis.

constexpr double kW = 720, kH = 290, kLeft = 96, kRight = 14, kTop = 14, kBottom = 30;

struct Scale {
  double lo, hi, step;
  [[nodiscard]] double y(double v) const { return kTop + (kH - kTop - kBottom) * (hi - v) / (hi - lo); }
};

Scale nice_scale(double lo, double hi) {
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (hi - lo < 1) hi = lo + 1;
  const double raw = (hi - lo) / 5;
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / p;
  const double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
  return {std::floor(lo / step) * step, std::ceil(hi / step) * step, step};
}

double band_x(int i, int n) { return kLeft + (kW - kLeft - kRight) * (i + 0.5) / n; }
double band_w(int n) { return (kW - kLeft - kRight) / n; }

std::string euro_label(double euros) {
  return "€ " + format_euro(static_cast<Cents>(std::llround(euros * 100)));
}

// Frame: grid lines with euro labels, the zero line, year labels.
std::string frame(const Scale& s, const std::vector<std::string>& xlabels) {
  std::string o;
  const int n = static_cast<int>(xlabels.size());
  for (double v = s.lo; v <= s.hi + s.step / 2; v += s.step) {
    const double y = s.y(v);
    o += "<line class=\"grid\" x1=\"" + px(kLeft) + "\" x2=\"" + px(kW - kRight) + "\" y1=\"" + px(y) + "\" y2=\"" + px(y) + "\"/>";
    o += "<text x=\"" + px(kLeft - 6) + "\" y=\"" + px(y + 4) + "\" text-anchor=\"end\">" + esc(euro_label(v)) + "</text>";
  }
  o += "<line class=\"axis\" x1=\"" + px(kLeft) + "\" x2=\"" + px(kW - kRight) + "\" y1=\"" + px(s.y(0)) + "\" y2=\"" + px(s.y(0)) + "\"/>";
  for (int i = 0; i < n; ++i)
    o += "<text x=\"" + px(band_x(i, n)) + "\" y=\"" + px(kH - kBottom + 18) + "\" text-anchor=\"middle\">" + esc(xlabels[static_cast<size_t>(i)]) + "</text>";
  return o;
}

std::string svg_open(const std::string& chart, const std::string& title) {
  return "<svg class=\"chart\" data-chart=\"" + chart + "\" viewBox=\"0 0 " + px(kW) + " " + px(kH) +
         "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + esc(title) + "\">";
}

std::string point_attrs(const std::string& chart, const std::string& series, const std::string& scenario, int year, Cents v) {
  return " data-chart=\"" + chart + "\" data-series=\"" + series + "\" data-scenario=\"" + esc(scenario) +
         "\" data-year=\"" + std::to_string(year) + "\" data-value=\"" + cents_plain(v) + "\"";
}

struct Series {
  std::string key;       ///< data-series
  std::string label;     ///< legend
  std::string color;
  bool dashed = false;
  std::string scenario;  ///< data-scenario
  std::vector<Cents> values;
};

std::string legend(const std::vector<std::pair<std::string, std::string>>& items, const std::string& kind = "") {
  std::string o = "<ul class=\"legend\">";
  for (const auto& [label, style] : items) o += "<li><span class=\"sw" + kind + "\" style=\"" + style + "\"></span>" + esc(label) + "</li>";
  return o + "</ul>";
}

/// What a year chart starts with: the number of years, a scale from 0 (or the lowest value) to
/// 5% above the highest value over all series, and the figure with its frame and year labels.
struct YearChart {
  int n;
  Scale sc;
  std::string o;
};
YearChart year_chart(const std::string& chart, const std::string& title, int first_year, const std::vector<Series>& series) {
  const int n = series.empty() ? 0 : static_cast<int>(series[0].values.size());
  double lo = 0, hi = 0;
  for (const auto& s : series)
    for (Cents c : s.values) { lo = std::min(lo, cents_to_euros(c)); hi = std::max(hi, cents_to_euros(c)); }
  const Scale sc = nice_scale(lo, hi * 1.05);
  std::vector<std::string> xl;
  for (int i = 0; i < n; ++i) xl.push_back(std::to_string(first_year + i));
  return YearChart{n, sc, "<figure><figcaption>" + esc(title) + "</figcaption>" + svg_open(chart, title) + frame(sc, xl)};
}

std::string line_chart(const std::string& chart, const std::string& title, int first_year, const std::vector<Series>& series) {
  auto [n, sc, o] = year_chart(chart, title, first_year, series);
  std::string leg = "<ul class=\"legend\">";
  for (const auto& s : series) {
    std::string pts;
    for (int i = 0; i < n; ++i) pts += (i ? " " : "") + px(band_x(i, n)) + "," + px(sc.y(cents_to_euros(s.values[static_cast<size_t>(i)]))); 
    o += "<polyline fill=\"none\" stroke=\"" + s.color + "\" stroke-width=\"2.5\"" + (s.dashed ? " stroke-dasharray=\"7 4\"" : "") +
         " points=\"" + pts + "\"/>";
    for (int i = 0; i < n; ++i) {
      const Cents v = s.values[static_cast<size_t>(i)];
      o += "<circle class=\"pt\" cx=\"" + px(band_x(i, n)) + "\" cy=\"" + px(sc.y(cents_to_euros(v))) + "\" r=\"3.5\" fill=\"" + s.color + "\"" +
           point_attrs(chart, s.key, s.scenario, first_year + i, v) + "><title>" + esc(s.label) + " " +
           std::to_string(first_year + i) + ": € " + format_euro(v) + "</title></circle>";
    }
    leg += "<li><span class=\"sw " + std::string(s.dashed ? "dash" : "line") + "\" style=\"border-color:" + s.color + "\"></span>" + esc(s.label) + "</li>";
  }
  return o + "</svg>" + leg + "</ul></figure>";
}

std::string bar_chart(const std::string& chart, const std::string& title, int first_year, const std::vector<Series>& series) {
  auto [n, sc, o] = year_chart(chart, title, first_year, series);
  const double bw = band_w(n) * 0.7 / static_cast<double>(std::max<size_t>(1, series.size()));
  std::vector<std::pair<std::string, std::string>> leg;
  for (size_t k = 0; k < series.size(); ++k) {
    const auto& s = series[k];
    for (int i = 0; i < n; ++i) {
      const Cents v = s.values[static_cast<size_t>(i)];
      const double x = band_x(i, n) - band_w(n) * 0.35 + bw * static_cast<double>(k);
      const double y0 = sc.y(0), y1 = sc.y(cents_to_euros(v));
      o += "<rect class=\"pt\" x=\"" + px(x) + "\" y=\"" + px(std::min(y0, y1)) + "\" width=\"" + px(bw - 2) + "\" height=\"" +
           px(std::abs(y1 - y0)) + "\" fill=\"" + s.color + "\"" + point_attrs(chart, s.key, s.scenario, first_year + i, v) + "><title>" +
           esc(s.label) + " " + std::to_string(first_year + i) + ": € " + format_euro(v) + "</title></rect>";
    }
    leg.emplace_back(s.label, "background:" + s.color);
  }
  return o + "</svg>" + legend(leg) + "</figure>";
}

const char* kPalette[] = {"#1c5d99", "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#17a589", "#7f8c8d", "#2e4053"};
const char* color(size_t i) { return kPalette[i % (sizeof kPalette / sizeof kPalette[0])]; }
// Scenario lines in a comparison: no red or orange, which mark the niveau and the signaleringswaarde.
const char* kScenarioPalette[] = {"#1c5d99", "#8e44ad", "#17a589", "#2e4053", "#27ae60", "#7f8c8d", "#5dade2"};
const char* scenario_color(size_t i) { return kScenarioPalette[i % (sizeof kScenarioPalette / sizeof kScenarioPalette[0])]; }

std::vector<Cents> values_of(const Result& r, Line l) {
  std::vector<Cents> v;
  for (int i = 0; i < r.n(); ++i) v.push_back(r.c(l, i));
  return v;
}

std::string eigen_vermogen_chart(const Scenario& s, const Result& r) {
  return line_chart("eigen-vermogen", "Eigen vermogen op 31-12 tegen signaleringswaarde en niveau weerstandsvermogen", r.horizon.first,
                    {{"eigen_vermogen", "Eigen vermogen op 31-12", "#1c5d99", false, s.name, values_of(r, Line::eigen_vermogen)},
                     {"signaleringswaarde", "Signaleringswaarde Inspectie (boven: mogelijk bovenmatig)", "#d68910", true, s.name,
                      values_of(r, Line::signaleringswaarde)},
                     {"weerstandsvermogen_niveau", "Gewenst niveau weerstandsvermogen", "#c0392b", true, s.name,
                      values_of(r, Line::weerstandsvermogen_niveau)}});
}

std::string baten_lasten_chart(const Scenario& s, const Result& r) {
  return bar_chart("baten-lasten", "Totale baten tegen totale lasten", r.horizon.first,
                   {{"baten", "Totaal baten", "#27ae60", false, s.name, values_of(r, Line::baten_totaal)},
                    {"lasten", "Totaal lasten", "#c0392b", false, s.name, values_of(r, Line::lasten_totaal)}});
}

Cents part_value(const Result& r, const WaterbedPart& p, int i) {
  Cents v = 0;
  for (Line l : p.lines) v = add_checked(v, r.c(l, i));
  return v;
}

std::string part_key(size_t k) { return "deel" + std::to_string(k + 1); }

// Waterbed: the lasten stacked by where they go; the rijksbijdrage as a marker per year. What
// lies above the marker is paid from overige baten and the eigen vermogen.
std::string waterbed_chart(const Scenario& s, const Result& r) {
  const int n = r.n();
  const auto& parts = waterbed_parts();
  double hi = 0;
  for (int i = 0; i < n; ++i) {
    double pos = 0;
    for (const auto& p : parts) pos += std::max(0.0, cents_to_euros(part_value(r, p, i)));
    hi = std::max({hi, pos, cents_to_euros(r.c(Line::waterbed_rijksbijdragen, i))});
  }
  double lo = 0;
  for (int i = 0; i < n; ++i) {
    double neg = 0;
    for (const auto& p : parts) neg += std::min(0.0, cents_to_euros(part_value(r, p, i)));
    lo = std::min(lo, neg);
  }
  const Scale sc = nice_scale(lo, hi * 1.05);
  std::vector<std::string> xl;
  for (int i = 0; i < n; ++i) xl.push_back(std::to_string(r.horizon.first + i));
  const std::string chart = "waterbed", title = "Waterbed: waar de rijksbijdrage heen gaat (lasten per bestemming)";
  std::string o = "<figure><figcaption>" + esc(title) + "</figcaption>" + svg_open(chart, title) + frame(sc, xl);
  const double bw = band_w(n) * 0.56;
  for (int i = 0; i < n; ++i) {
    double up = 0, down = 0;
    const int year = r.horizon.first + i;
    const Cents w = r.c(Line::waterbed_rijksbijdragen, i);
    for (size_t k = 0; k < parts.size(); ++k) {
      const Cents v = part_value(r, parts[k], i);
      const double e = cents_to_euros(v);
      const double from = e >= 0 ? up : down, to = from + e;
      (e >= 0 ? up : down) = to;
      const double y0 = sc.y(from), y1 = sc.y(to);
      const double share = w != 0 ? static_cast<double>(v) / static_cast<double>(w) : 0;
      o += "<rect class=\"pt\" x=\"" + px(band_x(i, n) - bw / 2) + "\" y=\"" + px(std::min(y0, y1)) + "\" width=\"" + px(bw) +
           "\" height=\"" + px(std::abs(y1 - y0)) + "\" fill=\"" + color(k) + "\"" + point_attrs(chart, part_key(k), s.name, year, v) +
           " data-label=\"" + esc(parts[k].label) + "\"><title>" + esc(parts[k].label) + " " + std::to_string(year) + ": € " +
           format_euro(v) + " (" + format_percent(share, 1) + " van de rijksbijdrage)</title></rect>";
    }
    const double y = sc.y(cents_to_euros(w));
    o += "<line class=\"pt\" x1=\"" + px(band_x(i, n) - bw / 2 - 8) + "\" x2=\"" + px(band_x(i, n) + bw / 2 + 8) + "\" y1=\"" + px(y) +
         "\" y2=\"" + px(y) + "\" stroke=\"#111\" stroke-width=\"3\"" + point_attrs(chart, "rijksbijdragen", s.name, year, w) +
         "><title>Rijksbijdragen " + std::to_string(year) + ": € " + format_euro(w) + "</title></line>";
  }
  std::vector<std::pair<std::string, std::string>> leg;
  for (size_t k = 0; k < parts.size(); ++k) leg.emplace_back(parts[k].label, std::string("background:") + color(k));
  leg.emplace_back("Rijksbijdragen (zwarte streep)", "background:#111;height:3px");
  o += "</svg>" + legend(leg);
  // The same per euro of rijksbijdrage, and how the part above the rijksbijdrage is paid.
  o += "<table class=\"waterbed\"><thead><tr><th class=\"label\">Per euro rijksbijdrage</th>";
  for (int i = 0; i < n; ++i) o += "<th>" + std::to_string(r.horizon.first + i) + "</th>";
  o += "</tr></thead><tbody>";
  auto per_euro = [&](Cents v, int i) {
    const Cents w = r.c(Line::waterbed_rijksbijdragen, i);
    return w != 0 ? "€ " + format_number(static_cast<double>(v) / static_cast<double>(w), 2) : std::string("n.v.t.");
  };
  for (size_t k = 0; k < parts.size(); ++k) {
    o += "<tr><td class=\"label\">" + esc(parts[k].label) + "</td>";
    for (int i = 0; i < n; ++i) o += "<td class=\"num\">" + per_euro(part_value(r, parts[k], i), i) + "</td>";
    o += "</tr>";
  }
  for (Line l : {Line::waterbed_af_overige_baten, Line::waterbed_naar_eigen_vermogen}) {
    o += "<tr class=\"total\"><td class=\"label\">" + esc(std::string(def(l).label)) + "</td>";
    for (int i = 0; i < n; ++i) o += "<td class=\"num\">" + per_euro(r.c(l, i), i) + "</td>";
    o += "</tr>";
  }
  o += "</tbody></table><p class=\"note\">De delen tellen op tot de totale lasten; wat boven de rijksbijdrage uitkomt, wordt "
       "gedekt uit de overige baten en het eigen vermogen (negatief bedrag: onttrekking). Minder verwijzingen naar SBO, SO en "
       "IKC laten direct meer over voor de reguliere scholen (paragraaf 8.1.1).</p></figure>";
  return o;
}

// Fan chart of eigen vermogen from risk percentiles: bands between P_k and P_(n-1-k), the middle
// series as a line; every percentile value is a point with data attributes.
std::string fan_chart(const Scenario& s, const Result& r, const RiskView& risk) {
  const auto& ps = risk.eigen_vermogen;
  const int n = r.n();
  double lo = 0, hi = 0;
  for (const auto& p : ps)
    for (Cents c : p.values) { lo = std::min(lo, cents_to_euros(c)); hi = std::max(hi, cents_to_euros(c)); }
  for (Line l : {Line::signaleringswaarde, Line::weerstandsvermogen_niveau})
    for (int i = 0; i < n; ++i) hi = std::max(hi, cents_to_euros(r.c(l, i)));
  const Scale sc = nice_scale(lo, hi * 1.05);
  std::vector<std::string> xl;
  for (int i = 0; i < n; ++i) xl.push_back(std::to_string(r.horizon.first + i));
  const std::string chart = "waaier", title = "Eigen vermogen met onzekerheid (waaier van percentielen)";
  std::string o = "<figure><figcaption>" + esc(title) + "</figcaption>" + svg_open(chart, title) + frame(sc, xl);
  const size_t m = ps.size();
  for (size_t k = 0; k < m / 2; ++k) {
    const auto& a = ps[k].values;
    const auto& b = ps[m - 1 - k].values;
    std::string pts;
    for (int i = 0; i < n; ++i) pts += px(band_x(i, n)) + "," + px(sc.y(cents_to_euros(a[static_cast<size_t>(i)]))) + " ";
    for (int i = n - 1; i >= 0; --i) pts += px(band_x(i, n)) + "," + px(sc.y(cents_to_euros(b[static_cast<size_t>(i)]))) + " ";
    o += "<polygon fill=\"#1c5d99\" fill-opacity=\"" + fmt::format("{:.2f}", 0.18 + 0.14 * static_cast<double>(k)) + "\" points=\"" + pts + "\"/>";
  }
  for (size_t k = 0; k < m; ++k) {
    const std::string key = "P" + fmt::format("{:g}", std::round(ps[k].p * 1000) / 10);
    const bool mid = 2 * k + 1 == m;
    if (mid) {
      std::string pts;
      for (int i = 0; i < n; ++i) pts += (i ? " " : "") + px(band_x(i, n)) + "," + px(sc.y(cents_to_euros(ps[k].values[static_cast<size_t>(i)])));
      o += "<polyline fill=\"none\" stroke=\"#0b2e4f\" stroke-width=\"2.5\" points=\"" + pts + "\"/>";
    }
    for (int i = 0; i < n; ++i) {
      const Cents v = ps[k].values[static_cast<size_t>(i)];
      o += "<circle class=\"pt\" cx=\"" + px(band_x(i, n)) + "\" cy=\"" + px(sc.y(cents_to_euros(v))) + "\" r=\"" + (mid ? "3.5" : "2") +
           "\" fill=\"#0b2e4f\"" + point_attrs(chart, key, s.name, r.horizon.first + i, v) + "><title>" + key + " " +
           std::to_string(r.horizon.first + i) + ": € " + format_euro(v) + "</title></circle>";
    }
  }
  for (auto [l, col] : {std::pair{Line::signaleringswaarde, "#d68910"}, std::pair{Line::weerstandsvermogen_niveau, "#c0392b"}}) {
    std::string pts;
    for (int i = 0; i < n; ++i) pts += (i ? " " : "") + px(band_x(i, n)) + "," + px(sc.y(cents_to_euros(r.c(l, i))));
    o += "<polyline fill=\"none\" stroke=\"" + std::string(col) + "\" stroke-width=\"2\" stroke-dasharray=\"7 4\" points=\"" + pts + "\"/>";
  }
  o += "</svg>" + legend({{"Percentielbanden (buiten: P" + (m ? fmt::format("{:g}", std::round(ps.front().p * 1000) / 10) : "") + "-P" +
                               (m ? fmt::format("{:g}", std::round(ps.back().p * 1000) / 10) : "") + ")",
                           "background:#1c5d99;opacity:.5"},
                          {"Mediaan", "background:#0b2e4f;height:3px"},
                          {"Signaleringswaarde", "background:#d68910;height:3px"},
                          {"Niveau weerstandsvermogen", "background:#c0392b;height:3px"}});
  return o + "</figure>";
}

// Tornado: per uncertain parameter the eigen vermogen at the horizon at its low and high value,
// around the scenario's own figure; the largest effect on top.
std::string tornado_chart(const Scenario& s, const Result& r, const RiskView& risk) {
  const auto& bars = risk.tornado;
  const double rowh = 24, top = 10, left = 250, right = 20, width = kW;
  const double height = top + rowh * static_cast<double>(bars.size()) + 34;
  double lo = cents_to_euros(risk.tornado_base), hi = lo;
  for (const auto& b : bars) {
    lo = std::min({lo, cents_to_euros(b.low), cents_to_euros(b.high)});
    hi = std::max({hi, cents_to_euros(b.low), cents_to_euros(b.high)});
  }
  if (hi - lo < 1) hi = lo + 1;
  const double pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  auto x = [&](double v) { return left + (width - left - right) * (v - lo) / (hi - lo); };
  const std::string chart = "tornado";
  const int year = r.horizon.last;
  const std::string title = "Gevoeligheid: eigen vermogen op 31-12-" + std::to_string(year) + " bij lage en hoge waarde";
  std::string o = "<figure><figcaption>" + esc(title) + "</figcaption><svg class=\"chart\" data-chart=\"tornado\" viewBox=\"0 0 " +
                  px(width) + " " + px(height) + "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + esc(title) + "\">";
  const double xb = x(cents_to_euros(risk.tornado_base));
  for (size_t k = 0; k < bars.size(); ++k) {
    const auto& b = bars[k];
    const double y = top + rowh * static_cast<double>(k);
    o += "<text x=\"" + px(left - 8) + "\" y=\"" + px(y + 15) + "\" text-anchor=\"end\">" + esc(b.label) + "</text>";
    for (auto [v, key, col] : {std::tuple{b.low, "laag", "#c0392b"}, std::tuple{b.high, "hoog", "#27ae60"}}) {
      const double xv = x(cents_to_euros(v));
      o += "<rect class=\"pt\" x=\"" + px(std::min(xb, xv)) + "\" y=\"" + px(y + 3) + "\" width=\"" + px(std::abs(xv - xb)) + "\" height=\"" +
           px(rowh - 6) + "\" fill=\"" + col + "\"" + point_attrs(chart, key, s.name, year, v) + " data-label=\"" + esc(b.label) +
           "\"><title>" + esc(b.label) + " (" + key + "): € " + format_euro(v) + "</title></rect>";
    }
  }
  const double yb = top + rowh * static_cast<double>(bars.size());
  o += "<line class=\"axis\" x1=\"" + px(xb) + "\" x2=\"" + px(xb) + "\" y1=\"" + px(top) + "\" y2=\"" + px(yb) + "\"/>";
  o += "<text x=\"" + px(xb) + "\" y=\"" + px(yb + 16) + "\" text-anchor=\"middle\">scenario: " + esc(euro_label(cents_to_euros(risk.tornado_base))) + "</text>";
  o += "</svg>" + legend({{"parameter op lage waarde", "background:#c0392b"}, {"parameter op hoge waarde", "background:#27ae60"}});
  return o + "</figure>";
}

// ---------------------------------------------------------------------------------------------
// Tables.

std::string year_head(const Horizon& h, const std::string& first) {
  std::string o = "<thead><tr><th class=\"label\">" + esc(first) + "</th>";
  for (int y = h.first; y <= h.last; ++y) o += "<th>" + std::to_string(y) + "</th>";
  return o + "</tr></thead>";
}

std::string num_cell(const std::string& text, const std::string& cls = "") {
  const bool neg = !text.empty() && text[0] == '-';
  std::string c = "num";
  if (neg) c += " neg";
  if (!cls.empty()) c += " " + cls;
  return "<td class=\"" + c + "\">" + esc(text) + "</td>";
}

std::string begroting_table(const Result& r) {
  const int n = r.n();
  std::string o = "<table class=\"begroting\">" + year_head(r.horizon, "bedragen in euro's") + "<tbody>";
  for (const auto& row : plan_layout()) {
    const std::string ind = row.indent > 0 ? " i" + std::to_string(std::min(row.indent, 3)) : "";
    if (row.kind == LayoutRow::Kind::Blank) {
      o += "<tr class=\"blank\"><td colspan=\"" + std::to_string(n + 1) + "\"></td></tr>";
      continue;
    }
    if (row.kind == LayoutRow::Kind::Section) {
      o += "<tr class=\"section\"><td class=\"label" + ind + "\" colspan=\"" + std::to_string(n + 1) + "\">" + esc(row.text) + "</td></tr>";
      continue;
    }
    const std::string cls = row.emphasis ? (row.indent == 0 ? "total grand" : "total") : "";
    o += "<tr" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + " data-line=\"" + std::string(def(row.line).id) + "\">";
    o += "<td class=\"label" + ind + "\">" + esc(std::string(def(row.line).label)) + "</td>";
    for (int i = 0; i < n; ++i) o += num_cell(cell_text(r, row.line, i));
    o += "</tr>";
  }
  return o + "</tbody></table>";
}

std::string kengetallen_table(const Result& r) {
  std::string o =
      "<table class=\"kengetallen\"><thead><tr><th class=\"label\">Jaar</th><th>Eigen vermogen</th><th>Signalerings&shy;waarde</th>"
      "<th>Niveau weerstands&shy;vermogen</th><th>Rentabiliteit (doel 0%)</th><th>Weerstands&shy;vermogen %</th>"
      "<th class=\"label\">Signalen</th></tr></thead><tbody>";
  for (int i = 0; i < r.n(); ++i) {
    const int y = r.horizon.first + i;
    const Cents ev = r.c(Line::eigen_vermogen, i);
    const bool hoog = ev > r.c(Line::signaleringswaarde, i);
    const bool laag = ev < r.c(Line::weerstandsvermogen_niveau, i);
    std::string sig;
    for (const auto& f : r.findings) {
      if (f.year != y) continue;
      const bool boven = f.kind == Finding::Kind::BovenSignaleringswaarde;
      const std::string text = boven ? "mogelijk bovenmatig"
                               : f.kind == Finding::Kind::OnderWeerstandsvermogen ? "onder niveau weerstandsvermogen"
                               : f.kind == Finding::Kind::NegatiefEigenVermogen   ? "negatief eigen vermogen"
                                                                                  : f.message;
      sig += "<span class=\"sig " + std::string(boven ? "hoog" : "laag") + "\" title=\"" + esc(f.message) + "\">" + esc(text) + "</span>";
    }
    const std::string rs = rentabiliteit_signal(r.r(Line::rentabiliteit, i));
    if (!rs.empty()) sig += "<span class=\"sig rent\">" + esc(rs) + "</span>";
    if (sig.empty()) sig = "<span class=\"ok\">geen</span>";
    o += "<tr data-year=\"" + std::to_string(y) + "\"><td class=\"label\">" + std::to_string(y) + "</td>" +
         num_cell(format_euro(ev), hoog ? "hoog" : laag ? "laag" : "") + num_cell(format_euro(r.c(Line::signaleringswaarde, i))) +
         num_cell(format_euro(r.c(Line::weerstandsvermogen_niveau, i))) + num_cell(format_percent(r.r(Line::rentabiliteit, i), 1)) +
         num_cell(format_percent(r.r(Line::weerstandsvermogen_pct, i), 1)) + "<td class=\"label\">" + sig + "</td></tr>";
  }
  return o + "</tbody></table><p class=\"note\">Eigen vermogen boven de signaleringswaarde van de Inspectie is mogelijk "
             "bovenmatig (oranje); onder het gewenste niveau van het weerstandsvermogen is de buffer te klein (rood). De "
             "rentabiliteit (resultaat / totale baten) heeft als doel 0%.</p>";
}

std::string files_text(const Scenario& s) {
  std::string o;
  for (const auto& f : s.files) o += (o.empty() ? "" : ", ") + std::string("<code>") + esc(f) + "</code>";
  return o;
}

std::string comparison_section(const std::vector<ScenarioRun>& runs) {
  const Result& base = *runs[0].result;
  const int n = base.n();
  std::string o = "<section class=\"vergelijking page-break\"><h2>Vergelijking van de scenario's</h2>";
  std::vector<Series> ev;
  for (size_t k = 0; k < runs.size(); ++k)
    ev.push_back({"eigen_vermogen", runs[k].scenario->name, scenario_color(k), false, runs[k].scenario->name, values_of(*runs[k].result, Line::eigen_vermogen)});
  ev.push_back({"signaleringswaarde", "Signaleringswaarde (" + runs[0].scenario->name + ")", "#d68910", true, runs[0].scenario->name,
                values_of(base, Line::signaleringswaarde)});
  ev.push_back({"weerstandsvermogen_niveau", "Niveau weerstandsvermogen (" + runs[0].scenario->name + ")", "#c0392b", true,
                runs[0].scenario->name, values_of(base, Line::weerstandsvermogen_niveau)});
  o += line_chart("vergelijking-eigen-vermogen", "Eigen vermogen op 31-12 per scenario", base.horizon.first, ev);
  o += "<h3>Verschillen ten opzichte van " + esc(runs[0].scenario->name) + "</h3>";
  o += "<table class=\"vergelijking\">" + year_head(base.horizon, "regel en scenario") + "<tbody>";
  for (Line l : comparison_lines()) {
    o += "<tr class=\"section\"><td class=\"label\" colspan=\"" + std::to_string(n + 1) + "\">" + esc(std::string(def(l).label)) + "</td></tr>";
    for (size_t k = 0; k < runs.size(); ++k) {
      const Result& r = *runs[k].result;
      o += "<tr><td class=\"label i1\">" + esc(runs[k].scenario->name) + "</td>";
      for (int i = 0; i < n; ++i) o += num_cell(format_euro(r.c(l, i)));
      o += "</tr>";
      if (k == 0) continue;
      o += "<tr class=\"total\" data-line=\"" + std::string(def(l).id) + "\" data-scenario=\"" + esc(runs[k].scenario->name) +
           "\"><td class=\"label i2\">verschil</td>";
      for (int i = 0; i < n; ++i) o += num_cell(format_euro(sub_checked(r.c(l, i), base.c(l, i))));
      o += "</tr>";
    }
  }
  return o + "</tbody></table></section>";
}

}  // namespace

std::string render_html(const std::vector<ScenarioRun>& runs, const ReportOptions& opt) {
  const bool many = runs.size() > 1;
  const Scenario& first = *runs[0].scenario;
  const Horizon& h = runs[0].result->horizon;
  const std::string title = many ? "Meerjarenbegroting " + std::to_string(h.first) + "-" + std::to_string(h.last) + ": " +
                                       std::to_string(runs.size()) + " scenario's"
                                 : "Meerjarenbegroting " + std::to_string(h.first) + "-" + std::to_string(h.last) + ": " + first.name;
  std::string o =
      "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      esc(title) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n<header>\n<h1>" + esc(title) + "</h1>\n";
  if (many) {
    o += "<p class=\"meta\">Scenario's: ";
    for (size_t k = 0; k < runs.size(); ++k) o += (k ? "; " : "") + esc(runs[k].scenario->name);
    o += "</p>\n";
  } else {
    if (!first.description.empty()) o += "<p class=\"meta\">" + esc(first.description) + "</p>\n";
    o += "<p class=\"meta\">Bronbestanden: " + files_text(first) + "</p>\n";
  }
  o += "<p class=\"meta\">Datum van de run: <span class=\"run-date\">" + esc(opt.run_date) + "</span></p>\n</header>\n";
  for (size_t k = 0; k < runs.size(); ++k) {
    const Scenario& s = *runs[k].scenario;
    const Result& r = *runs[k].result;
    o += "<section class=\"scenario" + std::string(k ? " page-break" : "") + "\" data-scenario=\"" + esc(s.name) + "\">\n";
    if (many) {
      o += "<h2>" + esc(s.name) + "</h2>\n";
      if (!s.description.empty()) o += "<p class=\"meta\">" + esc(s.description) + "</p>\n";
      o += "<p class=\"meta\">Bronbestanden: " + files_text(s) + "</p>\n";
    }
    o += "<h3>Meerjarenbegroting " + std::to_string(r.horizon.first) + "-" + std::to_string(r.horizon.last) + "</h3>\n";
    o += begroting_table(r) + "\n";
    o += "<h3 class=\"page-break\">Kengetallen en signalen</h3>\n" + kengetallen_table(r) + "\n";
    o += "<h3>Grafieken</h3>\n" + eigen_vermogen_chart(s, r) + "\n" + baten_lasten_chart(s, r) + "\n" + waterbed_chart(s, r) + "\n";
    if (k == 0 && opt.risk) {
      o += "<h3 class=\"page-break\">Risico's</h3>\n";
      if (!opt.risk->eigen_vermogen.empty()) o += fan_chart(s, r, *opt.risk) + "\n";
      if (!opt.risk->tornado.empty()) o += tornado_chart(s, r, *opt.risk) + "\n";
    }
    o += "</section>\n";
  }
  if (many) o += comparison_section(runs) + "\n";
  o += "</body>\n</html>\n";
  return o;
}

}  // namespace begroting
