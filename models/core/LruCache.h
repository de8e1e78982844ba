#pragma once

#include <QtGlobal>

#include <list>
#include <unordered_map>
#include <utility>

namespace slotdesk {

// A map of at most capacity() entries: inserting beyond it evicts the least recently used one
// (find() counts as a use). For caches that must not grow without bound however many distinct
// keys clients send.
template <typename Key, typename Value> class LruCache {
public:
    explicit LruCache(qsizetype capacity)
        : m_capacity(qMax<qsizetype>(1, capacity)) {}

    // nullptr when absent; the pointer is valid until the next insert, remove or clear.
    Value *find(const Key &key) {
        const auto it = m_index.find(key);
        if (it == m_index.end())
            return nullptr;
        m_order.splice(m_order.begin(), m_order, it->second);
        return &it->second->second;
    }
    bool contains(const Key &key) const { return m_index.count(key) > 0; }

    void insert(const Key &key, Value value) {
        const auto it = m_index.find(key);
        if (it != m_index.end()) {
            it->second->second = std::move(value);
            m_order.splice(m_order.begin(), m_order, it->second);
            return;
        }
        m_order.emplace_front(key, std::move(value));
        m_index.emplace(key, m_order.begin());
        while (qsizetype(m_index.size()) > m_capacity) {
            m_index.erase(m_order.back().first);
            m_order.pop_back();
        }
    }
    bool remove(const Key &key) {
        const auto it = m_index.find(key);
        if (it == m_index.end())
            return false;
        m_order.erase(it->second);
        m_index.erase(it);
        return true;
    }
    void clear() {
        m_index.clear();
        m_order.clear();
    }
    qsizetype size() const { return qsizetype(m_index.size()); }
    qsizetype capacity() const { return m_capacity; }

private:
    using Entry = std::pair<Key, Value>;
    qsizetype m_capacity;
    std::list<Entry> m_order; // most recently used first
    std::unordered_map<Key, typename std::list<Entry>::iterator> m_index;
};

} // namespace slotdesk
