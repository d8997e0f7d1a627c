// Command-line arguments shared by compare, solve and explain: a line id with a did-you-mean
// suggestion, a year within the horizon, a range of years.
#pragma once
#include <string>

#include "begroting/lines.hpp"
#include "begroting/model.hpp"
#include "begroting/years.hpp"

namespace begroting::cli {

/// The line with this id in model `m` (the built-in one by default; a scenario's model adds
/// its own lines); else UsageError naming the closest ids ("bedoelt u ...?").
Line line_arg(const std::string& id, const std::string& what, const Model& m = *Model::builtin());
/// A four-digit year; else UsageError.
int year_arg(const std::string& text, const std::string& what);
/// The year must lie in the horizon; else UsageError naming the horizon.
void check_in_horizon(int year, const Horizon& h, const std::string& what);

}  // namespace begroting::cli
