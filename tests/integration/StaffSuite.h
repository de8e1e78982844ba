#pragma once

#include "service/EventHub.h"
#include "service/booking/BookingEngine.h"
#include "service/staff/StaffSide.h"
#include "tests/integration/ServiceFixture.h"
#include "tests/support/TestHttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace slotdesk::test {

inline const QString adminPassword = QStringLiteral("correct horse battery");
inline const QString deskPassword = QStringLiteral("desk password 1");
inline const QString supervisorPassword = QStringLiteral("supervisor pw 1");
inline const QString centreUuid = QStringLiteral("5b1c2a9e-3f0d-4e8a-9c71-2d4b6a8e0f13");
inline const QString otherCentreUuid = QStringLiteral("0c4f8a21-7d3e-4b9a-8e52-6a1d9f3c7b04");

inline QJsonObject centreJson(const QString &name = QStringLiteral("Impfzentrum Messe")) {
    return {{QStringLiteral("name"), name},
            {QStringLiteral("street"), QStringLiteral("Messeplatz 1")},
            {QStringLiteral("postcode"), QStringLiteral("50679")},
            {QStringLiteral("city"), QStringLiteral("Köln")},
            {QStringLiteral("kind"), QStringLiteral("vaccination")},
            {QStringLiteral("services"),
             QJsonArray{QStringLiteral("pcr"), QStringLiteral("vaccine_comirnaty")}},
            {QStringLiteral("lanes"), 2},
            {QStringLiteral("capacity_per_lane"), 3},
            {QStringLiteral("slot_minutes"), 15}};
}

// Tuesday 3 March 2026 (the fixture's clock is Monday 2 March, 08:00 Berlin).
inline QString slotStartText(int index) {
    return QDateTime(QDate(2026, 3, 3), QTime(9, 0), berlinTimeZone())
        .addSecs(qint64(index) * 900)
        .toOffsetFromUtc(3600)
        .toString(Qt::ISODateWithMs)
        .replace(QStringLiteral(".000"), QString());
}

// What the staff suites share: a service on loopback with an admin signed in, and helpers to
// create accounts, publish slots and book through the engine.
class StaffSuite : public QObject {
protected:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_admin;

    StaffSide &staff() { return m_fx->service->staff(); }

    bool startService(ServiceConfig config = {}) {
        m_fx = std::make_unique<ServiceFixture>();
        config.staff.passwordLimits = PasswordHashLimits::minimal();
        if (!m_fx->start(config))
            return false;
        m_http = std::make_unique<TestHttpClient>(m_fx->service->port());
        QString error;
        if (!staff().createAdmin(QStringLiteral("admin"), adminPassword, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        m_admin = m_http->login(QStringLiteral("admin"), adminPassword);
        return !m_admin.isEmpty();
    }

    void createUser(const QString &login, const QString &role, const QString &password) {
        const HttpReply created = m_http->post(QStringLiteral("/api/v1/staff"),
                                               {{QStringLiteral("login"), login},
                                                {QStringLiteral("role"), role},
                                                {QStringLiteral("password"), password}},
                                               m_admin);
        QCOMPARE(created.status, 201);
    }

    // Publishes the centre and `count` pcr slots with `capacity`; returns the slot ids.
    QList<qint64> publishCentreAndSlots(int count, int capacity) {
        const HttpReply centre =
            m_http->put(QStringLiteral("/api/v1/centres/") + centreUuid, centreJson(), m_admin);
        if (centre.status != 201)
            qWarning("publish centre: %d %s", centre.status, centre.body.constData());
        QJsonArray slots;
        for (int i = 0; i < count; ++i)
            slots.append(QJsonObject{{QStringLiteral("centre"), centreUuid},
                                     {QStringLiteral("service"), QStringLiteral("pcr")},
                                     {QStringLiteral("start"), slotStartText(i)},
                                     {QStringLiteral("minutes"), 15},
                                     {QStringLiteral("capacity"), capacity}});
        const HttpReply published = m_http->post(QStringLiteral("/api/v1/slots"),
                                                 {{QStringLiteral("slots"), slots}}, m_admin);
        if (published.status != 201)
            qWarning("publish slots: %d %s", published.status, published.body.constData());
        QList<qint64> ids;
        for (const QJsonValue &id : published.json.value(QStringLiteral("ids")).toArray())
            ids.append(id.toInteger());
        return ids;
    }

    // A citizen booking through the engine (the citizen routes have their own suite).
    QString book(qint64 slotId, const QString &family) {
        HoldInfo hold;
        if (m_fx->service->engine().hold(slotId, QStringLiteral("pcr"), &hold))
            return {};
        ConfirmRequest request;
        request.holdId = hold.id;
        request.familyName = family;
        request.givenName = QStringLiteral("Erika");
        request.birthDate = QDate(1980, 5, 17);
        request.email = family.toLower() % QStringLiteral("@example.org");
        const WriteOutcome outcome = m_fx->service->engine().confirm(request);
        if (outcome.error)
            return {};
        return outcome.booking.code;
    }

    qint64 auditCount(const QString &action) {
        return m_fx->scalar(
            QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = '%1'").arg(action));
    }

    QStringList bookAtTwoCentres() {
        const QList<qint64> mine = publishCentreAndSlots(1, 2);
        const HttpReply centre =
            m_http->put(QStringLiteral("/api/v1/centres/") + otherCentreUuid,
                        centreJson(QStringLiteral("Testzentrum Süd")), m_admin);
        if (centre.status != 201 || mine.isEmpty())
            return {};
        const HttpReply slot = m_http->post(
            QStringLiteral("/api/v1/slots"),
            {{QStringLiteral("slots"),
              QJsonArray{QJsonObject{{QStringLiteral("centre"), otherCentreUuid},
                                     {QStringLiteral("service"), QStringLiteral("pcr")},
                                     {QStringLiteral("start"), slotStartText(0)},
                                     {QStringLiteral("minutes"), 15},
                                     {QStringLiteral("capacity"), 2}}}}},
            m_admin);
        if (slot.status != 201)
            return {};
        return {book(mine.constFirst(), QStringLiteral("Anders")),
                book(slot.json.value(QStringLiteral("ids")).toArray().at(0).toInteger(),
                     QStringLiteral("Berger"))};
    }

    QStringList codesOf(const HttpReply &answer) {
        QStringList codes;
        for (const QJsonValue &item : answer.json.value(QStringLiteral("items")).toArray())
            codes.append(item.toObject().value(QStringLiteral("code")).toString());
        return codes;
    }

    // The newest audit row of an action: actor and detail.
    QPair<QString, QJsonObject> lastAudit(const QString &action) {
        QSqlQuery q(m_fx->service->database());
        q.prepare(QStringLiteral("SELECT actor, detail FROM audit_log WHERE action = ? ORDER BY "
                                 "id DESC LIMIT 1"));
        q.addBindValue(action);
        if (!q.exec() || !q.next())
            return {};
        return {q.value(0).toString(),
                QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object()};
    }

    void stopService() {
        m_http.reset();
        m_fx.reset();
    }
};

} // namespace slotdesk::test
