#include "begroting/lines.hpp"

namespace begroting {

namespace {
using L = Line;
using K = LineKind;
constexpr auto E = Unit::Euro;
constexpr auto EPL = Unit::EuroPerLeerling;
constexpr auto LL = Unit::Leerlingen;
constexpr auto F = Unit::Fractie;
constexpr std::optional<Line> none = std::nullopt;

// Order must follow enum Line exactly (checked below and in tests/test_lines.cpp).
constexpr std::array<LineDef, kLineCount> kTable{{
  {L::lichte_ondersteuning, "baten.rijksbijdragen.lichte_ondersteuning", "Lichte ondersteuning", K::Computed, E, L::rijksbijdragen_totaal, 1, "8.1.1; hfst 12 I.1"},
  {L::zware_ondersteuning, "baten.rijksbijdragen.zware_ondersteuning", "Zware ondersteuning", K::Computed, E, L::rijksbijdragen_totaal, 1, "8.1.1; hfst 12 I.2"},
  {L::impuls_smw, "baten.rijksbijdragen.impuls_smw_risicoleerlingen", "Impuls smw/risicoleerlingen", K::Amount, E, L::rijksbijdragen_totaal, 1, "hfst 12 I.3"},
  {L::rijksbijdragen_totaal, "baten.rijksbijdragen.totaal", "Totaal rijksbijdragen", K::Subtotal, E, L::baten_totaal, 1, "hfst 12 I"},
  {L::subsidie_hoogbegaafdheid, "baten.overige_baten.subsidie_hoog_meerbegaafdheid", "Subsidie hoog/meerbegaafdheid", K::Amount, E, L::overige_baten_totaal, 1, "hfst 12 II.1"},
  {L::middelen_hdt, "baten.overige_baten.middelen_hdt", "Middelen HDT", K::Amount, E, L::overige_baten_totaal, 1, "hfst 12 II.2"},
  {L::ikc_ander_swv, "baten.overige_baten.volumebekostiging_ikc_ander_swv", "Volumebekostiging IKC ander swv", K::Computed, E, L::overige_baten_totaal, 1, "8.1.6; hfst 12 II.3"},
  {L::rentebaten, "baten.overige_baten.rentebaten", "Rentebaten", K::Amount, E, L::overige_baten_totaal, 1, "hfst 12 II.4"},
  {L::overige_baten_overig, "baten.overige_baten.overige_baten", "Overige baten", K::Amount, E, L::overige_baten_totaal, 1, "hfst 12 II.5"},
  {L::overige_baten_totaal, "baten.overige_baten.totaal", "Totaal overige baten", K::Subtotal, E, L::baten_totaal, 1, "hfst 12 II"},
  {L::baten_totaal, "baten.totaal", "Totaal baten", K::Subtotal, E, none, 1, "hfst 12"},

  {L::ondersteuningsbedrag_per_leerling, "lasten.overdrachten.regulier_onderwijs.ondersteuningsbedrag_per_leerling", "Bedrag per leerling (voor aftrek)", K::Memo, EPL, none, 1, "8.1.2; hfst 12"},
  {L::ondersteuningsbedrag_bruto, "lasten.overdrachten.regulier_onderwijs.ondersteuningsbedrag_bruto", "Ondersteuningsbedrag voor aftrek", K::Memo, E, none, 1, "8.1.2"},
  {L::afdracht_verwijzingen_dws, "lasten.overdrachten.regulier_onderwijs.afdracht_verwijzingen_dws", "Af: afdracht verwijzingen en DWS", K::Memo, E, none, 1, "8.1.2"},
  {L::plaatsingen_nieuw, "lasten.overdrachten.regulier_onderwijs.plaatsingen_nieuw", "Nieuwe plaatsingen SBO/IKC en SO in t", K::Memo, LL, none, 1, "8.1.2 (afgeleid: groei + uitstroom)"},
  {L::plaatsingen_betaald, "lasten.overdrachten.regulier_onderwijs.plaatsingen_betaald", "Plaatsingen waarvoor scholen in t betalen", K::Memo, LL, none, 1, "8.1.2 (top.plaatsing_jaren)"},
  {L::ondersteuningsbedrag_bao, "lasten.overdrachten.regulier_onderwijs.ondersteuningsbedrag_bao", "Ondersteuningsbedrag bao", K::Computed, E, L::regulier_subtotaal, 1, "8.1.2; hfst 12 I.1"},
  {L::tlv_op_bao, "lasten.overdrachten.regulier_onderwijs.tlv_op_bao", "TLV op bao", K::Amount, E, L::regulier_subtotaal, 1, "8.1.4; hfst 12 I.2"},
  {L::instroombudget, "lasten.overdrachten.regulier_onderwijs.instroombudget", "Instroombudget", K::Computed, E, L::regulier_subtotaal, 1, "8.1.5; hfst 12 I.3"},
  {L::terugplaatsing, "lasten.overdrachten.regulier_onderwijs.terugplaatsingsondersteuning", "Terugplaatsingsondersteuning", K::Computed, E, L::regulier_subtotaal, 1, "8.1.5; hfst 12 I.4"},
  {L::opmaat_afdracht, "lasten.overdrachten.regulier_onderwijs.afdracht_opmaat_klas", "Af: Opmaat klas SO Molenduin", K::Computed, E, L::regulier_subtotaal, 1, "8.1.8"},
  {L::regulier_subtotaal, "lasten.overdrachten.regulier_onderwijs.subtotaal", "Subtotaal regulier onderwijs", K::Subtotal, E, L::overdrachten_totaal, 1, "hfst 12"},
  {L::sbo_inhouding, "lasten.overdrachten.speciaal_basisonderwijs_en_sbo_plus.ondersteuningsbekostiging_inhouding_duo", "Ondersteuningsbekostiging inh. DUO", K::Computed, E, L::sbo_subtotaal, 1, "8.1.1; hfst 12 I.4"},
  {L::ikc_aanvulling, "lasten.overdrachten.speciaal_basisonderwijs_en_sbo_plus.aanvulling_volumebekostiging_ikc", "Aanvulling volumebekostiging IKC", K::Computed, E, L::sbo_subtotaal, 1, "8.1.6; hfst 12 I.5"},
  {L::gentiaan, "lasten.overdrachten.speciaal_basisonderwijs_en_sbo_plus.gentiaan", "Gentiaan", K::Amount, E, L::sbo_subtotaal, 1, "hfst 12 I.6"},
  {L::sbo_subtotaal, "lasten.overdrachten.speciaal_basisonderwijs_en_sbo_plus.subtotaal", "Subtotaal SBO en SBO-plus", K::Subtotal, E, L::overdrachten_totaal, 1, "hfst 12"},
  {L::so_inhouding, "lasten.overdrachten.speciaal_onderwijs.ondersteuningsbekostiging_inhouding_duo", "Ondersteuningsbekostiging inh. DUO", K::Computed, E, L::so_subtotaal, 1, "8.1.1; hfst 12 I.7"},
  {L::so_intensieve_groepen, "lasten.overdrachten.speciaal_onderwijs.instandhouding_intensieve_groepen_so3", "Instandhouding intensieve groepen SO3", K::Amount, E, L::so_subtotaal, 1, "hfst 12 I.8"},
  {L::opmaat_molenduin, "lasten.overdrachten.speciaal_onderwijs.opmaat_klas_so_molenduin", "Opmaat klas SO Molenduin", K::Computed, E, L::so_subtotaal, 1, "8.1.8"},
  {L::so_subtotaal, "lasten.overdrachten.speciaal_onderwijs.subtotaal", "Subtotaal speciaal onderwijs", K::Subtotal, E, L::overdrachten_totaal, 1, "hfst 12"},
  {L::overdrachten_totaal, "lasten.overdrachten.totaal", "Totaal overdrachten", K::Subtotal, E, L::lasten_totaal, 1, "hfst 12 I"},

  {L::personeelskosten, "lasten.management_en_organisatie.personeelskosten", "Personeelskosten", K::Computed, E, L::mo_totaal, 1, "hfst 12 II.1"},
  {L::reiskosten, "lasten.management_en_organisatie.reiskosten_eigen_personeel", "Reiskosten eigen personeel", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.2"},
  {L::representatie_personeel, "lasten.management_en_organisatie.representatie_eigen_personeel", "Representatie eigen personeel (WKR)", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.3"},
  {L::scholing, "lasten.management_en_organisatie.scholingsbudget_eigen_personeel", "Scholingsbudget eigen personeel", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.4"},
  {L::huisvesting, "lasten.management_en_organisatie.huisvestingskosten", "Huisvestingskosten", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.5"},
  {L::ict, "lasten.management_en_organisatie.ict_telefonie", "ICT / telefonie", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.6"},
  {L::bureau, "lasten.management_en_organisatie.bureaukosten", "Bureaukosten", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.7"},
  {L::fin_administratie, "lasten.management_en_organisatie.financiele_administratie_extern", "Financiele administratie extern", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.8"},
  {L::accountant, "lasten.management_en_organisatie.accountantscontrole", "Accountantscontrole", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.9"},
  {L::vergaderkosten, "lasten.management_en_organisatie.vergaderkosten", "Vergaderkosten", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.10"},
  {L::externe_ondersteuning, "lasten.management_en_organisatie.externe_ondersteuning_bestuur", "Externe ondersteuning bestuur", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.11"},
  {L::vergoeding_opr, "lasten.management_en_organisatie.vergoeding_opr", "Vergoeding OPR", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.12"},
  {L::representatie_extern, "lasten.management_en_organisatie.representatie_extern", "Representatie extern", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.13"},
  {L::mo_overig, "lasten.management_en_organisatie.overige_kosten", "Overige kosten M&O", K::Amount, E, L::mo_totaal, 1, "hfst 12 II.14"},
  {L::mo_totaal, "lasten.management_en_organisatie.totaal", "Totaal management en organisatie", K::Subtotal, E, L::lasten_totaal, 1, "hfst 12 II"},

  {L::projecten, "lasten.uitvoeringsorganisatie.projecten", "Projecten", K::Amount, E, L::uo_totaal, 1, "hfst 12 III.1"},
  {L::ontwikkeling_go, "lasten.uitvoeringsorganisatie.ontwikkeling_gespecialiseerd_onderwijs", "Ontwikkeling gespecialiseerd onderwijs", K::Amount, E, L::uo_totaal, 1, "hfst 12 III.2"},
  {L::garantstelling_itk, "lasten.uitvoeringsorganisatie.garantstelling_leerlingen_itk", "Garantstelling leerlingen ITK", K::Amount, E, L::uo_totaal, 1, "hfst 12 III.3"},
  {L::garantstelling_kopklas, "lasten.uitvoeringsorganisatie.garantstelling_kopklas_itk", "Garantstelling Kopklas ITK", K::Amount, E, L::uo_totaal, 1, "hfst 12 III.4"},
  {L::vangnet_ruimte, "lasten.uitvoeringsorganisatie.maximale_ruimte_vangnetconstructie", "Maximale ruimte vangnetconstructie", K::Amount, E, L::uo_totaal, 1, "8.1.7; hfst 12 III.5"},
  {L::vangnet_overschrijding, "lasten.uitvoeringsorganisatie.overschrijding_vangnetconstructie", "Overschrijding vangnetconstructie", K::Computed, E, L::uo_totaal, 1, "8.1.7 (niet in het plan: claims boven de maximale ruimte)"},
  {L::passend_naar_pro, "lasten.uitvoeringsorganisatie.bijdrage_passend_naar_pro", "Bijdrage Passend naar Pro", K::Amount, E, L::uo_totaal, 1, "hfst 12 III.6"},
  {L::onderwijs_jeugdhulp, "lasten.uitvoeringsorganisatie.versterken_onderwijs_jeugdhulp", "Versterken onderwijs jeugdhulp", K::Amount, E, L::uo_totaal, 1, "hfst 12 III.7"},
  {L::expertisepool, "lasten.uitvoeringsorganisatie.expertisepool", "Expertisepool", K::Amount, E, L::uo_totaal, 1, "hfst 12 III.8"},
  {L::organisatie_activiteiten, "lasten.uitvoeringsorganisatie.organisatie_activiteiten", "Organisatie activiteiten", K::Amount, E, L::uo_totaal, 1, "hfst 12 III.10"},
  {L::drukwerk, "lasten.uitvoeringsorganisatie.vormgeving_drukwerk", "Vormgeving en drukwerk", K::Amount, E, L::uo_totaal, 1, "hfst 12 III.11"},
  {L::website, "lasten.uitvoeringsorganisatie.website_webapplicatie", "Website / webapplicatie", K::Amount, E, L::uo_totaal, 1, "hfst 12 III.12"},
  {L::uo_overig, "lasten.uitvoeringsorganisatie.overige_kosten", "Overige kosten uitvoeringsorganisatie", K::Amount, E, L::uo_totaal, 1, "hfst 12 III.13"},
  {L::uo_totaal, "lasten.uitvoeringsorganisatie.totaal", "Totaal uitvoeringsorganisatie", K::Subtotal, E, L::lasten_totaal, 1, "hfst 12 III"},
  {L::lasten_totaal, "lasten.totaal", "Totaal lasten", K::Subtotal, E, none, 1, "hfst 12"},

  {L::resultaat, "resultaat", "Resultaat", K::Computed, E, none, 1, "hfst 12"},
  {L::eigen_vermogen, "eigen_vermogen_31_december", "Eigen vermogen op 31-12", K::Computed, E, none, 1, "hfst 12"},
  {L::weerstandsvermogen, "waarvan_weerstandsvermogen", "waarvan weerstandsvermogen", K::Computed, E, none, 1, "hfst 12"},
  {L::bestemmingsreserve, "waarvan_bestemmingsreserve_ondersteuningsbedrag", "waarvan bestemmingsreserve", K::Computed, E, none, 1, "hfst 12; Bestedingsplan 2022"},
  {L::weerstandsvermogen_niveau, "weerstandsvermogen_niveau", "Gewenst niveau weerstandsvermogen", K::Memo, E, none, 1, "hfst 12"},
  {L::signaleringswaarde, "signaleringswaarde_inspectie", "Signaleringswaarde Inspectie", K::Computed, E, none, 1, "Inspectie; hfst 12"},
  {L::boven_signaleringswaarde, "boven_signaleringswaarde", "Eigen vermogen boven signaleringswaarde", K::Computed, E, none, 1, "Inspectie"},

  {L::rentabiliteit, "kengetallen.rentabiliteit", "Rentabiliteit", K::Memo, F, none, 1, "DOMAIN 4; doel 0%"},
  {L::weerstandsvermogen_pct, "kengetallen.weerstandsvermogen_pct", "Weerstandsvermogen %", K::Memo, F, none, 1, "DOMAIN 4"},

  {L::leerlingen_bo, "leerlingen.bo", "Leerlingen bo (teldatum 1-2 t-1)", K::Memo, LL, none, 1, "8.1.1"},
  {L::leerlingen_sbo, "leerlingen.sbo", "Leerlingen sbo (teldatum 1-2 t-1)", K::Memo, LL, none, 1, "8.1.1"},
  {L::leerlingen_so_cat1, "leerlingen.so_cat1", "Leerlingen SO cat. I (teldatum 1-2 t-1)", K::Memo, LL, none, 1, "8.1.1"},
  {L::leerlingen_so_cat2, "leerlingen.so_cat2", "Leerlingen SO cat. II (teldatum 1-2 t-1)", K::Memo, LL, none, 1, "8.1.1"},
  {L::leerlingen_so_cat3, "leerlingen.so_cat3", "Leerlingen SO cat. III (teldatum 1-2 t-1)", K::Memo, LL, none, 1, "8.1.1"},
  {L::leerlingen_ikc, "leerlingen.ikc", "Leerlingen IKC (teldatum 1-2 t-1)", K::Memo, LL, none, 1, "8.1.6"},
  {L::leerlingen_ikc_ander_swv, "leerlingen.ikc_ander_swv", "IKC-leerlingen uit ander swv (teldatum 1-2 t-1)", K::Memo, LL, none, 1, "8.1.6"},
  {L::ikc_tarief, "tarieven.ikc", "IKC tarief (70% SBO + 30% SO cat. I)", K::Memo, EPL, none, 1, "8.1.6"},

  {L::waterbed_rijksbijdragen, "waterbed.rijksbijdragen", "Rijksbijdragen (het geheel)", K::Memo, E, none, 1, "8.1.1; hfst 12 I"},
  {L::waterbed_inhouding_sbo, "waterbed.inhouding_duo_sbo", "Inhouding DUO SBO", K::Memo, E, none, 1, "8.1.1"},
  {L::waterbed_inhouding_so_cat1, "waterbed.inhouding_duo_so_cat1", "Inhouding DUO SO cat. I", K::Memo, E, none, 1, "8.1.1"},
  {L::waterbed_inhouding_so_cat2, "waterbed.inhouding_duo_so_cat2", "Inhouding DUO SO cat. II", K::Memo, E, none, 1, "8.1.1"},
  {L::waterbed_inhouding_so_cat3, "waterbed.inhouding_duo_so_cat3", "Inhouding DUO SO cat. III", K::Memo, E, none, 1, "8.1.1"},
  {L::waterbed_aanvulling_ikc, "waterbed.aanvulling_volumebekostiging_ikc", "Aanvulling volumebekostiging IKC", K::Memo, E, none, 1, "8.1.6"},
  {L::waterbed_overig_gespecialiseerd, "waterbed.overige_arrangementen_gespecialiseerd", "Gentiaan en intensieve groepen SO3", K::Memo, E, none, 1, "hfst 12 I.6, I.8"},
  {L::waterbed_eigen_kosten, "waterbed.eigen_kosten_swv", "Eigen kosten swv (M&O en uitvoering)", K::Memo, E, none, 1, "8.1.2; hfst 12 II, III"},
  {L::waterbed_ruimte_regulier, "waterbed.ruimte_reguliere_scholen", "Ruimte voor reguliere scholen", K::Memo, E, none, 1, "8.1.1 waterbed"},
  {L::waterbed_regulier, "waterbed.reguliere_scholen", "Naar reguliere scholen (TOP)", K::Memo, E, none, 1, "8.1.2-8.1.5"},
  {L::waterbed_af_overige_baten, "waterbed.af_overige_baten", "Af: gedekt uit overige baten", K::Memo, E, none, 1, "hfst 12 II"},
  {L::waterbed_naar_eigen_vermogen, "waterbed.naar_eigen_vermogen", "Naar (+) / uit (-) eigen vermogen", K::Memo, E, none, 1, "hfst 12 resultaat"},

  {L::ikc_volumebekostiging, "ikc.volumebekostiging", "Volumebekostiging IKC (IKC tarief x lln)", K::Memo, E, none, 1, "8.1.6"},
  {L::ikc_aanvulling_teldatum, "ikc.aanvulling_volgens_teldatum", "Aanvulling swv volgens teldatum 1-2 t-1", K::Memo, E, none, 1, "8.1.6"},
  {L::ikc_leerlingen_later, "ikc.leerlingen_later", "IKC-lln later in t (prognose 1-2-t; 0: geen)", K::Memo, LL, none, 1, "8.1.6 bandbreedte"},
  {L::ikc_afwijking, "ikc.afwijking", "Afwijking t.o.v. bekostigd (0: geen)", K::Memo, F, none, 1, "8.1.6 bandbreedte"},
  {L::ikc_verrekening, "ikc.verrekening_bandbreedte", "Verrekening buiten de bandbreedte", K::Memo, E, none, 1, "8.1.6 bandbreedte"},

  {L::vangnet_claims, "vangnet.claims", "Vangnetclaims (schooljaar t-1/t-1, betaald in t)", K::Memo, E, none, 1, "8.1.7"},

  {L::ocw_korting_bruto, "ocw_korting.bruto", "Korting OCW zware ondersteuning (bruto)", K::Memo, E, none, 1, "hfst 12; maatregel 2023"},
  {L::ocw_korting_opgelegd, "ocw_korting.opgelegd", "Korting OCW opgelegd (tot signaleringswaarde)", K::Memo, E, none, 1, "hfst 12; maatregel 2023"},
}};

constexpr bool table_in_enum_order() {
  for (int i = 0; i < kLineCount; ++i)
    if (static_cast<int>(kTable[static_cast<size_t>(i)].line) != i) return false;
  return true;
}
static_assert(table_in_enum_order(), "line table out of order with enum Line");
}  // namespace

const std::array<LineDef, kLineCount>& line_table() { return kTable; }

std::optional<Line> find_line(std::string_view id) {
  for (const auto& d : kTable)
    if (d.id == id) return d.line;
  return std::nullopt;
}

}  // namespace begroting
