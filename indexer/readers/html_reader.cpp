#include "readers/html_reader.h"

#include <gumbo.h>

#include <array>
#include <memory>
#include <vector>

#include "readers/decode.h"
#include "util/text.h"

namespace foilog {
namespace {

struct GumboOutputDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};
using GumboTree = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

GumboTree parse_html(std::string_view utf8) {
  return GumboTree(gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size()));
}

std::string_view attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? std::string_view{} : std::string_view(a->value);
}

// A text node's text. Gumbo 0.10 can emit bytes that are not UTF-8 for an out-of-range numeric
// character reference ("&#xD89999999;" leaves a stray 0x99), so what is not UTF-8 is read as
// Windows-1252, as everywhere else: the readers promise valid UTF-8 (found by fuzzing).
std::string node_text(const GumboNode* node) {
  return repair_utf8(node->v.text.text);
}

bool has_attribute(const GumboNode* node, const char* name) {
  return gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

// Elements that never hold the response text.
bool is_dropped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

// Site chrome marked up by its role, visibility or class/id names (cookie and consent banners,
// skip links, breadcrumbs) rather than by its tag.
bool is_chrome_by_attributes(const GumboNode* node) {
  const std::string role = ascii_lower(attribute(node, "role"));
  if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "search") {
    return true;
  }
  if (has_attribute(node, "hidden") || ascii_lower(attribute(node, "aria-hidden")) == "true") {
    return true;
  }
  const std::string style = ascii_lower(attribute(node, "style"));
  if (style.find("display:none") != std::string::npos ||
      style.find("display: none") != std::string::npos) {
    return true;
  }
  static const std::array<std::string_view, 7> kChromeNames = {
      "cookie", "consent", "gdpr", "skip-link", "skiplink", "skip-to", "breadcrumb"};
  for (const char* attr : {"id", "class"}) {
    const std::string_view value = attribute(node, attr);
    for (const auto name : kChromeNames) {
      if (icontains(value, name)) {
        return true;
      }
    }
  }
  return false;
}

bool contains_tag(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT) {
    return false;
  }
  if (node->v.element.tag == tag) {
    return true;
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    if (contains_tag(static_cast<const GumboNode*>(children.data[i]), tag)) {
      return true;
    }
  }
  return false;
}

bool is_paragraph_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE:
      return true;
    default:
      return false;
  }
}

bool is_line_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
      return true;
    default:
      return false;
  }
}

// Walks the tree once, writing text with the line structure a reader sees.
class HtmlTextWriter {
 public:
  explicit HtmlTextWriter(bool single_line) : single_line_(single_line) {}

