// The releases panel of the Slot release page against a real service on loopback, in German:
// every state (scheduled, open, sold out, withdrawn) with its places, refreshed by its timer;
// withdrawing with a confirmation that names the numbers, then the kept bookings listed and
// exported as CSV.
#include "models/itemmodels/ReleaseTableModel.h"
#include "tests/gui/ConsoleFixture.h"
#include "tests/gui/ReleaseFixture.h"
#include "ui/release/ReleaseBookingsDialog.h"
#include "ui/release/ReleasesPanel.h"
#include "ui/shell/Language.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

constexpr int kWaitMs = 20000;
const QString rapid = QStringLiteral("rapid_antigen");

} // namespace

class TestReleasesPanel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ReleaseFixture> m_fx;
    std::unique_ptr<ReleasesPanel> m_panel;

    QString cell(const QString &uuid, int column) {
        const int row = m_panel->model()->rowOf(uuid);
        return m_panel->model()->index(row, column).data().toString();
    }

    bool refresh() {
        QSignalSpy refreshed(m_panel.get(), &ReleasesPanel::refreshed);
        m_panel->refresh();
        return refreshed.wait(kWaitMs);
    }

    ReleaseDraft draftFor(const Centre &centre, QDate day, const QString &name) {
        ReleaseDraft draft;
        draft.name = name;
        draft.centreIds = {centre.id};
        draft.services = {rapid};
        draft.days = {day};
        return draft;
    }

