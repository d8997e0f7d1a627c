// The one list of signals (issue 12.3): what each kind is (risk, Inspectie question, overleg,
// input check), its id and short label, and the order every output shows them in.
#include <algorithm>

#include "begroting/engine.hpp"

namespace begroting {

FindingAard finding_aard(Finding::Kind k) {
  switch (k) {
    case Finding::Kind::NegatiefEigenVermogen:
    case Finding::Kind::OnderWeerstandsvermogen:
    case Finding::Kind::VangnetOverschrijding: return FindingAard::Risico;
    case Finding::Kind::BovenSignaleringswaarde: return FindingAard::Inspectievraag;
    case Finding::Kind::IkcBandbreedte: return FindingAard::Overleg;
    case Finding::Kind::Other: return FindingAard::Controle;
  }
  return FindingAard::Controle;
}

std::string_view finding_aard_text(FindingAard a) {
  switch (a) {
    case FindingAard::Risico: return "risico";
    case FindingAard::Inspectievraag: return "vraag van de Inspectie";
    case FindingAard::Overleg: return "overleg";
    case FindingAard::Controle: return "controle";
  }
  return "controle";
}

std::string_view finding_id(Finding::Kind k) {
  switch (k) {
    case Finding::Kind::OnderWeerstandsvermogen: return "onder_weerstandsvermogen";
    case Finding::Kind::BovenSignaleringswaarde: return "boven_signaleringswaarde";
    case Finding::Kind::NegatiefEigenVermogen: return "negatief_eigen_vermogen";
    case Finding::Kind::Other: return "overig";
    case Finding::Kind::IkcBandbreedte: return "ikc_bandbreedte_overleg";
    case Finding::Kind::VangnetOverschrijding: return "vangnet_overschrijding";
  }
  return "overig";
}

std::string_view finding_label(Finding::Kind k) {
  switch (k) {
    case Finding::Kind::OnderWeerstandsvermogen: return "onder niveau weerstandsvermogen";
    case Finding::Kind::BovenSignaleringswaarde: return "mogelijk bovenmatig";
    case Finding::Kind::NegatiefEigenVermogen: return "eigen vermogen onder nul";
    case Finding::Kind::Other: return "controle invoer";
    case Finding::Kind::IkcBandbreedte: return "IKC buiten bandbreedte: overleg";
    case Finding::Kind::VangnetOverschrijding: return "vangnet boven budget";
  }
  return "";
}

int finding_rank(Finding::Kind k) {
  switch (k) {
    case Finding::Kind::NegatiefEigenVermogen: return 0;
    case Finding::Kind::OnderWeerstandsvermogen: return 1;
    case Finding::Kind::VangnetOverschrijding: return 2;
    case Finding::Kind::IkcBandbreedte: return 3;
    case Finding::Kind::Other: return 4;
    case Finding::Kind::BovenSignaleringswaarde: return 5;
  }
  return 6;
}

void sort_findings(std::vector<Finding>& f) {
  std::stable_sort(f.begin(), f.end(), [](const Finding& a, const Finding& b) {
    if (a.year != b.year) return a.year < b.year;
    return finding_rank(a.kind) < finding_rank(b.kind);
  });
}

}  // namespace begroting
