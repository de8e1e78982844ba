#include "service/http/Router.h"
#include "tests/integration/ServiceFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

// resources/openapi/openapi.json must describe exactly the routes the running service
// registers: every registered (method, path) is in the spec and every spec operation is
// registered. Validity of the spec itself is checked by the npm validator (ctest
// openapi_validate).
class TestOpenApi : public QObject {
    Q_OBJECT

private:
    static QJsonObject loadSpec() {
        QFile file(QStringLiteral(SLOTDESK_OPENAPI_JSON));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    static QSet<QString> specOperations(const QJsonObject &spec) {
        static const QSet<QString> methods{QStringLiteral("get"),    QStringLiteral("put"),
                                           QStringLiteral("post"),   QStringLiteral("delete"),
                                           QStringLiteral("patch"),  QStringLiteral("head"),
                                           QStringLiteral("options")};
        QSet<QString> out;
        const QJsonObject paths = spec.value(QStringLiteral("paths")).toObject();
        for (auto path = paths.constBegin(); path != paths.constEnd(); ++path) {
            const QJsonObject item = path.value().toObject();
            for (auto op = item.constBegin(); op != item.constEnd(); ++op) {
                if (methods.contains(op.key()))
                    out.insert(op.key() % u' ' % path.key());
            }
        }
        return out;
    }

private Q_SLOTS:
    void specMatchesRegisteredRoutes() {
        const QJsonObject spec = loadSpec();
        QVERIFY2(!spec.isEmpty(), SLOTDESK_OPENAPI_JSON);
        ServiceFixture fx;
        QVERIFY(fx.start());
        QSet<QString> registered;
        for (const RouteInfo &route : fx.service->http().router().routes())
            registered.insert(route.method % u' ' % route.path);
        QVERIFY(registered.size() > 10);
        const QSet<QString> documented = specOperations(spec);

        QStringList undocumented = (registered - documented).values();
        undocumented.sort();
        QStringList unregistered = (documented - registered).values();
        unregistered.sort();
        QVERIFY2(undocumented.isEmpty(),
                 qPrintable(u"routes missing from openapi.json: " % undocumented.join(u", ")));
        QVERIFY2(unregistered.isEmpty(),
                 qPrintable(u"openapi.json operations the service does not register: " %
                            unregistered.join(u", ")));
    }

    void everyOperationIsDescribed() {
        const QJsonObject paths = loadSpec().value(QStringLiteral("paths")).toObject();
        QSet<QString> operationIds;
        for (auto path = paths.constBegin(); path != paths.constEnd(); ++path) {
            const QJsonObject item = path.value().toObject();
            for (auto op = item.constBegin(); op != item.constEnd(); ++op) {
                const QJsonObject operation = op.value().toObject();
                const QString where = op.key() % u' ' % path.key();
                const QString id = operation.value(QStringLiteral("operationId")).toString();
                QVERIFY2(!id.isEmpty(), qPrintable(where));
                QVERIFY2(!operationIds.contains(id), qPrintable(where));
                operationIds.insert(id);
                QVERIFY2(!operation.value(QStringLiteral("responses")).toObject().isEmpty(),
                         qPrintable(where));
                // Staff routes say who may call them.
                const bool staff = !operation.value(QStringLiteral("security")).toArray().isEmpty();
                if (staff)
                    QVERIFY2(operation.value(QStringLiteral("description"))
                                 .toString()
                                 .contains(u"Roles:"),
                             qPrintable(where));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "TestOpenApi.moc"
