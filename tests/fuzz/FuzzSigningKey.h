#pragma once

#include <QByteArray>

namespace slotdesk::fuzz {

// A fixed Ed25519 key pair (from a constant seed) for the QR payload target: its seed corpus
// holds texts signed with it (QrSeedWriter), so the fuzzer reaches the verifying code too.
QByteArray fuzzPublicKey();
// The 64-byte Ed25519 signature of `message` with the fixed key.
QByteArray fuzzSign(const QByteArray &message);

} // namespace slotdesk::fuzz
