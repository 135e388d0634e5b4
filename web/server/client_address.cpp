#include "server/client_address.h"

#include <arpa/inet.h>

namespace foilog::web {
namespace {

bool is_ip_address(const std::string& s) {
  unsigned char buf[sizeof(in6_addr)];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

}  // namespace

std::string client_address(const std::string& socket_address, const std::string& real_ip_header,
                           const std::string& trusted_proxy) {
  if (trusted_proxy.empty() || socket_address != trusted_proxy || !is_ip_address(real_ip_header)) {
    return socket_address;
  }
  return real_ip_header;
}

}  // namespace foilog::web
