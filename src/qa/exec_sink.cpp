#include "gctq/qa/exec_sink.h"

#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <cctype>
#include <cerrno>
#include <ctime>
#include <mutex>
#include <string_view>
#include <vector>

extern char** environ;  // NOLINT: POSIX

namespace gctq::qa {

struct ExecQaSink::State {
  std::mutex mu;
  pid_t pid = -1;
  int stdin_fd = -1;
  std::string command;
  std::function<std::chrono::system_clock::time_point()> clock;
};

namespace {

/// write() with SIGPIPE blocked on this thread, so a command that exited early is an error value,
/// not a process-killing signal; a pending SIGPIPE is consumed before unblocking.
bool WriteAllNoSigpipe(int fd, std::string_view bytes) {
  sigset_t pipe_set, old_set;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_set, &old_set);
  bool ok = true;
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ok = false;
      break;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  if (!ok) {
    timespec zero{};
    sigtimedwait(&pipe_set, nullptr, &zero);
  }
  pthread_sigmask(SIG_SETMASK, &old_set, nullptr);
  return ok;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

bool IsSecretEnvironmentEntry(std::string_view entry) {
  auto const eq = entry.find('=');
  std::string_view const name = entry.substr(0, eq);
  std::string_view const value = eq == std::string_view::npos ? std::string_view() : entry.substr(eq + 1);
  std::string upper(name);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return Contains(upper, "SECRET") || Contains(upper, "TOKEN") || Contains(upper, "PASSWORD") ||
         value.substr(0, 6) == "whsec_";
}

ExecQaSink::ExecQaSink(std::unique_ptr<State> state) : state_(std::move(state)) {}

ExecQaSink::~ExecQaSink() {
  (void)Finish();
}

Result<std::unique_ptr<ExecQaSink>> ExecQaSink::Start(
    std::string const& command, std::function<std::chrono::system_clock::time_point()> clock) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return MakeError(ErrorCode::kIo, "--qa-exec: cannot create a pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
  char const* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
  std::vector<char*> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (!IsSecretEnvironmentEntry(*entry)) env.push_back(*entry);
  }
  env.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, "/bin/sh", &actions, nullptr, const_cast<char* const*>(argv), env.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[0]);
  if (rc != 0) {
    ::close(fds[1]);
    return MakeError(ErrorCode::kIo, "--qa-exec: cannot start /bin/sh");
  }
  auto state = std::make_unique<State>();
  state->pid = pid;
  state->stdin_fd = fds[1];
  state->command = command;
  state->clock = clock ? std::move(clock) : [] { return std::chrono::system_clock::now(); };
  return std::unique_ptr<ExecQaSink>(new ExecQaSink(std::move(state)));
}

Status ExecQaSink::WriteLine(std::string_view type, std::string const& data_json) {
  auto line = MakeEnvelope(type, data_json, state_->clock()) + "\n";
  std::lock_guard lock(state_->mu);
  if (state_->stdin_fd < 0 || !WriteAllNoSigpipe(state_->stdin_fd, line)) {
    return MakeError(ErrorCode::kUnavailable, "--qa-exec: the command is no longer reading its input");
  }
  return Ok{};
}

Status ExecQaSink::OnPage(PageMetrics const& page) {
  return WriteLine(kPageEventType, ToJson(page));
}

Status ExecQaSink::OnConversation(ConversationEvent const& conversation) {
  return WriteLine(kConversationEventType, ToJson(conversation));
}

Status ExecQaSink::Finish() {
  std::lock_guard lock(state_->mu);
  if (state_->pid < 0) return Ok{};
  if (state_->stdin_fd >= 0) ::close(state_->stdin_fd);
  state_->stdin_fd = -1;
  int status = 0;
  while (::waitpid(state_->pid, &status, 0) < 0 && errno == EINTR) {
  }
  state_->pid = -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return MakeError(ErrorCode::kUnavailable, "--qa-exec: the command exited with a failure status");
  }
  return Ok{};
}

}  // namespace gctq::qa
