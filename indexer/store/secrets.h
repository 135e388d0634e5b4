// Secrets the publishing layer hands out (API tokens, session ids, CSRF tokens) and the one way
// they are compared. A secret is never stored: only its SHA-256 is (store/accounts.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace foilog {

// Every API token starts with this, so a token pasted into a URL can be recognised and refused.
inline constexpr std::string_view kTokenPrefix = "foilog_";

// `bytes` bytes from the operating system's CSPRNG (OpenSSL RAND_bytes), base64url without
// padding. Throws DataError when the generator fails (never a weak fallback).
[[nodiscard]] std::string random_secret(std::size_t bytes = 32);

// kTokenPrefix + random_secret(32).
[[nodiscard]] std::string new_api_token();

// Equality whose running time depends only on the lengths, never on where the strings first
// differ (CRYPTO_memcmp over the common length), so comparing a presented secret with a stored
// one leaks nothing about the stored one but its length, which is public (SHA-256 hex).
[[nodiscard]] bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace foilog
