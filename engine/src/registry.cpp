// The builtin parameter registry (registry.hpp): each parameter of the built-in rules, once,
// with the Inputs field compile() writes it to and bind moves it in.
#include "begroting/registry.hpp"

#include <limits>
#include <stdexcept>

#include "begroting/flows.hpp"
#include "begroting/inputs.hpp"
#include "begroting/lines.hpp"
#include "begroting/names.hpp"

namespace begroting {

std::string_view unit_name(Unit u) { return name_of(u); }

std::string unit_label(const ParamSpec& p) { return p.unit_text.empty() ? std::string(unit_name(p.unit)) : p.unit_text; }

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

int series_origin(Shape s, const Horizon& h) {
  return (s == Shape::Teldatum || s == Shape::TeldatumGrowth) ? h.first - 1 : h.first;
}

const ParamSpec& Registry::add(ParamSpec p) {
  if (p.path.empty()) throw std::invalid_argument("parameterregister: leeg pad");
  if (find(p.path)) throw std::invalid_argument("parameterregister: " + p.path + " bestaat al");
  if (!p.input) p.extra = extras_++;
  index_.emplace(p.path, static_cast<int>(entries_.size()));
  entries_.push_back(std::move(p));
  return entries_.back();
}

const ParamSpec* Registry::find(std::string_view path) const {
  const int i = index_of(path);
  return i < 0 ? nullptr : &entries_[static_cast<size_t>(i)];
}

int Registry::index_of(std::string_view path) const {
  const auto it = index_.find(path);
  return it == index_.end() ? -1 : it->second;
}

namespace {
constexpr double kMaxEuro = 1e11;  // EUR 100 bn: far above any SWV budget, far below int64 cents
// 10 million pupils: room for a national aggregate (the Netherlands has about 1.4 million primary
// pupils) with a wide margin, while every product stays exact in int64 cents: the largest
// tarief (EUR 10^6 = 10^8 cents) x 10^7 pupils = 10^15 cents, far below 9.2 x 10^18, and a
// double holds such a product to well under half a cent (issue 15).
constexpr double kMaxPupils = 1e7;

using Acc = std::function<InputRef(Inputs&)>;
Acc reals(std::vector<double> Inputs::*m) { return [m](Inputs& in) { return InputRef{&(in.*m)}; }; }
Acc money(std::vector<Cents> Inputs::*m) { return [m](Inputs& in) { return InputRef{nullptr, &(in.*m)}; }; }

Registry build() {
  Registry r;
  auto add = [&](std::string path, Shape shape, Unit unit, double mn, double mx, bool excl, std::optional<double> def,
                 std::string ref, std::string desc, Acc input, std::string section = "") {
    r.add(ParamSpec{std::move(path), shape, unit, mn, mx, excl, def, std::move(ref), std::move(desc), std::move(section),
                    std::move(input), -1, ""});
  };
  // Population on the teldatum 1 February t-1 (DOMAIN 1: funding of year t follows it).
  const struct { Pop pop; const char* ref; const char* desc; } pops[] = {
      {Pop::bo, "8.1.1; DOMAIN 2", "leerlingen regulier basisonderwijs"},
      {Pop::sbo, "8.1.1; DOMAIN 2", "leerlingen speciaal basisonderwijs (eigen leerlingen)"},
      {Pop::so_cat1, "8.1.1; DOMAIN 2", "SO-leerlingen categorie I (laag) van dit swv"},
      {Pop::so_cat2, "8.1.1; DOMAIN 2", "SO-leerlingen categorie II (midden) van dit swv"},
      {Pop::so_cat3, "8.1.1; DOMAIN 2", "SO-leerlingen categorie III (hoog) van dit swv"},
      {Pop::ikc, "8.1.6", "leerlingen IKC Zuid-Kennemerland (alle, ook uit ander swv)"},
      {Pop::ikc_ander_swv, "8.1.6", "IKC-leerlingen uit een ander samenwerkingsverband"},
  };
  for (const auto& p : pops) {
    const std::string base = "leerlingen." + std::string(pop_key(p.pop));
    const auto k = static_cast<size_t>(p.pop);
    add(base + ".teldatum", Shape::Teldatum, Unit::Leerlingen, 0, kMaxPupils, false, std::nullopt, p.ref,
        std::string(p.desc) + " op teldatum 1 februari (jaar = teldatum)", [k](Inputs& in) { return InputRef{&in.pop[k].given}; });
    add(base + ".groei", Shape::TeldatumGrowth, Unit::Fractie, -1.0, 1.0, true, 0.0, p.ref,
        std::string("groei per jaar van ") + p.desc + " (0,02 = 2%)", [k](Inputs& in) { return InputRef{&in.pop[k].growth}; });
  }
  // Tarieven per begrotingsjaar (DUO beschikking; plan 8.1.2 table).
  add("tarieven.lichte_ondersteuning", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, std::nullopt, "8.1.1; DUO 2024", "normbedrag lichte ondersteuning per bo-leerling", money(&Inputs::t_lichte));
  add("tarieven.zware_ondersteuning", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, std::nullopt, "8.1.1; DUO 2024", "normbedrag zware ondersteuning per bo- en sbo-leerling", money(&Inputs::t_zware));
  add("tarieven.sbo", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, std::nullopt, "8.1.2 tabel; DUO 2024", "ondersteuningsbekostiging SBO per leerling (inhouding DUO)", money(&Inputs::t_sbo));
  add("tarieven.so_cat1", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, std::nullopt, "8.1.2 tabel", "SO categorie I per leerling", money(&Inputs::t_so1));
  add("tarieven.so_cat2", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, std::nullopt, "8.1.2 tabel", "SO categorie II per leerling", money(&Inputs::t_so2));
  add("tarieven.so_cat3", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, std::nullopt, "8.1.2 tabel", "SO categorie III per leerling", money(&Inputs::t_so3));
  add("tarieven.ikc_aandeel_sbo", Shape::PerYear, Unit::Fractie, 0, 1, false, std::nullopt, "8.1.6", "aandeel SBO-tarief in het IKC tarief", reals(&Inputs::ikc_share_sbo));
  add("tarieven.ikc_aandeel_so_cat1", Shape::PerYear, Unit::Fractie, 0, 1, false, std::nullopt, "8.1.6", "aandeel SO cat. I-tarief in het IKC tarief", reals(&Inputs::ikc_share_so1));
  // Regulier onderwijs (TOP-initiatief).
  add("regulier_onderwijs.ondersteuningsbedrag_per_leerling", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e5, false, std::nullopt, "8.1.2; hfst 12", "ondersteuningsbedrag per bo-leerling voor aftrek verwijzingen en DWS", money(&Inputs::ob_per_leerling));
  add("regulier_onderwijs.afdracht_verwijzingen_dws", Shape::PerYear, Unit::Euro, 0, kMaxEuro, false, std::numeric_limits<double>::quiet_NaN(), "8.1.2",
      "wat scholen afdragen voor verwijzingen en DWS-plaatsen als vast bedrag; gaat boven de driver (weglaten: plaatsingen x TLV SBO-tarief + DWS, rules/afdracht_verwijzingen.cpp)", money(&Inputs::afdracht));
  add("regulier_onderwijs.instroom_leerlingjaren", Shape::PerYear, Unit::Leerlingjaren, 0, 1e5, false, 0.0, "8.1.5; hfst 12 I.3", "leerlingjaren instroombudget in het jaar (12 leerlingmaanden = 1)", reals(&Inputs::instroom_lj));
  add("regulier_onderwijs.terugplaatsing_leerlingjaren", Shape::PerYear, Unit::Leerlingjaren, 0, 1e5, false, 0.0, "8.1.5; 6.3; hfst 12 I.4", "leerlingjaren terugplaatsingsbudget in het jaar", reals(&Inputs::terug_lj));
  add("regulier_onderwijs.bedrag_instroom_per_leerling_per_jaar", Shape::PerYear, Unit::Euro, 0, 1e6, false, 8000.0, "8.1.5", "instroom- en terugplaatsingsbudget per leerling per jaar (twee jaar)", money(&Inputs::bedrag_instroom));
  // Personeel.
  add("personeel.personeelskosten_eerste_jaar", Shape::Single, Unit::Euro, 0, kMaxEuro, false, std::nullopt, "hfst 12 II.1", "personeelskosten in het eerste begrotingsjaar",
      [](Inputs& in) { return InputRef{nullptr, nullptr, nullptr, &in.personeel_first}; });
  add("personeel.groei", Shape::YearGrowth, Unit::Fractie, -1.0, 1.0, true, 0.0, "hfst 12 (+2% per jaar)", "groei personeelskosten per jaar", reals(&Inputs::personeel_groei));
  // Calibration: the plan's printed figure minus our driver formula, carried explicitly.
  add("kalibratie.afdracht_verwijzingen_dws", Shape::PerYear, Unit::Euro, -kMaxEuro, kMaxEuro, false, 0.0, "hfst 12 I.1 minus formule (8.1.2)", "verschil tussen de uit hfst 12 afgeleide afdracht en plaatsingen x TLV SBO-tarief + DWS-plaatsen x prijs", money(&Inputs::kal_afdracht));
  add("kalibratie.zware_ondersteuning", Shape::PerYear, Unit::Euro, -kMaxEuro, kMaxEuro, false, 0.0, "hfst 12 I.2 minus formule", "verschil tussen de gedrukte zware ondersteuning en (bo + sbo) x tarief", money(&Inputs::kal_zware));
  add("ocw_korting.per_leerling", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e5, false, 0.0, "hfst 12; maatregel OCW 2023 (13,50)",
      "korting op het normbedrag zware ondersteuning per bo- en sbo-leerling, elk jaar alleen tot het eigen vermogen de signaleringswaarde bereikt", money(&Inputs::korting_pp));
  // Reserves and supervisor's yardsticks.
  add("reserves.eigen_vermogen_begin", Shape::Single, Unit::Euro, -kMaxEuro, kMaxEuro, false, std::nullopt, "hfst 12 (31-12-2023, na korting OCW)", "eigen vermogen op 31 december van het jaar voor het eerste begrotingsjaar",
      [](Inputs& in) { return InputRef{nullptr, nullptr, nullptr, &in.ev_begin}; });
  add("reserves.weerstandsvermogen_niveau", Shape::PerYear, Unit::Euro, 0, kMaxEuro, false, std::nullopt, "hfst 12", "gewenst niveau weerstandsvermogen (algemene reserve)", money(&Inputs::wv_niveau));
  add("reserves.bestemmingsreserve_laatste_jaar", Shape::Single, Unit::Jaar, 1900, 9999, false, 9999.0, "hfst 12; Bestedingsplan 2022", "laatste jaar van de bestemmingsreserve; daarna valt zij vrij in de algemene reserve (9999: loopt door)",
      [](Inputs& in) { return InputRef{nullptr, nullptr, nullptr, nullptr, &in.bestemmingsreserve_last}; });
  add("reserves.materiele_vaste_activa", Shape::PerYear, Unit::Euro, 0, kMaxEuro, false, 0.0, "niet in het plan: 0", "materiele vaste activa op 31-12 (voor weerstandsvermogen %)", money(&Inputs::mva));
  add("signaleringswaarde.percentage_baten", Shape::PerYear, Unit::Fractie, 0, 1, false, 0.035, "Inspectie; hfst 12", "signaleringswaarde als deel van de totale baten", reals(&Inputs::signal_pct));
  add("signaleringswaarde.minimum", Shape::PerYear, Unit::Euro, 0, kMaxEuro, false, 250000.0, "Inspectie", "minimum signaleringswaarde", money(&Inputs::signal_min));
  // Paragraph 8.1 rules. A NaN default means "not given" (the rule then does nothing; a money
  // parameter not given is 0 in Inputs).
  const double kNietOpgegeven = std::numeric_limits<double>::quiet_NaN();
  add("ikc.bandbreedte", Shape::PerYear, Unit::Fractie, 0, 1, false, 0.03, "8.1.6", "bandbreedte: groei of krimp van het IKC tot dit deel verandert het bedrag niet (0,03 = 3%)", reals(&Inputs::ikc_band));
  add("ikc.teldatum_later", Shape::PerYear, Unit::Leerlingen, 0, kMaxPupils, false, kNietOpgegeven, "8.1.6", "IKC-leerlingen op een latere teldatum in het begrotingsjaar (weglaten: geen toets)", reals(&Inputs::ikc_later));
  add("vangnet.fractie_jaar", Shape::Single, Unit::Fractie, 0, 1, false, kNietOpgegeven, "8.1.7", "deel van een jaar dat het swv per netto ingestroomde leerling betaalt (verplicht bij vangnet.tellingen)",
      [](Inputs& in) { return InputRef{nullptr, nullptr, &in.vangnet_fractie}; });
  add("top.tlv_sbo_tarief", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, 6635.0, "8.1.2 tabel (IKC plaatsing inhouding bij bao)", "wat een school per plaatsing in SBO/IKC of SO afdraagt (landelijk TLV SBO-tarief)", money(&Inputs::top_tlv_sbo));
  add("top.uitstroom_gespecialiseerd", Shape::PerYear, Unit::Fractie, 0, 1, false, 0.21, "8.1.2 (aanname; stromenscenario: SBO 20% + 2%, SO 15% + 1%)", "deel van de leerlingen in SBO/IKC en SO dat per jaar vertrekt en door een nieuwe plaatsing wordt vervangen", reals(&Inputs::top_uitstroom));
  add("top.plaatsing_jaren", Shape::Single, Unit::Leerlingjaren, 0, 10, false, 1.0, "8.1.2 (niet in het plan: aanname 1)", "aantal jaren dat een school per plaatsing het TLV SBO-tarief betaalt (1: eenmalig, in het jaar van de plaatsing)",
      [](Inputs& in) { return InputRef{nullptr, nullptr, &in.top_plaatsing_jaren}; });
  add("top.dws_plaatsen", Shape::PerYear, Unit::Leerlingen, 0, kMaxPupils, false, 0.0, "8.1.2 (niet in het plan)", "Day a Week School-plaatsen die scholen in het jaar inkopen (zonder scholenbestand)", reals(&Inputs::top_dws_plaatsen));
  add("top.dws_prijs", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, kNietOpgegeven, "8.1.2 (DWS per jaar ingekocht)", "prijs van een Day a Week School-plaats per jaar (nodig met een scholenbestand)", money(&Inputs::top_dws_prijs));
  add("top.tlv_op_bao_per_leerling", Shape::PerYear, Unit::EuroPerLeerling, 0, 1e6, false, kNietOpgegeven, "8.1.4", "TLV-op-bao-middelen per leerling per jaar (nodig met een scholenbestand)", money(&Inputs::top_tlv_bao));
  // 8.1.8 Opmaat klas SO Molenduin: weekbedrag = TLV SO-tarief / weken_per_jaar (the divisor is
  // not in the plan: an assumption, rules/opmaat.cpp).
  add("opmaat.weken_per_jaar", Shape::PerYear, Unit::Weken, 1, 53, false, 40.0, "8.1.8; AANNAME: 40 schoolweken (niet in het plan)",
      "deler van het weekbedrag Opmaat klas: het jaartarief TLV SO gedeeld door dit aantal weken", reals(&Inputs::opmaat_weken_per_jaar));
  add("opmaat.leerlingweken_so_cat1", Shape::PerYear, Unit::Weken, 0, 1e6, false, 0.0, "8.1.8",
      "leerlingweken in de Opmaat klas SO Molenduin, TLV SO cat. I, plaatsing tussen 1 februari en de zomervakantie (zonder scholenbestand)", reals(&Inputs::opmaat_lw1));
  add("opmaat.leerlingweken_so_cat2", Shape::PerYear, Unit::Weken, 0, 1e6, false, 0.0, "8.1.8",
      "leerlingweken in de Opmaat klas SO Molenduin, TLV SO cat. II (zonder scholenbestand)", reals(&Inputs::opmaat_lw2));
  add("opmaat.leerlingweken_so_cat3", Shape::PerYear, Unit::Weken, 0, 1e6, false, 0.0, "8.1.8",
      "leerlingweken in de Opmaat klas SO Molenduin, TLV SO cat. III (zonder scholenbestand)", reals(&Inputs::opmaat_lw3));
  // One amount per line the plan gives without derivation.
  for (const auto& d : line_table())
    if (d.kind == LineKind::Amount) {
      const auto k = static_cast<size_t>(d.line);
      add("bedragen." + std::string(d.id), Shape::PerYear, Unit::Euro, -kMaxEuro, kMaxEuro, false, 0.0, std::string(d.reference),
          std::string(d.label) + " (bedrag uit het plan, geen afleiding)", [k](Inputs& in) { return InputRef{nullptr, &in.amounts[k]}; });
    }
  // The pupil-flow model (flows.hpp), only with a section stromen:, in Flow order. Year keys
  // as groei: the value for y moves the counts from teldatum 1-2-(y-1) to 1-2-y.
  const struct { Flow f; const char* key; Unit unit; double max; const char* desc; } flows[] = {
      {Flow::instroom_4_jarigen, "instroom_4_jarigen", Unit::Leerlingen, 1e6, "vierjarigen die per jaar instromen in het bo"},
      {Flow::uitstroom_groep_8, "uitstroom_groep_8", Unit::Fractie, 1, "deel van de bo-leerlingen dat per jaar uitstroomt (na groep 8, verhuizing)"},
      {Flow::uitstroom_sbo, "uitstroom_sbo", Unit::Fractie, 1, "deel van de SBO/IKC-leerlingen dat per jaar uitstroomt"},
      {Flow::uitstroom_so, "uitstroom_so", Unit::Fractie, 1, "deel van de SO-leerlingen dat per jaar uitstroomt"},
      {Flow::verwijzing_sbo, "verwijzing_sbo", Unit::Fractie, 1, "deel van de bo-leerlingen dat per jaar naar SBO/IKC gaat"},
      {Flow::verwijzing_so_cat1, "verwijzing_so_cat1", Unit::Fractie, 1, "deel van de bo-leerlingen dat per jaar naar SO categorie I gaat"},
      {Flow::verwijzing_so_cat2, "verwijzing_so_cat2", Unit::Fractie, 1, "deel van de bo-leerlingen dat per jaar naar SO categorie II gaat"},
      {Flow::verwijzing_so_cat3, "verwijzing_so_cat3", Unit::Fractie, 1, "deel van de bo-leerlingen dat per jaar naar SO categorie III gaat"},
      {Flow::terugplaatsing_sbo, "terugplaatsing_sbo", Unit::Fractie, 1, "deel van de SBO/IKC-leerlingen dat per jaar terugkeert naar het bo"},
      {Flow::terugplaatsing_so, "terugplaatsing_so", Unit::Fractie, 1, "deel van de SO-leerlingen dat per jaar terugkeert naar het bo"},
  };
  for (const auto& f : flows) {
    const auto k = static_cast<size_t>(f.f);
    add(std::string("stromen.") + f.key, Shape::TeldatumGrowth, f.unit, 0.0, f.max, false, std::nullopt, "DOMAIN 1 en 4; plan 8.1.1",
        f.desc, [k](Inputs& in) { return InputRef{&in.flows.rate[k]}; }, "stromen");
  }
  return r;
}
}  // namespace

const Registry& Registry::builtin() { return *builtin_ptr(); }

std::shared_ptr<const Registry> Registry::builtin_ptr() {
  static const std::shared_ptr<const Registry> r = std::make_shared<const Registry>(build());
  return r;
}

const std::vector<ParamSpec>& schema() { return Registry::builtin().entries(); }
const ParamSpec* find_spec(std::string_view path) { return Registry::builtin().find(path); }

}  // namespace begroting
