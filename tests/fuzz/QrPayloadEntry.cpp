#include "net/QrPayload.h"
#include "tests/fuzz/FuzzCheck.h"
#include "tests/fuzz/FuzzEntries.h"
#include "tests/fuzz/FuzzSigningKey.h"

namespace slotdesk::fuzz {

namespace {

bool sameFields(const QrPayload &a, const QrPayload &b) {
    return a.code == b.code && a.centreId == b.centreId && a.service == b.service &&
           a.startsAt == b.startsAt;
}

bool sameProof(const QrPayload::Proof &a, const QrPayload::Proof &b) {
    return a.version == b.version && a.signature == b.signature &&
           (a.version == 1 || (a.index == b.index && a.treeSize == b.treeSize && a.path == b.path));
}

// A verified text no longer verifies once any signed field or its tree position changes.
void checkTampering(const QrPayload &payload, const QrPayload::Proof &proof,
                    const QByteArray &publicKey) {
    const auto render = [&](const QrPayload &p, const QrPayload::Proof &q) {
        return q.version == 1 ? p.withSignature(q.signature) : p.withProof(q);
    };
    QrPayload later = payload;
    later.startsAt ^= 1;
    SLOTDESK_FUZZ_CHECK(!QrPayload::verify(render(later, proof), publicKey));
    QrPayload elsewhere = payload;
    elsewhere.centreId ^= 1;
    SLOTDESK_FUZZ_CHECK(!QrPayload::verify(render(elsewhere, proof), publicKey));
    if (proof.version == 2) {
        QrPayload::Proof moved = proof;
        moved.index = (proof.index + 1) % proof.treeSize;
        if (moved.index != proof.index)
            SLOTDESK_FUZZ_CHECK(!QrPayload::verify(render(payload, moved), publicKey));
        QrPayload::Proof other = proof;
        other.treeSize = proof.treeSize == 1 ? 2 : proof.treeSize - 1;
        SLOTDESK_FUZZ_CHECK(!QrPayload::verify(render(payload, other), publicKey));
    }
}

} // namespace

void qrPayload(QByteArrayView input) {
    const QString text = QString::fromUtf8(input);
    QrPayload::Proof proof;
    const std::optional<QrPayload> payload = QrPayload::parse(text, &proof);
    const QByteArray publicKey = fuzzPublicKey();
    const bool verified = QrPayload::verify(text, publicKey);
    if (!payload) {
        SLOTDESK_FUZZ_CHECK(!verified);
        return;
    }
    SLOTDESK_FUZZ_CHECK(proof.version == 1 || proof.version == 2);
    SLOTDESK_FUZZ_CHECK(proof.signature.size() == 64);
    for (const QByteArray &hash : proof.path)
        SLOTDESK_FUZZ_CHECK(hash.size() == 32);
    // Only the canonical spelling parses: writing the parsed fields again gives the text back,
    // and that parses to the same fields and proof.
    const QString written =
        proof.version == 1 ? payload->withSignature(proof.signature) : payload->withProof(proof);
    SLOTDESK_FUZZ_CHECK(written == text.trimmed());
    QrPayload::Proof again;
    const std::optional<QrPayload> reparsed = QrPayload::parse(written, &again);
    if (!SLOTDESK_FUZZ_CHECK(reparsed && sameFields(*reparsed, *payload) &&
                             sameProof(again, proof)))
        return;
    SLOTDESK_FUZZ_CHECK(QrPayload::parse(text, nullptr).has_value());
    if (verified) {
        SLOTDESK_FUZZ_CHECK(proof.version == 1 ||
                            (proof.index >= 0 && proof.index < proof.treeSize));
        checkTampering(*payload, proof, publicKey);
    }
}

} // namespace slotdesk::fuzz
