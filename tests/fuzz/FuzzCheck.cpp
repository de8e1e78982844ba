#include "tests/fuzz/FuzzCheck.h"

#include <cstdio>
#include <cstdlib>

namespace slotdesk::fuzz {

namespace {

void printAndAbort(const char *what, const char *file, int line) {
    std::fprintf(stderr, "%s:%d: invariant does not hold: %s\n", file, line, what);
    std::abort();
}

FailureHandler currentHandler = &printAndAbort;

} // namespace

void setFailureHandler(FailureHandler handler) {
    currentHandler = handler ? handler : &printAndAbort;
}

bool check(bool condition, const char *what, const char *file, int line) {
    if (!condition)
        currentHandler(what, file, line);
    return condition;
}

} // namespace slotdesk::fuzz
