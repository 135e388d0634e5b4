// Who a request came from. Always the socket's address (0.11.4 reads remote_addr from the
// socket; a client-sent REMOTE_ADDR or X-Forwarded-For header is never believed), except when
// the socket is the reverse proxy the operator named with --trust-proxy: then the X-Real-IP
// header that proxy sets (overwriting whatever the client sent; deploy/nginx/foilog.conf), if
// it holds an IP address. Rate limits, sign-in limits and the access log all use the result.
#pragma once

#include <string>

namespace foilog::web {

[[nodiscard]] std::string client_address(const std::string& socket_address,
                                         const std::string& real_ip_header,
                                         const std::string& trusted_proxy);

}  // namespace foilog::web
