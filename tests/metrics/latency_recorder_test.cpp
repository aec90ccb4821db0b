#include "gctq/metrics/latency_recorder.h"

#include <gtest/gtest.h>

#include "gctq/metrics/metrics_format.h"

namespace gctq::metrics {
namespace {

using http::EndpointClass;
using std::chrono::microseconds;
using std::chrono::milliseconds;

LatencySnapshot SampleSnapshot() {
  LatencyRecorder recorder;
  for (int i = 1; i <= 100; ++i)
    recorder.Record(EndpointClass::kDetailsPage, milliseconds(i), microseconds(0));
  recorder.Record(EndpointClass::kToken, milliseconds(40), milliseconds(0));
  recorder.Record(EndpointClass::kDetailsPage, milliseconds(5), milliseconds(2000), 2);
  return recorder.Snapshot();
}

TEST(LatencyRecorder, KeepsFiguresPerClassAndOmitsIdleClasses) {
  auto snapshot = SampleSnapshot();
  ASSERT_EQ(snapshot.endpoints.size(), 2U);
  auto const& token = snapshot.endpoints[0];
  auto const& details = snapshot.endpoints[1];
  EXPECT_EQ(token.endpoint_class, EndpointClass::kToken);
  EXPECT_EQ(token.latency.count, 1U);
  EXPECT_EQ(details.latency.count, 101U);
  EXPECT_EQ(details.retries, 1U);
  EXPECT_EQ(details.waited, milliseconds(2000));
  EXPECT_EQ(snapshot.total_waited, milliseconds(2000));
  EXPECT_EQ(details.latency.max, milliseconds(100));
}

TEST(MetricsFormat, TableHasOneRowPerClassAndATotal) {
  auto table = FormatLatencyTable(SampleSnapshot());
  EXPECT_NE(table.find("details_page"), std::string::npos);
  EXPECT_NE(table.find("token"), std::string::npos);
  EXPECT_NE(table.find("total"), std::string::npos);
  EXPECT_NE(table.find("p99 ms"), std::string::npos);
}

TEST(MetricsFormat, PrometheusExpositionIsWellFormed) {
  auto text = FormatPrometheus(SampleSnapshot());
  EXPECT_NE(text.find("# TYPE gctq_http_request_duration_seconds summary"), std::string::npos);
  EXPECT_NE(
      text.find("gctq_http_request_duration_seconds{endpoint_class=\"details_page\",quantile=\"0.99\"}"),
      std::string::npos);
  EXPECT_NE(text.find("gctq_http_request_duration_seconds_count{endpoint_class=\"details_page\"} 101"),
            std::string::npos);
  EXPECT_NE(text.find("gctq_http_wait_seconds_total{endpoint_class=\"details_page\"} 2.000000"),
            std::string::npos);
  EXPECT_NE(text.find("gctq_http_retries_total{endpoint_class=\"details_page\"} 1"), std::string::npos);
  // Labels come from a fixed set: no URL, query string or host can appear.
  EXPECT_EQ(text.find('?'), std::string::npos);
  EXPECT_EQ(text.find("http://"), std::string::npos);
  EXPECT_EQ(text.find("https://"), std::string::npos);
  EXPECT_EQ(text.back(), '\n');
}

}  // namespace
}  // namespace gctq::metrics
