#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace slotdesk {

// The text inside a booking's QR code, verifiable offline at a check-in desk with the service's
// Ed25519 public key (GET /api/v1/public-key). Only the booking code and where and when it is
// valid are inside: a scanned QR reveals no personal data.
//
// v2 (issued now): one Ed25519 signature covers a whole batch of bookings through a Merkle tree
// (RFC 9162 shape, BLAKE2b-256), so the service signs once per batch instead of once per booking:
//   SD2:<code>:<centre id>:<service>:<slot start, Unix seconds>:<leaf index>/<tree size>:
//       <audit path>:<signature>
//   leaf  = BLAKE2b-256(0x00 || "SD2:<code>:<centre id>:<service>:<start>")   (UTF-8)
//   node  = BLAKE2b-256(0x01 || left || right)
//   tree  = RFC 9162 §2.1.1: the left subtree holds the largest power of two below the size; an
//           odd node is promoted, never duplicated (so no two leaf lists share a root)
//   path  = RFC 9162 §2.1.3 inclusion path, leaf to root, 32 bytes per hash, concatenated and
//           base64url without padding (empty for a tree of one)
//   signature = Ed25519 over "slotdesk-qr-root-v1" || tree size (4 bytes, big-endian) || root,
//           base64url without padding
// v1 (issued before; still verified, stored answers contain it):
//   SD1:<code>:<centre id>:<service>:<start>:<signature of everything before the last ':'>
// Verification accepts only the canonical spelling (re-serialising the parsed fields must give
// the scanned text back), so no two texts verify for the same booking and proof.
struct QrPayload {
    QString code; // canonical booking code
    qint64 centreId = 0;
    QString service;
    qint64 startsAt = 0;

    // Where a v2 payload sits in its signed tree.
    struct Proof {
        int version = 2;
        int index = 0;
        int treeSize = 1;
        QList<QByteArray> path; // 32-byte sibling hashes, leaf to root (v2 only)
        QByteArray signature;   // 64 bytes
    };

    // Trees are cut at this many leaves, so a path has at most 5 hashes.
    static constexpr int maxTreeSize = 32;

    // v1: the signed part ("SD1:...:<start>") and the full text with its signature.
    QByteArray signedText() const;
    QString withSignature(const QByteArray &signature) const;

    // v2: "SD2:...:<start>", the hashed leaf content, and the full text with its proof.
    QByteArray leafText() const;
    QString withProof(const Proof &proof) const;

    // Signs `payloads` with one signature per tree of at most maxTreeSize leaves (bigger
    // batches are split into trees of nearly equal size). `sign` gets the root message and
    // returns a 64-byte Ed25519 signature. Returns the v2 texts in the order of `payloads`.
    static QStringList signBatch(const QList<QrPayload> &payloads,
                                 const std::function<QByteArray(const QByteArray &)> &sign);

    // Parses a scanned text (v1 or v2, canonical spelling only); nullopt otherwise. *proof (may
    // be null) gets the version, signature and, for v2, the tree position and path.
    static std::optional<QrPayload> parse(const QString &text, Proof *proof);
    // True when `text` parses and its signature verifies with the 32-byte Ed25519 public key
    // (v2: over the root recomputed from the leaf, its index and its path).
    static bool verify(const QString &text, const QByteArray &publicKey);
};

} // namespace slotdesk
