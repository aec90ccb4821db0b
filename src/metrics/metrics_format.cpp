#include "gctq/metrics/metrics_format.h"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>

namespace gctq::metrics {
namespace {

double Millis(std::chrono::microseconds d) {
  return static_cast<double>(d.count()) / 1000.0;
}
double Seconds(std::chrono::microseconds d) {
  return static_cast<double>(d.count()) / 1e6;
}

void AppendFamily(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

}  // namespace

std::string FormatLatencyTable(LatencySnapshot const& snapshot) {
  std::string out = fmt::format("{:<20} {:>8} {:>10} {:>10} {:>10} {:>10} {:>8} {:>10}\n", "endpoint class",
                                "calls", "p50 ms", "p95 ms", "p99 ms", "max ms", "retries", "waited s");
  std::uint64_t calls = 0;
  for (auto const& row : snapshot.endpoints) {
    auto const& l = row.latency;
    calls += l.count;
    out += fmt::format("{:<20} {:>8} {:>10.1f} {:>10.1f} {:>10.1f} {:>10.1f} {:>8} {:>10.2f}\n",
                       http::ToString(row.endpoint_class), l.count, Millis(l.p50), Millis(l.p95),
                       Millis(l.p99), Millis(l.max), row.retries, Seconds(row.waited));
  }
  out += fmt::format("{:<20} {:>8} {:>54} {:>10.2f}\n", "total", calls, "", Seconds(snapshot.total_waited));
  return out;
}

std::string FormatPrometheus(LatencySnapshot const& snapshot) {
  std::string out;
  AppendFamily(out, "gctq_http_request_duration_seconds", "summary",
               "Latency of each HTTP attempt by endpoint class.");
  for (auto const& row : snapshot.endpoints) {
    auto label = http::ToString(row.endpoint_class);
    auto const& l = row.latency;
    for (auto [q, v] : {std::pair{"0.5", l.p50}, std::pair{"0.95", l.p95}, std::pair{"0.99", l.p99}}) {
      out +=
          fmt::format("gctq_http_request_duration_seconds{{endpoint_class=\"{}\",quantile=\"{}\"}} {:.6f}\n",
                      label, q, Seconds(v));
    }
    out += fmt::format("gctq_http_request_duration_seconds_sum{{endpoint_class=\"{}\"}} {:.6f}\n", label,
                       Seconds(l.sum));
    out +=
        fmt::format("gctq_http_request_duration_seconds_count{{endpoint_class=\"{}\"}} {}\n", label, l.count);
  }
  struct Family {
    std::string_view name, type, help;
  };
  for (auto const& family :
       {Family{"gctq_http_request_duration_max_seconds", "gauge", "Slowest HTTP attempt."},
        Family{"gctq_http_retries_total", "counter", "HTTP attempts that were retries."},
        Family{"gctq_http_wait_seconds_total", "counter",
               "Time slept before calls for rate limits and retry backoff."}}) {
    AppendFamily(out, family.name, family.type, family.help);
    for (auto const& row : snapshot.endpoints) {
      auto label = http::ToString(row.endpoint_class);
      if (family.type == "gauge") {
        out +=
            fmt::format("{}{{endpoint_class=\"{}\"}} {:.6f}\n", family.name, label, Seconds(row.latency.max));
      } else if (family.name == "gctq_http_retries_total") {
        out += fmt::format("{}{{endpoint_class=\"{}\"}} {}\n", family.name, label, row.retries);
      } else {
        out += fmt::format("{}{{endpoint_class=\"{}\"}} {:.6f}\n", family.name, label, Seconds(row.waited));
      }
    }
  }
  return out;
}

Status WritePrometheusFile(LatencySnapshot const& snapshot, std::string const& path) {
  std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file << FormatPrometheus(snapshot);
    file.flush();
    if (!file) return MakeError(ErrorCode::kIo, fmt::format("cannot write metrics file {}", temporary));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    return MakeError(ErrorCode::kIo, fmt::format("cannot rename metrics file to {}", path));
  }
  return Ok{};
}

}  // namespace gctq::metrics
