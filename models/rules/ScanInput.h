#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace slotdesk {

// What a check-in desk makes of one scan, before anything is looked up: a booking code (typed
// by hand or by a scanner), a Slotdesk QR payload (SD1:/SD2:, verified elsewhere with the
// service's key), or something that is neither, with the reason the desk shows.
struct Scan {
    enum class Kind { BookingCode, QrPayload, Invalid };
    enum class Problem {
        None,
        WrongLength,         // not 11 code characters
        ForeignCharacters,   // characters that never appear in a booking code
        WrongCheckCharacter, // mistyped or misread: the check symbol does not match
        ForeignCode,         // another system's code (a URL, a health certificate, ...)
        TruncatedQr,         // SD1:/SD2: with fields missing: the scan was cut off
        DoubledQr,           // two payloads run together
        KeyboardLayout,      // the scanner types with another keyboard layout (':' came as 'Ö')
        TooLong,             // garbage flood without a terminator
    };

    Kind kind = Kind::Invalid;
    Problem problem = Problem::None;
    // The canonical booking code, or the QR payload exactly as scanned; the input for Invalid.
    QString text;
};

// Classifies one complete scan (terminator already removed).
Scan classifyScan(QStringView raw);

// Turns the key presses a check-in page receives into scans. USB scanners type a code in a few
// milliseconds and end it with Enter, Tab or nothing; people type slowly and may add dashes. A
// scan is complete at a terminator, as soon as the buffer holds a valid booking code or a QR
// payload with its full signature, or when no key came for `idleMs` (scanners without a
// terminator, cut-off scans). Callers feed key texts with a monotonic time in milliseconds and
// call idle() when deadline() has passed.
class ScanAssembler {
public:
    static constexpr int defaultIdleMs = 400;
    static constexpr int maxLength = 512;

    explicit ScanAssembler(int idleMs = defaultIdleMs)
        : m_idleMs(idleMs) {}

    // The text of one key event (may hold several characters, e.g. from an input method).
    // Backspace removes the last character, Escape the whole pending input.
    QList<Scan> key(QStringView text, qint64 nowMs);
    // Completes a pending scan once idleMs passed since its last key.
    std::optional<Scan> idle(qint64 nowMs);
    bool pending() const { return !m_buffer.isEmpty(); }
    // When idle() will complete the pending scan; meaningless without one.
    qint64 deadline() const { return m_lastKeyMs + m_idleMs; }
    void clear() { m_buffer.clear(); }

private:
    std::optional<Scan> completeEarly() const;
    Scan take();

    int m_idleMs;
    QString m_buffer;
    qint64 m_lastKeyMs = 0;
};

// Cameras see the same code in many consecutive frames and scanners sometimes send a code
// twice: the same text within `windowMs` of its last sighting counts once.
class RepeatFilter {
public:
    explicit RepeatFilter(int windowMs = 2000)
        : m_windowMs(windowMs) {}
    // True when `text` is new (or its window has passed); every sighting extends the window.
    bool accept(const QString &text, qint64 nowMs);

private:
    int m_windowMs;
    QString m_last;
    qint64 m_lastMs = 0;
};

} // namespace slotdesk
