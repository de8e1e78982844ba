#pragma once

#include "models/rules/ScanInput.h"

#include <QCoreApplication>
#include <QString>

namespace slotdesk {

struct ServiceReply;

// The answer a check-in desk shows for one scan: its colour, a headline readable from a metre
// away, the reason in a sentence, and the person and appointment to compare with the ID card.
struct CheckInVerdict {
    Q_DECLARE_TR_FUNCTIONS(CheckInVerdict)

public:
    enum class Tone { Pending, Ok, Attention, Refused };

    Tone tone = Tone::Pending;
    QString headline;
    QString reason;
    QString code; // grouped booking code, when one was read
    QString name; // "Family, Given"
    QString birthDate;
    QString service;
    QString slotTime; // Berlin, "Mi 04.03. 10:15"

    // A scan that was no booking code or Slotdesk QR code.
    static CheckInVerdict forScan(const Scan &scan);
    // Waiting for the service.
    static CheckInVerdict checking(const QString &code);
    // A QR code whose signature does not verify with the service's key.
    static CheckInVerdict forgedSignature(const QString &code);
    // The service's answer to POST /api/v1/bookings/{code}/check-in.
    static CheckInVerdict forReply(const QString &code, const ServiceReply &reply);
};

} // namespace slotdesk
