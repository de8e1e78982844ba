#pragma once

#include <QString>

#include <cstddef>

namespace slotdesk {

// Hold ids and booking codes from the kernel's CSPRNG, fetched 4 KiB at a time per thread: one
// getrandom() per hold and per booking would be a system call each on the server thread. Per
// thread, because codes are also redrawn on the writer thread. Handed-out bytes are wiped from
// the pool.
class RandomPool {
public:
    static void fill(void *out, std::size_t size);
    static QString hexToken(int bytes);
    static QString bookingCode();
};

} // namespace slotdesk
