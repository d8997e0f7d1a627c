#include "begroting/weerstandsratio.hpp"

#include <limits>

namespace begroting {

__extension__ typedef __int128 Wide;  // 10 x cents can exceed int64

Weerstandsratio weerstandsratio(Cents beschikbaar, Cents benodigd) {
  struct Klasse { int tiende; char k; std::string_view oordeel; };  // lower bound x 10
  static constexpr Klasse kSchaal[] = {{20, 'A', "uitstekend"}, {14, 'B', "ruim voldoende"}, {10, 'C', "voldoende"},
                                       {8, 'D', "matig"},        {6, 'E', "onvoldoende"}};
  Weerstandsratio w;
  if (benodigd <= 0) {
    w.ratio = std::numeric_limits<double>::infinity();
    w.klasse = beschikbaar >= 0 ? 'A' : 'F';
    w.oordeel = beschikbaar >= 0 ? "uitstekend" : "ruim onvoldoende";
    return w;
  }
  w.ratio = static_cast<double>(beschikbaar) / static_cast<double>(benodigd);
  // beschikbaar / benodigd >= t / 10  <=>  10 x beschikbaar >= t x benodigd (benodigd > 0)
  const auto b = static_cast<Wide>(beschikbaar) * 10;
  for (const auto& k : kSchaal)
    if (b >= static_cast<Wide>(benodigd) * k.tiende) {
      w.klasse = k.k;
      w.oordeel = k.oordeel;
      return w;
    }
  w.klasse = 'F';
  w.oordeel = "ruim onvoldoende";
  return w;
}

}  // namespace begroting
