#include "tree.hpp"

#include <yaml-cpp/yaml.h>

#include <set>

#include "begroting/loader.hpp"

namespace begroting::detail {

namespace {

// yaml-cpp's Mark is 0-based; ours is 1-based. A node without a mark gets the parent's.
Loc loc_of(const YAML::Mark& m, const std::string& file, const Loc& fallback) {
  if (m.line < 0 || m.column < 0) return fallback;
  return Loc{file, m.line + 1, m.column + 1};
}

constexpr int kMaxDepth = 64;

Tree convert(const YAML::Node& n, const std::string& file, const Loc& fallback, int depth) {
  Tree t;
  t.loc = loc_of(n.Mark(), file, fallback);
  if (depth > kMaxDepth) throw InputError(t.loc.str() + ": te diep genest; een scenario heeft hooguit enkele niveaus");
  switch (n.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      t.kind = Tree::Kind::Null;
      break;
    case YAML::NodeType::Scalar:
      t.kind = Tree::Kind::Scalar;
      t.scalar = n.Scalar();
      t.quoted = n.Tag() == "!";
      break;
    case YAML::NodeType::Sequence:
      t.kind = Tree::Kind::Seq;
      for (const auto& c : n) t.seq.push_back(convert(c, file, t.loc, depth + 1));
      break;
    case YAML::NodeType::Map: {
      t.kind = Tree::Kind::Map;
      std::set<std::string> seen;
      for (auto it = n.begin(); it != n.end(); ++it) {
        const Loc kloc = loc_of(it->first.Mark(), file, t.loc);
        if (!it->first.IsScalar())
          throw InputError(kloc.str() + ": een sleutel moet een naam zijn; verwacht bijvoorbeeld 'groei:'");
        const std::string key = it->first.Scalar();
        if (!seen.insert(key).second)
          throw InputError(kloc.str() + ": sleutel '" + key + "' staat twee keer in dezelfde map; verwacht elke sleutel een keer");
        t.map.emplace_back(key, convert(it->second, file, kloc, depth + 1));
        t.key_locs.push_back(kloc);
      }
      break;
    }
  }
  return t;
}

}  // namespace

Tree parse_yaml(const std::string& text, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    const Loc l = loc_of(e.mark, file, Loc{file, 1, 1});
    throw InputError(l.str() + ": geen geldige YAML (" + e.msg + "); verwacht 'sleutel: waarde' per regel");
  }
  try {
    return convert(root, file, Loc{file, 1, 1}, 0);
  } catch (const YAML::Exception& e) {
    const Loc l = loc_of(e.mark, file, Loc{file, 1, 1});
    throw InputError(l.str() + ": geen geldige YAML (" + e.msg + ")");
  }
}

}  // namespace begroting::detail
