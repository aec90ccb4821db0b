#include "generator/directory_gen.h"

#include <array>
#include <string_view>

#include "generator/names.h"
#include "generator/rng.h"
#include "generator/uuid.h"

namespace gctq_emulator::gen {
namespace {

constexpr int kAgentCount = 80;

constexpr std::array<std::string_view, 4> kDivisionNames = {"Home", "Customer Care", "Billing and Payments",
                                                            "Technical Support"};

struct QueueSpec {
  std::string_view name;
  int division;
};
// The order matters: dialogue scenarios name their preferred queue by index.
constexpr std::array<QueueSpec, 12> kQueues = {{{"General Enquiries", 0},
                                                {"Billing", 2},
                                                {"Refunds", 2},
                                                {"Retention", 1},
                                                {"Tech Support Tier 1", 3},
                                                {"Tech Support Tier 2", 3},
                                                {"Deliveries", 1},
                                                {"Sales", 1},
                                                {"Complaints", 1},
                                                {"Account Security", 3},
                                                {"Collections", 2},
                                                {"Escalations", 0}}};

constexpr std::array<std::string_view, 10> kWrapUpCodes = {
    "Resolved",         "Refund Issued",    "Escalated",      "Callback Scheduled",
    "Transferred",      "No Resolution",    "Sale Completed", "Information Provided",
    "Complaint Logged", "Service Cancelled"};

}  // namespace

Directory GenerateDirectory(std::uint64_t seed) {
  Rng rng(seed, Stream::kDirectory, 0);
  Directory directory;
  directory.organization_id = ToString(RandomUuid(rng));
  for (auto name : kDivisionNames)
    directory.divisions.push_back({ToString(RandomUuid(rng)), std::string(name)});
  for (auto const& queue : kQueues) {
    directory.queues.push_back(
        {ToString(RandomUuid(rng)), std::string(queue.name), directory.divisions[queue.division].id});
  }
  for (int i = 0; i < kAgentCount; ++i) {
    std::string name = std::string(rng.PickFrom(FirstNames())) + " " + std::string(rng.PickFrom(LastNames()));
    auto const& home_queue = directory.queues[i % directory.queues.size()];
    directory.agents.push_back({ToString(RandomUuid(rng)), std::move(name), home_queue.division_id});
  }
  for (auto name : kWrapUpCodes)
    directory.wrap_up_codes.push_back({ToString(RandomUuid(rng)), std::string(name)});
  return directory;
}

std::vector<std::vector<std::uint16_t>> QueueMembers(Directory const& directory) {
  std::size_t const queue_count = directory.queues.size();
  std::vector<std::vector<std::uint16_t>> members(queue_count);
  for (std::size_t agent = 0; agent < directory.agents.size(); ++agent) {
    members[agent % queue_count].push_back(static_cast<std::uint16_t>(agent));
    std::size_t const second = (agent * 7 + 3) % queue_count;
    if (second != agent % queue_count) members[second].push_back(static_cast<std::uint16_t>(agent));
  }
  return members;
}

}  // namespace gctq_emulator::gen