  void write(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        text(node_text(node));
        return;
      case GUMBO_NODE_DOCUMENT:
        children(node);
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        element(node);
        return;
      default:
        return;  // comments
    }
  }

  std::string take() { return std::move(out_); }

 private:
  struct ListState {
    bool ordered = false;
    int next_number = 1;
  };

  void children(const GumboNode* node) {
    const GumboVector& kids =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      write(static_cast<const GumboNode*>(kids.data[i]));
    }
  }

  void element(const GumboNode* node) {
    const GumboTag tag = node->v.element.tag;
    if (is_dropped_tag(tag) || is_chrome_by_attributes(node)) {
      return;
    }
    // A page-level <header>/<footer> is the site's banner and footer; inside <article> or
    // <main> it belongs to the content (a title, a published date). A page-level header that
    // holds the <h1> is the page heading and is kept.
    if (content_depth_ == 0 && ((tag == GUMBO_TAG_HEADER && !contains_tag(node, GUMBO_TAG_H1)) ||
                                tag == GUMBO_TAG_FOOTER)) {
      return;
    }
    switch (tag) {
      case GUMBO_TAG_BR:
        if (inline_only()) {
          pending_space_ = true;
        } else {
          out_ += '\n';
          at_line_start_ = true;
          pending_space_ = false;
        }
        return;
      case GUMBO_TAG_LI:
        list_item(node);
        return;
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
        list(node, tag == GUMBO_TAG_OL);
        return;
      case GUMBO_TAG_TR:
        row(node);
        return;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        cell(node);
        return;
      case GUMBO_TAG_PRE:
        paragraph_break();
        ++pre_depth_;
        children(node);
        --pre_depth_;
        paragraph_break();
        return;
      case GUMBO_TAG_ARTICLE:
      case GUMBO_TAG_MAIN:
        ++content_depth_;
        line_break();
        children(node);
        line_break();
        --content_depth_;
        return;
      default:
        break;
    }
    if (is_paragraph_block(tag)) {
      paragraph_break();
      children(node);
      paragraph_break();
    } else if (is_line_block(tag)) {
      line_break();
      children(node);
      line_break();
    } else {
      children(node);  // inline: a, span, b, i, strong, em, font, sup ...
    }
  }

  void list(const GumboNode* node, bool ordered) {
    ListState state;
    state.ordered = ordered;
    if (ordered) {
      const std::string start(attribute(node, "start"));
      if (!start.empty() && start.find_first_not_of("0123456789") == std::string::npos &&
          start.size() < 6) {
        state.next_number = std::stoi(start);
      }
    }
    if (lists_.empty()) {
      paragraph_break();
    } else {
      line_break();
    }
    lists_.push_back(state);
    children(node);
    lists_.pop_back();
    if (lists_.empty()) {
      paragraph_break();
    } else {
      line_break();
    }
  }

  void list_item(const GumboNode* node) {
    line_break();
    flush_space();
    std::string marker;
    if (!inline_only() && lists_.size() > 1) {
      marker.append(2 * (lists_.size() - 1), ' ');
    }
    marker += "- ";
    if (!lists_.empty() && lists_.back().ordered) {
      const std::string value(attribute(node, "value"));
      if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos &&
          value.size() < 6) {
        lists_.back().next_number = std::stoi(value);
      }
      marker += std::to_string(lists_.back().next_number++) + ". ";
    }
    append_raw(marker);
    children(node);
    line_break();
  }

  void row(const GumboNode* node) {
    line_break();
    const std::size_t row_start = out_.size();
    cells_in_row_.push_back(0);
    children(node);
    cells_in_row_.pop_back();
    // A row of empty cells would leave a line of bare separators.
    if (out_.find_first_not_of(" |\t\n", row_start) == std::string::npos) {
      out_.resize(row_start);
      at_line_start_ = out_.empty() || out_.back() == '\n';
      pending_space_ = false;
    }
    line_break();
  }

  void cell(const GumboNode* node) {
    if (!cells_in_row_.empty()) {
      if (cells_in_row_.back()++ > 0) {
        pending_space_ = false;
        append_raw(" | ");
        pending_space_ = false;
      }
    }
    ++cell_depth_;
    children(node);
    --cell_depth_;
  }

  [[nodiscard]] bool inline_only() const { return single_line_ || cell_depth_ > 0; }

  void text(std::string_view s) {
    if (pre_depth_ > 0 && !inline_only()) {
      out_ += s;
      at_line_start_ = !out_.empty() && out_.back() == '\n';
      return;
    }
    for (const char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space_ = true;
      } else {
        flush_space();
        out_ += c;
        at_line_start_ = false;
      }
    }
  }

  void flush_space() {
    if (pending_space_ && !at_line_start_ && !out_.empty() && out_.back() != ' ') {
      out_ += ' ';
    }
    pending_space_ = false;
  }

  void append_raw(std::string_view s) {
    flush_space();
    out_ += s;
    at_line_start_ = false;
  }

  void line_break() {
    if (inline_only()) {
      pending_space_ = true;
      return;
    }
    if (!at_line_start_ && !out_.empty()) {
      out_ += '\n';
    }
    at_line_start_ = true;
    pending_space_ = false;
  }

  void paragraph_break() {
    if (inline_only()) {
      pending_space_ = true;
      return;
    }
    line_break();
    if (!out_.empty() && out_.size() >= 1 && !(out_.size() >= 2 && out_.ends_with("\n\n"))) {
      out_ += '\n';
    }
  }

  bool single_line_;
  std::string out_;
  bool at_line_start_ = true;
  bool pending_space_ = false;
  int cell_depth_ = 0;
  int pre_depth_ = 0;
  int content_depth_ = 0;
  std::vector<ListState> lists_;
  std::vector<int> cells_in_row_;
};

