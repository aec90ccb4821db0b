// Spoken-number reading (conservative inverse text normalization) and the numeric detectors:
// payment cards (Luhn), SSNs, phone numbers and partially masked numbers.
#include <fmt/format.h>

#include <array>

#include "pii_digits.h"
#include "pii_validators.h"

namespace gctq::analysis::pii {

std::string_view NumberWordDigits(std::string_view w) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 28> kWords{{
      {"zero", "0"},     {"one", "1"},      {"two", "2"},        {"three", "3"},     {"four", "4"},
      {"five", "5"},     {"six", "6"},      {"seven", "7"},      {"eight", "8"},     {"nine", "9"},
      {"ten", "10"},     {"eleven", "11"},  {"twelve", "12"},    {"thirteen", "13"}, {"fourteen", "14"},
      {"fifteen", "15"}, {"sixteen", "16"}, {"seventeen", "17"}, {"eighteen", "18"}, {"nineteen", "19"},
      {"twenty", "20"},  {"thirty", "30"},  {"forty", "40"},     {"fifty", "50"},    {"sixty", "60"},
      {"seventy", "70"}, {"eighty", "80"},  {"ninety", "90"},
  }};
  if (w.size() < 3 || w.size() > 9) return {};
  for (auto const& [word, digits] : kWords)
    if (word == w) return digits;
  return {};
}

bool IsOh(std::string_view w) {
  return w == "oh" || w == "o";
}

Piece Classify(ScanContext const& ctx, std::uint32_t index) {
  Token const& tok = ctx.tokens.tokens[index];
  std::string_view w = ctx.Text(index);
  Piece p;
  switch (tok.kind) {
    case TokenKind::kMask:
      p.kind = tok.mask == MaskLabel::kSymbols ? PieceKind::kMask : PieceKind::kLabel;
      p.repeat = tok.mask_chars;
      return p;
    case TokenKind::kNumber: {
      if (w.find_first_of(".,:/") == std::string_view::npos) {
        p.kind = PieceKind::kDigits;
        p.digits = std::string(w);
        return p;
      }
      // "555.123.4567": dotted groups of 3+ digits read as one number; amounts, times, dates break.
      int dots = 0;
      std::size_t group = 0;
      bool ok = w.find_first_of(",:/") == std::string_view::npos;
      for (char c : w) {
        if (c == '.') {
          ok = ok && group >= 3;
          ++dots;
          group = 0;
        } else {
          p.digits += c;
          ++group;
        }
      }
      p.kind = ok && dots >= 2 && group >= 3 ? PieceKind::kDigits : PieceKind::kBreak;
      return p;
    }
    case TokenKind::kWord: break;
  }
  if (IsOh(w)) return Piece{PieceKind::kFlanked, "0", 0};
  if (w == "for") return Piece{PieceKind::kFlanked, "4", 0};
  if (w == "to" || w == "too") return Piece{PieceKind::kFlanked, "2", 0};
  if (w == "won") return Piece{PieceKind::kFlanked, "1", 0};
  if (w == "ate") return Piece{PieceKind::kFlanked, "8", 0};
  if (w == "double") return Piece{PieceKind::kRepeat, "", 2};
  if (w == "triple") return Piece{PieceKind::kRepeat, "", 3};
  if (w == "uh" || w == "um" || w == "er" || w == "erm" || w == "dash" || w == "hyphen")
    return Piece{PieceKind::kFiller, "", 0};
  std::string_view d = NumberWordDigits(w);
  if (d.empty()) return p;
  bool tens = d.size() == 2 && d[1] == '0' && d[0] >= '2';
  return Piece{tens ? PieceKind::kTens : PieceKind::kDigits, std::string(d), 0};
}

namespace {

bool IsSingleDigit(Piece const& p) {
  return p.kind == PieceKind::kDigits && p.digits.size() == 1;
}
bool IsDefiniteDigits(Piece const& p) {
  return p.kind == PieceKind::kDigits || p.kind == PieceKind::kTens || p.kind == PieceKind::kRepeat;
}

void Append(DigitRun& run, std::string_view digits, std::uint32_t token, bool written) {
  for (std::size_t i = 0; i < digits.size(); ++i) {
    run.shape += digits[i];
    run.token_of.push_back(token);
    run.boundary.push_back(i == 0 ? 1 : 0);
  }
  if (written)
    run.groups.push_back(static_cast<std::uint16_t>(digits.size()));
  else
    run.written_only = false;
}

}  // namespace

