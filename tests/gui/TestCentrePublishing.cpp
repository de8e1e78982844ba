// Publishing centres from the centres page to a real service on loopback, in German: the
// publish-state column, an unreachable service (nothing lost, publish later) and a conflict
// with both of its resolutions.
#include "models/itemmodels/CentreTableModel.h"
#include "net/ServiceClient.h"
#include "net/Session.h"
#include "net/WireFormat.h"
#include "service/staff/StaffSide.h"
#include "tests/gui/ConsoleFixture.h"
#include "tests/gui/LoopbackClient.h"
#include "tests/integration/ServiceFixture.h"
#include "ui/centres/CentrePublisher.h"
#include "ui/centres/CentresPage.h"
#include "ui/centres/PublishConflictDialog.h"
#include "ui/shell/Language.h"

#include <QAction>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUuid>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QString adminPassword = QStringLiteral("correct horse battery");
constexpr int kWaitMs = 20000;

} // namespace

class TestCentrePublishing : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ServiceClient> m_client;
    std::unique_ptr<ConsoleFixture> m_console;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(13, 5), Qt::UTC)};

    CentresPage *page() { return m_console->window().centresPage(); }

    std::optional<PublishState> stateOf(qint64 centreId) {
        const std::optional<CentreTableModel::PublishInfo> info =
            page()->model()->publishInfo(centreId);
        if (!info)
            return std::nullopt;
        return info->state;
    }

    QString cellText(qint64 centreId) {
        const int row = page()->model()->rowOf(centreId);
        return page()->model()->index(row, CentreTableModel::Publication).data().toString();
    }

    // The service's name of the centre, or empty when it does not have it.
    QString serviceName(const QString &uuid) {
        QSqlQuery query(m_fx->service->database());
        if (!query.prepare(QStringLiteral("SELECT name FROM centres WHERE uuid = ?")))
            return {};
        query.addBindValue(uuid);
        if (!query.exec() || !query.next())
            return {};
        return query.value(0).toString();
    }

    bool publish(qint64 centreId) {
        QSignalSpy finished(page(), &CentresPage::publishFinished);
        if (!QTest::qWaitFor([&] { return page()->model()->rowOf(centreId) >= 0; }, kWaitMs))
            return false;
        page()->selectCentre(centreId);
        if (!page()->publishAction()->isEnabled()) {
            qWarning("publish action disabled");
            return false;
        }
        page()->publishAction()->trigger();
        return finished.wait(kWaitMs) || finished.count() == 1;
    }

    Centre seedWithHours(const QString &name) {
        const Centre centre = m_console->seed(sampleCentre(name));
        OpeningHours hours;
        hours.centreId = centre.id;
        hours.weekly = {WeeklyInterval{1, TimeRange{8 * 60, 16 * 60}, false}};
        const StoreError error = waitForResult(m_console->store().saveOpeningHours(hours));
        if (error)
            qWarning("hours: %s", qPrintable(error.message));
        return centre;
    }

    // Another admin changes the centre on the service directly.
    void changeOnService(const Centre &centre, const QString &newName) {
        Session session;
        ServiceClient other(session, m_clock);
        other.setBaseUrl(m_client->baseUrl());
        other.setRetries(0, 0);
        QVERIFY(waitForResult(other.signIn(QStringLiteral("other"), adminPassword)).ok());
        Centre changed = centre;
        changed.name = newName;
        changed.phone = QStringLiteral("030 7654321");
        const ServiceReply reply =
            waitForResult(other.publishCentre(centre.uuid, wire::toJson(changed)));
        QVERIFY2(reply.ok(), qPrintable(reply.error.message));
    }

    // Another admin changes only the opening hours on the service: a new revision of the centre.
    void changeHoursOnService(const Centre &centre) {
        Session session;
        ServiceClient other(session, m_clock);
        other.setBaseUrl(m_client->baseUrl());
        other.setRetries(0, 0);
        QVERIFY(waitForResult(other.signIn(QStringLiteral("other"), adminPassword)).ok());
        OpeningHours hours;
        hours.weekly = {WeeklyInterval{3, TimeRange{10 * 60, 14 * 60}, false}};
        const ServiceReply reply =
            waitForResult(other.publishOpeningHours(centre.uuid, wire::toJson(hours)));
        QVERIFY2(reply.ok(), qPrintable(reply.error.message));
    }

