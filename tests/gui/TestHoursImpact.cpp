// New opening hours of a published centre that cut into a booked slot, published from the
// centres page to a real service on loopback, in German: the dialog lists the booking, Cancel
// leaves the service unchanged, "Trotzdem ändern" publishes and keeps the appointment.
#include "models/domain/ServiceCatalogue.h"
#include "models/itemmodels/CentreTableModel.h"
#include "net/ServiceClient.h"
#include "net/Session.h"
#include "service/booking/BookingEngine.h"
#include "service/staff/StaffSide.h"
#include "tests/gui/ConsoleFixture.h"
#include "tests/gui/LoopbackClient.h"
#include "tests/integration/ServiceFixture.h"
#include "ui/centres/CentresPage.h"
#include "ui/hours/HoursImpactDialog.h"
#include "ui/shell/Language.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

const QString adminPassword = QStringLiteral("correct horse battery");
constexpr int kWaitMs = 20000;

} // namespace

class TestHoursImpact : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ServiceClient> m_client;
    std::unique_ptr<ConsoleFixture> m_console;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(13, 5), Qt::UTC)};
    Centre m_centre;
    QList<qint64> m_slots;
    QString m_code;

    CentresPage *page() { return m_console->window().centresPage(); }

    std::optional<PublishState> stateOf(qint64 centreId) {
        const std::optional<CentreTableModel::PublishInfo> info =
            page()->model()->publishInfo(centreId);
        return info ? std::optional(info->state) : std::nullopt;
    }

    qint64 serviceScalar(const QString &sql) { return m_fx->scalar(sql); }

    void startPublish() {
        page()->selectCentre(m_centre.id);
        QVERIFY(page()->publishAction()->isEnabled());
        page()->publishAction()->trigger();
    }

    bool publishAndWait() {
        QSignalSpy finished(page(), &CentresPage::publishFinished);
        page()->selectCentre(m_centre.id);
        if (!page()->publishAction()->isEnabled())
            return false;
        page()->publishAction()->trigger();
        return finished.wait(kWaitMs) || finished.count() == 1;
    }

    void saveHours(int tuesdayStartMinute) {
        OpeningHours hours;
        hours.centreId = m_centre.id;
        hours.weekly = {WeeklyInterval{2, TimeRange{tuesdayStartMinute, 18 * 60}, false}};
        const StoreError error = waitForResult(m_console->store().saveOpeningHours(hours));
        QVERIFY2(!error, qPrintable(error.message));
    }

    // Tuesday 3 March 2026, 09:00 and 09:15 Berlin (the service's clock is Monday 08:00).
    void publishSlots() {
        QJsonArray slots;
        for (const QString &start : {QStringLiteral("2026-03-03T09:00:00+01:00"),
                                     QStringLiteral("2026-03-03T09:15:00+01:00")})
            slots.append(QJsonObject{{QStringLiteral("centre"), m_centre.uuid},
                                     {QStringLiteral("service"), QStringLiteral("rapid_antigen")},
                                     {QStringLiteral("start"), start},
                                     {QStringLiteral("minutes"), 15},
                                     {QStringLiteral("capacity"), 2}});
        const ServiceReply reply = waitForResult(
            m_client->post(QStringLiteral("/api/v1/slots"), {{QStringLiteral("slots"), slots}}));
        QVERIFY2(reply.ok(), qPrintable(reply.error.message));
        for (const QJsonValue &id : reply.object().value(QStringLiteral("ids")).toArray())
            m_slots.append(id.toInteger());
        QCOMPARE(m_slots.size(), 2);
    }

    void book() {
        BookingEngine &engine = m_fx->service->engine();
        HoldInfo hold;
        QVERIFY(!engine.hold(m_slots.at(0), QStringLiteral("rapid_antigen"), &hold));
        ConfirmRequest request;
        request.holdId = hold.id;
        request.familyName = QStringLiteral("Anders");
        request.givenName = QStringLiteral("Erika");
        request.birthDate = QDate(1980, 5, 17);
        request.email = QStringLiteral("anders@example.org");
        const WriteOutcome outcome = engine.confirm(request);
        QVERIFY(!outcome.error);
        m_code = outcome.booking.code;
    }

    HoursImpactDialog *publishUntilDialog() {
        QSignalSpy shown(page(), &CentresPage::affectedBookingsShown);
        startPublish();
        if (!shown.wait(kWaitMs) && shown.isEmpty())
            return nullptr;
        return qobject_cast<HoursImpactDialog *>(shown.constFirst().at(0).value<QDialog *>());
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
        m_session = std::make_unique<Session>();
        m_client = loopbackClient(*m_session, m_clock, m_fx->service->port());
        QVERIFY(waitForResult(m_client->signIn(QStringLiteral("admin"), adminPassword)).ok());

        m_console = std::make_unique<ConsoleFixture>();
        QVERIFY(m_console->start());
        m_console->window().installPublishing(*m_client);
        m_console->window().applyPermissions(permissionsFor(*m_session));

        m_centre = m_console->seed(sampleCentre(QStringLiteral("Testzentrum Alexanderplatz")));
        saveHours(8 * 60);
        QTRY_VERIFY(page()->model()->rowOf(m_centre.id) >= 0);
        QVERIFY(publishAndWait());
        QTRY_COMPARE(stateOf(m_centre.id), std::optional(PublishState::Published));
        m_slots.clear();
        publishSlots();
        book();
        // The edit that cuts into the booked 09:00 slot.
        saveHours(9 * 60 + 30);
        QTRY_COMPARE(stateOf(m_centre.id), std::optional(PublishState::Changed));
    }

    void cleanup() {
        m_console.reset();
        m_client.reset();
        m_session.reset();
        m_fx.reset();
    }

    void dialogListsTheBookingAndCancelChangesNothing() {
        const qint64 revision = serviceScalar(QStringLiteral("SELECT revision FROM centres"));
        HoursImpactDialog *dialog = publishUntilDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->windowTitle(),
                 QStringLiteral("1 betroffene Buchung: Testzentrum Alexanderplatz"));
        QTableWidget *table = dialog->table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("03.03.2026 09:00"));
        QCOMPARE(table->item(0, 1)->text().remove(u'-'), m_code);
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Anders, Erika"));
        QCOMPARE(table->item(0, 3)->text(), serviceDisplayName(QStringLiteral("rapid_antigen")));
        QCOMPARE(dialog->changeButton()->text(), QStringLiteral("Trotzdem &ändern"));
        QCOMPARE(dialog->cancelButton()->text(), QStringLiteral("Abbrechen"));
        saveScreenshot(dialog, QStringLiteral("hours-impact-dialog.png"));

        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        // Nothing reached the service: its hours, revision and free places are as before.
        QCOMPARE(serviceScalar(QStringLiteral("SELECT start_minute FROM opening_rules")), 8 * 60);
        QCOMPARE(serviceScalar(QStringLiteral("SELECT revision FROM centres")), revision);
        QCOMPARE(m_fx->service->engine().freePlaces(m_slots.at(1)), 2);
        QTRY_COMPARE(stateOf(m_centre.id), std::optional(PublishState::Changed));
    }

    void csvExportListsTheBooking() {
        HoursImpactDialog *dialog = publishUntilDialog();
        QVERIFY(dialog);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("betroffen.csv"));
        QSignalSpy exported(dialog, &HoursImpactDialog::exported);
        dialog->exportTo(path);
        QVERIFY(exported.wait(kWaitMs));
        QCOMPARE(exported.constFirst().at(1).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QStringLiteral("Anders;Erika")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("03.03.2026 09:00")));
        dialog->reject();
    }

    void changeAnywayPublishesAndKeepsTheBooking() {
        HoursImpactDialog *dialog = publishUntilDialog();
        QVERIFY(dialog);
        QSignalSpy finished(page(), &CentresPage::publishFinished);
        QTest::mouseClick(dialog->changeButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QTRY_COMPARE(stateOf(m_centre.id), std::optional(PublishState::Published));
        QCOMPARE(serviceScalar(QStringLiteral("SELECT start_minute FROM opening_rules")),
                 9 * 60 + 30);
        // The appointment stays; the free places outside the new hours are gone.
        QCOMPARE(serviceScalar(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE state = "
                                              "'confirmed'")),
                 1);
        QCOMPARE(m_fx->service->engine().freePlaces(m_slots.at(0)), 0);
        QCOMPARE(m_fx->service->engine().freePlaces(m_slots.at(1)), 0);
        QCOMPARE(serviceScalar(QStringLiteral("SELECT COUNT(*) FROM slots")), 2);
    }
};

QTEST_MAIN(TestHoursImpact)
#include "TestHoursImpact.moc"
