#include "readers/email_reader.h"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#include <vector>

#include "readers/format.h"
#include "readers/html_reader.h"
#include "readers/reader.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

struct GObjectUnref {
  void operator()(void* p) const { g_object_unref(p); }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
  void operator()(void* p) const { g_free(p); }
};
using GString = std::unique_ptr<char, GFree>;

std::string take_string(char* s) {
  const GString owned(s);
  return owned ? std::string(owned.get()) : std::string();
}

struct PartInfo {
  GMimeObject* object = nullptr;
  std::string mime_type;  // lower case, "text/plain"
  std::string filename;
  bool attachment = false;
};

void collect_part(GMimeObject* /*parent*/, GMimeObject* part, gpointer data) {
  if (!GMIME_IS_PART(part)) {
    return;  // multipart containers and attached messages are walked by gmime itself
  }
  auto* parts = static_cast<std::vector<PartInfo>*>(data);
  PartInfo info;
  info.object = part;
  info.mime_type = ascii_lower(repair_utf8(
      take_string(g_mime_content_type_get_mime_type(g_mime_object_get_content_type(part)))));
  const char* name = g_mime_part_get_filename(GMIME_PART(part));
  // A file name is a header parameter: raw bytes come back as they are (see read_email's
  // headers), and the name goes into the text and the notes (found by fuzzing).
  info.filename = name != nullptr ? repair_utf8(name) : "";
  info.attachment = g_mime_part_is_attachment(GMIME_PART(part)) != FALSE || !info.filename.empty();
  parts->push_back(std::move(info));
}

// Transfer-decoded bytes of a part (base64 / quoted-printable undone).
std::string part_bytes(GMimeObject* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(GMIME_PART(part));
  if (content == nullptr) {
    return {};
  }
  const GPtr<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, stream.get());
  const GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

// A text part converted from its declared charset to UTF-8 by gmime. gmime hands back the raw
// bytes when it does not know the charset (or none is declared and they are not UTF-8), so what
// is still not UTF-8 is read as Windows-1252, as the text reader does (found by fuzzing).
std::string part_text(GMimeObject* part) {
  if (GMIME_IS_TEXT_PART(part)) {
    return repair_utf8(take_string(g_mime_text_part_get_text(GMIME_TEXT_PART(part))));
  }
  return repair_utf8(part_bytes(part));
}

std::string address_list(InternetAddressList* list) {
  if (list == nullptr || internet_address_list_length(list) == 0) {
    return {};
  }
  return take_string(internet_address_list_to_string(list, nullptr, FALSE));
}

void ensure_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

// Attachments worth reading: the response letter itself and anything that is text.
bool is_readable_attachment(const std::string& mime_type, const std::string& name) {
  const std::string ext = lower_extension(name);
  return mime_type == "application/pdf" || mime_type.starts_with("text/") ||
         mime_type.find("wordprocessingml") != std::string::npos || ext == ".pdf" ||
         ext == ".docx" || ext == ".txt" || ext == ".html" || ext == ".htm" || ext == ".md";
}

}  // namespace

DocumentText read_email(std::string_view bytes, const std::string& filename) {
  ensure_gmime();
  const GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  const GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  const GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  if (!message) {
    throw IngestError(filename, "e-mail is damaged: gmime could not parse the message headers");
  }

  DocumentText doc;
  doc.format = "email";
  // Header bytes outside RFC 2047's encoded words come back from gmime as they are, in no
  // declared charset: read what is not UTF-8 as Windows-1252, as for text parts (found by
  // fuzzing: raw bytes in a To line).
  const auto set = [&](const char* key, std::string value) {
    value = collapse_whitespace(repair_utf8(value));
    if (!value.empty()) {
      doc.metadata[key] = std::move(value);
    }
  };
  set("email.from", address_list(g_mime_message_get_from(message.get())));
  set("email.to", address_list(g_mime_message_get_to(message.get())));
  if (const char* subject = g_mime_message_get_subject(message.get())) {
    set("email.subject", subject);
    doc.title = collapse_whitespace(repair_utf8(subject));
  }
  if (GDateTime* date = g_mime_message_get_date(message.get())) {
    set("email.date", take_string(g_date_time_format(date, "%Y-%m-%d")));
  }

  std::vector<PartInfo> parts;
  g_mime_message_foreach(message.get(), collect_part, &parts);
  const PartInfo* body = nullptr;
  for (const char* wanted : {"text/plain", "text/html"}) {
    for (const auto& p : parts) {
      if (body == nullptr && !p.attachment && p.mime_type == wanted) {
        body = &p;
      }
    }
  }
  if (body != nullptr) {
    const std::string text = part_text(body->object);
    doc.text = body->mime_type == "text/html" ? read_html(text, filename).text : text;
  }

  for (const auto& p : parts) {
    if (&p == body || !p.attachment) {
      continue;
    }
    const std::string name = p.filename.empty() ? "unnamed (" + p.mime_type + ")" : p.filename;
    if (!is_readable_attachment(p.mime_type, name)) {
      doc.notes.push_back("attachment " + name + " not read: " + p.mime_type +
                          " is not a document format");
      continue;
    }
    try {
      const std::string content = part_bytes(p.object);
      if (looks_like_email(content)) {
        continue;  // no nesting: a forwarded message is its own document
      }
      const DocumentText attached = read_document(content, name);
      doc.text += "\n\n--- attachment: " + name + " ---\n" + attached.text + "\n";
      doc.ocr = doc.ocr || attached.ocr;
      for (const auto& note : attached.notes) {
        doc.notes.push_back(name + ": " + note);
      }
    } catch (const IngestError& e) {
      doc.notes.push_back("attachment " + name + " not read: " + e.reason());
    }
  }
  return doc;
}

}  // namespace foilog
