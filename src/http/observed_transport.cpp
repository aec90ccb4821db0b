#include "gctq/http/observed_transport.h"

#include "gctq/http/url.h"

namespace gctq::http {
namespace {

class ObservedTransport final : public Transport {
 public:
  ObservedTransport(std::shared_ptr<Transport> inner, std::vector<std::shared_ptr<CallObserver>> observers,
                    std::shared_ptr<Clock> clock)
      : inner_(std::move(inner)),
        observers_(std::move(observers)),
        clock_(clock ? std::move(clock) : SystemClock()) {}

  Result<HttpResponse> Send(HttpRequest const& request) override {
    auto const start = clock_->now();
    auto result = inner_->Send(request);
    CallRecord record;
    record.endpoint_class = request.endpoint_class;
    record.method = request.method;
    record.sanitized_url = SanitizeUrl(request.url);
    record.attempt = request.attempt;
    record.waited = request.waited;
    record.latency = std::chrono::duration_cast<std::chrono::microseconds>(clock_->now() - start);
    if (result) {
      record.status = result->status;
      record.correlation_id = std::string(result->Header("ININ-Correlation-Id"));
    } else {
      record.error_code = std::string(ToString(result.error().code));
    }
    for (auto const& observer : observers_) observer->OnCall(record);
    return result;
  }

 private:
  std::shared_ptr<Transport> const inner_;
  std::vector<std::shared_ptr<CallObserver>> const observers_;
  std::shared_ptr<Clock> const clock_;
};

}  // namespace

std::shared_ptr<Transport> MakeObservedTransport(std::shared_ptr<Transport> inner,
                                                 std::vector<std::shared_ptr<CallObserver>> observers,
                                                 std::shared_ptr<Clock> clock) {
  if (observers.empty()) return inner;
  return std::make_shared<ObservedTransport>(std::move(inner), std::move(observers), std::move(clock));
}

}  // namespace gctq::http
