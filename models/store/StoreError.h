#pragma once

#include "models/rules/Validation.h"

#include <QString>

namespace slotdesk {

// The outcome of a store operation. On any error nothing was written (every change runs in
// one transaction that is rolled back).
struct StoreError {
    enum class Kind {
        None,
        Validation, // `fields` says which fields and why
        Conflict,   // someone changed the row since it was read (revision), or a unique key
        NotFound,
        Io,      // disk full, read-only, locked, I/O error
        Corrupt, // not a Slotdesk database, or newer schema than this build knows
    };
    Kind kind = Kind::None;
    QString message; // translated, for staff
    FieldErrors fields;

    bool ok() const { return kind == Kind::None; }
    explicit operator bool() const { return !ok(); } // true when there is an error
};

template <typename T> struct Stored {
    T value{};
    StoreError error;
};

} // namespace slotdesk
