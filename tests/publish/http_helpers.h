// Requests the publishing HTTP tests make again and again.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "publish/publish_server.h"

namespace foilog::publish_testing {

inline nlohmann::json json_of(const httplib::Result& res) {
  if (!res) {
    return nullptr;
  }
  return nlohmann::json::parse(res->body, nullptr, false);
}

// POST /api/publish with one file (and metadata JSON when given).
inline httplib::Result api_upload(const PublishServer& s, const std::string& token,
                                  const std::string& name, const std::string& bytes,
                                  const nlohmann::json& metadata = nullptr) {
  httplib::MultipartFormDataItems items = {{"file", bytes, name, "application/octet-stream"}};
  if (!metadata.is_null()) {
    items.push_back({"metadata", metadata.dump(), "", "application/json"});
  }
  return s.client()->Post("/api/publish", PublishServer::bearer(token), items);
}

inline httplib::Result api_json(const PublishServer& s, const std::string& method,
                                const std::string& path, const std::string& token,
                                const nlohmann::json& body = nlohmann::json::object()) {
  auto c = s.client();
  const auto headers = PublishServer::bearer(token);
  const std::string text = body.dump();
  if (method == "PATCH") {
    return c->Patch(path, headers, text, "application/json");
  }
  if (method == "DELETE") {
    return c->Delete(path, headers, text, "application/json");
  }
  if (method == "POST") {
    return c->Post(path, headers, text, "application/json");
  }
  return c->Get(path, headers);
}

// A letter from West Midlands Police with a word of its own, so searches can find exactly it.
inline std::string letter(const std::string& word, const std::string& reference = "WMP-TEST-1") {
  return "Freedom of Information Request Reference: " + reference +
         "\n\nDear Requester,\n\nThank you for your request received on 4 March 2024 about " +
         word + " patrols.\n\n1. How many " + word +
         " patrols took place in 2023?\n\nResponse: 42 patrols took place. Contact "
         "jane.smith@example.org with questions.\n\nYours sincerely,\nFreedom of Information "
         "Unit\nWest Midlands Police\nDate: 20 March 2024\n";
}

// The ids of one authority's documents, as its token lists them.
inline std::vector<std::int64_t> listed_ids(const PublishServer& s, const std::string& token,
                                            const std::string& query = "") {
  const auto j = json_of(api_json(s, "GET", "/api/publish" + query, token));
  std::vector<std::int64_t> ids;
  for (const auto& d : j["documents"]) {
    ids.push_back(d["id"].get<std::int64_t>());
  }
  return ids;
}

inline bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace foilog::publish_testing
