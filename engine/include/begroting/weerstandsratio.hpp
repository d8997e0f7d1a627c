// The weerstandsratio (issue 14.2): available weerstandsvermogen / needed weerstandsvermogen at
// a chosen certainty, with the scale Dutch municipalities use for it (Nederlands Adviesbureau
// voor Risicomanagement, as in most gemeentelijke paragrafen weerstandsvermogen):
//   A >= 2,0 uitstekend; B 1,4-2,0 ruim voldoende; C 1,0-1,4 voldoende; D 0,8-1,0 matig;
//   E 0,6-0,8 onvoldoende; F < 0,6 ruim onvoldoende.
// A boundary value belongs to the better class (1,0 exactly: available equals needed: C).
// The class is decided in exact integer arithmetic on the cents, so a boundary is never lost
// to floating point.
#pragma once
#include <string_view>

#include "begroting/money.hpp"

namespace begroting {

struct Weerstandsratio {
  double ratio = 0;       ///< beschikbaar / benodigd; +inf when nothing is needed
  char klasse = 'F';      ///< 'A' .. 'F'
  std::string_view oordeel;  ///< "uitstekend" .. "ruim onvoldoende"
};

/// Class of beschikbaar / benodigd. benodigd <= 0 (no buffer needed): ratio +inf, class A
/// when beschikbaar >= 0, else F.
Weerstandsratio weerstandsratio(Cents beschikbaar, Cents benodigd);

}  // namespace begroting
