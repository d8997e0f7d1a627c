// The distribution rules of plan paragraph 8.1 as plain data: what a scenario says about the
// IKC agreement (8.1.6), the vangnet counts (8.1.7) and the schools (8.1.2-8.1.5), and what
// the engine computes from them per bestuur, per claim and per school. Filled by the loader
// (loader/src/verdeling.cpp); numeric parameters of these rules live in the schema.
#pragma once
#include "begroting/location.hpp"
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "begroting/money.hpp"

namespace begroting {

/// A calendar date (no time zone, no time).
struct Datum {
  int jaar = 0, maand = 1, dag = 1;
  friend auto operator<=>(const Datum&, const Datum&) = default;
};

/// Where a non-parameter value came from, for messages: "file:line:column".
using Herkomst = SourceLoc;

// ---- 8.1.6 IKC volumebekostiging ----------------------------------------------------------
struct IkcAfspraak {
  /// What happens when the later count lies beyond the bandbreedte. The plan says only that
  /// "overleg" follows; `Geen` (default) flags it and keeps the amount.
  enum class Verrekening { Geen, DeelBuitenBand, Volledig };
  Verrekening verrekening = Verrekening::Geen;
  /// Share of the IKC amount per bestuur, in file order; empty when the scenario gives no key.
  std::vector<std::pair<std::string, double>> verdeelsleutel;
};

// ---- 8.1.7 vangnet -----------------------------------------------------------------------
/// Pupils of one SO cluster 3 school in one school year on the three count dates, by
/// category I, II, III (index 0..2).
struct VangnetTelling {
  std::string school;
  int schooljaar_eind = 0;  ///< the school year (eind-1)-(eind); claims are paid in eind+1
  std::array<double, 3> september{}, februari{}, juni{};
  Herkomst herkomst;
};

// ---- 8.1.2-8.1.5 schools -------------------------------------------------------------------
struct Plaatsingen {
  double sbo_ikc = 0, so_cat1 = 0, so_cat2 = 0, so_cat3 = 0;  ///< placements charged in the year
  double dws = 0;                                              ///< Day a Week School places
  /// Of the placements: pupils with a voorschoolse TLV (TLV D, 6.1.3), not charged to the school.
  double tlv_d = 0;
  [[nodiscard]] double verwijzingen() const { return sbo_ikc + so_cat1 + so_cat2 + so_cat3; }
};

struct Leerlingstroom {
  /// TlvOpBao: a pupil with a TLV op de bao leaving during the school year (8.1.4); only
  /// `vertrek` counts for it (the unused months are settled).
  enum class Soort { Instroom, Terugplaatsing, TlvOpBao };
  Soort soort = Soort::Instroom;
  Datum inschrijving;            ///< enrolment; funded from the first of the next month (not for TlvOpBao)
  std::optional<Datum> vertrek;  ///< last day at the school when the pupil leaves early
  /// Terugplaatsing: the regular school (id) the pupil attended before special education (6.3);
  /// empty: none, or a school outside the file. The budget is paid only when it is not this school.
  std::string vorige_school;
  Herkomst herkomst;
};

struct School {
  std::string id, naam, bestuur;
  /// Internationale Taalklas (8.1.2 "uitzonderingen"): receives no ondersteuningsbedrag and pays
  /// no referrals from its own budget.
  bool itk = false;
  std::map<int, double> leerlingen;       ///< teldatum year -> pupils on 1 February
  std::map<int, Plaatsingen> plaatsingen;  ///< calendar year -> placements charged
  std::map<int, double> tlv_op_bao;        ///< calendar year -> pupils with a TLV on the bao
  /// calendar year -> pupil-weeks in the Opmaat klas SO Molenduin by SO category I, II, III (8.1.8)
  std::map<int, std::array<double, 3>> opmaat;
  std::vector<Leerlingstroom> stromen;
  Herkomst herkomst;
};

/// A bao-bao transfer flagged as such (8.1.3): not a move of house, a pupil with extra needs.
struct BaoBao {
  std::string van, naar;            ///< school ids: referring (old) and receiving (new) school
  Datum overstap;                   ///< date of the transfer
  std::optional<Datum> verwijzing;  ///< date of the placement in SBO/IKC/SO, if it happened
  Herkomst herkomst;
};

struct Scholen {
  std::string bestand;  ///< the schools file as given (resolved path)
  std::vector<std::string> bestanden;  ///< every file read for it (YAML, or the CSV tables), resolved paths
  std::vector<School> scholen;
  std::vector<BaoBao> bao_bao;
};

/// The schools file once read: shared, read only, by the Scenario, its Inputs and every copy of
/// them (a Monte Carlo thread's Inputs, a probe while the risk model is set up), so that copying
/// Inputs does not copy thousands of schools. Reads as a std::optional<Scholen>; assigning a
/// Scholen replaces it.
class ScholenBestand {
 public:
  ScholenBestand() = default;
  ScholenBestand(std::nullopt_t) {}  // NOLINT: as std::optional
  ScholenBestand& operator=(Scholen s) {
    p_ = std::make_shared<const Scholen>(std::move(s));
    return *this;
  }
  ScholenBestand& operator=(std::nullopt_t) {
    p_.reset();
    return *this;
  }
  explicit operator bool() const { return p_ != nullptr; }
  [[nodiscard]] bool has_value() const { return p_ != nullptr; }
  const Scholen& operator*() const { return *p_; }
  const Scholen* operator->() const { return p_.get(); }
  void reset() { p_.reset(); }

