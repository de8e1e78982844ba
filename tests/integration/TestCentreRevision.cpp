// GET of a published centre and If-Match on the publish PUTs: the revision the console last saw
// decides whether its change goes through.
#include "tests/integration/StaffSuite.h"

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

QString centrePath() {
    return QStringLiteral("/api/v1/centres/") + centreUuid;
}

QString hoursPath() {
    return centrePath() + QStringLiteral("/opening-hours");
}

QJsonObject tuesdayHours(const QString &start, const QString &end) {
    return {{QStringLiteral("weekly"), QJsonArray{QJsonObject{{QStringLiteral("weekday"), 2},
                                                              {QStringLiteral("start"), start},
                                                              {QStringLiteral("end"), end}}}}};
}

HttpHeaders ifMatch(const QString &token, const QByteArray &value) {
    HttpHeaders headers = bearer(token);
    headers.append({QByteArrayLiteral("If-Match"), value});
    return headers;
}

} // namespace

class TestCentreRevision : public StaffSuite {
    Q_OBJECT

private:
    HttpReply putWith(const QString &path, const QJsonObject &body, const QByteArray &match) {
        return m_http->call("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                            ifMatch(m_admin, match));
    }

private Q_SLOTS:
    void init() {
        QVERIFY(startService());
        const HttpReply created = m_http->put(centrePath(), centreJson(), m_admin);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.header("ETag"), QByteArray("\"1\""));
    }
    void cleanup() { stopService(); }

    void getAnswersRevisionAndHours() {
        QCOMPARE(m_http
                     ->put(hoursPath(),
                           tuesdayHours(QStringLiteral("08:00"), QStringLiteral("18:00")), m_admin)
                     .status,
                 200);
        const HttpReply answer = m_http->get(centrePath(), m_admin);
        QCOMPARE(answer.status, 200);
        // Publishing the hours is a change of the centre: revision 2.
        QCOMPARE(answer.json.value(QStringLiteral("revision")).toInt(), 2);
        QCOMPARE(answer.header("ETag"), QByteArray("\"2\""));
        const QJsonObject centre = answer.json.value(QStringLiteral("centre")).toObject();
        QCOMPARE(centre.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Impfzentrum Messe"));
        QCOMPARE(centre.value(QStringLiteral("revision")).toInt(), 2);
        const QJsonArray weekly = answer.json.value(QStringLiteral("opening_hours"))
                                      .toObject()
                                      .value(QStringLiteral("weekly"))
                                      .toArray();
        QCOMPARE(weekly.size(), 1);
        QCOMPARE(weekly.at(0).toObject().value(QStringLiteral("start")).toString(),
                 QStringLiteral("08:00"));
    }

    void getUnknownCentre() {
        const HttpReply answer = m_http->get(
            QStringLiteral("/api/v1/centres/00000000-0000-4000-8000-000000000001"), m_admin);
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.error(), QStringLiteral("unknown_centre"));
        QCOMPARE(m_http->get(centrePath(), QString()).status, 401);
    }

    void getAsDeskStaff() {
        createUser(QStringLiteral("desk1"), QStringLiteral("desk"), deskPassword);
        const QString desk = m_http->login(QStringLiteral("desk1"), deskPassword);
        const HttpReply answer = m_http->get(centrePath(), desk);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value(QStringLiteral("revision")).toInt(), 1);
    }

    void putCentreWithCurrentRevision() {
        QJsonObject renamed = centreJson(QStringLiteral("Impfzentrum Messe Nord"));
        const HttpReply answer = putWith(centrePath(), renamed, "\"1\"");
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value(QStringLiteral("revision")).toInt(), 2);
        QCOMPARE(answer.header("ETag"), QByteArray("\"2\""));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT revision FROM centres")), 2);
    }

    void putCentreWithStaleRevision() {
        QCOMPARE(
            putWith(centrePath(), centreJson(QStringLiteral("Zweite Fassung")), "\"1\"").status,
            200);
        const qint64 eventsBefore = m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM events"));
        const HttpReply stale =
            putWith(centrePath(), centreJson(QStringLiteral("Dritte Fassung")), "\"1\"");
        QCOMPARE(stale.status, 412);
        QCOMPARE(stale.error(), QStringLiteral("revision_conflict"));
        QCOMPARE(stale.json.value(QStringLiteral("revision")).toInt(), 2);
        QCOMPARE(stale.header("ETag"), QByteArray("\"2\""));
        QCOMPARE(stale.json.value(QStringLiteral("centre"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Zweite Fassung"));
        QVERIFY(stale.json.value(QStringLiteral("opening_hours")).isObject());
        // Nothing changed: same revision, same name, no event.
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT revision FROM centres")), 2);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM centres WHERE name = "
                                             "'Zweite Fassung'")),
                 1);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM events")), eventsBefore);
    }

    void putHoursHonoursIfMatch() {
        const QJsonObject hours = tuesdayHours(QStringLiteral("08:00"), QStringLiteral("18:00"));
        const HttpReply current = putWith(hoursPath(), hours, "\"1\"");
        QCOMPARE(current.status, 200);
        QCOMPARE(current.header("ETag"), QByteArray("\"2\""));
        const HttpReply stale = putWith(
            hoursPath(), tuesdayHours(QStringLiteral("10:00"), QStringLiteral("12:00")), "\"1\"");
        QCOMPARE(stale.status, 412);
        QCOMPARE(stale.error(), QStringLiteral("revision_conflict"));
        QCOMPARE(stale.json.value(QStringLiteral("revision")).toInt(), 2);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT start_minute FROM opening_rules")), 8 * 60);
        // The centre PUT after the hours must name the revision the hours PUT answered.
        QCOMPARE(putWith(centrePath(), centreJson(), "\"1\"").status, 412);
        QCOMPARE(putWith(centrePath(), centreJson(), "W/\"2\"").status, 200);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT revision FROM centres")), 3);
    }

    void putWithoutIfMatchStillWorks() {
        QCOMPARE(
            m_http->put(centrePath(), centreJson(QStringLiteral("Ohne Revision")), m_admin).status,
            200);
        QCOMPARE(putWith(centrePath(), centreJson(), "*").status, 200);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT revision FROM centres")), 3);
    }

    void badIfMatch_data() {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("text") << QByteArray("\"abc\"");
        QTest::newRow("zero") << QByteArray("\"0\"");
        QTest::newRow("negative") << QByteArray("-1");
    }

    void badIfMatch() {
        QFETCH(QByteArray, value);
        const HttpReply answer = putWith(centrePath(), centreJson(), value);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.field(), QStringLiteral("If-Match"));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT revision FROM centres")), 1);
    }

    void ifMatchOnUnknownCentre() {
        const HttpReply answer =
            putWith(QStringLiteral("/api/v1/centres/00000000-0000-4000-8000-000000000001"),
                    centreJson(QStringLiteral("Neu")), "\"1\"");
        QCOMPARE(answer.status, 412);
        QCOMPARE(answer.json.value(QStringLiteral("revision")).toInt(), 0);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM centres")), 1);
    }
};

QTEST_GUILESS_MAIN(TestCentreRevision)
#include "TestCentreRevision.moc"
