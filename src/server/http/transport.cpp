#include "http/transport.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <thread>

#include "http/multipart.hpp"
#include "http/target.hpp"
#include "http/worker_pool.hpp"
#include "http_util.hpp"

namespace vouch::server::http {

struct Transport::Exchange {
  enum class Phase { head, body, running, ready, answered };

  Transport* transport = nullptr;
  MHD_Connection* connection = nullptr;
  httplib::Request req;
  Reply reply;
  std::atomic<Phase> phase{Phase::head};
  std::size_t limit = 0;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  int status = 0;
  bool answered = false;  // the answer was queued (else the connection was closed)
};

namespace {

using Exchange = Transport::Exchange;
using Phase = Exchange::Phase;

std::string peer_address(MHD_Connection* connection) {
  const MHD_ConnectionInfo* info =
      MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (!info || !info->client_addr) return "";
  char text[INET6_ADDRSTRLEN] = "";
  const sockaddr* address = info->client_addr;
  if (address->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text, sizeof text);
  } else if (address->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text,
              sizeof text);
  }
  return text;
}

MHD_Result add_header(void* cls, MHD_ValueKind, const char* key, size_t key_size, const char* value,
                      size_t value_size) {
  auto* headers = static_cast<httplib::Headers*>(cls);
  headers->emplace(std::string(key, key_size), value ? std::string(value, value_size) : "");
  return MHD_YES;
}

void free_string(void* cls) { delete static_cast<std::string*>(cls); }

// Hands the reply to MHD; the exchange is answered from here on.
MHD_Result queue_reply(Exchange& ex) {
  Reply& reply = ex.reply;
  httplib::Response& res = reply.res;
  MHD_Response* response = nullptr;
  if (reply.file_fd >= 0) {
    response = MHD_create_response_from_fd64(reply.file_size, reply.file_fd);
    if (!response) ::close(reply.file_fd);
    reply.file_fd = -1;
  } else {
    auto* body = new std::string(std::move(res.body));
    response = MHD_create_response_from_buffer_with_free_callback_cls(body->size(), body->data(),
                                                                      free_string, body);
    if (!response) delete body;
  }
  if (!response) return MHD_NO;
  for (const auto& [name, value] : res.headers) {
    // MHD writes the framing itself.
    if (iequals(name, "Content-Length") || iequals(name, "Transfer-Encoding") ||
        iequals(name, "Connection"))
      continue;
    MHD_add_response_header(response, name.c_str(), value.c_str());
  }
  if (reply.close) MHD_add_response_header(response, MHD_HTTP_HEADER_CONNECTION, "close");
  const int status = res.status > 0 ? res.status : 500;
  const MHD_Result queued =
      MHD_queue_response(ex.connection, static_cast<unsigned>(status), response);
  MHD_destroy_response(response);
  ex.status = status;
  // MHD 0.9.75 takes no answer in the middle of an upload (a chunked body
  // passing its limit): the connection is closed instead, and logged so.
  ex.answered = queued == MHD_YES;
  ex.phase = Phase::answered;
  return queued;
}

unsigned io_threads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores > 4 ? 4 : cores;
}

}  // namespace

// The C callbacks MHD calls, with access to the transport's internals.
struct TransportCallbacks {
  static void* on_uri(void* cls, const char* uri, MHD_Connection* connection) {
    auto* transport = static_cast<Transport*>(cls);
    auto* ex = new Exchange;
    ex->transport = transport;
    ex->connection = connection;
    ex->req.target = uri ? uri : "";
    transport->in_flight_.fetch_add(1);
    return ex;
  }

  // Leaves the path as sent: target.cpp decodes it (MHD's decoder would end
  // the string at a %00).
  static size_t keep_escaped(void*, MHD_Connection*, char* text) { return std::strlen(text); }