 private:
  std::shared_ptr<const Scholen> p_;
};

struct Verdeling {
  IkcAfspraak ikc;
  std::vector<VangnetTelling> vangnet;
  ScholenBestand scholen;
};

/// The schools file as dense numbers per school s and year index i (begrotingsjaar F+i), built
/// once by compile(): everything of the TOP rule (8.1.2-8.1.5) that no parameter changes, so
/// that repeated evaluation (risk, solve) reads arrays and allocates nothing. [s * jaren + i].
struct ScholenTabel {
  int jaren = 0;
  std::vector<double> leerlingen;   ///< given for teldatum 1-2 of F-1+i; NaN: projected (i = 0 always given)
  std::vector<double> plaatsingen;  ///< placements charged in year F+i, after the bao-bao moves (8.1.3)
  std::vector<double> dws;          ///< DWS places in year F+i
  std::vector<double> tlv_op_bao;   ///< pupils with a TLV on the bao in year F+i (8.1.4)
  std::vector<int> maanden_instroom, maanden_terug;  ///< funded pupil-months in year F+i (8.1.5)
  std::array<std::vector<double>, 3> opmaat_weken;   ///< Opmaat pupil-weeks by SO category in year F+i (8.1.8)
  /// 8.1.4: unused TLV-op-bao months settled in year F+i, paid in August of F+i-1 resp. of F+i
  std::vector<int> tlv_maanden_vorig, tlv_maanden_dit;
  /// For the basis per path (rules::scholen_basis): the schools that get an ondersteuningsbedrag
  /// (not ITK), in file order, with their given pupils per year side by side so that one year is
  /// one contiguous row: basis_leerlingen[i * basis_scholen + s]; NaN: projected.
  size_t basis_scholen = 0;
  std::vector<double> basis_leerlingen;
  /// Per year i: every such school has a given whole number of pupils >= 0 (basis_geheel), their
  /// sum and the largest; then the sum of the schools' basis is ondersteuningsbedrag x the sum
  /// of the pupils, exactly (proof in engine/src/rules/scholen.cpp, scholen_basis).
  std::vector<char> basis_geheel;
  std::vector<std::int64_t> basis_som;
  std::vector<double> basis_max;
};

// ---- results -----------------------------------------------------------------------------
struct IkcJaar {
  int jaar = 0;
  double bekostigd = 0;   ///< pupils on 1-2 t-1 (funded)
  double later = 0;       ///< later count in t; NaN when not given and not projected
  bool geprojecteerd = false;  ///< later = the projection's count on 1-2-t (no ikc.teldatum_later)
  double afwijking = 0;   ///< (later - bekostigd) / bekostigd; NaN when not given
  bool binnen_band = true;
  Cents verrekening = 0;  ///< settlement added to the aanvulling
  std::vector<std::pair<std::string, Cents>> per_bestuur;  ///< split of the aanvulling
};

struct VangnetClaim {
  std::string school;
  int schooljaar_eind = 0;
  int betaaljaar = 0;               ///< schooljaar_eind + 1
  double groei_sep_feb = 0, groei_feb_jun = 0;  ///< totals over the categories
  std::array<double, 3> netto_instroom{};        ///< juni - februari per category
  bool recht = false;               ///< groei feb-jun > groei sep-feb
  Cents bedrag = 0;
};

struct SchoolJaar {
  double leerlingen = 0;        ///< on 1-2 t-1
  Cents basis = 0;              ///< leerlingen x ondersteuningsbedrag
  double plaatsingen = 0;       ///< placements charged to this school (after bao-bao)
  Cents afdracht_plaatsingen = 0, afdracht_dws = 0;
  Cents tlv_op_bao = 0, instroom = 0, terugplaatsing = 0;  ///< tlv_op_bao net of tlv_verrekening
  Cents tlv_verrekening = 0;    ///< 8.1.4: unused months of leaving TLV-op-bao pupils, paid back
  double opmaat_weken = 0;      ///< pupil-weeks in the Opmaat klas SO Molenduin (8.1.8), all categories
  Cents opmaat = 0;             ///< what the school pays for them (8.1.8)
  Cents totaal = 0;             ///< basis - afdracht + tlv + instroom + terugplaatsing - opmaat
};

struct SchoolResultaat {
  std::string id, naam, bestuur;
  bool itk = false;  ///< Internationale Taalklas: left out of the spread per pupil (it gets no ondersteuningsbedrag)
  std::vector<SchoolJaar> jaren;  ///< index i = year F+i
};

struct Spreiding {
  double min = 0, max = 0, spreiding = 0;  ///< budget per pupil (EUR); NaN when no pupils
  std::string min_wie, max_wie;
};

struct VerdelingResultaat {
  std::vector<IkcJaar> ikc;            ///< per year
  std::vector<VangnetClaim> vangnet;   ///< per telling
  std::vector<SchoolResultaat> scholen;
  std::vector<SchoolResultaat> besturen;  ///< same shape, summed per bestuur (naam = bestuur)
  std::vector<Spreiding> spreiding_scholen, spreiding_besturen;  ///< per year
  std::vector<Cents> scholen_som;  ///< per year: the sum of the schools' totals (also without detail records)
  void clear() {
    ikc.clear(); vangnet.clear(); scholen.clear(); besturen.clear(); spreiding_scholen.clear(); spreiding_besturen.clear();
    scholen_som.clear();
  }
};

}  // namespace begroting
