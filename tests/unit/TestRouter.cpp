#include "service/http/Router.h"

#include <QTest>

using namespace slotdesk;

class TestRouter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void routerMatchesAndListsMethods() {
        Router router;
        router.get(QStringLiteral("/api/v1/bookings/{code}"), [](const HttpRequest &) {
            return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
        });
        router.del(QStringLiteral("/api/v1/bookings/{code}"), [](const HttpRequest &) {
            return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
        });
        const Router::Match hit = router.match(QHttpServerRequest::Method::Delete,
                                               QStringLiteral("/api/v1/bookings/AB%20C"));
        QVERIFY(hit.handler);
        QCOMPARE(hit.params.at(0).second, QStringLiteral("AB C"));
        const Router::Match wrong =
            router.match(QHttpServerRequest::Method::Post, QStringLiteral("/api/v1/bookings/X"));
        QVERIFY(wrong.pathMatched);
        QVERIFY(!wrong.handler);
        QCOMPARE(wrong.allowed, QStringList({QStringLiteral("GET"), QStringLiteral("DELETE")}));
        QVERIFY(!router.match(QHttpServerRequest::Method::Get, QStringLiteral("/api/v1/bookings/"))
                     .pathMatched);
        QVERIFY(
            !router.match(QHttpServerRequest::Method::Get, QStringLiteral("/api/v1/bookings/a/b"))
                 .pathMatched);
        QCOMPARE(router.routes().size(), 2);
        QCOMPARE(router.routes().at(1).method, QStringLiteral("delete"));
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "TestRouter.moc"
