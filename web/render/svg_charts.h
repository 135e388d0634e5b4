// Charts drawn on the server as SVG images (no links inside: a role="img" must not hold
// controls; the table beside each chart carries the links), so they work without JavaScript, print,
// and carry their own accessible name (role="img" with a <title> and <desc>). Each chart sits
// beside a table of the same numbers on the page. Every label is HTML-escaped here: the output is
// one of the allowlisted raw keys (chart_svg). Colours only through presentation attributes (the
// CSP forbids inline style).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace foilog::web {

struct Bar {
  std::string label;
  double value = 0;         // drawn length, in the chart's unit
  std::string value_label;  // printed at the end of the bar, e.g. "12 (40%)"
};

// Horizontal bars, longest = full width. id: unique on the page (for aria references).
[[nodiscard]] std::string bar_chart(const std::string& id, const std::string& title,
                                    const std::string& description, const std::vector<Bar>& bars);

struct SeriesPoint {
  std::string label;  // x axis: "2021" or "2021-03"
  double value = 0;   // y in [0, 1]
  bool known = true;  // false: no responses in that period (a gap, not zero)
};
struct Series {
  std::string name;
  std::vector<SeriesPoint> points;
};

// Lines over time on a 0–100% axis.
[[nodiscard]] std::string line_chart(const std::string& id, const std::string& title,
                                     const std::string& description,
                                     const std::vector<Series>& series);

// A grid of cells shaded by value / max_value, each cell printing its label.
struct Cell {
  double value = 0;
  std::string label;
};
[[nodiscard]] std::string heat_map(const std::string& id, const std::string& title,
                                   const std::string& description,
                                   const std::vector<std::string>& rows,
                                   const std::vector<std::string>& columns,
                                   const std::vector<std::vector<Cell>>& cells);

}  // namespace foilog::web
