#include "service/booking/RandomPool.h"

#include "models/booking/BookingCode.h"

#include <QByteArray>

#include <algorithm>
#include <array>
#include <cstring>
#include <sodium.h>

namespace slotdesk {

void RandomPool::fill(void *out, std::size_t size) {
    thread_local std::array<unsigned char, 4096> pool;
    thread_local std::size_t used = pool.size();
    auto *to = static_cast<unsigned char *>(out);
    while (size > 0) {
        if (used == pool.size()) {
            randombytes_buf(pool.data(), pool.size());
            used = 0;
        }
        const std::size_t n = std::min(size, pool.size() - used);
        std::memcpy(to, pool.data() + used, n);
        sodium_memzero(pool.data() + used, n);
        used += n;
        to += n;
        size -= n;
    }
}

QString RandomPool::hexToken(int bytes) {
    QByteArray raw(bytes, Qt::Uninitialized);
    fill(raw.data(), std::size_t(raw.size()));
    return QString::fromLatin1(raw.toHex());
}

QString RandomPool::bookingCode() {
    quint64 bits = 0;
    fill(&bits, sizeof bits);
    return BookingCode::fromBits(bits);
}

} // namespace slotdesk
