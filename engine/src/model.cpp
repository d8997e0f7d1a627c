// The begrotingsmodel (model.hpp): the built-in structure of chapter 12 and the tree walks.
#include "begroting/model.hpp"

#include <algorithm>
#include <functional>

namespace begroting {

namespace {
using L = Line;

std::shared_ptr<Model> make_builtin() {
  auto m = std::make_shared<Model>();
  m->name = "SWV PO Zuid-Kennemerland (hoofdstuk 12 van het ondersteuningsplan 2024-2028)";
  for (const auto& d : line_table()) {
    ModelLine x;
    x.id = std::string(d.id);
    x.label = std::string(d.label);
    x.kind = d.kind;
    x.unit = d.unit;
    x.reference = std::string(d.reference);
    x.summed = d.kind != LineKind::Memo && d.kind != LineKind::Subtotal;
    x.builtin = true;
    m->lines.push_back(std::move(x));
  }
  m->sections.push_back(ModelSection{"", "", -1, -1, {}, {}});
  auto sec = [&](int parent, std::string id, std::string title, int total) {
    m->sections.push_back(ModelSection{std::move(id), std::move(title), parent, total, {}, {}});
    const int s = static_cast<int>(m->sections.size()) - 1;
    m->sections[static_cast<size_t>(parent)].items.push_back({SectionItem::Kind::Section, s});
    if (total >= 0) m->lines[static_cast<size_t>(total)].section = s;
    return s;
  };
  auto ln = [&](int s, L l) {
    m->sections[static_cast<size_t>(s)].items.push_back({SectionItem::Kind::Line, static_cast<int>(l)});
    m->lines[static_cast<size_t>(l)].section = s;
  };
  auto range = [&](int s, L from, L to) {
    for (int l = static_cast<int>(from); l < static_cast<int>(to); ++l) ln(s, static_cast<L>(l));
  };
  auto blank = [&](int s) { m->sections[static_cast<size_t>(s)].items.push_back({SectionItem::Kind::Blank, -1}); };
  const int baten = sec(0, "baten", "BATEN", static_cast<int>(L::baten_totaal));
  const int rijk = sec(baten, "baten.rijksbijdragen", "I Rijksbijdragen", static_cast<int>(L::rijksbijdragen_totaal));
  range(rijk, L::lichte_ondersteuning, L::rijksbijdragen_totaal);
  const int ob = sec(baten, "baten.overige_baten", "II Overige baten", static_cast<int>(L::overige_baten_totaal));
  range(ob, L::subsidie_hoogbegaafdheid, L::overige_baten_totaal);
  blank(0);
  const int lasten = sec(0, "lasten", "LASTEN", static_cast<int>(L::lasten_totaal));
  const int ov = sec(lasten, "lasten.overdrachten", "I Overdrachten", static_cast<int>(L::overdrachten_totaal));
  const int reg = sec(ov, "lasten.overdrachten.regulier_onderwijs", "Regulier onderwijs", static_cast<int>(L::regulier_subtotaal));
  ln(reg, L::ondersteuningsbedrag_per_leerling);
  range(reg, L::ondersteuningsbedrag_bao, L::regulier_subtotaal);
  const int sbo = sec(ov, "lasten.overdrachten.speciaal_basisonderwijs_en_sbo_plus", "Speciaal basisonderwijs en SBO-plus",
                      static_cast<int>(L::sbo_subtotaal));
  range(sbo, L::sbo_inhouding, L::sbo_subtotaal);
  const int so = sec(ov, "lasten.overdrachten.speciaal_onderwijs", "Speciaal onderwijs", static_cast<int>(L::so_subtotaal));
  range(so, L::so_inhouding, L::so_subtotaal);
  const int mo = sec(lasten, "lasten.management_en_organisatie", "II Management en organisatie", static_cast<int>(L::mo_totaal));
  range(mo, L::personeelskosten, L::mo_totaal);
  const int uo = sec(lasten, "lasten.uitvoeringsorganisatie", "III Uitvoeringsorganisatie swv", static_cast<int>(L::uo_totaal));
  range(uo, L::projecten, L::uo_totaal);
  blank(0);
  for (L l : {L::resultaat, L::eigen_vermogen, L::weerstandsvermogen, L::bestemmingsreserve, L::signaleringswaarde,
              L::boven_signaleringswaarde})
    ln(0, l);
  for (L l : {L::resultaat, L::eigen_vermogen}) m->lines[static_cast<size_t>(l)].emphasis = true;
  for (L l : {L::weerstandsvermogen, L::bestemmingsreserve}) m->lines[static_cast<size_t>(l)].indent = 1;
  for (L l : {L::resultaat, L::eigen_vermogen, L::weerstandsvermogen, L::bestemmingsreserve, L::signaleringswaarde,
              L::boven_signaleringswaarde})
    m->lines[static_cast<size_t>(l)].summed = false;  // below the totals: never summed
  blank(0);
  const int ken = sec(0, "kengetallen", "KENGETALLEN", -1);
  for (L l : {L::rentabiliteit, L::weerstandsvermogen_pct, L::weerstandsvermogen_niveau}) ln(ken, l);
  return m;
}
}  // namespace

std::shared_ptr<const Model> Model::builtin() {
  static const std::shared_ptr<const Model> m = make_builtin();
  return m;
}

int Model::find(std::string_view id) const {
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].id == id) return static_cast<int>(i);
  return -1;
}