std::uint32_t ExtendRun(ScanContext const& ctx, std::uint32_t t, DigitRun& run) {
  Piece piece = Classify(ctx, t);
  auto const& toks = ctx.tokens.tokens;
  std::uint32_t next = toks[t].next_same_speaker;
  switch (piece.kind) {
    case PieceKind::kBreak: return kNoToken;
    case PieceKind::kLabel: run.adjacent_label = toks[t].mask; return kNoToken;
    case PieceKind::kFiller: return run.shape.empty() ? kNoToken : t;
    case PieceKind::kMask:
      for (int i = 0; i < piece.repeat; ++i) {
        run.shape += '*';
        run.token_of.push_back(t);
        run.boundary.push_back(i == 0 ? 1 : 0);
      }
      return t;
    case PieceKind::kDigits: Append(run, piece.digits, t, toks[t].kind == TokenKind::kNumber); return t;
    case PieceKind::kTens: {
      if (next != kNoToken && toks[next].phrase == toks[t].phrase) {  // "thirty / one" are two numbers
        Piece unit = Classify(ctx, next);
        if (IsSingleDigit(unit) && unit.digits != "0") {
          Append(run, std::string(1, piece.digits[0]) + unit.digits, t, false);
          return next;
        }
      }
      Append(run, piece.digits, t, false);
      return t;
    }
    case PieceKind::kRepeat: {
      if (next == kNoToken) return kNoToken;
      Piece digit = Classify(ctx, next);
      if (digit.kind == PieceKind::kFlanked && digit.digits == "0")
        digit.kind = PieceKind::kDigits;  // "double oh"
      if (digit.kind != PieceKind::kDigits || digit.digits.size() != 1) return kNoToken;
      Append(run, std::string(static_cast<std::size_t>(piece.repeat), digit.digits[0]), t, false);
      return next;
    }
    case PieceKind::kFlanked: {
      if (run.shape.empty() || run.shape.back() == '*') return kNoToken;
      // "oh" (and for/to/won/ate) is a digit only between digits; "five oh oh seven" has two.
      std::uint32_t k = next;
      while (k != kNoToken && Classify(ctx, k).kind == PieceKind::kFlanked) k = toks[k].next_same_speaker;
      if (k == kNoToken || !IsDefiniteDigits(Classify(ctx, k))) return kNoToken;
      Append(run, piece.digits, t, false);
      return t;
    }
  }
  return kNoToken;
}

MiniRun ReadMiniRun(ScanContext const& ctx, std::uint32_t start, std::size_t window, std::size_t max_digits) {
  MiniRun out;
  auto const& toks = ctx.tokens.tokens;
  std::uint32_t t = start;
  for (std::size_t seen = 0; t < ctx.size() && seen < window; ++seen, ++t) {
    if (toks[t].kind == TokenKind::kNumber && ctx.Text(t).find('/') != std::string_view::npos) {
      out.slash_token = ctx.Text(t);
      out.first = out.last = t;
      return out;
    }
    Piece p = Classify(ctx, t);
    if (IsDefiniteDigits(p) || (p.kind == PieceKind::kFlanked && p.digits == "0")) break;
    if (toks[t].kind == TokenKind::kMask) return out;
  }
  if (t >= ctx.size()) return out;
  DigitRun run;
  if (Classify(ctx, t).kind == PieceKind::kFlanked) {  // a leading "oh": "oh nine twenty six"
    Append(run, "0", t, false);
    out.first = out.last = t;
    t = toks[t].next_same_speaker;
  }
  std::uint32_t previous = out.first;
  while (t != kNoToken && run.shape.size() <= max_digits) {
    if (previous != kNoToken && InterruptedBetween(ctx, previous, t)) break;
    std::uint32_t consumed = ExtendRun(ctx, t, run);
    if (consumed == kNoToken || run.shape.find('*') != std::string::npos) break;
    if (out.first == kNoToken) out.first = t;
    out.last = previous = consumed;
    t = toks[consumed].next_same_speaker;
  }
  // Zeros ending the phrase: "four six oh", "three oh oh" (a lone "oh" is never read as a digit).
  if (t != kNoToken && !run.shape.empty() && run.shape.size() < max_digits && IsOh(ctx.Text(t))) {
    std::uint32_t k = t, zeros = 0;
    while (k != kNoToken && toks[k].phrase == toks[t].phrase && IsOh(ctx.Text(k))) {
      ++zeros;
      k = toks[k].next_same_speaker;
    }
    if (k == kNoToken || toks[k].phrase != toks[t].phrase) {
      run.shape.append(zeros, '0');
      for (std::uint32_t z = t; z != k; z = toks[z].next_same_speaker) out.last = z;
    }
  }
  out.digits = run.shape;
  return out;
}

}  // namespace gctq::analysis::pii
