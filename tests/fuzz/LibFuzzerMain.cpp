#include "tests/fuzz/FuzzEntries.h"

#include <cstddef>
#include <cstdint>

// The one libFuzzer main of every fuzz target: CMake names the entry in SLOTDESK_FUZZ_ENTRY.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    slotdesk::fuzz::SLOTDESK_FUZZ_ENTRY(QByteArrayView(data, qsizetype(size)));
    return 0;
}
