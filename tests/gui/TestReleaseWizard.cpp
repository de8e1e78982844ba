// The release wizard against a real service on loopback, in German: pages with their
// validation, the summary and the forecast arithmetic, publishing (one release, in the list
// with its state), forecast_exceeded with its numbers, an unreachable service and an expired
// sign-in that keep the inputs and resend with the same key.
#include "models/itemmodels/ReleaseTableModel.h"
#include "tests/gui/ConsoleFixture.h"
#include "tests/gui/ReleaseFixture.h"
#include "ui/release/ReleaseWizard.h"
#include "ui/release/ReleasesPanel.h"
#include "ui/shell/Language.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

constexpr int kWaitMs = 20000;
const QString comirnaty = QStringLiteral("vaccine_comirnaty");
const QString week10 = QStringLiteral("2026-W10");

} // namespace

class TestReleaseWizard : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ReleaseFixture> m_fx;
    std::unique_ptr<ReleasesPanel> m_panel;
    Centre m_centre;

    template <typename T> T *field(ReleaseWizard *wizard, const QString &name) {
        T *found = wizard->findChild<T *>(name);
        if (!found)
            qWarning("no field %s", qPrintable(name));
        return found;
    }

    QString errorOf(ReleaseWizard *wizard, const QString &name) {
        auto *label = wizard->findChild<QLabel *>(name + QStringLiteral("Error"));
        return label && label->isVisibleTo(wizard) ? label->text() : QString();
    }

    ReleaseWizard *openWizard() {
        m_panel->setSource(
            [this] { return m_fx->plan({m_centre}, firstPlanDay(), lastPlanDay()); });
        ReleaseWizard *wizard = m_panel->openWizard();
        if (wizard && !QTest::qWaitForWindowExposed(wizard))
            qWarning("the wizard did not show");
        return wizard;
    }

    // Fills the pages with a release of all plan slots for people aged 60 and over; stops on
    // the summary page with the forecasts read.
    bool fillToSummary(ReleaseWizard *wizard, int ageFrom = 60) {
        if (wizard->currentId() != ReleaseWizard::SelectionPage)
            return false;
        wizard->next();
        if (wizard->currentId() != ReleaseWizard::OpeningPage)
            return false;
        auto *name = field<QLineEdit>(wizard, QStringLiteral("releaseName"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Impfaktion 60+"));
        wizard->next();
        if (wizard->currentId() != ReleaseWizard::EligibilityPage)
            return false;
        field<QSpinBox>(wizard, QStringLiteral("releaseAgeFrom"))->setValue(ageFrom);
        QSignalSpy forecast(wizard, &ReleaseWizard::forecastShown);
        wizard->next();
        return wizard->currentId() == ReleaseWizard::SummaryPage &&
               (forecast.count() > 0 || forecast.wait(kWaitMs));
    }

    void clickPublish(ReleaseWizard *wizard) { wizard->button(QWizard::FinishButton)->click(); }

private Q_SLOTS:
    void initTestCase() {
        isolateSettings();
        QVERIFY(installLanguage(*QCoreApplication::instance(), QStringLiteral("de")));
    }

    void init() {
        m_fx = std::make_unique<ReleaseFixture>();
        QVERIFY(m_fx->start());
        m_centre = m_fx->publishCentre(QStringLiteral("Impfzentrum Mitte"), {comirnaty});
        m_panel = std::make_unique<ReleasesPanel>(m_fx->clock);
        m_panel->setClient(m_fx->releaseClient.get());
        m_panel->setReleaseAllowed(true);
        m_panel->resize(900, 400);
    }

    void cleanup() {
        m_panel.reset();
        m_fx.reset();
    }

    void onlyAdminsOpenTheWizard() {
        m_panel->setReleaseAllowed(false);
        auto *button = m_panel->findChild<QAbstractButton *>(QStringLiteral("newRelease"));
        QVERIFY(button);
        QVERIFY(!button->isEnabled());
        QCOMPARE(button->toolTip(),
                 QStringLiteral("Nur Administratoren geben Termine frei und ziehen sie zurück."));
        QVERIFY(!m_panel->openWizard());
    }

    void publishShowsSummaryAndAppearsInList() {
        QVERIFY(m_fx->setForecast(comirnaty, week10, 1000));
        ReleaseWizard *wizard = openWizard();
        QVERIFY(wizard);
        saveScreenshot(wizard, QStringLiteral("release-wizard-1-selection.png"));
        QVERIFY(fillToSummary(wizard));
        // 2 lanes × 3 persons, 12 quarter hours a day, two days.
        QCOMPARE(wizard->summaryText(),
                 QStringLiteral("144 Termine in 1 Zentrum, ab sofort, nur 60+"));
        QCOMPARE(wizard->forecastText(),
                 QStringLiteral("Impfung: Comirnaty (BioNTech), Woche 2026-W10: Prognose 1.000 − "
                                "angeboten 0 − reserviert 0 = verfügbar 1.000; angefragt 144: "
                                "passt"));
        QVERIFY(wizard->previewText().contains(QStringLiteral("Impfzentrum Mitte")));
        QVERIFY(wizard->previewText().contains(QStringLiteral("Di 03.03., Mi 04.03.")));
        QVERIFY(wizard->previewText().contains(QStringLiteral("09:00")));
        QVERIFY(wizard->previewText().contains(QStringLiteral("12:00")));
        saveScreenshot(wizard, QStringLiteral("release-wizard-4-summary.png"));

        QSignalSpy published(wizard, &ReleaseWizard::published);
        clickPublish(wizard);
        QVERIFY(published.wait(kWaitMs));
        QCOMPARE(m_fx->releaseCount(), 1);
        ReleaseTableModel *model = m_panel->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kWaitMs);
        QCOMPARE(model->index(0, ReleaseTableModel::Name).data().toString(),
                 QStringLiteral("Impfaktion 60+"));
        QCOMPARE(model->index(0, ReleaseTableModel::State).data().toString(),
                 QStringLiteral("offen"));
        QCOMPARE(model->index(0, ReleaseTableModel::Places).data().toString(),
                 QStringLiteral("144 / 144"));
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, ReleaseTableModel::Centres).data().toString(),
                                  QStringLiteral("Impfzentrum Mitte"), kWaitMs);
        QCOMPARE(model->index(0, ReleaseTableModel::Services).data().toString(),
                 QStringLiteral("Impfung: Comirnaty (BioNTech)"));
    }

    void forecastExceededShowsTheNumbers() {
        QVERIFY(m_fx->setForecast(comirnaty, week10, 100));
        ReleaseWizard *wizard = openWizard();
        QVERIFY(fillToSummary(wizard));
        QVERIFY2(wizard->forecastText().endsWith(QStringLiteral("angefragt 144: zu viele")),
                 qPrintable(wizard->forecastText()));
        QSignalSpy failed(wizard, &ReleaseWizard::publishFailed);
        clickPublish(wizard);
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(failed.constLast().at(0).toString(),
                 QStringLiteral("Zu viele Dosen von Impfung: Comirnaty (BioNTech) in Woche "
                                "2026-W10: Prognose 100 − angeboten 0 − reserviert 0 = verfügbar "
                                "100, diese Freigabe fordert aber 144 an. Geben Sie weniger "
                                "Plätze frei oder bitten Sie um eine höhere Prognose."));
        QCOMPARE(wizard->publishMessage(), failed.constLast().at(0).toString());
        QVERIFY(wizard->isVisible());
        QCOMPARE(m_fx->releaseCount(), 0);

        // Fewer places per slot fit: 24 slots × 4 = 96 doses.
        wizard->back();
        wizard->back();
        wizard->back();
        QCOMPARE(wizard->currentId(), int(ReleaseWizard::SelectionPage));
        field<QSpinBox>(wizard, QStringLiteral("releaseCapacity"))->setValue(4);
        QVERIFY(fillToSummary(wizard));
        QVERIFY(wizard->summaryText().startsWith(QStringLiteral("96 Termine")));
        QSignalSpy published(wizard, &ReleaseWizard::published);
        clickPublish(wizard);
        QVERIFY(published.wait(kWaitMs));
        QCOMPARE(m_fx->releaseCount(), 1);
    }

    void noForecastNamesWeekAndProduct() {
        ReleaseWizard *wizard = openWizard();
        QVERIFY(fillToSummary(wizard));
        QVERIFY2(wizard->forecastText().contains(QStringLiteral("keine Lieferprognose")),
                 qPrintable(wizard->forecastText()));
        QSignalSpy failed(wizard, &ReleaseWizard::publishFailed);
        clickPublish(wizard);
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(failed.constLast().at(0).toString(),
                 QStringLiteral("Für Impfung: Comirnaty (BioNTech) gibt es keine Lieferprognose "
                                "für Woche 2026-W10. Geben Sie zuerst die Prognose ein, dann "
                                "geben Sie frei."));
    }

    void openingTimeInThePastIsRefused() {
        ReleaseWizard *wizard = openWizard();
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ReleaseWizard::OpeningPage));
        field<QRadioButton>(wizard, QStringLiteral("releaseOpensLater"))->setChecked(true);
        auto *opensAt = field<QDateTimeEdit>(wizard, QStringLiteral("releaseOpensAt"));
        QVERIFY(opensAt->isEnabled());
        opensAt->setDateTime(QDateTime(QDate(2026, 3, 1), QTime(10, 0)));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ReleaseWizard::OpeningPage));
        QCOMPARE(errorOf(wizard, QStringLiteral("releaseOpensAt")),
                 QStringLiteral("Der Öffnungszeitpunkt So 01.03. 10:00 liegt in der "
                                "Vergangenheit. Wählen Sie einen späteren Zeitpunkt oder "
                                "„sofort“."));
        QCOMPARE(opensAt->accessibleDescription(),
                 errorOf(wizard, QStringLiteral("releaseOpensAt")));
        saveScreenshot(wizard, QStringLiteral("release-wizard-2-opening-error.png"));

        // Monday 18:00, before Tuesday's slots: accepted, announced in the summary.
        opensAt->setDateTime(QDateTime(QDate(2026, 3, 2), QTime(18, 0)));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ReleaseWizard::EligibilityPage));
        QCOMPARE(errorOf(wizard, QStringLiteral("releaseOpensAt")), QString());
        QVERIFY(m_fx->setForecast(comirnaty, week10, 1000));
        QSignalSpy forecast(wizard, &ReleaseWizard::forecastShown);
        wizard->next();
        QVERIFY(forecast.count() > 0 || forecast.wait(kWaitMs));
        QCOMPARE(wizard->summaryText(),
                 QStringLiteral("144 Termine in 1 Zentrum, ab Mo 18:00, für alle"));
        QSignalSpy published(wizard, &ReleaseWizard::published);
        clickPublish(wizard);
        QVERIFY(published.wait(kWaitMs));
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
        QCOMPARE(m_panel->model()->index(0, ReleaseTableModel::State).data().toString(),
                 QStringLiteral("geplant"));
        QCOMPARE(m_panel->model()->index(0, ReleaseTableModel::OpensAt).data().toString(),
                 QStringLiteral("Mo 02.03. 18:00"));
    }

    void ageRangeThatExcludesEveryoneIsRefused() {
        ReleaseWizard *wizard = openWizard();
        wizard->next();
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ReleaseWizard::EligibilityPage));
        field<QSpinBox>(wizard, QStringLiteral("releaseAgeFrom"))->setValue(60);
        field<QSpinBox>(wizard, QStringLiteral("releaseAgeTo"))->setValue(18);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ReleaseWizard::EligibilityPage));
        QCOMPARE(errorOf(wizard, QStringLiteral("releaseAgeTo")),
                 QStringLiteral("Der Altersbereich 60 bis 18 schließt alle aus: Das Höchstalter "
                                "darf nicht unter dem Mindestalter liegen."));
        field<QCheckBox>(wizard, QStringLiteral("releaseInvitationOnly"))->setChecked(true);
        field<QSpinBox>(wizard, QStringLiteral("releaseAgeTo"))->setValue(99);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ReleaseWizard::EligibilityPage));
        QVERIFY(errorOf(wizard, QStringLiteral("releaseAgeTo")).isEmpty());
        QVERIFY(errorOf(wizard, QStringLiteral("releaseInvitations"))
                    .startsWith(QStringLiteral("Eine Freigabe nur mit Einladung braucht")));
        saveScreenshot(wizard, QStringLiteral("release-wizard-3-eligibility-error.png"));
    }

    void invitationCodesAreSavedAndPublished() {
        QVERIFY(m_fx->setForecast(comirnaty, week10, 1000));
        ReleaseWizard *wizard = openWizard();
        wizard->next();
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ReleaseWizard::EligibilityPage));
        field<QCheckBox>(wizard, QStringLiteral("releaseInvitationOnly"))->setChecked(true);
        field<QSpinBox>(wizard, QStringLiteral("releaseInvitations"))->setValue(5);
        QSignalSpy forecast(wizard, &ReleaseWizard::forecastShown);
        wizard->next();
        QVERIFY(forecast.count() > 0 || forecast.wait(kWaitMs));
        QVERIFY(wizard->summaryText().endsWith(QStringLiteral("nur mit Einladung")));
        QVERIFY(field<QWidget>(wizard, QStringLiteral("releaseSaveCodes"))->isVisible());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("codes.txt"));
        QSignalSpy saved(wizard, &ReleaseWizard::invitationCodesSaved);
        wizard->saveInvitationCodes(path);
        QVERIFY(saved.wait(kWaitMs));
        QVERIFY(saved.constLast().at(0).toBool());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList codes =
            QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(codes, wizard->invitationCodes());
        QCOMPARE(codes.size(), 5);

        QSignalSpy published(wizard, &ReleaseWizard::published);
        clickPublish(wizard);
        QVERIFY(published.wait(kWaitMs));
        const QList<Release> releases = m_fx->releases();
        QCOMPARE(releases.size(), 1);
        QCOMPARE(releases.constFirst().invitations, 5);
    }

    void nothingChosenIsRefused() {
        ReleaseWizard *wizard = openWizard();
        auto *centres = field<QListWidget>(wizard, QStringLiteral("releaseCentres"));
        centres->item(0)->setCheckState(Qt::Unchecked);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ReleaseWizard::SelectionPage));
        QCOMPARE(errorOf(wizard, QStringLiteral("releaseCentres")),
                 QStringLiteral("Wählen Sie mindestens ein Zentrum."));
    }

    void unreachableServiceKeepsInputsAndRetryPublishesOnce() {
        QVERIFY(m_fx->setForecast(comirnaty, week10, 1000));
        ReleaseWizard *wizard = openWizard();
        QVERIFY(fillToSummary(wizard));
        const QByteArray key = wizard->idempotencyKey();
        const QString uuid = wizard->releaseUuid();
        const QJsonObject body = wizard->requestBody();

        m_fx->fx.stop();
        QSignalSpy failed(wizard, &ReleaseWizard::publishFailed);
        clickPublish(wizard);
        QVERIFY(failed.wait(kWaitMs));
        QVERIFY2(failed.constLast().at(0).toString().contains(
                     QStringLiteral("Ihre Eingaben bleiben erhalten")),
                 qPrintable(failed.constLast().at(0).toString()));
        QVERIFY(wizard->isVisible());
        QCOMPARE(wizard->currentId(), int(ReleaseWizard::SummaryPage));

        QVERIFY(m_fx->restartService());
        QSignalSpy published(wizard, &ReleaseWizard::published);
        clickPublish(wizard);
        QVERIFY(published.wait(kWaitMs));
        QCOMPARE(published.constLast().at(0).toString(), uuid);
        QCOMPARE(m_fx->releaseCount(), 1);

        // The same request again (an answer lost on the way): the service replays, no second
        // release.
        const ServiceReply again = waitForResult(m_fx->releaseClient->create(body, key));
        QVERIFY2(again.ok(), qPrintable(again.error.message));
        QCOMPARE(again.object().value(QStringLiteral("uuid")).toString(), uuid);
        QCOMPARE(m_fx->releaseCount(), 1);
    }

    void expiredSignInKeepsInputsAndResends() {
        QVERIFY(m_fx->setForecast(comirnaty, week10, 1000));
        ReleaseWizard *wizard = openWizard();
        QVERIFY(fillToSummary(wizard));
        const QString uuid = wizard->releaseUuid();

        m_fx->fx.clock.advance(13 * 3600); // past the token's lifetime
        QSignalSpy failed(wizard, &ReleaseWizard::publishFailed);
        clickPublish(wizard);
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(failed.constLast().at(0).toString(),
                 QStringLiteral("Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an; "
                                "Ihre Eingaben bleiben erhalten und werden unverändert erneut "
                                "gesendet."));
        QVERIFY(!m_fx->session.isSignedIn());
        QVERIFY(wizard->isVisible());
        QCOMPARE(field<QLineEdit>(wizard, QStringLiteral("releaseName"))->text(),
                 QStringLiteral("Impfaktion 60+"));
        QCOMPARE(field<QSpinBox>(wizard, QStringLiteral("releaseAgeFrom"))->value(), 60);

        QVERIFY(waitForResult(
                    m_fx->client->signIn(QStringLiteral("admin"), ReleaseFixture::adminPassword))
                    .ok());
        QSignalSpy published(wizard, &ReleaseWizard::published);
        clickPublish(wizard);
        QVERIFY(published.wait(kWaitMs));
        QCOMPARE(published.constLast().at(0).toString(), uuid);
        QCOMPARE(m_fx->releaseCount(), 1);
    }
};

QTEST_MAIN(TestReleaseWizard)
#include "TestReleaseWizard.moc"
