#include "gctq/http/curl_transport.h"

#include <fmt/format.h>

#include <mutex>

#include "gctq/http/url.h"
#include "http/curl_handle_pool.h"

namespace gctq::http {
namespace {

using internal::CurlEasy;
using internal::CurlHandlePool;

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

struct Transfer {
  HttpResponse response;
  std::size_t max_body = 0;
  bool body_too_large = false;
};

std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  std::size_t const n = size * count;
  if (transfer->response.body.size() + n > transfer->max_body) {
    transfer->body_too_large = true;
    return 0;  // Aborts the transfer with CURLE_WRITE_ERROR.
  }
  transfer->response.body.append(data, n);
  return n;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* response = &static_cast<Transfer*>(user)->response;
  std::string_view line(data, size * count);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.starts_with("HTTP/")) {
    response->headers.clear();  // A new status line (after 100 Continue): start over.
  } else if (auto const colon = line.find(':'); colon != std::string_view::npos) {
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    response->headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  return size * count;
}

Error TransferError(CURLcode code, char const* detail, std::string_view url) {
  ErrorCode kind = ErrorCode::kUnavailable;  // refused, reset, truncated (CURLE_PARTIAL_FILE), DNS...
  if (code == CURLE_OPERATION_TIMEDOUT) kind = ErrorCode::kDeadlineExceeded;
  if (code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL) kind = ErrorCode::kInvalidArgument;
  std::string const what = detail[0] != '\0' ? detail : curl_easy_strerror(code);
  return MakeError(kind, fmt::format("request to {} failed: {}", SanitizeUrl(url), what));
}

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(CurlOptions options)
      : options_(std::move(options)), pool_(options_.max_idle_handles) {
    static std::once_flag global_init;
    std::call_once(global_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  Result<HttpResponse> Send(HttpRequest const& request) override {
    GCTQ_TRY(CheckTransportSecurity(request.url));
    CurlEasy handle = pool_.Acquire();
    if (!handle) return MakeError(ErrorCode::kInternal, "curl_easy_init failed");
    Transfer transfer;
    transfer.max_body = options_.max_response_bytes;
    Slist headers = Configure(handle.get(), request, transfer);
    char detail[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(handle.get(), CURLOPT_ERRORBUFFER, detail);
    auto const start = std::chrono::steady_clock::now();
    CURLcode const code = curl_easy_perform(handle.get());
    transfer.response.elapsed =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    if (code != CURLE_OK) {
      // The handle is dropped, not pooled: its connection may be half-read or reset.
      if (transfer.body_too_large) {
        return MakeError(ErrorCode::kDataLoss,
                         fmt::format("response from {} is larger than {} bytes", SanitizeUrl(request.url),
                                     options_.max_response_bytes));
      }
      return TransferError(code, detail, request.url);
    }
    long status = 0;
    curl_easy_getinfo(handle.get(), CURLINFO_RESPONSE_CODE, &status);
    transfer.response.status = static_cast<int>(status);
    curl_easy_setopt(handle.get(), CURLOPT_ERRORBUFFER, nullptr);
    curl_easy_setopt(handle.get(), CURLOPT_HTTPHEADER, nullptr);
    pool_.Release(std::move(handle));
    return std::move(transfer.response);
  }

 private:
  Slist Configure(CURL* h, HttpRequest const& request, Transfer& transfer) const {
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout.count()));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options_.low_speed_time.count()));
    curl_easy_setopt(h, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    if (!options_.ca_info.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_info.c_str());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &OnBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &OnHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    if (request.method == "GET") {
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else if (request.method == "HEAD") {
      curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else {
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
    }
    curl_slist* list = curl_slist_append(nullptr, "Expect:");
    for (auto const& [name, value] : request.headers) {
      list = curl_slist_append(list, fmt::format("{}: {}", name, value).c_str());
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
    return Slist(list);
  }

  CurlOptions const options_;
  CurlHandlePool pool_;
};

}  // namespace

std::shared_ptr<Transport> MakeCurlTransport(CurlOptions options) {
  return std::make_shared<CurlTransport>(std::move(options));
}

}  // namespace gctq::http
