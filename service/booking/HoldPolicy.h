#pragma once

namespace slotdesk {

// How many places one client address, and one person once known, may hold at once. Holds consults
// it on every hold, so whoever admits citizens (the waiting room, an operator) can tighten or relax
// it at run time.
class HoldPolicy {
public:
    struct Limits {
        int perClient = 10; // active holds per client address; 0: unlimited
        int perPerson = 2;  // active holds per person (a first dose and its second); 0: unlimited
    };
    HoldPolicy() = default;
    explicit HoldPolicy(Limits limits)
        : m_limits(limits) {}

    Limits limits() const { return m_limits; }
    void setLimits(Limits limits) { m_limits = limits; }
    // A client with `active` holds may take one more.
    bool allowsClient(int active) const {
        return m_limits.perClient <= 0 || active < m_limits.perClient;
    }
    bool allowsPerson(int active) const {
        return m_limits.perPerson <= 0 || active < m_limits.perPerson;
    }

private:
    Limits m_limits;
};

} // namespace slotdesk
