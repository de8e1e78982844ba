#pragma once

#include "service/http/Controller.h"

#include <QHttpServerResponse>
#include <QSqlDatabase>

namespace slotdesk {

class BookingEngine;
class HttpRequest;
class StaffAuth;
class StaffWriter;

// The interval between the doses of a two-dose product.
// PUT /api/v1/products/{service}   (admin) {interval_min_days, interval_max_days}: both ends
//                                  inclusive, in appointment days; 400 for min > max, a
//                                  negative figure or a product without two doses. Audited
//                                  (product.update) and streamed (product.updated) when it
//                                  changes; holds taken from then on use it, pairs booked
//                                  before stay as they are.
class ProductController final : public Controller {
public:
    ProductController(QSqlDatabase db, StaffAuth &auth, StaffWriter &writer, BookingEngine &engine);
    void registerRoutes(Router &router) override;

private:
    QHttpServerResponse put(const HttpRequest &request);

    QSqlDatabase m_db;
    StaffAuth &m_auth;
    StaffWriter &m_writer;
    BookingEngine &m_engine;
};

} // namespace slotdesk
