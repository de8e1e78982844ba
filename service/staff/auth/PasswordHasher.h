#pragma once

#include <QString>

#include <cstddef>

namespace slotdesk {

// Argon2id cost. interactive() is the production default; minimal() exists only so that test
// suites creating many accounts stay fast, and must be chosen explicitly in the configuration.
struct PasswordHashLimits {
    unsigned long long opsLimit = 0;
    std::size_t memLimit = 0;
    static PasswordHashLimits interactive();
    static PasswordHashLimits minimal();
};

// Argon2id through libsodium's crypto_pwhash_str: the encoded hash ("$argon2id$v=19$m=...")
// carries its own salt and cost, so hashes made with other limits still verify.
class PasswordHasher {
public:
    explicit PasswordHasher(PasswordHashLimits limits = PasswordHashLimits::interactive());

    // Empty on failure (out of memory).
    QString hash(const QString &password) const;
    bool verify(const QString &encodedHash, const QString &password) const;
    // Spends the same time as verify() against a hash that never matches, so unknown logins
    // cannot be told apart from wrong passwords by timing.
    void verifyDummy(const QString &password) const;
    PasswordHashLimits limits() const { return m_limits; }

private:
    PasswordHashLimits m_limits;
    QString m_dummyHash;
};

} // namespace slotdesk
