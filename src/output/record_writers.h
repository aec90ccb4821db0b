#pragma once

// The three RecordSink writers behind MakeRecordWriter.

#include <ostream>

#include "gctq/query/record_sink.h"

namespace gctq::internal {

class JsonlWriter final : public query::RecordSink {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  void OnRecord(query::ConversationRecord const& record) override;
  void OnRunReport(query::RunReport const& report) override;

 private:
  std::ostream& out_;
};

class CsvWriter final : public query::RecordSink {
 public:
  CsvWriter(std::ostream& out, std::ostream& report) : out_(out), report_(report) {}
  void OnRecord(query::ConversationRecord const& record) override;
  void OnRunReport(query::RunReport const& report) override;

 private:
  void WriteHeaderOnce();

  std::ostream& out_;
  std::ostream& report_;
  bool header_written_ = false;
};

class TableWriter final : public query::RecordSink {
 public:
  TableWriter(std::ostream& out, std::ostream& report) : out_(out), report_(report) {}
  void OnRecord(query::ConversationRecord const& record) override;
  void OnRunReport(query::RunReport const& report) override;

 private:
  std::ostream& out_;
  std::ostream& report_;
  bool header_written_ = false;
};

}  // namespace gctq::internal