  static void on_completed(void* cls, MHD_Connection*, void** con_cls, MHD_RequestTerminationCode) {
    auto* transport = static_cast<Transport*>(cls);
    auto* ex = static_cast<Exchange*>(*con_cls);
    *con_cls = nullptr;
    if (!ex) return;
    if (ex->status != 0 && transport->hooks_.completed) {
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - ex->started)
              .count();
      transport->hooks_.completed(ex->req, ex->status, ex->answered, ms);
    }
    if (ex->reply.file_fd >= 0) ::close(ex->reply.file_fd);
    delete ex;
    transport->in_flight_.fetch_sub(1);
    std::lock_guard<std::mutex> lock(transport->mutex_);
    transport->changed_.notify_all();
  }

  static MHD_Result refuse(Exchange& ex, const Refusal& refusal) {
    ex.transport->hooks_.refuse(ex.req, ex.reply, refusal);
    // The rest of the request (its body, its framing) is not read: close after.
    ex.reply.close = true;
    return queue_reply(ex);
  }

  // First call: the head is in. Everything checked here happens before any
  // body byte is read (MHD sends "100 Continue" only if we queue nothing).
  static MHD_Result on_head(Exchange& ex, const char* method, const char* version) {
    Transport& transport = *ex.transport;
    httplib::Request& req = ex.req;
    req.method = method ? method : "";
    req.version = version ? version : "";
    req.remote_addr = peer_address(ex.connection);
    MHD_get_connection_values_n(ex.connection, MHD_HEADER_KIND, add_header, &req.headers);
    if (auto refusal = check_header_block(req.headers, transport.options_.headers))
      return refuse(ex, *refusal);
    TargetError target_error;
    std::optional<Target> target = parse_target(req.target, target_error);
    if (!target) return refuse(ex, Refusal{400, "bad_request", target_error.message});
    req.path = std::move(target->path);
    req.params = std::move(target->params);
    Framing framing;
    if (auto refusal = check_framing(req.headers, framing)) return refuse(ex, *refusal);
    ex.limit = transport.hooks_.body_limit(req);
    if (auto refusal = check_declared_length(framing, ex.limit)) return refuse(ex, *refusal);
    ex.phase = Phase::body;
    return MHD_YES;
  }

  // The body is complete: run the handler on a worker, connection suspended.
  static MHD_Result dispatch(Exchange& ex) {
    Transport& transport = *ex.transport;
    ex.phase = Phase::running;
    MHD_suspend_connection(ex.connection);
    Exchange* exchange = &ex;  // alive until MHD reports completion, after the resume
    transport.pool_->submit([exchange] {
      Exchange& ex = *exchange;
      Transport& owner = *ex.transport;
      httplib::Request& req = ex.req;
      const std::string type = req.get_header_value("Content-Type");
      try {
        if (type.rfind("multipart/form-data", 0) == 0 &&
            !parse_multipart(ex.connection, req.body, req.files)) {
          owner.hooks_.refuse(req, ex.reply,
                              Refusal{400, "bad_multipart", "the multipart body is malformed"});
        } else {
          owner.hooks_.handle(req, ex.reply);
        }
      } catch (...) {
        // The handler hook answers its own exceptions; this is the last line
        // (e.g. bad_alloc while building the error): never lose the connection.
        ex.reply = Reply();
        ex.reply.res.status = 500;
        ex.reply.res.body = R"({"error":{"code":"internal","message":"internal error"}})";
        ex.reply.res.set_header("Content-Type", kJsonType);
      }
      ex.phase = Phase::ready;
      MHD_resume_connection(ex.connection);
    });
    return MHD_YES;
  }

  static MHD_Result on_request(void*, MHD_Connection* connection, const char* url,
                               const char* method, const char* version, const char* upload_data,
                               size_t* upload_data_size, void** con_cls) {
    auto* ex = static_cast<Exchange*>(*con_cls);
    if (!ex) return MHD_NO;  // on_uri always runs first; never expected
    (void)url;
    switch (ex->phase.load()) {
      case Phase::head:
        return on_head(*ex, method, version);
      case Phase::body:
        if (*upload_data_size > 0) {
          const std::size_t size = *upload_data_size;
          *upload_data_size = 0;
          if (ex->req.body.size() + size > ex->limit) return refuse(*ex, body_too_large(ex->limit));
          ex->req.body.append(upload_data, size);
          return MHD_YES;
        }
        return dispatch(*ex);
      case Phase::ready:
        return queue_reply(*ex);
      case Phase::running:
      case Phase::answered:
        // Upload data after an early answer is discarded (MHD closes after it).
        *upload_data_size = 0;
        return MHD_YES;
    }
    (void)connection;
    return MHD_NO;
  }

  static void log_mhd(void*, const char* format, va_list arguments) {
    std::fputs("vouch-server: http: ", stderr);
    std::vfprintf(stderr, format, arguments);
  }
};

Transport::Transport(TransportOptions options, TransportHooks hooks)
    : options_(std::move(options)), hooks_(std::move(hooks)) {}

