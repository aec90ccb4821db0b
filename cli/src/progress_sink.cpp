#include "src/progress_sink.h"

#include <fmt/format.h>

#include <cstdio>

namespace gctq::cli {

void ProgressSink::OnPage(query::PageInfo const& page) {
  fmt::print(stderr, "\r\033[Kwindow {} ({}) page {}: {} conversations{}", page.window_index,
             query::ToString(page.window.mode), page.page_number, page.conversations,
             page.total_hits ? fmt::format(" of {}", *page.total_hits) : "");
}

void ProgressSink::OnWindowReport(query::WindowReport const& report) {
  fmt::print(stderr, "\r\033[Kwindow {} done: {} fetched, {} written so far", report.index,
             report.counts.fetched, records_);
}

void ProgressSink::OnRunReport(query::RunReport const& /*report*/) {
  fmt::print(stderr, "\r\033[K");
}

}  // namespace gctq::cli