const GumboNode* find_first(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
    return nullptr;
  }
  if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag) {
    return node;
  }
  const GumboVector& kids =
      node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    if (const GumboNode* hit = find_first(static_cast<const GumboNode*>(kids.data[i]), tag)) {
      return hit;
    }
  }
  return nullptr;
}

void append_text_of(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    out += node_text(node);
    out += ' ';
  } else if (node->type == GUMBO_NODE_ELEMENT) {
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      append_text_of(static_cast<const GumboNode*>(kids.data[i]), out);
    }
  }
}

std::string text_of(const GumboNode* node) {
  std::string raw;
  if (node != nullptr) {
    append_text_of(node, raw);
  }
  return collapse_whitespace(raw);
}

// The canonical address of a saved page: <link rel=canonical>, og:url, or the "saved from url"
// comment browsers write. Extractors read references out of it.
std::string source_url(const GumboNode* root, std::string_view html) {
  std::vector<const GumboNode*> stack{root};
  std::string og_url;
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) {
      continue;
    }
    if (node->v.element.tag == GUMBO_TAG_LINK &&
        ascii_lower(attribute(node, "rel")) == "canonical" && !attribute(node, "href").empty()) {
      return std::string(attribute(node, "href"));
    }
    if (node->v.element.tag == GUMBO_TAG_META && attribute(node, "property") == "og:url") {
      og_url = std::string(attribute(node, "content"));
    }
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
  }
  if (!og_url.empty()) {
    return og_url;
  }
  const std::size_t saved = ifind(html.substr(0, 4096), "saved from url=(");
  if (saved != std::string_view::npos) {
    const std::size_t start = html.find(')', saved);
    const std::size_t end = html.find_first_of(" \t\r\n-", start);
    if (start != std::string_view::npos && end != std::string_view::npos) {
      return std::string(html.substr(start + 1, end - start - 1));
    }
  }
  return {};
}

// <meta charset=...> or http-equiv Content-Type; only consulted when the bytes are not UTF-8.
std::string declared_charset(std::string_view html) {
  const std::string_view head = html.substr(0, 4096);
  const std::size_t at = ifind(head, "charset=");
  if (at == std::string_view::npos) {
    return {};
  }
  std::size_t i = at + 8;
  while (i < head.size() && (head[i] == '"' || head[i] == '\'')) {
    ++i;
  }
  const std::size_t end = head.find_first_of("\"'; />", i);
  return std::string(head.substr(i, end == std::string_view::npos ? 0 : end - i));
}

}  // namespace

DocumentText read_html(std::string_view bytes, const std::string& /*filename*/) {
  const DecodedText decoded = decode_to_utf8(bytes, declared_charset(bytes));
  const GumboTree tree = parse_html(decoded.utf8);
  DocumentText doc;
  doc.format = "html";
  HtmlTextWriter writer(false);
  writer.write(tree->document);
  doc.text = writer.take();
  doc.title = text_of(find_first(tree->document, GUMBO_TAG_TITLE));
  if (doc.title.empty()) {
    doc.title = text_of(find_first(tree->document, GUMBO_TAG_H1));
  }
  if (std::string url = repair_utf8(source_url(tree->root, decoded.utf8)); !url.empty()) {
    doc.metadata["source_url"] = std::move(url);
  }
  if (!decoded.converted_from.empty()) {
    doc.notes.push_back("converted text from " + decoded.converted_from + " to UTF-8");
  }
  return doc;
}

std::string html_fragment_to_text(std::string_view utf8_html, bool single_line) {
  const GumboTree tree = parse_html(utf8_html);
  HtmlTextWriter writer(single_line);
  writer.write(tree->document);
  std::string text = writer.take();
  return std::string(trim(text));
}

}  // namespace foilog