Transport::~Transport() {
  stop(std::chrono::seconds(0));
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

Result<int> Transport::bind(const std::string& host, int port) {
  const std::string where = host + ":" + std::to_string(port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int error = getaddrinfo(host.c_str(), service.c_str(), &hints, &found); error != 0)
    return Error{where, std::string("cannot resolve the address: ") + gai_strerror(error)};
  std::string failure = "no usable address";
  int fd = -1;
  for (addrinfo* at = found; at && fd < 0; at = at->ai_next) {
    fd = ::socket(at->ai_family, at->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, at->ai_protocol);
    if (fd < 0) {
      failure = std::string("cannot create a socket: ") + std::strerror(errno);
      continue;
    }
    // SO_REUSEADDR only (restart over TIME_WAIT); never SO_REUSEPORT, which
    // would let a second server share the port and split the connections.
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (::bind(fd, at->ai_addr, at->ai_addrlen) != 0 ||
        ::listen(fd, options_.listen_backlog) != 0) {
      const int error = errno;
      failure = error == EADDRINUSE
                    ? "the port is already in use (is another vouch-server running?)"
                    : std::string("cannot listen: ") + std::strerror(error);
      ::close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(found);
  if (fd < 0) return Error{where, failure};
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length);
  const int bound_port = bound.ss_family == AF_INET6
                             ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
                             : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  if (listen_fd_ >= 0) ::close(listen_fd_);
  listen_fd_ = fd;
  return bound_port;
}

bool Transport::run() {
  if (listen_fd_ < 0) return false;
  // Connections the loop may hold: what the descriptor limit allows, minus
  // room for the database, photos and mounted files.
  rlimit files{};
  ::getrlimit(RLIMIT_NOFILE, &files);
  const rlim_t available = files.rlim_cur > 128 ? files.rlim_cur - 64 : 64;
  const unsigned connection_limit = static_cast<unsigned>(available > 10000 ? 10000 : available);
  pool_ = std::make_unique<WorkerPool>(options_.threads);
  stop_requested_ = false;
  // The logger first: MHD reports problems with later options through it.
  daemon_ = MHD_start_daemon(
      MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG, 0, nullptr,
      nullptr, &TransportCallbacks::on_request, this, MHD_OPTION_EXTERNAL_LOGGER,
      &TransportCallbacks::log_mhd, this, MHD_OPTION_LISTEN_SOCKET, listen_fd_,
      // RFC 9112 §3.2 as written: an HTTP/1.1 request without Host, or with
      // a space inside its target, is refused with 400.
      MHD_OPTION_STRICT_FOR_CLIENT, static_cast<int>(1),
      // One epoll loop per core (at most 4): sending 400 KB snapshots is
      // where one loop thread became the limit (bench/CHANGES.md).
      MHD_OPTION_THREAD_POOL_SIZE, io_threads(), MHD_OPTION_CONNECTION_MEMORY_LIMIT,
      options_.memory_per_connection, MHD_OPTION_CONNECTION_LIMIT, connection_limit,
      MHD_OPTION_CONNECTION_TIMEOUT, options_.idle_timeout_seconds, MHD_OPTION_URI_LOG_CALLBACK,
      &TransportCallbacks::on_uri, this, MHD_OPTION_UNESCAPE_CALLBACK,
      &TransportCallbacks::keep_escaped, this, MHD_OPTION_NOTIFY_COMPLETED,
      &TransportCallbacks::on_completed, this, MHD_OPTION_END);
  if (!daemon_) {
    pool_.reset();
    return false;
  }
  {
    std::unique_lock<std::mutex> lock(mutex_);
    running_ = true;
    changed_.notify_all();
    changed_.wait(lock, [this] { return stop_requested_.load(); });
    // Stop accepting: MHD hands the listening socket back, we close it.
    const MHD_socket listener = MHD_quiesce_daemon(daemon_);
    if (listener != MHD_INVALID_SOCKET) ::close(listener);
    listen_fd_ = -1;
    // In-flight requests finish (bounded: a client may never complete its own).
    changed_.wait_for(lock, grace_, [this] { return in_flight_.load() == 0; });
  }
  // Handlers still running resume their connections before the daemon goes.
  pool_->shutdown();
  MHD_stop_daemon(daemon_);
  daemon_ = nullptr;
  pool_.reset();
  running_ = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    changed_.notify_all();
  }
  return true;
}

void Transport::stop(std::chrono::seconds grace) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!running_) return;
  grace_ = grace;
  stop_requested_ = true;
  changed_.notify_all();
  // Returns once run() has finished, so a caller may destroy the server.
  changed_.wait(lock, [this] { return !running_.load(); });
}

}  // namespace vouch::server::http
