// R16: slow clients. Connections that send one header byte every 2 s hold a cpp-httplib 0.11.4
// worker each, for as long as they keep dribbling: the library has per-recv timeouts only.
// foilog's elastic pool keeps the site answering while there are threads to start; closing the
// slow connections takes the reverse proxy shipped in deploy/nginx/foilog.conf, which this test
// starts in front of the server (Debian's nginx-light). Measured limits: docs/SECURITY.md.
#include <gtest/gtest.h>
#include <sys/socket.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <regex>
#include <thread>

#include "hardening/hardened_server.h"

namespace foilog::testing {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// n connections to port, each sent one byte of a request every 2 s by one background thread;
// records when the server closed each one.
class SlowClients {
 public:
  SlowClients(int port, int n) {
    for (int i = 0; i < n; ++i) {
      sockets_.push_back(std::make_unique<RawSocket>(port, "127.0.0.7"));
      closed_at_.push_back({});
    }
    started_ = Clock::now();
    thread_ = std::thread([this] { dribble(); });
  }
  SlowClients(const SlowClients&) = delete;
  SlowClients& operator=(const SlowClients&) = delete;
  ~SlowClients() {
    stop_ = true;
    thread_.join();
  }
  // How many are still open, and the longest any lived before the server closed it.
  [[nodiscard]] int open() const {
    const std::lock_guard lock(mutex_);
    return static_cast<int>(std::count(closed_at_.begin(), closed_at_.end(), Clock::time_point{}));
  }
  [[nodiscard]] std::chrono::milliseconds longest_life() const {
    const std::lock_guard lock(mutex_);
    Clock::duration longest{};
    for (const auto& at : closed_at_) {
      longest = std::max(longest, (at == Clock::time_point{} ? Clock::now() : at) - started_);
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(longest);
  }

 private:
  void dribble() {
    const std::string request = "GET /search?q=slowly-but-surely HTTP/1.1\r\nHost: x\r\n";
    for (std::size_t byte = 0; !stop_; ++byte) {
      for (std::size_t i = 0; i < sockets_.size(); ++i) {
        const std::lock_guard lock(mutex_);
        if (closed_at_[i] != Clock::time_point{}) {
          continue;
        }
        char c = 0;
        const bool gone = recv(sockets_[i]->fd(), &c, 1, MSG_DONTWAIT | MSG_PEEK) == 0 ||
                          !sockets_[i]->send_all(std::string(1, request[byte % request.size()]));
        if (gone) {
          closed_at_[i] = Clock::now();
        }
      }
      for (int t = 0; t < 20 && !stop_; ++t) {
        std::this_thread::sleep_for(100ms);  // one byte per connection every 2 s
      }
    }
  }

  std::vector<std::unique_ptr<RawSocket>> sockets_;
  std::vector<Clock::time_point> closed_at_;
  Clock::time_point started_;
  mutable std::mutex mutex_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Worst time /healthz took, asked from another address every 500 ms for `how_long`.
std::chrono::milliseconds worst_healthz(int port, std::chrono::seconds how_long) {
  std::chrono::milliseconds worst{0};
  const auto end = Clock::now() + how_long;
  while (Clock::now() < end) {
    const auto t0 = Clock::now();
    RawSocket s(port, "127.0.0.8");
    s.set_timeout_ms(5000);
    const bool ok = s.connected() &&
                    s.send_all("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") &&
                    status_of(s.read_response()) == "200";
    const auto took = ok ? std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0)
                         : std::chrono::milliseconds(99999);
    worst = std::max(worst, took);
    std::this_thread::sleep_for(500ms);
  }
  return worst;
}

TEST(SlowClients, TwicePoolSizeSlowConnectionsDoNotStopTheSite) {
  constexpr int kThreads = 4;
  HardenedServer server({"--threads", std::to_string(kThreads), "--rate-limit", "0"});
  const SlowClients slow(server.port(), 2 * kThreads);
  const auto worst = worst_healthz(server.port(), 8s);
  std::cout << "[R16] direct, " << 2 * kThreads << " slow connections on " << kThreads
            << " threads: /healthz worst " << worst.count() << " ms; after "
            << slow.longest_life().count() << " ms " << slow.open()
            << " slow connections still open\n";
  EXPECT_LT(worst, 3s);
  EXPECT_TRUE(server.alive());
}

TEST(SlowClients, PastMaxThreadsTheDirectServerStallsWhichIsWhyTheProxyIsThere) {
  // The measured limit without a proxy: --max-threads slow connections take every worker.
  HardenedServer server({"--threads", "2", "--max-threads", "3", "--rate-limit", "0"});
  const SlowClients slow(server.port(), 3);
  std::this_thread::sleep_for(1s);
  const auto worst = worst_healthz(server.port(), 3s);
  std::cout << "[R16] direct, 3 slow connections on --max-threads 3: /healthz worst "
            << worst.count() << " ms (99999 = no answer within 5 s)\n";
  EXPECT_GE(worst, 3s) << "0.11.4 gained a whole-request deadline? Then revisit docs/SECURITY.md";
}

// nginx started on a free port with deploy/nginx/foilog.conf, in front of the given upstream.
class Nginx {
 public:
  Nginx(const std::filesystem::path& dir, int upstream_port) : dir_(dir) {
    std::ifstream in(source_dir() / "deploy" / "nginx" / "foilog.conf");
    std::string site((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    port_ = 20000 + static_cast<int>(getpid() % 20000);
    site = std::regex_replace(site, std::regex("127\\.0\\.0\\.1:8080"),
                              "127.0.0.1:" + std::to_string(upstream_port));
    site = std::regex_replace(site, std::regex("listen 80;"),
                              "listen 127.0.0.1:" + std::to_string(port_) + ";");
    site = std::regex_replace(site, std::regex("listen \\[::\\]:80;"), "");
    std::filesystem::create_directories(dir_ / "tmp");
    std::ofstream(dir_ / "site.conf") << site;
    std::ofstream(dir_ / "nginx.conf")
        << "daemon off;\nmaster_process off;\nworker_processes 1;\npid " << (dir_ / "nginx.pid")
        << ";\nerror_log " << (dir_ / "error.log") << " info;\nevents { worker_connections 256; }\n"
        << "http {\n  access_log " << (dir_ / "access.log") << ";\n"
        << "  client_body_temp_path " << (dir_ / "tmp") << ";\n  proxy_temp_path " << (dir_ / "tmp")
        << ";\n  fastcgi_temp_path " << (dir_ / "tmp") << ";\n"
        << "  uwsgi_temp_path " << (dir_ / "tmp") << ";\n  scgi_temp_path " << (dir_ / "tmp")
        << ";\n  include " << (dir_ / "site.conf") << ";\n}\n";
    const std::string cmd = "nginx -p " + quote(dir_) + " -c " + quote(dir_ / "nginx.conf");
    pid_ = fork();
    if (pid_ == 0) {
      execl("/bin/sh", "sh", "-c", ("exec " + cmd + " 2>" + quote(dir_ / "stderr.log")).c_str(),
            nullptr);
      _exit(127);
    }
    // Up when it answers.
    for (int i = 0; i < 100; ++i) {
      if (status_of(raw_exchange(
              port_, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 500)) ==
          "200") {
        return;
      }
      std::this_thread::sleep_for(100ms);
    }
    throw std::runtime_error("nginx did not start: " + read_text(dir_ / "stderr.log") +
                             read_text(dir_ / "error.log"));
  }
  Nginx(const Nginx&) = delete;
  Nginx& operator=(const Nginx&) = delete;
  ~Nginx() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  [[nodiscard]] int port() const { return port_; }

  static std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

bool have_nginx() {
  return std::system("command -v nginx >/dev/null 2>&1") == 0;
}

TEST(SlowClients, BehindTheShippedNginxConfigSlowConnectionsAreClosedAndTheSiteAnswers) {
  ASSERT_TRUE(have_nginx()) << "scripts/install-deps.sh --test installs nginx-light";
  constexpr int kThreads = 2;
  HardenedServer server({"--threads", std::to_string(kThreads), "--max-threads",
                         std::to_string(kThreads), "--trust-proxy", "127.0.0.1"});
  const Nginx nginx(server.scratch() / "nginx", server.port());
  // More slow connections than foilog has threads at all: without nginx this stalls the site.
  const SlowClients slow(nginx.port(), 4 * kThreads);
  const auto worst = worst_healthz(nginx.port(), 14s);
  const auto life = slow.longest_life();
  std::cout << "[R16] behind nginx, " << 4 * kThreads << " slow connections, foilog on " << kThreads
            << " threads: /healthz worst " << worst.count() << " ms; " << slow.open()
            << " slow connections open after " << life.count()
            << " ms (nginx client_header_timeout 10 s)\n";
  EXPECT_LT(worst, 3s);
  EXPECT_EQ(slow.open(), 0) << "nginx closes each slow connection";
  EXPECT_LT(life, 30s);
}

TEST(SlowClients, BehindTheProxyClientsAreKnownByTheAddressItSaw) {
  ASSERT_TRUE(have_nginx());
  HardenedServer server({"--threads", "2", "--trust-proxy", "127.0.0.1"});
  const Nginx nginx(server.scratch() / "nginx", server.port());
  auto ask = [](int port, const char* from, const std::string& request) {
    RawSocket s(port, from);
    s.set_timeout_ms(3000);
    s.send_all(request);
    return status_of(s.read_response());
  };
  // Through nginx from 127.0.0.5, claiming another address: foilog logs what nginx saw.
  EXPECT_EQ(ask(nginx.port(), "127.0.0.5",
                "GET /api/authorities HTTP/1.1\r\nHost: x\r\nX-Real-IP: 10.1.2.3\r\n"
                "X-Forwarded-For: 10.1.2.3\r\nConnection: close\r\n\r\n"),
            "200");
  // Straight to foilog from 127.0.0.6, which is not the proxy: its header is not believed.
  EXPECT_EQ(ask(server.port(), "127.0.0.6",
                "GET /api/exemptions HTTP/1.1\r\nHost: x\r\nX-Real-IP: 10.4.5.6\r\n"
                "Connection: close\r\n\r\n"),
            "200");
  std::string log;
  for (int i = 0; i < 40; ++i) {
    log = server.log();
    if (log.find("GET /api/exemptions") != std::string::npos) {
      break;
    }
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_NE(log.find("127.0.0.5 GET /api/authorities"), std::string::npos) << log;
  EXPECT_NE(log.find("127.0.0.6 GET /api/exemptions"), std::string::npos) << log;
  EXPECT_EQ(log.find("10.1.2.3"), std::string::npos) << log;
  EXPECT_EQ(log.find("10.4.5.6"), std::string::npos) << log;
}

}  // namespace
}  // namespace foilog::testing
