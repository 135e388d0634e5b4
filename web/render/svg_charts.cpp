#include "render/svg_charts.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "render/html.h"

namespace foilog::web {
namespace {

// Colour-blind-safe palette with 3:1 contrast against white for lines and bars.
constexpr std::array<const char*, 6> kPalette = {"#1d70b8", "#d4351c", "#00703c",
                                                 "#4c2c92", "#b58840", "#505a5f"};

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string header(const std::string& id, const std::string& title, const std::string& desc,
                   double width, double height) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" role=\"img\" viewBox=\"0 "
         "0 " +
         num(width) + " " + num(height) + "\" aria-labelledby=\"" + html_escape(id) + "-title " +
         html_escape(id) + "-desc\"><title id=\"" + html_escape(id) + "-title\">" +
         html_escape(title) + "</title><desc id=\"" + html_escape(id) + "-desc\">" +
         html_escape(desc) + "</desc>";
}

std::string text(double x, double y, const std::string& s, const char* anchor = "start",
                 const char* extra = "") {
  // With a class (extra), the stylesheet sets the colour; otherwise it is the text colour.
  const std::string fill = *extra != 0 ? "" : " fill=\"#0b0c0c\"";
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor +
         "\" font-size=\"13\"" + fill + extra + ">" + html_escape(s) + "</text>";
}

std::string shorten(const std::string& s, std::size_t max) {
  if (s.size() <= max) {
    return s;
  }
  std::size_t cut = max - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return s.substr(0, cut) + "…";
}

}  // namespace

std::string bar_chart(const std::string& id, const std::string& title,
                      const std::string& description, const std::vector<Bar>& bars) {
  constexpr double kWidth = 640, kLabel = 230, kRow = 26, kTop = 8, kValue = 90;
  const double height =
      kTop * 2 + kRow * static_cast<double>(std::max<std::size_t>(bars.size(), 1));
  double max = 0;
  for (const auto& b : bars) {
    max = std::max(max, b.value);
  }
  std::string svg = header(id, title, description, kWidth, height);
  const double span = kWidth - kLabel - kValue;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const double y = kTop + kRow * static_cast<double>(i);
    const double w = max > 0 ? span * b.value / max : 0;
    std::string row = text(kLabel - 8, y + 17, shorten(b.label, 28), "end");
    row += "<rect x=\"" + num(kLabel) + "\" y=\"" + num(y + 4) + "\" width=\"" +
           num(std::max(w, 1.0)) + "\" height=\"" + num(kRow - 8) + "\" fill=\"" + kPalette[0] +
           "\"/>";
    row += text(kLabel + w + 6, y + 17, b.value_label);
    svg += row;
  }
  return svg + "</svg>";
}

std::string line_chart(const std::string& id, const std::string& title,
                       const std::string& description, const std::vector<Series>& series) {
  constexpr double kWidth = 640, kHeight = 260, kLeft = 48, kRight = 16, kTop = 12, kBottom = 40;
  std::size_t n = 0;
  for (const auto& s : series) {
    n = std::max(n, s.points.size());
  }
  const double legend = 20.0 * static_cast<double>(series.size());
  std::string svg = header(id, title, description, kWidth, kHeight + legend);
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  auto x_at = [&](std::size_t i) {
    return n <= 1 ? kLeft + plot_w / 2
                  : kLeft + plot_w * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  auto y_at = [&](double v) { return kTop + plot_h * (1 - std::clamp(v, 0.0, 1.0)); };
  for (int pct = 0; pct <= 100; pct += 25) {
    const double y = y_at(pct / 100.0);
    svg += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - kRight) + "\" y1=\"" + num(y) +
           "\" y2=\"" + num(y) + "\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>";
    svg += text(kLeft - 6, y + 4, std::to_string(pct) + "%", "end");
  }
  if (!series.empty()) {
    const auto& labels = series.front().points;
    const std::size_t step = std::max<std::size_t>(1, labels.size() / 8);
    for (std::size_t i = 0; i < labels.size(); i += step) {
      svg += text(x_at(i), kHeight - kBottom + 18, labels[i].label, "middle");
    }
  }
  for (std::size_t s = 0; s < series.size(); ++s) {
    const char* colour = kPalette[s % kPalette.size()];
    std::string path;
    bool pen_down = false;
    for (std::size_t i = 0; i < series[s].points.size(); ++i) {
      const auto& p = series[s].points[i];
      if (!p.known) {
        pen_down = false;
        continue;
      }
      path += (pen_down ? "L" : "M") + num(x_at(i)) + " " + num(y_at(p.value)) + " ";
      pen_down = true;
      svg += "<circle cx=\"" + num(x_at(i)) + "\" cy=\"" + num(y_at(p.value)) +
             "\" r=\"3\" fill=\"" + colour + "\"/>";
    }
    if (!path.empty()) {
      svg +=
          "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"/>";
    }
    const double ly = kHeight + 20.0 * static_cast<double>(s);
    svg += "<rect x=\"" + num(kLeft) + "\" y=\"" + num(ly - 4) +
           "\" width=\"14\" height=\"4\" fill=\"" + colour + "\"/>";
    svg += text(kLeft + 20, ly + 1, series[s].name);
  }
  return svg + "</svg>";
}

std::string heat_map(const std::string& id, const std::string& title,
                     const std::string& description, const std::vector<std::string>& rows,
                     const std::vector<std::string>& columns,
                     const std::vector<std::vector<Cell>>& cells) {
  constexpr double kLabel = 220, kCell = 52, kHead = 36, kRowH = 26;
  const double width =
      kLabel + kCell * static_cast<double>(std::max<std::size_t>(columns.size(), 1)) + 8;
  const double height = kHead + kRowH * static_cast<double>(rows.size()) + 8;
  double max = 0;
  for (const auto& r : cells) {
    for (const auto& c : r) {
      max = std::max(max, c.value);
    }
  }
  std::string svg = header(id, title, description, width, height);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    svg += text(kLabel + kCell * static_cast<double>(c) + kCell / 2, kHead - 10,
                shorten(columns[c], 9), "middle");
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const double y = kHead + kRowH * static_cast<double>(r);
    svg += text(kLabel - 8, y + 17, shorten(rows[r], 30), "end");
    for (std::size_t c = 0; c < columns.size() && c < cells[r].size(); ++c) {
      const Cell& cell = cells[r][c];
      const double t = max > 0 ? cell.value / max : 0;
      // White to GOV.UK blue; text turns white once the cell is dark enough to need it.
      const int red = static_cast<int>(255 - t * (255 - 29));
      const int green = static_cast<int>(255 - t * (255 - 112));
      const int blue = static_cast<int>(255 - t * (255 - 184));
      char fill[16];
      std::snprintf(fill, sizeof fill, "#%02x%02x%02x", red, green, blue);
      const double x = kLabel + kCell * static_cast<double>(c);
      std::string g = "<rect x=\"" + num(x + 1) + "\" y=\"" + num(y + 1) + "\" width=\"" +
                      num(kCell - 2) + "\" height=\"" + num(kRowH - 2) + "\" fill=\"" + fill +
                      "\" stroke=\"#b1b4b6\"/>";
      g += text(x + kCell / 2, y + 17, cell.label, "middle",
                t > 0.55 ? " class=\"app-chart__light\"" : "");
      svg += g;
    }
  }
  return svg + "</svg>";
}

}  // namespace foilog::web
