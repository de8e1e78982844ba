#pragma once

#include <QList>

#include <functional>

namespace slotdesk {

// How an all-or-nothing batch write (CSV import) runs.
struct BatchOptions {
    bool dryRun = false; // validate and count everything, then roll back
    // Called after each item; returning false cancels the batch (rolled back, nothing written).
    std::function<bool(int done, int total)> progress;
};

struct BatchResult {
    int inserted = 0;
    int updated = 0;
    bool cancelled = false; // the batch was rolled back on request; the returned error is None
    // Index into the batch of each item whose validation failed, parallel to StoreError::fields.
    QList<int> failedItems;
};

} // namespace slotdesk
