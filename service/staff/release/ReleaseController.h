#pragma once

#include "models/domain/Release.h"
#include "service/http/Controller.h"
#include "service/http/JsonResponse.h"

#include <QHttpServerResponse>
#include <QSqlDatabase>

#include <optional>

namespace slotdesk {

class BookingEngine;
class HttpRequest;
class ReleaseOpener;
class StaffAuth;
class StaffWriter;

// Releases: batches of slots that become bookable at an announced time.
// POST /api/v1/releases                     (admin) {uuid, name, opens_at: Unix seconds | "now",
//                                           slots: [NewSlot]}: the slots and the release in one
//                                           transaction. Idempotency-Key (or the same uuid with
//                                           the same body) replays the first answer.
// GET  /api/v1/releases                     (admin, supervisor) every release with its state
// GET  /api/v1/releases/{uuid}              (admin, supervisor) one release
// POST /api/v1/releases/{uuid}/withdraw     (admin) {} or {slot_ids}: unbooked places go
// GET  /api/v1/releases/{uuid}/bookings     (admin, supervisor) active bookings to contact;
//                                           JSON, or CSV with Accept: text/csv (audited)
// Every change commits with its audit row and stream event; memory (BookingEngine) follows.
class ReleaseController final : public Controller {
public:
    ReleaseController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer, BookingEngine &engine,
                      ReleaseOpener &opener);
    void registerRoutes(Router &router) override;

private:
    // The engine's eligibility rules and invitation codes of the stored releases (at start).
    bool restoreAdmissions();
    QHttpServerResponse create(const HttpRequest &request);
    QHttpServerResponse list(const HttpRequest &request);
    QHttpServerResponse show(const HttpRequest &request);
    QHttpServerResponse withdraw(const HttpRequest &request);
    QHttpServerResponse bookings(const HttpRequest &request);

    // The answer to a create that was stored before (same key or uuid), or a refusal when the
    // earlier request differed. nullopt: nothing stored yet.
    std::optional<QHttpServerResponse> replay(const QString &key, const QString &uuid,
                                              const QString &requestHash);
    QHttpServerResponse releaseAnswer(const QString &uuid, HttpStatus status);
    std::optional<Release> findRelease(const HttpRequest &request,
                                       std::optional<QHttpServerResponse> *refusal);

    QSqlDatabase m_db;
    StaffAuth &m_auth;
    StaffWriter &m_writer;
    BookingEngine &m_engine;
    ReleaseOpener &m_opener;
};

} // namespace slotdesk
