#include "begroting/scenario.hpp"

#include <limits>
#include <stdexcept>

#include "begroting/lines.hpp"

namespace begroting {

std::string_view unit_name(Unit u) {
  switch (u) {
    case Unit::Euro: return "EUR";
    case Unit::EuroPerLeerling: return "EUR per leerling";
    case Unit::Leerlingen: return "leerlingen";
    case Unit::Leerlingjaren: return "leerlingjaren";
    case Unit::Fractie: return "fractie (0,04 = 4%)";
    case Unit::Jaar: return "kalenderjaar";
  }
  return "?";
}

YearRange years_for(Shape s, const Horizon& h) {
  switch (s) {
    case Shape::Single: return {0, 0};
    case Shape::PerYear: return {h.first, h.last};
    case Shape::Teldatum: return {h.first - 1, h.last - 1};
    case Shape::TeldatumGrowth: return {h.first, h.last - 1};
    case Shape::YearGrowth: return {h.first + 1, h.last};
  }
  return {0, 0};
}

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxEuro = 1e11;      // EUR 100 bn: far above any SWV budget, far below int64 cents
constexpr double kMaxPupils = 1e6;

std::vector<ParamSpec> build_schema() {
  std::vector<ParamSpec> s;
  auto add = [&](std::string path, Shape shape, Unit unit, double mn, double mx, bool excl,
                 std::optional<double> def, std::string ref, std::string desc) {
    s.push_back(ParamSpec{std::move(path), shape, unit, mn, mx, excl, def, std::move(ref), std::move(desc)});
  };
  // Population on the teldatum 1 February t-1 (DOMAIN 1: funding of year t follows it).
  const struct { const char* key; const char* ref; const char* desc; } pops[] = {
      {"bo", "8.1.1; DOMAIN 2", "leerlingen regulier basisonderwijs"},
      {"sbo", "8.1.1; DOMAIN 2", "leerlingen speciaal basisonderwijs (eigen leerlingen)"},
      {"so_cat1", "8.1.1; DOMAIN 2", "SO-leerlingen categorie I (laag) van dit swv"},
      {"so_cat2", "8.1.1; DOMAIN 2", "SO-leerlingen categorie II (midden) van dit swv"},
      {"so_cat3", "8.1.1; DOMAIN 2", "SO-leerlingen categorie III (hoog) van dit swv"},
      {"ikc", "8.1.6", "leerlingen IKC Zuid-Kennemerland (alle, ook uit ander swv)"},
      {"ikc_ander_swv", "8.1.6", "IKC-leerlingen uit een ander samenwerkingsverband"},
  };
  for (const auto& p : pops) {
    const std::string base = std::string("leerlingen.") + p.key;
    add(base + ".teldatum", Shape::Teldatum, Unit::Leerlingen, 0, kMaxPupils, false, std::nullopt, p.ref,
        std::string(p.desc) + " op teldatum 1 februari (jaar = teldatum)");
    add(base + ".groei", Shape::TeldatumGrowth, Unit::Fractie, -1.0, 1.0, true, 0.0, p.ref,
        std::string("groei per jaar van ") + p.desc + " (0,02 = 2%)");
  }
  // Tarieven per begrotingsjaar (DUO beschikking; plan 8.1.2 table).
  add("tarieven.lichte_ondersteuning", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, std::nullopt, "8.1.1; DUO 2024", "normbedrag lichte ondersteuning per bo-leerling");
  add("tarieven.zware_ondersteuning", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, std::nullopt, "8.1.1; DUO 2024", "normbedrag zware ondersteuning per bo- en sbo-leerling");
  add("tarieven.sbo", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, std::nullopt, "8.1.2 tabel; DUO 2024", "ondersteuningsbekostiging SBO per leerling (inhouding DUO)");
  add("tarieven.so_cat1", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, std::nullopt, "8.1.2 tabel", "SO categorie I per leerling");
  add("tarieven.so_cat2", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, std::nullopt, "8.1.2 tabel", "SO categorie II per leerling");
  add("tarieven.so_cat3", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, std::nullopt, "8.1.2 tabel", "SO categorie III per leerling");
  add("tarieven.ikc_aandeel_sbo", Shape::PerYear, Unit::Fractie, 0, 1, false, std::nullopt, "8.1.6", "aandeel SBO-tarief in het IKC tarief");
  add("tarieven.ikc_aandeel_so_cat1", Shape::PerYear, Unit::Fractie, 0, 1, false, std::nullopt, "8.1.6", "aandeel SO cat. I-tarief in het IKC tarief");
  // Regulier onderwijs (TOP-initiatief).
  add("regulier_onderwijs.ondersteuningsbedrag_per_leerling", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e5, false, std::nullopt, "8.1.2; hfst 12", "ondersteuningsbedrag per bo-leerling voor aftrek verwijzingen en DWS");
  add("regulier_onderwijs.afdracht_verwijzingen_dws", Shape::PerYear, Unit::Euro, 0, kMaxEuro, false, 0.0, "8.1.2; afgeleid uit hfst 12", "wat scholen afdragen voor verwijzingen (TLV SBO-tarief per plaatsing) en DWS-plaatsen");
  add("regulier_onderwijs.instroom_leerlingjaren", Shape::PerYear, Unit::Leerlingjaren, 0, 1e5, false, 0.0, "8.1.5; hfst 12 I.3", "leerlingjaren instroombudget in het jaar (12 leerlingmaanden = 1)");
  add("regulier_onderwijs.terugplaatsing_leerlingjaren", Shape::PerYear, Unit::Leerlingjaren, 0, 1e5, false, 0.0, "8.1.5; 6.3; hfst 12 I.4", "leerlingjaren terugplaatsingsbudget in het jaar");
  add("regulier_onderwijs.bedrag_instroom_per_leerling_per_jaar", Shape::PerYear, Unit::Euro, 0, 1e6, false, 8000.0, "8.1.5", "instroom- en terugplaatsingsbudget per leerling per jaar (twee jaar)");
  // Personeel.
  add("personeel.personeelskosten_eerste_jaar", Shape::Single, Unit::Euro, 0, kMaxEuro, false, std::nullopt, "hfst 12 II.1", "personeelskosten in het eerste begrotingsjaar");
  add("personeel.groei", Shape::YearGrowth, Unit::Fractie, -1.0, 1.0, true, 0.0, "hfst 12 (+2% per jaar)", "groei personeelskosten per jaar");
  // Calibration: the plan's printed figure minus our driver formula, carried explicitly.
  add("kalibratie.zware_ondersteuning", Shape::PerYear, Unit::Euro, -kMaxEuro, kMaxEuro, false, 0.0, "hfst 12 I.2 minus formule", "verschil tussen de gedrukte zware ondersteuning en (bo + sbo) x tarief");
  // Reserves and supervisor's yardsticks.
  add("reserves.eigen_vermogen_begin", Shape::Single, Unit::Euro, -kMaxEuro, kMaxEuro, false, std::nullopt, "hfst 12 (31-12-2023, na korting OCW)", "eigen vermogen op 31 december van het jaar voor het eerste begrotingsjaar");
  add("reserves.weerstandsvermogen_niveau", Shape::PerYear, Unit::Euro, 0, kMaxEuro, false, std::nullopt, "hfst 12", "gewenst niveau weerstandsvermogen (algemene reserve)");
  add("reserves.bestemmingsreserve_laatste_jaar", Shape::Single, Unit::Jaar, 1900, 9999, false, 9999.0, "hfst 12; Bestedingsplan 2022", "laatste jaar van de bestemmingsreserve; daarna valt zij vrij in de algemene reserve (9999: loopt door)");
  add("reserves.materiele_vaste_activa", Shape::PerYear, Unit::Euro, 0, kMaxEuro, false, 0.0, "niet in het plan: 0", "materiele vaste activa op 31-12 (voor weerstandsvermogen %)");
  add("signaleringswaarde.percentage_baten", Shape::PerYear, Unit::Fractie, 0, 1, false, 0.035, "Inspectie; hfst 12", "signaleringswaarde als deel van de totale baten");
  add("signaleringswaarde.minimum", Shape::PerYear, Unit::Euro, 0, kMaxEuro, false, 250000.0, "Inspectie", "minimum signaleringswaarde");
  // Paragraph 8.1 rules. A NaN default means "not given" (the rule then does nothing).
  const double kNietOpgegeven = std::numeric_limits<double>::quiet_NaN();
  add("ikc.bandbreedte", Shape::PerYear, Unit::Fractie, 0, 1, false, 0.03, "8.1.6", "bandbreedte: groei of krimp van het IKC tot dit deel verandert het bedrag niet (0,03 = 3%)");
  add("ikc.teldatum_later", Shape::PerYear, Unit::Leerlingen, 0, kMaxPupils, false, kNietOpgegeven, "8.1.6", "IKC-leerlingen op een latere teldatum in het begrotingsjaar (weglaten: geen toets)");
  add("vangnet.fractie_jaar", Shape::Single, Unit::Fractie, 0, 1, false, kNietOpgegeven, "8.1.7", "deel van een jaar dat het swv per netto ingestroomde leerling betaalt (verplicht bij vangnet.tellingen)");
  add("top.tlv_sbo_tarief", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, 6635.0, "8.1.2 tabel (IKC plaatsing inhouding bij bao)", "wat een school per plaatsing in SBO/IKC of SO afdraagt (landelijk TLV SBO-tarief)");
  add("top.dws_prijs", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, kNietOpgegeven, "8.1.2 (DWS per jaar ingekocht)", "prijs van een Day a Week School-plaats per jaar (nodig met een scholenbestand)");
  add("top.tlv_op_bao_per_leerling", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, kNietOpgegeven, "8.1.4", "TLV-op-bao-middelen per leerling per jaar (nodig met een scholenbestand)");
  // One amount per line the plan gives without derivation.
  for (const auto& d : line_table())
    if (d.kind == LineKind::Amount)
      add("bedragen." + std::string(d.id), Shape::PerYear, Unit::Euro, -kMaxEuro, kMaxEuro, false, 0.0,
          std::string(d.reference), std::string(d.label) + " (bedrag uit het plan, geen afleiding)");
  (void)kInf;
  return s;
}
}  // namespace

