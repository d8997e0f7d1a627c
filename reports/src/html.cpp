// HTML report for the algemene vergadering and the kwaliteitscommissie: ONE self-contained file
// (inline CSS and inline SVG, no scripts, a Content-Security-Policy that forbids any load from
// outside), printable on A4 (and printed to PDF by `report --format pdf`: the @page margin boxes
// carry the scenario, the run date and the page numbers). First a summary page an AV member
// reads in two minutes (issue 14.1): provenance, three or four sentences made from the figures,
// the years eigen vermogen crosses its yardsticks, eigen vermogen against the band between the
// niveau weerstandsvermogen and the signaleringswaarde, and the resultaat per year. With risk
// results (ReportOptions::risk) the risk answers follow (issue 14.2): needed weerstandsvermogen,
// chances, weerstandsratio, the fan chart with the plan line, the tornado. Then per scenario the
// meerjarenbegroting in the plan's layout (hfst 12), the kengetallen with the engine's signals
// and the waterbed (8.1.1). With several scenarios the comparison comes first.
//
// Every chart point is an SVG element with class "pt" and data attributes (data-chart,
// data-series, data-scenario, data-year, data-value in euros with cents) so that a test in a
// browser can read the figures back. The output depends only on its inputs (no clock, no
// randomness): the run date is passed in.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "begroting/compare.hpp"
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
p.zinnen { font-size: 11pt; line-height: 1.45; margin: 2mm 0 3mm; }
div.kernjaren { display: flex; gap: 3mm; margin: 2mm 0 3mm; }
div.kernjaren div { flex: 1; border: 1px solid var(--rule); border-radius: 3px; padding: 2mm 3mm; }
div.kernjaren b { display: block; font-size: 15pt; }
div.kernjaren span { font-size: 8.5pt; color: var(--muted); }
div.kernjaren div.risico b { color: #b42318; } div.kernjaren div.vraag b { color: #9a5b00; }
p.variant { background: #fdebd0; border-left: 4px solid #d68910; padding: 1mm 3mm; font-weight: bold; }
p.oordeel { font-weight: bold; margin: 2mm 0; }
table.prov td { padding: 0 6px 0 0; font-size: 9pt; color: var(--muted); }
table.summary td.label, table.risico td.label { width: 34%; }
table.summary td.num, table.risico td.num { white-space: normal; }
figure.kern svg { max-height: 88mm; }
figure.kern.klein svg { max-height: 62mm; }
@media print { figure.kern svg { max-height: 66mm; } figure.kern.klein svg { max-height: 44mm; } figure { margin: 1mm 0 2mm; }
  p.zinnen { font-size: 10pt; margin: 1mm 0 2mm; } div.kernjaren { margin: 1mm 0 2mm; } div.kernjaren b { font-size: 13pt; }
  table.prov td { font-size: 8pt; } h1 { font-size: 15pt; } h2 { margin-top: 4mm; } }
thead { display: table-header-group; }
tr, figure, .kernjaren { break-inside: avoid; page-break-inside: avoid; }
@page { size: A4; margin: 16mm 10mm 14mm;
  @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-size: 8pt; color: #616e7c; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  .page-break { break-before: page; }
  h2, h3 { break-after: avoid; }
  /* Page 1 is the whole summary (header, sentences, crossing years, both charts, the table); what
     follows starts on page 2. Sized for the longest first page (a variant with its --set list). */
  h1 { font-size: 13pt; margin-bottom: 1mm; }
  header p.meta, table.prov td { font-size: 7.5pt; line-height: 1.25; }
  header code { font-size: 7pt; }
  p.variant { font-size: 8pt; padding: 0.5mm 2mm; margin: 1mm 0; }
  section.samenvatting { break-after: page; }
  section.samenvatting h2 { font-size: 12pt; margin: 2mm 0 1mm; }
  section.samenvatting p.zinnen { font-size: 9.5pt; line-height: 1.32; margin: 1mm 0 1.5mm; }
  section.samenvatting div.kernjaren { margin: 1mm 0 1.5mm; }
  section.samenvatting div.kernjaren div { padding: 0.8mm 2mm; }
  section.samenvatting div.kernjaren b { font-size: 12pt; }
  section.samenvatting div.kernjaren span { font-size: 7.5pt; line-height: 1.2; }
  section.samenvatting figure { margin: 0.5mm 0 1mm; }
  section.samenvatting figcaption { font-size: 9pt; margin-bottom: 0.5mm; }
  section.samenvatting figure.kern svg { max-height: 56mm; }
  section.samenvatting figure.kern.klein svg { max-height: 38mm; }
  section.samenvatting ul.legend { font-size: 7.5pt; margin: 0.5mm 0 1mm; gap: 0.5mm 4mm; }
  table.summary { table-layout: fixed; font-size: 8pt; }
  table.summary td.label, table.summary th:first-child { width: 27%; }
  table.summary tr[data-row="signalen"] td.num { font-size: 7pt; }
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

/// A value on the euro axis: as euro_label, or (`mld`: an axis that reaches a billion) in
/// billions ("€ -1 mld", "€ 0,25 mld"): "€ -1.000.000.000" is wider than the axis' margin (a
/// national budget).
std::string axis_label(double euros, bool mld_axis) {
  if (!mld_axis) return euro_label(euros);
  if (euros == 0) return "€ 0";
  const double mld = euros / 1e9;
  int decimals = 0;  // as few as the (round) axis step needs
  while (decimals < 3 && std::abs(mld * std::pow(10.0, decimals) - std::round(mld * std::pow(10.0, decimals))) > 1e-6) ++decimals;
  return "€ " + format_number(mld, decimals) + " mld";
}

// Frame: grid lines with euro labels, the zero line, year labels.
std::string frame(const Scale& s, const std::vector<std::string>& xlabels) {
  std::string o;
  const int n = static_cast<int>(xlabels.size());
  const bool mld = std::max(std::abs(s.lo), std::abs(s.hi)) >= 1e9;
  for (double v = s.lo; v <= s.hi + s.step / 2; v += s.step) {
    const double y = s.y(v);
    o += "<line class=\"grid\" x1=\"" + px(kLeft) + "\" x2=\"" + px(kW - kRight) + "\" y1=\"" + px(y) + "\" y2=\"" + px(y) + "\"/>";
    o += "<text x=\"" + px(kLeft - 6) + "\" y=\"" + px(y + 4) + "\" text-anchor=\"end\">" + esc(axis_label(v, mld)) + "</text>";
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


// Waterbed parts: the Tableau 10 colours (blue, orange, red, teal, green, yellow, purple, ...),
// chosen to be told apart; tests/test_report_html.cpp checks every pair differs clearly.
const char* kPalette[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#9c755f"};
}  // namespace
const char* waterbed_color(size_t i) { return kPalette[i % (sizeof kPalette / sizeof kPalette[0])]; }
namespace {
const char* color(size_t i) { return kPalette[i % (sizeof kPalette / sizeof kPalette[0])]; }
// Scenario lines in a comparison: no red or orange, which mark the niveau and the signaleringswaarde.
const char* kScenarioPalette[] = {"#1c5d99", "#8e44ad", "#17a589", "#2e4053", "#27ae60", "#7f8c8d", "#5dade2"};
const char* scenario_color(size_t i) { return kScenarioPalette[i % (sizeof kScenarioPalette / sizeof kScenarioPalette[0])]; }

std::vector<Cents> values_of(const Result& r, Line l) {
  std::vector<Cents> v;
  for (int i = 0; i < r.n(); ++i) v.push_back(r.c(l, i));
  return v;
}

// The summary chart (issue 14.1): eigen vermogen against the band between the niveau
// weerstandsvermogen (below: a risk) and the signaleringswaarde (above: mogelijk bovenmatig, an
// Inspectie question), shaded; every point labelled with its value and coloured by where it
// lies; a marked line at each first crossing. The y axis spans the figures (not from zero: the
// band would be a hairline), so the crossing is visible.
std::string eigen_vermogen_chart(const Scenario& s, const Result& r) {
  const int n = r.n();
  const std::string chart = "eigen-vermogen";
  const std::string title = "Eigen vermogen op 31-12 tegen het niveau weerstandsvermogen en de signaleringswaarde";
  double lo = 1e300, hi = -1e300;
  for (Line l : {Line::eigen_vermogen, Line::signaleringswaarde, Line::weerstandsvermogen_niveau})
    for (int i = 0; i < n; ++i) {
      lo = std::min(lo, cents_to_euros(r.c(l, i)));
      hi = std::max(hi, cents_to_euros(r.c(l, i)));
    }
  const double pad = std::max(1.0, (hi - lo) * 0.10);
  Scale sc = nice_scale(lo - pad, hi + pad);
  if (lo - pad > 0) {  // start at a round number below the lowest figure, not at zero
    const double raw = (hi - lo + 2 * pad) / 6;
    const double p10 = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / p10;
    const double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p10;
    sc = Scale{std::floor((lo - pad) / step) * step, std::ceil((hi + pad) / step) * step, step};
  }
  std::vector<std::string> xl;
  for (int i = 0; i < n; ++i) xl.push_back(std::to_string(r.horizon.first + i));
  std::string o = "<figure class=\"kern\"><figcaption>" + esc(title) + "</figcaption>" + svg_open(chart, title);
  // The band between niveau and signaleringswaarde.
  std::string band;
  for (int i = 0; i < n; ++i) band += px(band_x(i, n)) + "," + px(sc.y(cents_to_euros(r.c(Line::signaleringswaarde, i)))) + " ";
  for (int i = n - 1; i >= 0; --i) band += px(band_x(i, n)) + "," + px(sc.y(cents_to_euros(r.c(Line::weerstandsvermogen_niveau, i)))) + " ";
  o += frame(sc, xl);
  o += "<polygon class=\"band\" fill=\"#58d68d\" fill-opacity=\"0.45\" points=\"" + band + "\"/>";
  const Summary sm = summarize(r);
  auto crossing = [&](const std::optional<int>& y, const std::string& text, const char* col, double dy) {
    if (!y || *y == r.horizon.first) return;
    const double x = (band_x(*y - r.horizon.first, n) + band_x(*y - r.horizon.first - 1, n)) / 2;
    o += "<line class=\"kruising\" x1=\"" + px(x) + "\" x2=\"" + px(x) + "\" y1=\"" + px(kTop) + "\" y2=\"" + px(kH - kBottom) +
         "\" stroke=\"" + col + "\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\" data-year=\"" + std::to_string(*y) + "\"/>";
    // The text beside the line, on the side with room.
    const bool left = x > kLeft + (kW - kLeft - kRight) * 0.55;
    o += "<text x=\"" + px(left ? x - 4 : x + 4) + "\" y=\"" + px(kH - kBottom - 8 - dy) + "\" text-anchor=\"" + (left ? "end" : "start") +
         "\" style=\"fill:" + col + ";font-weight:bold;paint-order:stroke;stroke:#fff;stroke-width:4px\">" + esc(text) + "</text>";
  };
  crossing(sm.eerste_niet_bovenmatig, "vanaf " + year_or_never(sm.eerste_niet_bovenmatig) + ": niet meer mogelijk bovenmatig",
           "#9a5b00", 0);
  crossing(sm.eerste_onder_niveau, "vanaf " + year_or_never(sm.eerste_onder_niveau) + ": onder het niveau (risico)", "#b42318", 14);
  crossing(sm.eerste_onder_nul, "vanaf " + year_or_never(sm.eerste_onder_nul) + ": onder nul (risico)", "#7b0d0d", 28);
  for (auto [l, key, col] : {std::tuple{Line::signaleringswaarde, "signaleringswaarde", "#d68910"},
                             std::tuple{Line::weerstandsvermogen_niveau, "weerstandsvermogen_niveau", "#c0392b"}}) {
    std::string pts;
    for (int i = 0; i < n; ++i) pts += (i ? " " : "") + px(band_x(i, n)) + "," + px(sc.y(cents_to_euros(r.c(l, i))));
    o += "<polyline fill=\"none\" stroke=\"" + std::string(col) + "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" points=\"" + pts + "\"/>";
    for (int i = 0; i < n; ++i) {
      const Cents v = r.c(l, i);
      o += "<circle class=\"pt\" cx=\"" + px(band_x(i, n)) + "\" cy=\"" + px(sc.y(cents_to_euros(v))) + "\" r=\"1.5\" fill=\"" + col +
           "\"" + point_attrs(chart, key, s.name, r.horizon.first + i, v) + "><title>" + esc(key) + " " +
           std::to_string(r.horizon.first + i) + ": € " + format_euro(v) + "</title></circle>";
    }
  }
  std::string pts;
  for (int i = 0; i < n; ++i) pts += (i ? " " : "") + px(band_x(i, n)) + "," + px(sc.y(cents_to_euros(r.c(Line::eigen_vermogen, i))));
  o += "<polyline fill=\"none\" stroke=\"#1c5d99\" stroke-width=\"3\" points=\"" + pts + "\"/>";
  for (int i = 0; i < n; ++i) {
    const Cents v = r.c(Line::eigen_vermogen, i);
    const bool boven = v > r.c(Line::signaleringswaarde, i), onder = v < r.c(Line::weerstandsvermogen_niveau, i);
    const char* col = v < 0 ? "#7b0d0d" : onder ? "#c0392b" : boven ? "#d68910" : "#1e8449";
    const double x = band_x(i, n), y = sc.y(cents_to_euros(v));
    o += "<circle class=\"pt\" cx=\"" + px(x) + "\" cy=\"" + px(y) + "\" r=\"5.5\" fill=\"" + col + "\" stroke=\"#fff\" stroke-width=\"1.5\"" +
         point_attrs(chart, "eigen_vermogen", s.name, r.horizon.first + i, v) + "><title>Eigen vermogen " +
         std::to_string(r.horizon.first + i) + ": € " + format_euro(v) + "</title></circle>";
    // The value: above the point when it lies above the band, below it otherwise.
    const double ly = boven ? y - 11 : y + 21;
    o += "<text class=\"waarde\" x=\"" + px(x) + "\" y=\"" + px(ly) +
         "\" text-anchor=\"middle\" style=\"font-weight:bold;paint-order:stroke;stroke:#fff;stroke-width:4px\">€ " +
         format_euro(v) + "</text>";
  }
  const int last = n - 1;
  o += "</svg>" +
       legend({{"Eigen vermogen op 31-12 (punt: oranje = mogelijk bovenmatig, groen = binnen de band, rood = onder het niveau)",
                "background:#1c5d99;height:3px"},
               {"Band: tussen niveau weerstandsvermogen en signaleringswaarde", "background:#58d68d;opacity:.6"},
               {"Signaleringswaarde Inspectie (" + std::to_string(r.horizon.last) + ": € " +
                    format_euro(r.c(Line::signaleringswaarde, last)) + ")",
                "border-top:3px dashed #d68910;height:0"},
               {"Niveau weerstandsvermogen (" + std::to_string(r.horizon.last) + ": € " +
                    format_euro(r.c(Line::weerstandsvermogen_niveau, last)) + ")",
                "border-top:3px dashed #c0392b;height:0"}}) +
       "</figure>";
  return o;
}

// The resultaat per year (baten - lasten): a bar per year from zero, green for a surplus, red
// for a deficit, with its value. Replaces two 19-million bars whose difference was invisible.
std::string resultaat_chart(const Scenario& s, const Result& r) {
  const int n = r.n();
  const std::string chart = "resultaat", title = "Resultaat per jaar (totale baten - totale lasten)";
  double lo = 0, hi = 0;
  for (int i = 0; i < n; ++i) {
    lo = std::min(lo, cents_to_euros(r.c(Line::resultaat, i)));
    hi = std::max(hi, cents_to_euros(r.c(Line::resultaat, i)));
  }
  const double pad = std::max(1.0, (hi - lo) * 0.15);
  const Scale sc = nice_scale(lo < 0 ? lo - pad : lo, hi > 0 ? hi + pad : hi);
  std::vector<std::string> xl;
  for (int i = 0; i < n; ++i) xl.push_back(std::to_string(r.horizon.first + i));
  std::string o = "<figure class=\"kern klein\"><figcaption>" + esc(title) + "</figcaption>" + svg_open(chart, title) + frame(sc, xl);
  const double bw = band_w(n) * 0.5;
  for (int i = 0; i < n; ++i) {
    const Cents v = r.c(Line::resultaat, i);
    const double x = band_x(i, n), y0 = sc.y(0), y1 = sc.y(cents_to_euros(v));
    const char* col = v < 0 ? "#c0392b" : "#27ae60";
    o += "<rect class=\"pt\" x=\"" + px(x - bw / 2) + "\" y=\"" + px(std::min(y0, y1)) + "\" width=\"" + px(bw) + "\" height=\"" +
         px(std::max(0.5, std::abs(y1 - y0))) + "\" fill=\"" + col + "\"" +
         point_attrs(chart, "resultaat", s.name, r.horizon.first + i, v) + "><title>Resultaat " + std::to_string(r.horizon.first + i) +
         ": € " + format_euro(v) + "</title></rect>";
    const double ly = v < 0 ? y1 + 15 : y1 - 5;
    o += "<text class=\"waarde\" x=\"" + px(x) + "\" y=\"" + px(ly) + "\" text-anchor=\"middle\" style=\"font-weight:bold\">" +
         (v > 0 ? "+" : "") + "€ " + format_euro(v) + "</text>";
  }
  o += "</svg>" + legend({{"tekort (lasten hoger dan baten)", "background:#c0392b"}, {"overschot", "background:#27ae60"}});
  return o + "</figure>";
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
    o += "<tr class=\"total\"><td class=\"label\">" + esc(r.m().line(l).label) + "</td>";
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
  for (const auto& y : risk.years) {
    lo = std::min(lo, cents_to_euros(y.plan));
    hi = std::max(hi, cents_to_euros(y.plan));
  }
  const Scale sc = nice_scale(lo, hi * 1.05);
  std::vector<std::string> xl;
  for (int i = 0; i < n; ++i) xl.push_back(std::to_string(r.horizon.first + i));
  const std::string chart = "waaier", title = "Eigen vermogen op 31-12 met onzekerheid: waaier van de paden en het plan";
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
  // The plan line (the scenario without uncertainty) inside the fan.
  if (!risk.years.empty()) {
    std::string pts;
    for (int i = 0; i < n && i < static_cast<int>(risk.years.size()); ++i)
      pts += (i ? " " : "") + px(band_x(i, n)) + "," + px(sc.y(cents_to_euros(risk.years[static_cast<size_t>(i)].plan)));
    o += "<polyline fill=\"none\" stroke=\"#f1c40f\" stroke-width=\"3\" points=\"" + pts + "\"/>";
    for (int i = 0; i < n && i < static_cast<int>(risk.years.size()); ++i) {
      const Cents v = risk.years[static_cast<size_t>(i)].plan;
      o += "<circle class=\"pt\" cx=\"" + px(band_x(i, n)) + "\" cy=\"" + px(sc.y(cents_to_euros(v))) +
           "\" r=\"4\" fill=\"#f1c40f\" stroke=\"#0b2e4f\"" + point_attrs(chart, "plan", s.name, r.horizon.first + i, v) +
           "><title>Plan " + std::to_string(r.horizon.first + i) + ": € " + format_euro(v) + "</title></circle>";
    }
  }
  auto pname = [](double p) { return "P" + fmt::format("{:g}", std::round(p * 1000) / 10); };
  std::vector<std::pair<std::string, std::string>> items;
  for (size_t k = 0; k < m / 2; ++k)
    items.emplace_back("Band " + pname(ps[k].p) + "-" + pname(ps[m - 1 - k].p) + ": " +
                           format_number((ps[m - 1 - k].p - ps[k].p) * 100, 0) + "% van de paden ligt hierbinnen",
                       "background:#1c5d99;opacity:" + fmt::format("{:.2f}", 0.18 + 0.14 * static_cast<double>(k) + 0.2));
  if (m % 2 == 1) items.emplace_back("Mediaan (" + pname(ps[m / 2].p) + "): de helft van de paden ligt lager", "background:#0b2e4f;height:3px");
  items.emplace_back("Plan: het scenario zonder onzekerheid", "background:#f1c40f;height:4px");
  items.emplace_back("Signaleringswaarde", "border-top:3px dashed #d68910;height:0");
  items.emplace_back("Niveau weerstandsvermogen", "border-top:3px dashed #c0392b;height:0");
  o += "</svg>" + legend(items);
  return o + "</figure>";
}

// Tornado: per onzekerheid (its Dutch description, and its low and high value in the
// parameter's unit) the eigen vermogen at the horizon at its low and high value, around the
// scenario's own figure; coloured by effect (red: lower eigen vermogen, green: higher), a euro
// axis with ticks and the effect at each bar's end; the largest effect on top.
std::string tornado_chart(const Scenario& s, const Result& r, const RiskView& risk) {
  const auto& bars = risk.tornado;
  const double rowh = 46, top = 26, left = 300, right = 44, width = kW;
  const double height = top + rowh * static_cast<double>(bars.size()) + 40;
  const double base = cents_to_euros(risk.tornado_base);
  double lo = base, hi = base;
  for (const auto& b : bars) {
    lo = std::min({lo, cents_to_euros(b.low), cents_to_euros(b.high)});
    hi = std::max({hi, cents_to_euros(b.low), cents_to_euros(b.high)});
  }
  if (hi - lo < 1) hi = lo + 1;
  // A euro axis in effects (relative to the plan), with nice ticks.
  const Scale ax = nice_scale(lo - base, hi - base);
  auto x = [&](double v) { return left + (width - left - right) * (v - base - ax.lo) / (ax.hi - ax.lo); };
  const std::string chart = "tornado";
  const int year = r.horizon.last;
  const std::string title = "Gevoeligheid: effect op het eigen vermogen 31-12-" + std::to_string(year) + " als een onzekerheid laag of hoog uitvalt";
  std::string o = "<figure><figcaption>" + esc(title) + "</figcaption><svg class=\"chart\" data-chart=\"tornado\" viewBox=\"0 0 " +
                  px(width) + " " + px(height) + "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + esc(title) + "\">";
  const double yb = top + rowh * static_cast<double>(bars.size());
  for (double v = ax.lo; v <= ax.hi + ax.step / 2; v += ax.step) {
    const double xv = x(base + v);
    o += "<line class=\"grid\" x1=\"" + px(xv) + "\" x2=\"" + px(xv) + "\" y1=\"" + px(top - 4) + "\" y2=\"" + px(yb) + "\"/>";
    o += "<text x=\"" + px(xv) + "\" y=\"" + px(yb + 14) + "\" text-anchor=\"middle\" style=\"font-size:10px\">" +
         (v > 0 ? "+" : "") + esc(format_euro(static_cast<Cents>(std::llround(v * 100)))) + "</text>";
  }
  const double xb = x(base);
  for (size_t k = 0; k < bars.size(); ++k) {
    const auto& b = bars[k];
    const double y = top + rowh * static_cast<double>(k);
    // The description in at most two lines of ~44 characters, never cut.
    const std::string lines = wrap_text(b.label, 44, "");
    double ty = y + 14;
    for (size_t p = 0, e; p < lines.size(); p = e + 1, ty += 13) {
      e = lines.find('\n', p);
      o += "<text x=\"" + px(left - 10) + "\" y=\"" + px(ty) + "\" text-anchor=\"end\">" + esc(lines.substr(p, e - p)) + "</text>";
    }
    // Low value in the upper half of the row, high value in the lower half: both always visible.
    int half = 0;
    for (auto [v, key, txt] : {std::tuple{b.low, "laag", b.low_text}, std::tuple{b.high, "hoog", b.high_text}}) {
      const Cents eff = v - risk.tornado_base;
      const double xv = x(cents_to_euros(v));
      const double by = y + 4 + 19 * half++;
      const char* col = eff < 0 ? "#c0392b" : "#27ae60";
      const double x0 = std::min(xb, xv), w = std::max(0.8, std::abs(xv - xb));
      o += "<rect class=\"pt\" x=\"" + px(x0) + "\" y=\"" + px(by) + "\" width=\"" + px(w) + "\" height=\"16\" fill=\"" + col + "\"" +
           point_attrs(chart, key, s.name, year, v) + " data-label=\"" + esc(b.label) + "\" data-effect=\"" + cents_plain(eff) +
           "\"><title>" + esc(b.label) + " (" + key + ": " + esc(txt) + "): € " + format_euro(v) + "</title></rect>";
      const std::string label = std::string(key) + (txt.empty() ? "" : " " + txt) + ": " + (eff > 0 ? "+" : "") + format_euro(eff);
      const double room_left = x0 - left, room_right = width - right - (x0 + w);
      const double need = 6.2 * static_cast<double>(label.size());
      // Beyond the bar's end when there is room; else inside the bar in white when it fits; else
      // on the other side of the plan line (that half row has no bar there).
      const bool neg = eff < 0;
      const double room_out = neg ? room_left : room_right;
      std::string tx, anchor, fill;
      if (room_out > need) {
        tx = px(neg ? x0 - 4 : x0 + w + 4);
        anchor = neg ? "end" : "start";
      } else if (w > need + 8) {
        tx = px(neg ? x0 + 4 : x0 + w - 4);
        anchor = neg ? "start" : "end";
        fill = ";fill:#fff";
      } else {
        tx = px(neg ? xb + 4 : xb - 4);
        anchor = neg ? "start" : "end";
        // On the other side of the plan line; when even that is too narrow, two smaller lines
        // (what and effect) inside this half row, so a long value text never runs off the chart.
        const double room_other = neg ? width - right / 2 - xb - 4 : xb - 4 - left;
        if (room_other < need) {
          const std::string what = std::string(key) + (txt.empty() ? "" : " " + txt) + ":";
          const std::string effect = std::string(eff > 0 ? "+" : "") + format_euro(eff);
          o += "<text x=\"" + tx + "\" y=\"" + px(by + 7) + "\" text-anchor=\"" + anchor + "\" style=\"font-size:9px\">" + esc(what) +
               "<tspan x=\"" + tx + "\" dy=\"9.5\">" + esc(effect) + "</tspan></text>";
          continue;
        }
      }
      o += "<text x=\"" + tx + "\" y=\"" + px(by + 12) + "\" text-anchor=\"" + anchor + "\" style=\"font-size:10px" + fill + "\">" +
           esc(label) + "</text>";
    }
  }
  o += "<line class=\"axis\" x1=\"" + px(xb) + "\" x2=\"" + px(xb) + "\" y1=\"" + px(top - 6) + "\" y2=\"" + px(yb) + "\"/>";
  o += "<text x=\"" + px(xb) + "\" y=\"" + px(top - 10) + "\" text-anchor=\"middle\">plan: " + esc(euro_label(base)) + "</text>";
  o += "<text x=\"" + px((left + width - right) / 2) + "\" y=\"" + px(yb + 32) +
       "\" text-anchor=\"middle\" style=\"fill:#616e7c\">effect op het eigen vermogen in euro's (boven: laag, onder: hoog)</text>";
  o += "</svg>" + legend({{"lager eigen vermogen (verlies)", "background:#c0392b"}, {"hoger eigen vermogen (winst)", "background:#27ae60"}});
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
  for (const auto& row : plan_layout(r)) {
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
    o += "<tr" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + " data-line=\"" + r.m().line(row.line).id + "\">";
    o += "<td class=\"label" + ind + "\">" + esc(r.m().line(row.line).label) + "</td>";
    for (int i = 0; i < n; ++i) o += num_cell(cell_text(r, row.line, i));
    o += "</tr>";
  }
  return o + "</tbody></table>";
}

std::string kengetallen_table(const Result& r) {
  std::string o =
      "<table class=\"kengetallen\"><thead><tr><th class=\"label\">Jaar</th><th>Eigen vermogen</th><th>Signalerings&shy;waarde</th>"
      "<th>Niveau weerstands&shy;vermogen</th><th>Rentabiliteit (doel 0%)</th><th>Weerstands&shy;vermogen %</th>"
      "<th class=\"label\">Signalen van de rekenkern</th></tr></thead><tbody>";
  for (int i = 0; i < r.n(); ++i) {
    const int y = r.horizon.first + i;
    const Cents ev = r.c(Line::eigen_vermogen, i);
    const bool hoog = ev > r.c(Line::signaleringswaarde, i);
    const bool laag = ev < r.c(Line::weerstandsvermogen_niveau, i);
    std::string sig;
    for (const auto& f : r.findings) {  // the engine's one list, nothing added here
      if (f.year != y) continue;
      const bool vraag = finding_aard(f.kind) != FindingAard::Risico;
      const std::string text = f.kind == Finding::Kind::Other ? f.message : std::string(finding_label(f.kind));
      sig += "<span class=\"sig " + std::string(vraag ? "hoog" : "laag") + "\" data-kind=\"" + std::string(finding_id(f.kind)) +
             "\" title=\"" + esc(f.message) + "\">" + esc(text) + "</span>";
    }
    if (sig.empty()) sig = "<span class=\"ok\">geen</span>";
    o += "<tr data-year=\"" + std::to_string(y) + "\"><td class=\"label\">" + std::to_string(y) + "</td>" +
         num_cell(format_euro(ev), hoog ? "hoog" : laag ? "laag" : "") + num_cell(format_euro(r.c(Line::signaleringswaarde, i))) +
         num_cell(format_euro(r.c(Line::weerstandsvermogen_niveau, i))) + num_cell(format_percent(r.r(Line::rentabiliteit, i), 1)) +
         num_cell(format_percent(r.r(Line::weerstandsvermogen_pct, i), 1)) + "<td class=\"label\">" + sig + "</td></tr>";
  }
  o += "</tbody></table>";
  if (!r.findings.empty()) {
    o += "<ul class=\"signalen\">";
    for (const auto& f : r.findings) o += "<li data-year=\"" + std::to_string(f.year) + "\">" + std::to_string(f.year) + ": " + esc(f.message) + "</li>";
    o += "</ul>";
  }
  return o + "<p class=\"note\">Eigen vermogen boven de signaleringswaarde van de Inspectie is mogelijk bovenmatig (oranje): "
             "een vraag van de Inspectie, geen risico. Onder het gewenste niveau van het weerstandsvermogen of onder nul is een "
             "risico: de buffer is te klein (rood). " + esc(kWeerstandsvermogenPctDefinitie) + ".</p>";
}


std::string text_table_html(const TextTable& t, const std::string& cls, const std::string& first) {
  std::string o = "<table class=\"" + cls + "\"><thead><tr><th class=\"label\">" + esc(first) + "</th>";
  for (int y : t.years) o += "<th>" + std::to_string(y) + "</th>";
  o += "</tr></thead><tbody>";
  for (const auto& row : t.rows) {
    o += "<tr data-row=\"" + esc(row.key) + "\"><td class=\"label\">" + esc(row.label) + "</td>";
    for (const auto& c : row.cells) o += num_cell(c);
    o += "</tr>";
  }
  return o + "</tbody></table>";
}

std::string provenance_html(const Scenario& s) {
  std::string o;
  if (is_variant(s))
    o += "<p class=\"variant\">Variant: niet het scenario zelf. Overschreven met --set: <code>" + esc(overrides_text(s)) + "</code></p>\n";
  o += "<table class=\"prov\">";
  for (const auto& [k, v] : provenance_rows(s))
    o += "<tr><td>" + esc(k) + "</td><td>" + (k == "Scenariobestanden" ? "<code>" + esc(v) + "</code>" : esc(v)) + "</td></tr>";
  return o + "</table>\n";
}

std::string summary_html(const Scenario& s, const Result& r) {
  const Summary sm = summarize(r);
  std::string o = "<p class=\"zinnen\">";
  for (const auto& z : sm.zinnen) o += esc(z) + " ";
  o += "</p>\n<div class=\"kernjaren\">";
  o += "<div class=\"risico\" data-kern=\"onder-niveau\"><b>" + year_or_never(sm.eerste_onder_niveau) +
       "</b><span>eerste jaar onder het niveau weerstandsvermogen (risico)</span></div>";
  o += "<div class=\"risico\" data-kern=\"onder-nul\"><b>" + year_or_never(sm.eerste_onder_nul) + "</b><span>eerste jaar onder nul (risico)</span></div>";
  o += "<div class=\"vraag\" data-kern=\"niet-bovenmatig\"><b>" + year_or_never(sm.eerste_niet_bovenmatig) +
       "</b><span>eerste jaar niet meer mogelijk bovenmatig (niet boven de signaleringswaarde)</span></div>";
  o += "</div>\n" + eigen_vermogen_chart(s, r) + "\n" + resultaat_chart(s, r) + "\n";
  o += text_table_html(summary_table(r), "summary", "bedragen in euro's") + "\n";
  return o;
}

std::string risk_html(const Scenario& s, const Result& r, const RiskView& risk) {
  std::string o = "<section class=\"risico page-break\"><h2>Risico's en weerstandsvermogen</h2>\n";
  if (!risk.years.empty()) {
    o += "<p class=\"oordeel\" data-kern=\"weerstandsratio\">" + esc(ratio_verdict(risk)) + "</p>\n";
    o += text_table_html(risk_answer_table(risk), "risico", "bedragen in euro's") + "\n<ul class=\"noten\">";
    for (const auto& n : risk_notes(risk)) o += "<li class=\"note\">" + esc(n) + "</li>";
    o += "</ul>\n";
  }
  if (!risk.eigen_vermogen.empty()) o += fan_chart(s, r, risk) + "\n";
  if (!risk.tornado.empty()) o += tornado_chart(s, r, risk) + "\n";
  return o + "</section>\n";
}

std::string comparison_section(const std::vector<ScenarioRun>& runs) {
  const Comparison c = report_comparison(runs);
  const Result& base = *runs[0].result;
  const int n = c.years().size();
  std::string o = "<section class=\"vergelijking\"><h2>Vergelijking van de scenario's</h2>";
  std::vector<Series> ev;
  for (size_t k = 0; k < runs.size(); ++k)
    ev.push_back({"eigen_vermogen", scenario_title(*runs[k].scenario), scenario_color(k), false, runs[k].scenario->name,
                  values_of(*runs[k].result, Line::eigen_vermogen)});
  ev.push_back({"signaleringswaarde", "Signaleringswaarde (" + runs[0].scenario->name + ")", "#d68910", true, runs[0].scenario->name,
                values_of(base, Line::signaleringswaarde)});
  ev.push_back({"weerstandsvermogen_niveau", "Niveau weerstandsvermogen (" + runs[0].scenario->name + ")", "#c0392b", true,
                runs[0].scenario->name, values_of(base, Line::weerstandsvermogen_niveau)});
  o += line_chart("vergelijking-eigen-vermogen", "Eigen vermogen op 31-12 per scenario", base.horizon.first, ev);
  o += "<h3>Elk scenario tegen zijn eigen maatstaven</h3><table class=\"maatstaven\"><thead><tr><th class=\"label\">Scenario</th>"
       "<th>niet meer mogelijk bovenmatig vanaf</th><th>onder het niveau weerstandsvermogen vanaf (risico)</th>"
       "<th>onder nul vanaf (risico)</th></tr></thead><tbody>";
  for (size_t k = 0; k < runs.size(); ++k) {
    const auto& y = c.yardsticks(k);
    o += "<tr data-scenario=\"" + esc(runs[k].scenario->name) + "\"><td class=\"label\">" + esc(scenario_title(*runs[k].scenario)) +
         "</td>" + num_cell(year_or_never(y.onder_signaleringswaarde)) + num_cell(year_or_never(y.onder_niveau)) +
         num_cell(year_or_never(y.onder_nul)) + "</tr>";
  }
  o += "</tbody></table>";
  o += "<h3>Verschillen ten opzichte van " + esc(scenario_title(*runs[0].scenario)) + "</h3>";
  o += "<table class=\"vergelijking\">" + year_head(c.years(), "regel en scenario") + "<tbody>";
  for (Line l : c.lines()) {
    o += "<tr class=\"section\"><td class=\"label\" colspan=\"" + std::to_string(n + 1) + "\">" + esc(base.m().line(l).label) + "</td></tr>";
    for (size_t k = 0; k < runs.size(); ++k) {
      const Result& r = *runs[k].result;
      o += "<tr><td class=\"label i1\">" + esc(runs[k].scenario->name) + "</td>";
      for (int y = c.years().first; y <= c.years().last; ++y) o += num_cell(format_euro(r.c(l, r.horizon.index(y))));
      o += "</tr>";
      if (k == 0) continue;
      o += "<tr class=\"total\" data-line=\"" + base.m().line(l).id + "\" data-scenario=\"" + esc(runs[k].scenario->name) +
           "\"><td class=\"label i2\">verschil</td>";
      for (int y = c.years().first; y <= c.years().last; ++y) o += num_cell(c.delta_text(k, l, y));
      o += "</tr>";
    }
  }
  return o + "</tbody></table></section>";
}

std::string css_string(const std::string& s) {
  std::string o = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') o += '\\';
    if (ch == '\n' || ch == '<' || ch == '>') { o += ' '; continue; }
    o += ch;
  }
  return o + "\"";
}

}  // namespace

std::string render_html(const std::vector<ScenarioRun>& runs, const ReportOptions& opt) {
  const bool many = runs.size() > 1;
  const Scenario& first = *runs[0].scenario;
  const Horizon& h = runs[0].result->horizon;
  const std::string span = "Meerjarenbegroting " + std::to_string(h.first) + "-" + std::to_string(h.last);
  const std::string title = many ? span + ": " + std::to_string(runs.size()) + " scenario's" : span + ": " + scenario_title(first);
  // Every printed page: the scenario (or scenarios) and the run date on top, the page number below.
  std::string kop = many ? std::to_string(runs.size()) + " scenario's: " : "";
  for (size_t k = 0; k < runs.size(); ++k) kop += (k ? "; " : "") + scenario_title(*runs[k].scenario);
  kop += " · run " + opt.run_date;
  std::string o =
      "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      esc(title) + "</title>\n<style>" + kCss + "@page { @top-left { content: " + css_string(kop) +
      "; font-size: 8pt; color: #616e7c; } }\n</style>\n</head>\n<body>\n<header>\n<h1>" + esc(title) + "</h1>\n";
  if (many) {
    for (size_t k = 0; k < runs.size(); ++k) o += "<p class=\"meta\"><b>" + esc(scenario_key(k)) + "</b> " + esc(scenario_title(*runs[k].scenario)) + "</p>" + provenance_html(*runs[k].scenario);
  } else {
    if (!first.description.empty()) o += "<p class=\"meta\">" + esc(first.description) + "</p>\n";
    o += provenance_html(first);
  }
  o += "<p class=\"meta\">Datum van de run: <span class=\"run-date\">" + esc(opt.run_date) + "</span></p>\n</header>\n";
  // Several scenarios: the comparison first (issue 14.5).
  if (many) o += comparison_section(runs) + "\n";
  for (size_t k = 0; k < runs.size(); ++k) {
    const Scenario& s = *runs[k].scenario;
    const Result& r = *runs[k].result;
    o += "<section class=\"scenario" + std::string(k || many ? " page-break" : "") + "\" data-scenario=\"" + esc(s.name) + "\">\n";
    if (many) {
      o += "<h2>" + esc(scenario_title(s)) + "</h2>\n";
      if (!s.description.empty()) o += "<p class=\"meta\">" + esc(s.description) + "</p>\n";
    }
    o += "<section class=\"samenvatting\"><h2>Samenvatting</h2>\n" + summary_html(s, r) + "</section>\n";
    if (k == 0 && opt.risk) o += risk_html(s, r, *opt.risk);
    o += "<h3 class=\"page-break\">" + esc(span) + "</h3>\n";
    o += begroting_table(r) + "\n";
    o += "<h3 class=\"page-break\">Kengetallen en signalen</h3>\n" + kengetallen_table(r) + "\n";
    o += waterbed_chart(s, r) + "\n";
    o += "</section>\n";
  }
  o += "</body>\n</html>\n";
  return o;
}

}  // namespace begroting
