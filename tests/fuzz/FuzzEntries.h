#pragma once

#include <QByteArrayView>

namespace slotdesk::fuzz {

// One entry per fuzzed parser: it takes arbitrary bytes, runs them through the parser the way
// the service does, and checks what the parser promises (SLOTDESK_FUZZ_CHECK) besides not
// crashing. The libFuzzer mains (LibFuzzerMain.cpp) and the corpus test (TestFuzzCorpus.cpp)
// call the same functions.

// A connection's bytes through the request head search and parseRequestHead, pipelined.
void requestHead(QByteArrayView input);
// A request body through parseJsonObject and the JsonFields reads of the real routes.
void jsonFields(QByteArrayView input);
// Typed or scanned text through BookingCode::parse.
void bookingCode(QByteArrayView input);
// A scanned QR text through QrPayload::parse and QrPayload::verify.
void qrPayload(QByteArrayView input);

struct Entry {
    const char *corpus; // folder under tests/data/fuzz
    void (*run)(QByteArrayView input);
};

inline constexpr Entry entries[] = {{"request-head", &requestHead},
                                    {"json-fields", &jsonFields},
                                    {"booking-code", &bookingCode},
                                    {"qr-payload", &qrPayload}};

} // namespace slotdesk::fuzz
