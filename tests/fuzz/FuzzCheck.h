#pragma once

namespace slotdesk::fuzz {

// What an entry does when one of its invariants does not hold. The libFuzzer mains keep the
// default, which prints the broken invariant and aborts, so libFuzzer saves the input as a
// finding; the corpus test installs a handler that fails the current test row and goes on.
using FailureHandler = void (*)(const char *what, const char *file, int line);
void setFailureHandler(FailureHandler handler);

// Returns `condition`; reports `what` through the failure handler when it is false.
bool check(bool condition, const char *what, const char *file, int line);

} // namespace slotdesk::fuzz

// Entries stop at the first broken invariant that later checks depend on:
//   if (!SLOTDESK_FUZZ_CHECK(end <= text.size())) return;
#define SLOTDESK_FUZZ_CHECK(condition)                                                             \
    ::slotdesk::fuzz::check(static_cast<bool>(condition), #condition, __FILE__, __LINE__)
