// The check-in page against a real service on loopback, in German: codes typed as a scanner types
// them (with Enter, Tab or nothing, in bursts, with garbage), QR payloads verified with the
// service's key, and every refusal with its reason on the panel.
#include "models/booking/BookingCode.h"
#include "net/ServiceClient.h"
#include "net/Session.h"
#include "tests/gui/GuiTestHelpers.h"
#include "tests/gui/LoopbackClient.h"
#include "tests/integration/StaffSuite.h"
#include "ui/checkin/CheckInPage.h"
#include "ui/checkin/VerdictPanel.h"
#include "ui/shell/Language.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;
using Tone = CheckInVerdict::Tone;

namespace {

constexpr int kWaitMs = 20000;

} // namespace

class TestCheckInPage : public StaffSuite {
    Q_OBJECT

private:
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ServiceClient> m_client;
    std::unique_ptr<CheckInPage> m_page;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(9, 5), Qt::UTC)};
    QList<qint64> m_slots;

    // Types `text` into the page as a scanner does: one key event per character.
    void scan(const QString &text, QWidget *target = nullptr) {
        QTest::keyClicks(target ? target : m_page.get(), text);
    }

    // Waits for the panel's answer to the latest scan
    // and `scans` answers are in the day's history.
    bool waitForVerdict(int scans = 1) {
        return QTest::qWaitFor(
            [&] {
                return m_page->panel()->verdict().tone != Tone::Pending &&
                       m_page->history()->count() == scans;
            },
            kWaitMs);
    }

    QString bookWithQr(const QString &family, QString *qr) {
        HoldInfo hold;
        if (m_fx->service->engine().hold(m_slots.at(0), QStringLiteral("pcr"), &hold))
            return {};
        ConfirmRequest request;
        request.holdId = hold.id;
        request.familyName = family;
        request.givenName = QStringLiteral("Anna");
        request.birthDate = QDate(1961, 7, 4);
        request.email = QStringLiteral("anna@example.org");
        const WriteOutcome outcome = m_fx->service->engine().confirm(request);
        *qr = outcome.qrText;
        return outcome.booking.code;
    }

    void grab(const QString &name) {
        m_page->resize(1100, 560);
        saveScreenshot(m_page.get(), name);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(installLanguage(*QCoreApplication::instance(), QStringLiteral("de")));
    }

    void init() {
        QVERIFY(startService());
        m_slots = publishCentreAndSlots(2, 20);
        QCOMPARE(m_slots.size(), 2);
        m_session = std::make_unique<Session>();
        m_client = loopbackClient(*m_session, m_clock, m_fx->service->port());
        QVERIFY(waitForResult(m_client->signIn(QStringLiteral("admin"), adminPassword)).ok());
        m_page = std::make_unique<CheckInPage>(m_clock);
        m_page->setDeskName(QStringLiteral("Tisch 3"));
        m_page->setClient(m_client.get());
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->activateWindow();
        m_page->setFocus();
        QVERIFY(QTest::qWaitFor([&] { return m_page->hasPublicKey(); }, kWaitMs));
    }

    void cleanup() {
        m_page.reset();
        m_client.reset();
        m_session.reset();
        m_fx.reset();
    }

    void codeWithEnterChecksInAndShowsThePerson() {
        const QString code = book(m_slots.at(0), QStringLiteral("Becker"));
        QVERIFY(!code.isEmpty());
        scan(BookingCode::grouped(code) + u'\r');
        QVERIFY(waitForVerdict());
        QCOMPARE(m_page->panel()->verdict().tone, Tone::Ok);
        QCOMPARE(m_page->panel()->headlineText(), QStringLiteral("Eingecheckt"));
        QCOMPARE(m_page->panel()->personText(), QStringLiteral("Becker, Erika"));
        QCOMPARE(m_page->panel()->verdict().birthDate, QStringLiteral("17.05.1980"));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM check_ins WHERE desk = "
                                             "'Tisch 3'")),
                 1);
        QCOMPARE(m_page->history()->count(), 1);
        grab(QStringLiteral("checkin-ok.png"));

        // The same code again, later: yellow, with the time of the first check-in.
        QTest::qWait(2100); // past the repeat window, so it counts as a new scan
        scan(code.toLower() + u'\t');
        QVERIFY(waitForVerdict(2));
        QCOMPARE(m_page->panel()->verdict().tone, Tone::Attention);
        QCOMPARE(m_page->panel()->headlineText(), QStringLiteral("Bereits eingecheckt"));
        QVERIFY2(m_page->panel()->reasonText().contains(u"um "),
                 qPrintable(m_page->panel()->reasonText()));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM check_ins")), 1);
        grab(QStringLiteral("checkin-already.png"));
    }

    void scannerWithoutTerminatorAndDoubledScans() {
        const QString code = book(m_slots.at(0), QStringLiteral("Dietz"));
        scan(code + code); // a scanner that sent the code twice
        QVERIFY(waitForVerdict());
        QCOMPARE(m_page->panel()->verdict().tone, Tone::Ok);
        QTest::qWait(200);
        QCOMPARE(m_page->history()->count(), 1);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM check_ins")), 1);
    }

    void burstOfTwentyScans() {
        QStringList codes;
        for (int i = 0; i < 20; ++i) {
            codes.append(book(m_slots.at(i % 2), QStringLiteral("Person%1").arg(i)));
            QVERIFY(!codes.constLast().isEmpty());
        }
        for (const QString &code : std::as_const(codes)) {
            scan(code + u'\r');
            QTest::qWait(50);
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM check_ins")) == 20 &&
                       m_page->history()->count() == 20;
            },
            kWaitMs));
        QVERIFY(waitForVerdict(20));
        QCOMPARE(m_page->panel()->personText(), QStringLiteral("Person19, Erika"));
        QVERIFY(m_page->failedScans().isEmpty());
    }

    void refusalsCarryTheirReason_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("headline");
        const QString valid = BookingCode::fromBits(0x123456789ULL); // never issued here
        QString typo = valid;
        typo[2] = typo.at(2) == u'7' ? u'8' : u'7';
        QTest::newRow("unknown code") << valid + u'\r' << QStringLiteral("Unbekannter Code");
        QTest::newRow("typo") << typo + u'\r' << QStringLiteral("Code vertippt");
        QTest::newRow("too short") << valid.left(7) + u'\r' << QStringLiteral("Kein Buchungscode");
        QTest::newRow("web address") << QStringLiteral("https://example.org/x\r")
                                     << QStringLiteral("Code eines anderen Systems");
        QTest::newRow("garbage") << QStringLiteral("§$%&/()=?\r")
                                 << QStringLiteral("Code eines anderen Systems");
    }
    void refusalsCarryTheirReason() {
        QFETCH(QString, input);
        QFETCH(QString, headline);
        scan(input);
        QVERIFY(waitForVerdict());
        QCOMPARE(m_page->panel()->verdict().tone, Tone::Refused);
        QCOMPARE(m_page->panel()->headlineText(), headline);
        QVERIFY(!m_page->panel()->reasonText().isEmpty());
        QCOMPARE(m_page->failedScans().size(), 1);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM check_ins")), 0);
    }

    void qrCodeIsVerifiedBeforeCheckIn() {
        QString qr;
        const QString code = bookWithQr(QStringLiteral("Claasen"), &qr);
        QVERIFY(qr.startsWith(u"SD2:"));
        QString forged = qr;
        forged.replace(QStringLiteral(":pcr:"), QStringLiteral(":vaccine_comirnaty:"));
        scan(forged + u'\r');
        QVERIFY(waitForVerdict());
        QCOMPARE(m_page->panel()->headlineText(), QStringLiteral("Signatur ungültig"));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM check_ins")), 0);
        grab(QStringLiteral("checkin-forged.png"));

        scan(qr); // no terminator: complete at the signature's last character
        QVERIFY(waitForVerdict(2));
        QCOMPARE(m_page->panel()->verdict().tone, Tone::Ok);
        QCOMPARE(m_page->panel()->personText(), QStringLiteral("Claasen, Anna"));
        QCOMPARE(m_page->panel()->verdict().code, BookingCode::grouped(code));
    }

    void scanWhileAButtonHasFocusNeverPressesIt() {
        auto *button = new QPushButton(QStringLiteral("Abbrechen"), m_page.get());
        QSignalSpy clicked(button, &QPushButton::clicked);
        button->show();
        button->setFocus();
        const QString code = book(m_slots.at(1), QStringLiteral("Ernst"));
        scan(code + u'\r', button);
        QVERIFY(waitForVerdict());
        QCOMPARE(m_page->panel()->verdict().tone, Tone::Ok);
        QCOMPARE(clicked.count(), 0);
        // Without a scan open, Enter is the button's again.
        QTest::keyClick(button, Qt::Key_Space);
        QCOMPARE(clicked.count(), 1);
    }

    void stoppedServiceIsSaidPlainly() {
        const QString code = book(m_slots.at(0), QStringLiteral("Fuchs"));
        m_fx->stop();
        scan(code + u'\r');
        QVERIFY(waitForVerdict());
        QCOMPARE(m_page->panel()->verdict().tone, Tone::Attention);
        QCOMPARE(m_page->panel()->headlineText(), QStringLiteral("Dienst nicht erreichbar"));
        grab(QStringLiteral("checkin-unreachable.png"));
    }
};

QTEST_MAIN(TestCheckInPage)
#include "TestCheckInPage.moc"
