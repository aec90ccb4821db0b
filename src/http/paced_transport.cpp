#include "gctq/http/pacing.h"
#include "gctq/http/url.h"

namespace gctq::http {
namespace {

/// A pause may start while a thread sleeps for its slot; it re-checks this many times at most.
constexpr int kMaxPauseChecks = 4;

/// Pre-signed downloads, webhooks and token requests are outside the API's rate limit even when
/// they share its host (the emulator serves everything from one base URL): they take no slot.
bool IsExempt(EndpointClass endpoint_class) {
  return endpoint_class == EndpointClass::kTranscriptDownload || endpoint_class == EndpointClass::kWebhook ||
         endpoint_class == EndpointClass::kToken;
}

class PacedTransport final : public Transport {
 public:
  PacedTransport(std::shared_ptr<Transport> inner, std::shared_ptr<RateGovernor> governor,
                 std::string api_base, Sleeper sleeper)
      : inner_(std::move(inner)),
        governor_(std::move(governor)),
        api_base_(std::move(api_base)),
        sleeper_(sleeper ? std::move(sleeper) : RealSleeper()) {}

  bool IsRateLimited(HttpRequest const& request) const {
    return !IsExempt(request.endpoint_class) && UrlIsUnderBase(request.url, api_base_);
  }

  Result<HttpResponse> Send(HttpRequest const& request) override {
    if (!IsRateLimited(request)) return inner_->Send(request);
    auto waited = governor_->Reserve();
    sleeper_(waited);
    for (int i = 0; i < kMaxPauseChecks; ++i) {
      auto const pause = governor_->PauseRemaining();
      if (pause <= std::chrono::milliseconds::zero()) break;
      sleeper_(pause);
      waited += pause;
    }
    HttpRequest paced = request;
    paced.waited += waited;
    auto result = inner_->Send(paced);
    if (result) governor_->Observe(*result);
    return result;
  }

 private:
  std::shared_ptr<Transport> const inner_;
  std::shared_ptr<RateGovernor> const governor_;
  std::string const api_base_;
  Sleeper const sleeper_;
};

}  // namespace

std::shared_ptr<Transport> MakePacedTransport(std::shared_ptr<Transport> inner,
                                              std::shared_ptr<RateGovernor> governor, std::string api_base,
                                              Sleeper sleeper) {
  return std::make_shared<PacedTransport>(std::move(inner), std::move(governor), std::move(api_base),
                                          std::move(sleeper));
}

}  // namespace gctq::http
