#include "begroting/what_if_page.hpp"

#include <map>
#include <stdexcept>
#include <string_view>

#include "scenario_json.hpp"

namespace begroting::web {
extern const std::string_view kPaginaHtml, kPaginaCss, kPaginaJs, kWerkerJs;
#if BEGROTING_HAVE_WASM
extern const std::string_view kRekenkernJs;
#endif
}  // namespace begroting::web

namespace begroting {

namespace {

std::string html_escape(std::string_view t) {
  std::string o;
  for (char c : t) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

/// JSON inside <script type="application/json">: '<' occurs only inside strings there, and
/// "\u003c" keeps "</script>" or "<!--" in a scenario name from ending the element.
std::string script_json(const nlohmann::json& j) {
  const std::string t = j.dump();
  std::string o;
  o.reserve(t.size());
  for (char c : t) {
    if (c == '<') o += "\\u003c";
    else o += c;
  }
  return o;
}

/// Script text placed inside <script>: must not contain "</script" (checked: the assets are ours).
std::string_view script_text(std::string_view t, const char* what) {
  for (size_t i = t.find("</"); i != std::string_view::npos; i = t.find("</", i + 1)) {
    std::string_view rest = t.substr(i + 2, 6);
    std::string low;
    for (char c : rest) low += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (low == "script") throw std::logic_error(std::string(what) + " bevat </script");
  }
  return t;
}

/// Fill {{NAME}} placeholders of the template in one pass (a value is never scanned again, so
/// a scenario name holding "{{JS}}" stays text). Every placeholder must have a value.
std::string fill(std::string_view tpl, const std::map<std::string, std::string_view>& values) {
  std::string out;
  size_t pos = 0;
  for (size_t at; (at = tpl.find("{{", pos)) != std::string_view::npos;) {
    const size_t end = tpl.find("}}", at);
    if (end == std::string_view::npos) break;
    const std::string key(tpl.substr(at + 2, end - at - 2));
    const auto it = values.find(key);
    if (it == values.end()) throw std::logic_error("pagina.html: onbekende plaatshouder {{" + key + "}}");
    out.append(tpl.substr(pos, at - pos));
    out.append(it->second);
    pos = end + 2;
  }
  out.append(tpl.substr(pos));
  return out;
}

}  // namespace

bool what_if_available() { return BEGROTING_HAVE_WASM != 0; }

std::string render_what_if_page(const Scenario& s, const WhatIfOptions& o) {
#if BEGROTING_HAVE_WASM
  const nlohmann::json data = nlohmann::json::object({{"scenario", scenario_to_json(s)},
                                                       {"bestand", o.bestand},
                                                       {"extends", o.extends_path},
                                                       {"datum", o.run_date},
                                                       {"paden", o.paths},
                                                       {"seed", o.seed},
                                                       {"variant", !s.overrides.empty()},
                                                       {"set", s.overrides}});
  const std::string titel = html_escape(!o.titel.empty() ? o.titel : s.name.empty() ? o.bestand : s.name);
  // The header's provenance: every row but the scenario's name (the title holds it).
  std::string herkomst;
  for (const auto& [k, v] : o.herkomst) {
    if (k == "Scenario") continue;
    herkomst += "<span class=\"herkomst-regel\"><b>" + html_escape(k) + ":</b> " + html_escape(v) + "</span>\n";
  }
  const std::string json = script_json(data);
  return fill(web::kPaginaHtml, {{"TITEL", titel},
                                 {"HERKOMST", herkomst},
                                 {"CSS", web::kPaginaCss},
                                 {"DATA", json},
                                 {"REKENKERN", script_text(web::kRekenkernJs, "de rekenkern")},
                                 {"WERKER", script_text(web::kWerkerJs, "werker.js")},
                                 {"JS", script_text(web::kPaginaJs, "pagina.js")}});
#else
  (void)s;
  (void)o;
  throw std::logic_error("geen WebAssembly in deze build");
#endif
}

}  // namespace begroting