const std::vector<ParamSpec>& schema() {
  static const std::vector<ParamSpec> s = build_schema();
  return s;
}

const ParamSpec* find_spec(std::string_view path) {
  for (const auto& p : schema())
    if (p.path == path) return &p;
  return nullptr;
}

std::string Provenance::describe() const {
  switch (kind) {
    case Kind::Default: return "standaardwaarde";
    case Kind::File: return file + ":" + std::to_string(line) + ":" + std::to_string(column);
    case Kind::Set: return "--set " + text;
  }
  return "?";
}

double Scenario::value(const std::string& path, int year) const {
  auto it = params.find(path);
  if (it == params.end()) throw std::out_of_range("parameter ontbreekt: " + path);
  auto jt = it->second.by_year.find(year);
  if (jt == it->second.by_year.end())
    throw std::out_of_range("parameter " + path + " heeft geen waarde voor " + std::to_string(year));
  return jt->second;
}

const Provenance& Scenario::provenance(const std::string& path, int year) const {
  static const Provenance none{};
  auto it = params.find(path);
  if (it == params.end()) return none;
  auto jt = it->second.provenance.find(year);
  return jt == it->second.provenance.end() ? none : jt->second;
}

void Scenario::set(const std::string& path, int year, double v, Provenance p) {
  auto& pv = params[path];
  pv.by_year[year] = v;
  pv.provenance[year] = std::move(p);
}

}  // namespace begroting
