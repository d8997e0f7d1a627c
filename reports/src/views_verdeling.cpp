// The non-line parts of the 8.1 views: IKC split per bestuur (8.1.6), vangnet claims (8.1.7).
#include <fmt/format.h>

#include <cmath>
#include <algorithm>
#include <set>

#include "begroting/reports.hpp"
#include "views_detail.hpp"

namespace begroting {

namespace {
nlohmann::json num_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

std::string findings_text(const Result& r, Finding::Kind kind) {
  std::string out;
  for (const auto& f : r.findings)
    if (f.kind == kind) out += "  " + std::to_string(f.year) + ": " + f.message + "\n";
  return out.empty() ? "" : "\nSIGNALEN\n" + out;
}
}  // namespace

void extend_view_json(const std::string& view, const Result& r, nlohmann::ordered_json& j) {
  if (view == "ikc") {
    auto jaren = nlohmann::ordered_json::array();
    for (const auto& y : r.verdeling.ikc) {
      nlohmann::ordered_json e;
      e["jaar"] = y.jaar;
      e["bekostigde_leerlingen"] = y.bekostigd;
      e["leerlingen_later"] = num_or_null(y.later);
      e["afwijking"] = num_or_null(y.afwijking);
      e["binnen_bandbreedte"] = y.binnen_band;
      e["verrekening"] = cents_to_euros(y.verrekening);
      nlohmann::ordered_json b = nlohmann::ordered_json::object();
      for (const auto& [naam, c] : y.per_bestuur) b[naam] = cents_to_euros(c);
      e["per_bestuur"] = b;
      jaren.push_back(e);
    }
    j["ikc_per_jaar"] = jaren;
  }
  if (view == "vangnet") {
    auto claims = nlohmann::ordered_json::array();
    for (const auto& c : r.verdeling.vangnet) {
      nlohmann::ordered_json e;
      e["school"] = c.school;
      e["schooljaar"] = std::to_string(c.schooljaar_eind - 1) + "-" + std::to_string(c.schooljaar_eind);
      e["betaaljaar"] = c.betaaljaar;
      e["groei_sep_feb"] = c.groei_sep_feb;
      e["groei_feb_jun"] = c.groei_feb_jun;
      e["netto_instroom"] = {c.netto_instroom[0], c.netto_instroom[1], c.netto_instroom[2]};
      e["recht_op_vangnet"] = c.recht;
      e["bedrag"] = cents_to_euros(c.bedrag);
      e["in_horizon"] = r.horizon.contains(c.betaaljaar);
      claims.push_back(e);
    }
    j["claims"] = claims;
  }
  auto f = nlohmann::json::array();
  for (const auto& x : r.findings) {
    const bool mine = (view == "ikc" && x.kind == Finding::Kind::IkcBandbreedte) ||
                      (view == "vangnet" && x.kind == Finding::Kind::VangnetOverschrijding);
    if (mine) f.push_back({{"year", x.year}, {"message", x.message}});
  }
  if (view == "ikc" || view == "vangnet") j["findings"] = f;
}

std::string extend_view_table(const std::string& view, const Result& r) {
  std::string out;
  if (view == "ikc") {
    std::vector<std::string> besturen;
    for (const auto& y : r.verdeling.ikc)
      for (const auto& [naam, c] : y.per_bestuur)
        if (std::find(besturen.begin(), besturen.end(), naam) == besturen.end()) besturen.push_back(naam);
    if (besturen.empty()) {
      out += "Verdeling over de besturen: geen verdeelsleutel in het scenario (ikc.verdeelsleutel).\n";
    } else {
      out += "Verdeling van de aanvulling over de besturen (ikc.verdeelsleutel)\n";
      for (const auto& b : besturen) {
        std::string label = "  " + b;
        if (label.size() > 43) label = label.substr(0, 42) + "~";
        std::string line = pad_right(label, 44);
        for (const auto& y : r.verdeling.ikc) {
          Cents c = 0;
          for (const auto& [naam, v] : y.per_bestuur)
            if (naam == b) c = v;
          line += pad_left(format_euro(c), 11);
        }
        out += line + "\n";
      }
    }
    out += "Bandbreedte: binnen de band blijft het bedrag; precies op de grens is binnen.\n";
    out += findings_text(r, Finding::Kind::IkcBandbreedte);
  }
  if (view == "vangnet") {
    if (r.verdeling.vangnet.empty()) out += "Geen vangnettellingen in het scenario (vangnet.tellingen).\n";
    else {
      out += "Tellingen per school en schooljaar (groei sep-feb, groei feb-jun, claim, betaald in)\n";
      for (const auto& c : r.verdeling.vangnet) {
        std::string label = "  " + c.school + " " + std::to_string(c.schooljaar_eind - 1) + "-" + std::to_string(c.schooljaar_eind);
        if (label.size() > 43) label = label.substr(0, 42) + "~";
        out += pad_right(label, 44) + pad_left(format_number(c.groei_sep_feb, 0), 8) + pad_left(format_number(c.groei_feb_jun, 0), 8) +
               pad_left(c.recht ? format_euro(c.bedrag) : "geen recht", 12) + pad_left(std::to_string(c.betaaljaar), 6) +
               (r.horizon.contains(c.betaaljaar) ? "" : " (buiten de horizon)") + "\n";
      }
    }
    out += "De maximale ruimte blijft begroot; claims daarboven staan als overschrijding in de lasten.\n";
    out += findings_text(r, Finding::Kind::VangnetOverschrijding);
  }
  return out;
}

std::string render_scholen(const Scenario& s, const Result& r, const std::string& format) {
  (void)s;
  (void)r;
  (void)format;
  throw std::invalid_argument("--view scholen: nog niet beschikbaar");
}

}  // namespace begroting
