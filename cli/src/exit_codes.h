#pragma once

namespace gctq::cli {

/// Documented exit codes (README "Exit codes"). Stable: scripts depend on them.
enum ExitCode : int {
  kExitOk = 0,          ///< Done, complete.
  kExitIncomplete = 1,  ///< Done, but something is missing (truncated window, failed fetch) or a
                        ///< --fail-on-* condition held.
  kExitUsage = 2,       ///< Bad command line or input; nothing was sent.
  kExitAuth = 3,        ///< Credentials rejected or a permission missing.
  kExitApi = 4,         ///< The API failed (after retries), or quota exhausted.
  kExitInternal = 5,    ///< A local failure (I/O) or a bug.
};

}  // namespace gctq::cli
