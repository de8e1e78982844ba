#include "service/staff/StaffSide.h"

#include "models/core/Clock.h"
#include "service/staff/StaffWriter.h"
#include "service/staff/audit/AuditController.h"
#include "service/staff/auth/AuthController.h"
#include "service/staff/auth/StaffAuth.h"
#include "service/staff/auth/StaffUserController.h"
#include "service/staff/desk/DeskController.h"
#include "service/staff/products/ProductController.h"
#include "service/staff/publish/PublishController.h"
#include "service/staff/release/ForecastController.h"
#include "service/staff/release/HotlineController.h"
#include "service/staff/release/ReleaseController.h"
#include "service/staff/release/ReleaseOpener.h"
#include "service/staff/stream/EventStream.h"

#include <QCoreApplication>

namespace slotdesk {

StaffSide::StaffSide(QSqlDatabase db, EventLog &events, EventHub &hub, BookingEngine &engine,
                     HttpServer &http, const Clock &clock, const StaffSettings &settings)
    : m_auth(std::make_unique<StaffAuth>(db, clock, settings))
    , m_writer(std::make_unique<StaffWriter>(db, events, hub, m_auth->audit()))
    , m_stream(std::make_unique<EventStream>(http, *m_auth, events, hub, settings))
    , m_opener(std::make_unique<ReleaseOpener>(db, *m_writer, engine, clock)) {
    if (!m_opener->load())
        qWarning("scheduled releases could not be read: they become bookable on time, but their "
                 "state and release.opened event wait for a restart");
    m_controllers.push_back(std::make_unique<AuthController>(*m_auth, *m_writer));
    m_controllers.push_back(std::make_unique<StaffUserController>(*m_auth, *m_writer));
    m_controllers.push_back(std::make_unique<AuditController>(*m_auth));
    m_controllers.push_back(std::make_unique<PublishController>(db, *m_auth, *m_writer, engine));
    m_controllers.push_back(std::make_unique<DeskController>(db, *m_auth, *m_writer));
    m_controllers.push_back(
        std::make_unique<ReleaseController>(db, *m_auth, *m_writer, engine, *m_opener));
    m_controllers.push_back(std::make_unique<HotlineController>(*m_auth, *m_writer, engine));
    m_controllers.push_back(std::make_unique<ForecastController>(db, *m_auth, *m_writer));
    m_controllers.push_back(std::make_unique<ProductController>(db, *m_auth, *m_writer, engine));
}

StaffSide::~StaffSide() = default;

void StaffSide::registerRoutes(Router &router) {
    for (const auto &controller : m_controllers)
        controller->registerRoutes(router);
    m_stream->registerRoutes(router);
}

bool StaffSide::createAdmin(const QString &login, const QString &password, QString *error) {
    const qint64 now = m_auth->now();
    StaffAccounts::Result result;
    m_writer->run([&](StaffWriter::Transaction &tx) {
        result = m_auth->accounts().create(login, QString(), StaffRole::Admin, password, now);
        return result.error == StaffAccounts::Error::None &&
               tx.audit({now, QStringLiteral("bootstrap"), QStringLiteral("staff.create"),
                         QStringLiteral("staff_user"), login,
                         QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}}});
    });
    switch (result.error) {
    case StaffAccounts::Error::None:
        if (result.user.id != 0)
            return true;
        break;
    case StaffAccounts::Error::InvalidLogin:
        *error = QCoreApplication::translate(
            "StaffSide", "A login has 3 to 64 characters: a-z, 0-9, dot, underscore or hyphen.");
        return false;
    case StaffAccounts::Error::WeakPassword:
        *error = QCoreApplication::translate("StaffSide",
                                             "The password must have 10 to 1024 characters.");
        return false;
    case StaffAccounts::Error::DuplicateLogin:
        *error =
            QCoreApplication::translate("StaffSide", "The login \"%1\" exists already.").arg(login);
        return false;
    default:
        break;
    }
    *error = QCoreApplication::translate("StaffSide", "The account could not be stored.");
    return false;
}

} // namespace slotdesk
