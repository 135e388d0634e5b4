// Settings of the publishing side of `foilog serve` (--secure-cookies, --max-upload-mb,
// --max-failed-sign-ins, --session-minutes).
#pragma once

#include <chrono>
#include <cstddef>

namespace foilog::web {

struct PublishOptions {
  // Mark cookies Secure. The server speaks plain HTTP behind a TLS-terminating proxy, so it
  // cannot see HTTPS itself: on when --secure-cookies is given or --base-url is https://.
  bool secure_cookies = false;
  std::size_t max_upload_bytes = std::size_t{32} << 20;  // one upload request, all its files
  std::size_t max_form_bytes = std::size_t{1} << 20;     // any other publishing request
  // Failed sign-ins (web form or API token) allowed per client address per window; then 429.
  int max_failed_sign_ins = 10;
  std::chrono::seconds failure_window = std::chrono::minutes(15);
  std::chrono::seconds session_lifetime = std::chrono::hours(8);
};

}  // namespace foilog::web
