// Het waterbed (plan 8.1.1): "bij minder verwijzingen naar het SO, SBO en IKC is er direct meer
// geld beschikbaar voor de reguliere basisscholen en andersom". This rule follows the
// rijksbijdrage of each year to where it goes, as memo lines `waterbed.*`, and checks on every
// run that the parts sum to the whole to the cent (IdentityError, exit 3, when they do not).
//
// The whole: W = totaal rijksbijdragen (lichte + zware ondersteuning + impuls smw), hfst 12 I.
// The parts, each an existing line of the budget (no new arithmetic except the SO split):
//   A  inhouding DUO SBO            = lasten ... speciaal basisonderwijs ... inhouding DUO
//   B1 inhouding DUO SO cat. I      = round(SO cat. I pupils x tarief SO cat. I)
//   B2 inhouding DUO SO cat. II     = round(SO cat. II pupils x tarief SO cat. II)
//   B3 inhouding DUO SO cat. III    = SO inhouding line - B1 - B2. Rounding step: the SO line
//      rounds the exact sum of the three products once; category III carries that line's
//      rounding difference (at most 1 cent), so B1 + B2 + B3 is the SO line exactly.
//   C  aanvulling volumebekostiging IKC (8.1.6, after any bandbreedte settlement)
//   D  overige arrangementen gespecialiseerd onderwijs = Gentiaan + intensieve groepen SO3
//      (computed as totaal overdrachten - F - A - SO inhouding - C: a model's own lines count)
//   E  eigen kosten swv = totaal management en organisatie + totaal uitvoeringsorganisatie
//      (computed as totaal lasten - totaal overdrachten)
//      (including any vangnet overrun, 8.1.7)
//   R  ruimte voor reguliere scholen = W - A - B1 - B2 - B3 - C - D - E: what the waterbed
//      leaves for the regular schools (memo, not a part)
//   F  naar reguliere scholen = subtotaal regulier onderwijs (TOP budget after the schools'
//      afdracht for referrals and DWS, TLV op bao, instroom- en terugplaatsingsbudget)
//   G  af: gedekt uit overige baten = - totaal overige baten (these are not rijksbijdrage;
//      computed as -(totaal baten - W))
//   H  naar eigen vermogen = resultaat (negative: drawn from the reserves)
// Identity checked: A + B1 + B2 + B3 + C + D + E + F + G + H = W, in cents, every year.
// It holds because resultaat = baten - lasten and the lasten are exactly these parts; it fails
// only if a line is not summed where the table says (a bug). Equivalently R = F + G + H.
// Timing: every part follows the teldatum 1 February t-1 of its population (DOMAIN 1).
#include "rules.hpp"

