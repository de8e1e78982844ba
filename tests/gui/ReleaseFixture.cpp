#include "tests/gui/ReleaseFixture.h"

#include "net/WireFormat.h"
#include "service/staff/StaffSide.h"
#include "tests/gui/GuiTestHelpers.h"
#include "tests/gui/LoopbackClient.h"

#include <QUuid>

namespace slotdesk::test {

const QString ReleaseFixture::adminPassword = QStringLiteral("correct horse battery");

ReleaseFixture::ReleaseFixture()
    : clock(QDateTime(QDate(2026, 3, 2), QTime(8, 0), berlinTimeZone()).toUTC()) {}

ReleaseFixture::~ReleaseFixture() {
    releaseClient.reset();
    client.reset();
    fx.stop();
}

bool ReleaseFixture::start() {
    ServiceConfig config;
    config.staff.passwordLimits = PasswordHashLimits::minimal();
    if (!fx.start(config))
        return false;
    QString error;
    if (!fx.service->staff().createAdmin(QStringLiteral("admin"), adminPassword, &error)) {
        qWarning("admin: %s", qPrintable(error));
        return false;
    }
    client = loopbackClient(session, clock, fx.service->port());
    releaseClient = std::make_unique<ReleaseClient>(*client);
    return waitForResult(client->signIn(QStringLiteral("admin"), adminPassword)).ok();
}

bool ReleaseFixture::restartService() {
    fx.stop();
    ServiceConfig config;
    config.staff.passwordLimits = PasswordHashLimits::minimal();
    if (!fx.start(config))
        return false;
    client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(fx.service->port())));
    return true;
}

Centre ReleaseFixture::publishCentre(const QString &name, const QStringList &services, int lanes,
                                     int capacityPerLane) {
    Centre centre = sampleCentre(name, lanes, capacityPerLane);
    centre.id = m_nextCentreId++;
    centre.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    centre.serviceCodes = services;
    if (services.value(0).startsWith(QStringLiteral("vaccine_")))
        centre.kind = CentreKind::VaccinationCentre;
    const ServiceReply reply =
        waitForResult(client->publishCentre(centre.uuid, wire::toJson(centre)));
    if (!reply.ok())
        qWarning("publish centre: %s", qPrintable(reply.error.message));
    return centre;
}

ReleaseSource ReleaseFixture::plan(const QList<Centre> &centres, QDate first, QDate last) const {
    SlotPlanRequest request;
    request.first = first;
    request.last = last;
    for (const Centre &centre : centres) {
        OpeningHours hours;
        hours.centreId = centre.id;
        for (int day = 1; day <= 5; ++day)
            hours.weekly.append(WeeklyInterval{day, TimeRange{9 * 60, 12 * 60}, false});
        request.centres.append({centre, hours});
    }
    auto plan = std::make_shared<SlotPlan>();
    SlotGenerator::generate(request, plan.get());
    return ReleaseSource{plan, centres};
}

ReleaseSource ReleaseFixture::firstSlotsOnly(ReleaseSource source, int count) {
    auto plan = std::make_shared<SlotPlan>(*source.plan);
    plan->slots.resize(qMin(plan->slots.size(), size_t(count)));
    source.plan = plan;
    return source;
}

QString ReleaseFixture::bookByHotline(qint64 slotId, const QString &familyName) {
    const ServiceReply reply = waitForResult(releaseClient->hotlineBooking(
        QJsonObject{{QStringLiteral("slot_id"), slotId},
                    {QStringLiteral("family_name"), familyName},
                    {QStringLiteral("given_name"), QStringLiteral("Erika")},
                    {QStringLiteral("birth_date"), QStringLiteral("1950-05-17")},
                    {QStringLiteral("phone"), QStringLiteral("+49 30 555123")}}));
    if (!reply.ok())
        qWarning("hotline booking: %s", qPrintable(reply.error.message));
    return reply.object().value(QStringLiteral("code")).toString();
}

bool ReleaseFixture::setForecast(const QString &service, const QString &week, int doses) {
    const ServiceReply reply =
        waitForResult(client->put(QStringLiteral("/api/v1/forecasts/%1/%2").arg(service, week),
                                  QJsonObject{{QStringLiteral("doses"), doses}}));
    if (!reply.ok())
        qWarning("forecast: %s", qPrintable(reply.error.message));
    return reply.ok();
}

QString ReleaseFixture::createRelease(const ReleaseSource &source, const ReleaseDraft &draft) {
    QHash<qint64, QString> uuids;
    for (const Centre &centre : source.centres)
        uuids.insert(centre.id, centre.uuid);
    const QList<DraftSlot> slots = ReleaseDraftRules::selectSlots(*source.plan, draft, uuids);
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject body = ReleaseDraftRules::requestBody(
        draft, uuid, slots, ReleaseDraftRules::invitationCodes(draft.invitationCount));
    const ServiceReply reply = waitForResult(
        releaseClient->create(body, QUuid::createUuid().toByteArray(QUuid::WithoutBraces)));
    if (!reply.ok()) {
        qWarning("create release: %s", qPrintable(reply.error.message));
        return {};
    }
    return uuid;
}

QList<Release> ReleaseFixture::releases() {
    QList<Release> list;
    QString error;
    const ServiceReply reply = waitForResult(releaseClient->releases());
    if (!reply.ok() || !ReleaseClient::readReleases(reply, &list, &error))
        qWarning("releases: %s %s", qPrintable(reply.error.message), qPrintable(error));
    return list;
}

qint64 ReleaseFixture::firstSlotOf(const QString &releaseUuid) const {
    return fx.scalar(QStringLiteral("SELECT MIN(s.id) FROM slots s JOIN releases r ON "
                                    "r.id = s.release_id WHERE r.uuid = '%1'")
                         .arg(releaseUuid));
}

} // namespace slotdesk::test
