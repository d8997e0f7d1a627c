// The Dutch word of each enumerated choice a scenario file can make, once: the loader reads
// these words from YAML (with the list of valid words in its message), the scenario JSON of the
// what-if page writes and reads them, and reports print them. One table per enum, so a new
// choice is added in one place and the two directions cannot drift apart.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "begroting/lines.hpp"
#include "begroting/registry.hpp"
#include "begroting/uncertainty.hpp"
#include "begroting/verdeling.hpp"

namespace begroting {

/// `EnumNames<E>::table`: every value of E with its word, in the order messages list them.
template <class E> struct EnumNames;

template <> struct EnumNames<Distribution::Kind> {
  static constexpr std::array<std::pair<Distribution::Kind, std::string_view>, 4> table{{
      {Distribution::Kind::Normaal, "normaal"},
      {Distribution::Kind::Driehoek, "driehoek"},
      {Distribution::Kind::Uniform, "uniform"},
      {Distribution::Kind::Vast, "vast"},
  }};
};
template <> struct EnumNames<Uncertainty::Apply> {
  static constexpr std::array<std::pair<Uncertainty::Apply, std::string_view>, 3> table{{
      {Uncertainty::Apply::Waarde, "waarde"},
      {Uncertainty::Apply::Verschil, "verschil"},
      {Uncertainty::Apply::Factor, "factor"},
  }};
};
template <> struct EnumNames<Uncertainty::Draw> {
  static constexpr std::array<std::pair<Uncertainty::Draw, std::string_view>, 2> table{{
      {Uncertainty::Draw::Eenmalig, "eenmalig"},
      {Uncertainty::Draw::PerJaar, "per_jaar"},
  }};
};
template <> struct EnumNames<IkcAfspraak::Verrekening> {
  static constexpr std::array<std::pair<IkcAfspraak::Verrekening, std::string_view>, 3> table{{
      {IkcAfspraak::Verrekening::Geen, "geen"},
      {IkcAfspraak::Verrekening::DeelBuitenBand, "deel_buiten_band"},
      {IkcAfspraak::Verrekening::Volledig, "volledig"},
  }};
};
template <> struct EnumNames<Leerlingstroom::Soort> {
  static constexpr std::array<std::pair<Leerlingstroom::Soort, std::string_view>, 3> table{{
      {Leerlingstroom::Soort::Instroom, "instroom"},
      {Leerlingstroom::Soort::Terugplaatsing, "terugplaatsing"},
      {Leerlingstroom::Soort::TlvOpBao, "tlv_op_bao"},
  }};
};
template <> struct EnumNames<Shape> {
  static constexpr std::array<std::pair<Shape, std::string_view>, 5> table{{
      {Shape::Single, "enkel"},
      {Shape::PerYear, "per_jaar"},
      {Shape::Teldatum, "teldatum"},
      {Shape::TeldatumGrowth, "groei_teldatum"},
      {Shape::YearGrowth, "groei_jaar"},
  }};
};

template <> struct EnumNames<LineKind> {
  static constexpr std::array<std::pair<LineKind, std::string_view>, 5> table{{
      {LineKind::Amount, "bedrag"},
      {LineKind::Computed, "berekend"},
      {LineKind::Subtotal, "subtotaal"},
      {LineKind::Memo, "memo"},
      {LineKind::Formula, "formule"},
  }};
};
template <> struct EnumNames<Unit> {
  static constexpr std::array<std::pair<Unit, std::string_view>, 7> table{{
      {Unit::Euro, "EUR"},
      {Unit::EuroPerLeerling, "EUR per leerling"},
      {Unit::Leerlingen, "leerlingen"},
      {Unit::Leerlingjaren, "leerlingjaren"},
      {Unit::Fractie, "fractie (0,04 = 4%)"},
      {Unit::Jaar, "kalenderjaar"},
      {Unit::Weken, "weken"},
  }};
};

/// The word of a value. Every value is in its table (test_names checks each enum), so this
/// never returns an empty view for a valid value.
template <class E> constexpr std::string_view name_of(E v) {
  for (const auto& [e, n] : EnumNames<E>::table)
    if (e == v) return n;
  return {};
}

/// The value of a word, or nothing when the word is not one of E's.
template <class E> constexpr std::optional<E> enum_of(std::string_view word) {
  for (const auto& [e, n] : EnumNames<E>::table)
    if (n == word) return e;
  return std::nullopt;
}

/// "a, b of c": the valid words for a Dutch message.
template <class E> std::string names_list() {
  std::string out;
  const auto& t = EnumNames<E>::table;
  for (size_t i = 0; i < t.size(); ++i) {
    if (i) out += i + 1 == t.size() ? " of " : ", ";
    out += t[i].second;
  }
  return out;
}

}  // namespace begroting
