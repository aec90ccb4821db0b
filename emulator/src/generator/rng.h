#pragma once

// A portable, seedable PRNG (xoshiro256**) so generated data is identical on every platform and
// standard library. std::uniform_*_distribution is implementation-defined and must not be used here.

#include <array>
#include <cstdint>
#include <span>

namespace gctq_emulator::gen {

inline std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// Independent random streams per conversation: what one part draws never shifts another part.
enum class Stream : std::uint64_t {
  kDirectory = 1,
  kStartTimes,
  kIds,
  kPlan,
  kPersona,
  kDialogue,
  kTiming,
  kOrg,
};

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& word : state_) word = SplitMix64(seed);
  }
  /// The stream of one (seed, stream, index) triple.
  Rng(std::uint64_t seed, Stream stream, std::uint64_t index)
      : Rng(Mix(seed, static_cast<std::uint64_t>(stream), index)) {}

  std::uint64_t Next() {
    std::uint64_t const result = Rotl(state_[1] * 5, 7) * 9;
    std::uint64_t const t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  /// Uniform in [0, bound); bound > 0. Rejection sampling keeps it unbiased.
  std::uint64_t Below(std::uint64_t bound) {
    std::uint64_t const limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
    std::uint64_t value;
    do value = Next();
    while (value >= limit);
    return value % bound;
  }
  /// Uniform in [lo, hi], inclusive.
  std::int64_t Between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  /// Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double probability) { return Unit() < probability; }

  template <typename T>
  T const& Pick(std::span<T const> items) {
    return items[Below(items.size())];
  }
  template <typename Container>
  auto const& PickFrom(Container const& items) {
    return items[Below(std::size(items))];
  }

 private:
  static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t Mix(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
    std::uint64_t state = seed;
    std::uint64_t a = SplitMix64(state);
    state = a ^ (stream * 0xD1B54A32D192ED03ULL);
    std::uint64_t b = SplitMix64(state);
    state = b ^ (index * 0x8CB92BA72F3D8DD7ULL + 0x632BE59BD9B4E019ULL);
    return SplitMix64(state);
  }

  std::array<std::uint64_t, 4> state_{};
};

}  // namespace gctq_emulator::gen
