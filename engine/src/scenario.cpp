#include "begroting/scenario.hpp"

#include <stdexcept>


namespace begroting {

std::string Provenance::describe() const {
  switch (kind) {
    case Kind::Default: return "standaardwaarde";
    case Kind::File: return str();
    case Kind::Set: return "--set " + text;
  }
  return "?";
}

namespace {
bool in_stromen(const Scenario& s, const std::string& path) {
  const ParamSpec* spec = s.reg().find(path);
  return spec && spec->section == "stromen";
}
}  // namespace

const ParamValue* Scenario::values(const std::string& path) const {
  const auto& m = in_stromen(*this, path) ? stromen : params;
  auto it = m.find(path);
  return it == m.end() ? nullptr : &it->second;
}

double Scenario::value(const std::string& path, int year) const {
  const ParamValue* pv = values(path);
  if (!pv) throw std::out_of_range("parameter ontbreekt: " + path);
  auto jt = pv->by_year.find(year);
  if (jt == pv->by_year.end())
    throw std::out_of_range("parameter " + path + " heeft geen waarde voor " + std::to_string(year));
  return jt->second;
}

const Provenance& Scenario::provenance(const std::string& path, int year) const {
  static const Provenance none{};
  const ParamValue* pv = values(path);
  if (!pv) return none;
  auto jt = pv->provenance.find(year);
  return jt == pv->provenance.end() ? none : jt->second;
}

void Scenario::set(const std::string& path, int year, double v, Provenance p) {
  auto& pv = in_stromen(*this, path) ? stromen[path] : params[path];
  pv.by_year[year] = v;
  pv.provenance[year] = std::move(p);
}

}  // namespace begroting
