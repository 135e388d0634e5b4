// The views (Mustache data) of the publishing pages: the account bar, the review ("check your
// answers") page with its warnings and Change links, the form that corrects one fact, the
// lists. Routing and writes are in page_routes.cpp; everything a template shows is built here
// and escaped by Mustache (the letter's highlighted text is the one server-built HTML value).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "publish/auth.h"
#include "publish/publish_queries.h"
#include "taxonomy/taxonomies.h"

namespace foilog::web {

// base_view() plus who is signed in, the CSRF token for the page's forms, and the page title.
[[nodiscard]] nlohmann::json publish_view(const std::string& title, const Principal& who);

// "Awaiting review" / "Published" / "Withdrawn", and the tag's colour class.
[[nodiscard]] std::string status_label(const std::string& status);
[[nodiscard]] std::string status_tag_class(const std::string& status);

// A document's name in lists and headings: its reference, else its title, else "Response N".
[[nodiscard]] std::string document_label(std::int64_t id, const std::string& reference,
                                         const std::string& title);

// The review page of one document. error: a message for the publish form (warnings not
// confirmed), banner: what just happened ("Reference corrected").
[[nodiscard]] nlohmann::json review_view(const OwnedDocument& doc, const Principal& who,
                                         const Taxonomies& taxonomies, const std::string& error,
                                         const std::string& banner);

// The form correcting `field` of doc. `submitted`: the values just posted when they were
// refused (shown again with error), else the document's current value.
[[nodiscard]] nlohmann::json change_view(const OwnedDocument& doc, const std::string& field,
                                         const Principal& who, const Taxonomies& taxonomies,
                                         const std::string& error, const nlohmann::json& submitted);

// The label and question a Change page asks ("What is the reference?"); "" for a field that
// has no Change page.
[[nodiscard]] std::string change_question(const std::string& field);

}  // namespace foilog::web