int Model::find_section(std::string_view id) const {
  for (size_t i = 0; i < sections.size(); ++i)
    if (sections[i].id == id) return static_cast<int>(i);
  return -1;
}

int Model::depth(int s) const {
  int d = -1;
  while (s > 0) {
    s = sections[static_cast<size_t>(s)].parent;
    ++d;
  }
  return d;
}

int Model::total_of(int s) const {
  while (s >= 0) {
    if (sections[static_cast<size_t>(s)].total >= 0) return sections[static_cast<size_t>(s)].total;
    s = sections[static_cast<size_t>(s)].parent;
  }
  return -1;
}

std::vector<std::pair<int, int>> Model::sum_edges() const {
  std::vector<std::pair<int, int>> out;
  std::function<void(int)> walk = [&](int s) {
    const auto& sec = sections[static_cast<size_t>(s)];
    for (const auto& it : sec.items) {
      if (it.kind == SectionItem::Kind::Line) {
        const auto& l = lines[static_cast<size_t>(it.index)];
        if (!l.summed || l.kind == LineKind::Subtotal) continue;
        const int t = total_of(s);
        if (t >= 0 && t != it.index) out.emplace_back(it.index, t);
      } else if (it.kind == SectionItem::Kind::Section) {
        walk(it.index);
        const auto& sub = sections[static_cast<size_t>(it.index)];
        const int t = total_of(s);
        if (sub.total >= 0 && t >= 0) out.emplace_back(sub.total, t);
      }
    }
  };
  walk(0);
  return out;
}

std::vector<ModelRow> Model::layout() const {
  std::vector<ModelRow> rows;
  std::function<void(int)> walk = [&](int s) {
    const auto& sec = sections[static_cast<size_t>(s)];
    const int d = depth(s);
    if (!sec.title.empty()) rows.push_back({ModelRow::Kind::Section, sec.title, -1, std::max(d, 0), true});
    for (const auto& it : sec.items) {
      if (it.kind == SectionItem::Kind::Blank) rows.push_back({ModelRow::Kind::Blank, "", -1, 0, false});
      else if (it.kind == SectionItem::Kind::Section) walk(it.index);
      else {
        const auto& l = lines[static_cast<size_t>(it.index)];
        rows.push_back({ModelRow::Kind::Line, "", it.index, l.indent >= 0 ? l.indent : d + 1, l.emphasis});
      }
    }
    if (sec.total >= 0) rows.push_back({ModelRow::Kind::Line, "", sec.total, std::max(d, 0), true});
  };
  walk(0);
  return rows;
}

void Model::detach(int line) {
  auto& l = lines[static_cast<size_t>(line)];
  if (l.section < 0) return;
  auto& items = sections[static_cast<size_t>(l.section)].items;
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&](const SectionItem& it) { return it.kind == SectionItem::Kind::Line && it.index == line; }),
              items.end());
  l.section = -1;
}

bool Model::place(int line, int section, int after_line, bool before) {
  auto& items = sections[static_cast<size_t>(section)].items;
  auto pos = items.end();
  if (after_line >= 0) {
    pos = std::find_if(items.begin(), items.end(),
                       [&](const SectionItem& it) { return it.kind == SectionItem::Kind::Line && it.index == after_line; });
    if (pos == items.end()) return false;
    if (!before) ++pos;
  }
  items.insert(pos, {SectionItem::Kind::Line, line});
  lines[static_cast<size_t>(line)].section = section;
  return true;
}

}  // namespace begroting