private Q_SLOTS:
    void initTestCase() {
        isolateSettings();
        QVERIFY(installLanguage(*QCoreApplication::instance(), QStringLiteral("de")));
    }

    void init() {
        m_fx = std::make_unique<ReleaseFixture>();
        QVERIFY(m_fx->start());
        m_panel = std::make_unique<ReleasesPanel>(m_fx->clock);
        m_panel->setClient(m_fx->releaseClient.get());
        m_panel->setReleaseAllowed(true);
        m_panel->resize(1000, 360);
    }

    void cleanup() {
        m_panel.reset();
        m_fx.reset();
    }

    void listShowsEveryState() {
        QAbstractItemModelTester tester(m_panel->model());
        const Centre mitte = m_fx->publishCentre(QStringLiteral("Testzentrum Mitte"), {rapid});
        const Centre sued = m_fx->publishCentre(QStringLiteral("Testzentrum Süd"), {rapid});
        const Centre nord = m_fx->publishCentre(QStringLiteral("Testzentrum Nord"), {rapid});
        const Centre west = m_fx->publishCentre(QStringLiteral("Testzentrum West"), {rapid});

        ReleaseDraft later = draftFor(mitte, lastPlanDay(), QStringLiteral("Mittwoch"));
        later.opensNow = false;
        later.opensAt = QDateTime(QDate(2026, 3, 2), QTime(18, 0), berlinTimeZone());
        const QString scheduled =
            m_fx->createRelease(m_fx->plan({mitte}, firstPlanDay(), lastPlanDay()), later);
        const QString open =
            m_fx->createRelease(m_fx->plan({sued}, firstPlanDay(), lastPlanDay()),
                                draftFor(sued, firstPlanDay(), QStringLiteral("Dienstag")));
        ReleaseDraft one = draftFor(nord, firstPlanDay(), QStringLiteral("Ein Platz"));
        one.capacityPerSlot = 1;
        const QString soldOut = m_fx->createRelease(
            ReleaseFixture::firstSlotsOnly(m_fx->plan({nord}, firstPlanDay(), lastPlanDay())), one);
        const QString withdrawn =
            m_fx->createRelease(m_fx->plan({west}, firstPlanDay(), lastPlanDay()),
                                draftFor(west, firstPlanDay(), QStringLiteral("Zurückgezogen")));
        for (const QString &uuid : {scheduled, open, soldOut, withdrawn})
            QVERIFY(!uuid.isEmpty());
        QVERIFY(!m_fx->bookByHotline(m_fx->firstSlotOf(soldOut), QStringLiteral("Mustermann"))
                     .isEmpty());
        QVERIFY(waitForResult(m_fx->releaseClient->withdraw(withdrawn)).ok());

        m_panel->show();
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 4, kWaitMs);
        QVERIFY(refresh()); // the centres' names arrive with the list
        QCOMPARE(cell(scheduled, ReleaseTableModel::State), QStringLiteral("geplant"));
        QCOMPARE(cell(scheduled, ReleaseTableModel::OpensAt), QStringLiteral("Mo 02.03. 18:00"));
        QCOMPARE(cell(scheduled, ReleaseTableModel::Centres), QStringLiteral("Testzentrum Mitte"));
        QCOMPARE(cell(open, ReleaseTableModel::State), QStringLiteral("offen"));
        QCOMPARE(cell(open, ReleaseTableModel::Places), QStringLiteral("72 / 72"));
        QCOMPARE(cell(soldOut, ReleaseTableModel::State), QStringLiteral("ausgebucht"));
        QCOMPARE(cell(soldOut, ReleaseTableModel::Places), QStringLiteral("0 / 1"));
        QCOMPARE(cell(withdrawn, ReleaseTableModel::State), QStringLiteral("zurückgezogen"));
        QCOMPARE(m_panel->model()->headerData(ReleaseTableModel::Places, Qt::Horizontal).toString(),
                 QStringLiteral("Frei / gesamt"));

        // The timer picks up what happens on the service while the panel is visible.
        QVERIFY(m_panel->refreshTimer().isActive());
        const Centre ost = m_fx->publishCentre(QStringLiteral("Testzentrum Ost"), {rapid});
        const QString added =
            m_fx->createRelease(m_fx->plan({ost}, firstPlanDay(), lastPlanDay()),
                                draftFor(ost, lastPlanDay(), QStringLiteral("Ost Mittwoch")));
        QVERIFY(!added.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 5,
                                  ReleasesPanel::refreshIntervalMs * 3);
        m_panel->selectRelease(open);
        saveScreenshot(m_panel.get(), QStringLiteral("releases-list.png"));
        m_panel->hide();
        QVERIFY(!m_panel->refreshTimer().isActive());
    }

    void withdrawListsBookingsAndExportsCsv() {
        const Centre centre = m_fx->publishCentre(QStringLiteral("Testzentrum Ost"), {rapid});
        const QString uuid =
            m_fx->createRelease(m_fx->plan({centre}, firstPlanDay(), lastPlanDay()),
                                draftFor(centre, firstPlanDay(), QStringLiteral("Ost Dienstag")));
        QVERIFY(!uuid.isEmpty());
        QVERIFY(
            !m_fx->bookByHotline(m_fx->firstSlotOf(uuid), QStringLiteral("Mustermann")).isEmpty());
        m_panel->show();
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 1, kWaitMs);
        m_panel->selectRelease(uuid);
        auto *withdrawButton =
            m_panel->findChild<QAbstractButton *>(QStringLiteral("withdrawRelease"));
        QVERIFY(withdrawButton->isEnabled());
        withdrawButton->click();
        auto *box = waitForVisible<QMessageBox>(*m_panel, QStringLiteral("withdrawConfirm"));
        QVERIFY(box);
        QCOMPARE(box->text(),
                 QStringLiteral("Die Freigabe „Ost Dienstag“ zurückziehen?\n\n71 freie Plätze "
                                "verschwinden sofort. Gebuchte Termine bleiben bestehen (1); sie "
                                "werden danach aufgelistet, damit Sie die Personen erreichen "
                                "können."));
        saveScreenshot(box, QStringLiteral("releases-withdraw-confirm.png"));
        QSignalSpy withdrawn(m_panel.get(), &ReleasesPanel::withdrawn);
        box->button(QMessageBox::Yes)->click();
        QVERIFY(withdrawn.wait(kWaitMs));

        ReleaseBookingsDialog *dialog = m_panel->bookingsDialog();
        QVERIFY(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->table()->rowCount(), 1, kWaitMs);
        QCOMPARE(dialog->table()->item(0, 1)->text(), QStringLiteral("Mustermann, Erika"));
        QCOMPARE(dialog->table()->item(0, 5)->text(), QStringLiteral("03.03.2026 09:00"));
        saveScreenshot(dialog, QStringLiteral("releases-withdrawn-bookings.png"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("buchungen.csv"));
        QSignalSpy exported(dialog, &ReleaseBookingsDialog::exported);
        dialog->exportCsv(path);
        QVERIFY(exported.wait(kWaitMs));
        QVERIFY2(exported.constLast().at(0).toBool(),
                 qPrintable(exported.constLast().at(1).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"
                               "code;state;family_name;given_name;"));
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.size(), 3); // header, one booking, the empty rest after the last CRLF
        QVERIFY(lines.at(1).contains(";Mustermann;Erika;1950-05-17;"));

        QTRY_COMPARE_WITH_TIMEOUT(cell(uuid, ReleaseTableModel::State),
                                  QStringLiteral("zurückgezogen"), kWaitMs);
        QTRY_COMPARE(cell(uuid, ReleaseTableModel::Places), QStringLiteral("0 / 1"));
        QVERIFY(!withdrawButton->isEnabled()); // withdrawn already
    }

    void cancelledWithdrawalKeepsTheRelease() {
        const Centre centre = m_fx->publishCentre(QStringLiteral("Testzentrum Spandau"), {rapid});
        const QString uuid =
            m_fx->createRelease(m_fx->plan({centre}, firstPlanDay(), lastPlanDay()),
                                draftFor(centre, firstPlanDay(), QStringLiteral("Spandau")));
        m_panel->show();
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 1, kWaitMs);
        m_panel->selectRelease(uuid);
        m_panel->withdrawSelected();
        auto *box = waitForVisible<QMessageBox>(*m_panel, QStringLiteral("withdrawConfirm"));
        QVERIFY(box);
        box->button(QMessageBox::Cancel)->click();
        QVERIFY(refresh());
        QCOMPARE(cell(uuid, ReleaseTableModel::State), QStringLiteral("offen"));
        QVERIFY(!m_panel->bookingsDialog());
    }
};

QTEST_MAIN(TestReleasesPanel)
#include "TestReleasesPanel.moc"
