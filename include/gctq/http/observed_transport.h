#pragma once

#include <memory>
#include <vector>

#include "gctq/http/call_observer.h"
#include "gctq/http/clock.h"
#include "gctq/http/transport.h"

namespace gctq::http {

/// Observer decorator: reports every Send (one per attempt) to each observer as a CallRecord.
/// Returns `inner` unchanged when there are no observers.
std::shared_ptr<Transport> MakeObservedTransport(std::shared_ptr<Transport> inner,
                                                 std::vector<std::shared_ptr<CallObserver>> observers,
                                                 std::shared_ptr<Clock> clock);

}  // namespace gctq::http
