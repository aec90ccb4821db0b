#include <gtest/gtest.h>

#include "emulator_data/test_org.h"
#include "generator/generated_org.h"

namespace gctq_emulator::testing {
namespace {

TEST(GeneratorFootprint, SummariesStayCompact) {
  EXPECT_LE(sizeof(ConversationSummary), 40u);
}

TEST(GeneratorFootprint, HundredThousandConversationsFitInAFewMegabytes) {
  GeneratorSettings settings = SmallSettings(5, 100'000);
  auto const org = GenerateOrg(settings);
  ASSERT_EQ(org->size(), 100'000u);
  auto const* generated = dynamic_cast<gen::GeneratedOrg const*>(org.get());
  ASSERT_NE(generated, nullptr);
  std::size_t const bytes = generated->ConversationBytes();
  EXPECT_LT(bytes, 10u * 1024 * 1024);
  // The directory is fixed-size, whatever the conversation count.
  EXPECT_LT(org->directory().agents.size() + org->directory().queues.size(), 200u);
  // Lazy expansion still works at the far end and finds ids.
  Conversation const last = org->Expand(org->size() - 1);
  EXPECT_EQ(org->Find(last.conversation_id), org->size() - 1);
  std::printf("[footprint] 100k conversations: %zu bytes held (%zu per conversation)\n", bytes,
              bytes / org->size());
}

}  // namespace
}  // namespace gctq_emulator::testing