private Q_SLOTS:
    void initTestCase() {
        isolateSettings();
        QVERIFY(installLanguage(*QCoreApplication::instance(), QStringLiteral("de")));
    }

    void init() {
        QSettings().clear();
        m_fx = std::make_unique<ServiceFixture>();
        ServiceConfig config;
        config.staff.passwordLimits = PasswordHashLimits::minimal();
        QVERIFY(m_fx->start(config));
        QString error;
        QVERIFY2(m_fx->service->staff().createAdmin(QStringLiteral("admin"), adminPassword, &error),
                 qPrintable(error));
        QVERIFY2(m_fx->service->staff().createAdmin(QStringLiteral("other"), adminPassword, &error),
                 qPrintable(error));
        m_session = std::make_unique<Session>();
        m_client = loopbackClient(*m_session, m_clock, m_fx->service->port());
        QVERIFY(waitForResult(m_client->signIn(QStringLiteral("admin"), adminPassword)).ok());

        m_console = std::make_unique<ConsoleFixture>();
        QVERIFY(m_console->start());
        m_console->window().installPublishing(*m_client);
        m_console->window().applyPermissions(permissionsFor(*m_session));
    }

    void cleanup() {
        m_console.reset();
        m_client.reset();
        m_session.reset();
        m_fx.reset();
    }

    void onlyAnAdminMayPublish() {
        const Centre centre = seedWithHours(QStringLiteral("Testzentrum Rolle"));
        QTRY_VERIFY(page()->model()->rowOf(centre.id) >= 0);
        page()->selectCentre(centre.id);
        QVERIFY(page()->publishAction()->isEnabled());
        RolePermissions desk;
        m_console->window().applyPermissions(desk);
        QVERIFY(!page()->publishAction()->isEnabled());
        QVERIFY(!page()->publishAllAction()->isEnabled());
        QCOMPARE(page()->publishAction()->text(), QStringLiteral("&Veröffentlichen"));
    }

    void publishEditPublishAgain() {
        const Centre centre = seedWithHours(QStringLiteral("Testzentrum Mitte"));
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::NotPublished));
        QCOMPARE(cellText(centre.id), QStringLiteral("Nicht veröffentlicht"));

        QVERIFY(publish(centre.id));
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Published));
        QCOMPARE(cellText(centre.id), QStringLiteral("Veröffentlicht"));
        QCOMPARE(serviceName(centre.uuid), QStringLiteral("Testzentrum Mitte"));

        Centre edited = centre;
        edited.name = QStringLiteral("Testzentrum Mitte-Nord");
        QVERIFY(!waitForResult(m_console->store().saveCentre(edited)).error);
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Changed));
        QCOMPARE(cellText(centre.id), QStringLiteral("Geändert seit Veröffentlichung"));

        QVERIFY(publish(centre.id));
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Published));
        QCOMPARE(serviceName(centre.uuid), QStringLiteral("Testzentrum Mitte-Nord"));

        // Opening hours count too: a changed week is a change since publishing.
        OpeningHours hours;
        hours.centreId = centre.id;
        hours.weekly = {WeeklyInterval{2, TimeRange{9 * 60, 12 * 60}, false}};
        QVERIFY(!waitForResult(m_console->store().saveOpeningHours(hours)));
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Changed));
    }

    void unreachableServiceKeepsEverythingForLater() {
        const Centre centre = seedWithHours(QStringLiteral("Testzentrum Süd"));
        QVERIFY(publish(centre.id));
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Published));
        Centre edited = centre;
        edited.name = QStringLiteral("Testzentrum Süd-Ost");
        QVERIFY(!waitForResult(m_console->store().saveCentre(edited)).error);
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Changed));

        m_fx->stop();
        QSignalSpy errors(page(), &CentresPage::errorMessage);
        QVERIFY(publish(centre.id));
        QTRY_VERIFY(!errors.isEmpty());
        const QString message = errors.constLast().at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("später veröffentlicht")), qPrintable(message));
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Changed));
        const QList<Centre> stored = m_console->readBack();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().name, QStringLiteral("Testzentrum Süd-Ost"));
    }

    void conflictKeepLocalPublishesAgain() {
        const Centre centre = seedWithHours(QStringLiteral("Testzentrum West"));
        QVERIFY(publish(centre.id));
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Published));
        changeOnService(centre, QStringLiteral("Impfzentrum West (Dienst)"));
        Centre edited = centre;
        edited.phone = QStringLiteral("030 111111");
        QVERIFY(!waitForResult(m_console->store().saveCentre(edited)).error);

        QVERIFY(publish(centre.id));
        auto *dialog =
            waitForVisible<PublishConflictDialog>(*page(), QStringLiteral("publishConflictDialog"));
        QVERIFY(dialog);
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Conflict));
        QCOMPARE(cellText(centre.id), QStringLiteral("Konflikt"));
        QTableWidget *table = dialog->table();
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Testzentrum West"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Impfzentrum West (Dienst)"));
        saveScreenshot(dialog, QStringLiteral("centres-publish-conflict.png"));

        QSignalSpy finished(page(), &CentresPage::publishFinished);
        QTest::mouseClick(dialog->keepLocalButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Published));
        QCOMPARE(serviceName(centre.uuid), QStringLiteral("Testzentrum West"));
    }

    void hoursChangedOnServiceIsAConflict() {
        const Centre centre = seedWithHours(QStringLiteral("Testzentrum Spandau"));
        QVERIFY(publish(centre.id));
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Published));
        // The service's name stays; only its revision moves on (If-Match catches it).
        changeHoursOnService(centre);
        Centre edited = centre;
        edited.phone = QStringLiteral("030 222222");
        QVERIFY(!waitForResult(m_console->store().saveCentre(edited)).error);

        QVERIFY(publish(centre.id));
        auto *dialog =
            waitForVisible<PublishConflictDialog>(*page(), QStringLiteral("publishConflictDialog"));
        QVERIFY(dialog);
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Conflict));
        // The service's version came with the 412: its phone is still the published one.
        QTableWidget *table = dialog->table();
        QCOMPARE(table->item(8, 1)->text(), QStringLiteral("030 222222"));
        QCOMPARE(table->item(8, 2)->text(), QStringLiteral("030 1234567"));
        QVERIFY(dialog->takeServiceButton()->isEnabled());
        QSqlQuery query(m_fx->service->database());
        QVERIFY(query.exec(QStringLiteral("SELECT phone FROM centres")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("030 1234567"));
        dialog->reject();
    }

    void conflictTakeServiceWritesItLocally() {
        const Centre centre = seedWithHours(QStringLiteral("Testzentrum Ost"));
        QVERIFY(publish(centre.id));
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Published));
        changeOnService(centre, QStringLiteral("Testzentrum Ost (Dienst)"));

        QVERIFY(publish(centre.id));
        auto *dialog =
            waitForVisible<PublishConflictDialog>(*page(), QStringLiteral("publishConflictDialog"));
        QVERIFY(dialog);
        QSignalSpy resolved(page(), &CentresPage::conflictResolved);
        QTest::mouseClick(dialog->takeServiceButton(), Qt::LeftButton);
        QVERIFY(resolved.wait(kWaitMs));
        QTRY_COMPARE(stateOf(centre.id), std::optional(PublishState::Published));
        const QList<Centre> stored = m_console->readBack();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().name, QStringLiteral("Testzentrum Ost (Dienst)"));
        QCOMPARE(stored.first().phone, QStringLiteral("030 7654321"));
        QCOMPARE(serviceName(centre.uuid), QStringLiteral("Testzentrum Ost (Dienst)"));
    }

    void nameTakenOnTheServiceIsAConflict() {
        const Centre first = seedWithHours(QStringLiteral("Testzentrum Nord"));
        QVERIFY(publish(first.id));
        QTRY_COMPARE(stateOf(first.id), std::optional(PublishState::Published));
        // Another admin names a different service centre like ours next one.
        Centre stranger = sampleCentre(QStringLiteral("Testzentrum Hafen"));
        stranger.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        changeOnService(stranger, QStringLiteral("Testzentrum Hafen"));
        const Centre second = seedWithHours(QStringLiteral("Testzentrum Hafen"));
        QSignalSpy errors(page(), &CentresPage::errorMessage);
        QVERIFY(publish(second.id));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
        auto *dialog =
            waitForVisible<PublishConflictDialog>(*page(), QStringLiteral("publishConflictDialog"));
        QVERIFY(dialog);
        QTRY_COMPARE(stateOf(second.id), std::optional(PublishState::Conflict));
        QVERIFY(!dialog->takeServiceButton()->isEnabled()); // the service has no version of it
        dialog->reject();
        QTRY_COMPARE(stateOf(second.id), std::optional(PublishState::Conflict));
        QCOMPARE(m_console->readBack().size(), 2);
    }

    void screenshotOfEveryState() {
        const Centre published = seedWithHours(QStringLiteral("Testzentrum Alexanderplatz"));
        const Centre changed = seedWithHours(QStringLiteral("Testzentrum Messe"));
        const Centre refused = seedWithHours(QStringLiteral("Testzentrum Hafen"));
        const Centre fresh = seedWithHours(QStringLiteral("Testzentrum Spandau"));
        QVERIFY(publish(published.id));
        QVERIFY(publish(changed.id));
        Centre edited = changed;
        edited.phone = QStringLiteral("030 999999");
        QVERIFY(!waitForResult(m_console->store().saveCentre(edited)).error);
        Centre stranger = sampleCentre(QStringLiteral("Testzentrum Hafen"));
        stranger.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        changeOnService(stranger, QStringLiteral("Testzentrum Hafen"));
        QVERIFY(publish(refused.id));
        auto *dialog =
            waitForVisible<PublishConflictDialog>(*page(), QStringLiteral("publishConflictDialog"));
        QVERIFY(dialog);
        dialog->reject();
        QTRY_COMPARE(stateOf(published.id), std::optional(PublishState::Published));
        QTRY_COMPARE(stateOf(changed.id), std::optional(PublishState::Changed));
        QTRY_COMPARE(stateOf(refused.id), std::optional(PublishState::Conflict));
        QTRY_COMPARE(stateOf(fresh.id), std::optional(PublishState::NotPublished));
        m_console->window().resize(1280, 800);
        page()->selectCentre(fresh.id);
        saveScreenshot(&m_console->window(), QStringLiteral("centres-publish-states.png"));
    }

    void publishAllWithProgress() {
        QList<Centre> centres;
        for (int i = 0; i < 6; ++i)
            centres.append(seedWithHours(QStringLiteral("Zentrum %1").arg(i + 1)));
        QTRY_COMPARE(page()->model()->rowCount(), 6);
        QSignalSpy finished(page(), &CentresPage::publishFinished);
        QSignalSpy status(page(), &CentresPage::statusMessage);
        page()->publishAllAction()->trigger();
        QVERIFY(page()->findChild<QWidget *>(QStringLiteral("publishProgress")));
        QVERIFY(finished.wait(kWaitMs));
        for (const Centre &c : std::as_const(centres))
            QTRY_COMPARE(stateOf(c.id), std::optional(PublishState::Published));
        QCOMPARE(status.constLast().at(0).toString(), QStringLiteral("6 Zentren veröffentlicht."));
        saveScreenshot(&m_console->window(), QStringLiteral("centres-all-published.png"));
    }
};

QTEST_MAIN(TestCentrePublishing)
#include "TestCentrePublishing.moc"