namespace begroting::rules {

void waterbed(Ctx& c) {
  using L = Line;
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    const auto k = static_cast<size_t>(i);
    auto& r = c.r;
    const Cents w = r.c(L::rijksbijdragen_totaal, i);
    const Cents a = r.c(L::sbo_inhouding, i);
    const Cents b1 = mul_round(c.in.t_so1[k], r.r(L::leerlingen_so_cat1, i));
    const Cents b2 = mul_round(c.in.t_so2[k], r.r(L::leerlingen_so_cat2, i));
    const Cents b3 = sub_checked(sub_checked(r.c(L::so_inhouding, i), b1), b2);
    const Cents cc = r.c(L::ikc_aanvulling, i);
    // D, E and G from the totals, so the identity holds for any model (a line a model adds or
    // drops lands in its part): in the plan D = Gentiaan + intensieve groepen SO3, E = M&O +
    // uitvoeringsorganisatie, G = - overige baten.
    Cents d = sub_checked(r.c(L::overdrachten_totaal, i), r.c(L::regulier_subtotaal, i));
    for (Cents x : {a, r.c(L::so_inhouding, i), cc}) d = sub_checked(d, x);
    const Cents e = sub_checked(r.c(L::lasten_totaal, i), r.c(L::overdrachten_totaal, i));
    const Cents f = r.c(L::regulier_subtotaal, i);
    const Cents g = -sub_checked(r.c(L::baten_totaal, i), w);
    const Cents h = r.c(L::resultaat, i);
    Cents ruimte = w;
    for (Cents x : {a, b1, b2, b3, cc, d, e}) ruimte = sub_checked(ruimte, x);
    r.c(L::waterbed_rijksbijdragen, i) = w;
    r.c(L::waterbed_inhouding_sbo, i) = a;
    r.c(L::waterbed_inhouding_so_cat1, i) = b1;
    r.c(L::waterbed_inhouding_so_cat2, i) = b2;
    r.c(L::waterbed_inhouding_so_cat3, i) = b3;
    r.c(L::waterbed_aanvulling_ikc, i) = cc;
    r.c(L::waterbed_overig_gespecialiseerd, i) = d;
    r.c(L::waterbed_eigen_kosten, i) = e;
    r.c(L::waterbed_ruimte_regulier, i) = ruimte;
    r.c(L::waterbed_regulier, i) = f;
    r.c(L::waterbed_af_overige_baten, i) = g;
    r.c(L::waterbed_naar_eigen_vermogen, i) = h;
    if (!c.tr) continue;
    auto set = [&](L l, std::string formula, std::vector<TraceTerm> terms, std::string rounding = "exact in centen") {
      auto& t = c.tr->at(l, y);
      t.formula = std::move(formula);
      t.rounding = std::move(rounding);
      t.terms = std::move(terms);
    };
    set(L::waterbed_rijksbijdragen, "totaal rijksbijdragen (8.1.1 waterbed: het geheel)", {line(c, L::rijksbijdragen_totaal, i)});
    set(L::waterbed_inhouding_sbo, "inhouding DUO SBO (8.1.1)", {line(c, L::sbo_inhouding, i)});
    set(L::waterbed_inhouding_so_cat1, "leerlingen SO cat. I x tarief SO cat. I (8.1.1)",
        {line(c, L::leerlingen_so_cat1, i), param("tarief SO cat. I", eur(c.in.t_so1[k]), Unit::EuroPerLeerling, "tarieven.so_cat1", y)},
        "product eenmaal afgerond op de cent");
    set(L::waterbed_inhouding_so_cat2, "leerlingen SO cat. II x tarief SO cat. II (8.1.1)",
        {line(c, L::leerlingen_so_cat2, i), param("tarief SO cat. II", eur(c.in.t_so2[k]), Unit::EuroPerLeerling, "tarieven.so_cat2", y)},
        "product eenmaal afgerond op de cent");
    set(L::waterbed_inhouding_so_cat3, "inhouding DUO SO - cat. I - cat. II (8.1.1)",
        {line(c, L::so_inhouding, i), line(c, L::waterbed_inhouding_so_cat1, i), line(c, L::waterbed_inhouding_so_cat2, i)},
        "cat. III draagt het afrondingsverschil (hooguit 1 cent) van de eenmaal afgeronde SO-regel");
    set(L::waterbed_aanvulling_ikc, "aanvulling volumebekostiging IKC (8.1.6)", {line(c, L::ikc_aanvulling, i)});
    set(L::waterbed_overig_gespecialiseerd,
        "totaal overdrachten - regulier onderwijs - inhoudingen DUO - aanvulling IKC (Gentiaan en intensieve groepen SO3)",
        {line(c, L::overdrachten_totaal, i), line(c, L::regulier_subtotaal, i), line(c, L::sbo_inhouding, i),
         line(c, L::so_inhouding, i), line(c, L::ikc_aanvulling, i)});
    set(L::waterbed_eigen_kosten, "totaal lasten - totaal overdrachten (management en organisatie, uitvoeringsorganisatie)",
        {line(c, L::lasten_totaal, i), line(c, L::overdrachten_totaal, i)});
    set(L::waterbed_ruimte_regulier, "rijksbijdragen - inhoudingen DUO - aanvulling IKC - overige arrangementen - eigen kosten (8.1.1)",
        {line(c, L::waterbed_rijksbijdragen, i), line(c, L::waterbed_inhouding_sbo, i), line(c, L::waterbed_inhouding_so_cat1, i),
         line(c, L::waterbed_inhouding_so_cat2, i), line(c, L::waterbed_inhouding_so_cat3, i), line(c, L::waterbed_aanvulling_ikc, i),
         line(c, L::waterbed_overig_gespecialiseerd, i), line(c, L::waterbed_eigen_kosten, i)});
    set(L::waterbed_regulier, "subtotaal regulier onderwijs (8.1.2-8.1.5)", {line(c, L::regulier_subtotaal, i)});
    set(L::waterbed_af_overige_baten, "- (totaal baten - totaal rijksbijdragen): de overige baten",
        {line(c, L::baten_totaal, i), line(c, L::rijksbijdragen_totaal, i)});
    set(L::waterbed_naar_eigen_vermogen, "resultaat", {line(c, L::resultaat, i)});
  }
  check_waterbed(c.r);
}

}  // namespace begroting::rules

namespace begroting {

void check_waterbed(const Result& r) {
  using L = Line;
  for (int i = 0; i < r.n(); ++i) {
    Cents som = 0;
    for (L part : {L::waterbed_inhouding_sbo, L::waterbed_inhouding_so_cat1, L::waterbed_inhouding_so_cat2,
                   L::waterbed_inhouding_so_cat3, L::waterbed_aanvulling_ikc, L::waterbed_overig_gespecialiseerd,
                   L::waterbed_eigen_kosten, L::waterbed_regulier, L::waterbed_af_overige_baten, L::waterbed_naar_eigen_vermogen})
      som = add_checked(som, r.c(part, i));
    const Cents w = r.c(L::waterbed_rijksbijdragen, i);
    if (som != w)
      throw IdentityError("waterbed " + std::to_string(r.horizon.first + i) + ": de delen tellen op tot " + std::to_string(som) +
                          " cent, de rijksbijdragen zijn " + std::to_string(w) + " cent (verschil " +
                          std::to_string(som - w) + ")");
  }
}

}  // namespace begroting
