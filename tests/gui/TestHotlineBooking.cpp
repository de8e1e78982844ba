// The hotline booking dialog against a real service on loopback, in German: staff choose an
// open release, centre, service, day and slot, enter the caller and book; the code is shown
// large; missing entries and a full slot are refused with German messages.
#include "tests/gui/ConsoleFixture.h"
#include "tests/gui/ReleaseFixture.h"
#include "ui/release/HotlineBookingDialog.h"
#include "ui/release/ReleasesPanel.h"
#include "ui/shell/Language.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateEdit>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

constexpr int kWaitMs = 20000;
const QString rapid = QStringLiteral("rapid_antigen");

} // namespace

class TestHotlineBooking : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ReleaseFixture> m_fx;
    std::unique_ptr<ReleasesPanel> m_panel;

    // An open release of the centre's Tuesday slots; `firstOnly` keeps two slots of one place.
    QString openRelease(const QString &centreName, bool firstOnly, int hotlineShare) {
        const Centre centre = m_fx->publishCentre(centreName, {rapid});
        ReleaseDraft draft;
        draft.name = centreName + QStringLiteral(" Hotline");
        draft.centreIds = {centre.id};
        draft.services = {rapid};
        draft.days = {firstPlanDay()};
        draft.hotlineShare = hotlineShare;
        ReleaseSource source = m_fx->plan({centre}, firstPlanDay(), lastPlanDay());
        if (firstOnly) {
            source = ReleaseFixture::firstSlotsOnly(source, 2);
            draft.capacityPerSlot = 1;
        }
        return m_fx->createRelease(source, draft);
    }

    HotlineBookingDialog *openDialog() {
        QSignalSpy refreshed(m_panel.get(), &ReleasesPanel::refreshed);
        m_panel->show();
        if (!refreshed.wait(kWaitMs))
            return nullptr;
        HotlineBookingDialog *dialog = m_panel->openHotlineBooking();
        QSignalSpy loaded(dialog, &HotlineBookingDialog::slotsLoaded);
        if (!loaded.wait(kWaitMs) || loaded.constLast().at(0).toInt() == 0)
            return nullptr;
        return dialog;
    }

    void enterCaller(HotlineBookingDialog *dialog, const QString &familyName,
                     const QString &phone) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("hotlineFamilyName")),
                         familyName);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("hotlineGivenName")),
                         QStringLiteral("Erika"));
        dialog->findChild<QDateEdit *>(QStringLiteral("hotlineBirthDate"))
            ->setDate(QDate(1948, 7, 1));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("hotlinePhone")), phone);
    }

    qint64 hotlineBookings() const {
        return m_fx->fx.scalar(
            QStringLiteral("SELECT COUNT(*) FROM bookings WHERE channel = 'hotline'"));
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
    }

    void cleanup() {
        m_panel.reset();
        m_fx.reset();
    }

    void bookingShowsTheCodeLarge() {
        QVERIFY(!openRelease(QStringLiteral("Testzentrum Mitte"), false, 50).isEmpty());
        HotlineBookingDialog *dialog = openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("hotlineCentre"))->currentText(),
                 QStringLiteral("Testzentrum Mitte"));
        // 6 places a slot, 3 kept for the hotline: citizens see 3.
        QCOMPARE(dialog->slotBox()->itemText(0), QStringLiteral("09:00 (3 online frei)"));
        enterCaller(dialog, QStringLiteral("Musterfrau"), QStringLiteral("030 5551234"));
        QSignalSpy booked(dialog, &HotlineBookingDialog::booked);
        dialog->findChild<QAbstractButton *>(QStringLiteral("hotlineBook"))->click();
        QVERIFY(booked.wait(kWaitMs));
        const QString code = booked.constLast().at(0).toString();
        QVERIFY(!code.isEmpty());
        QCOMPARE(dialog->code(), code);
        auto *codeLabel = dialog->findChild<QLabel *>(QStringLiteral("hotlineCode"));
        QVERIFY(QFontInfo(codeLabel->font()).pixelSize() >=
                2 * QFontInfo(dialog->font()).pixelSize());
        QCOMPARE(
            dialog->message(),
            QStringLiteral("Gebucht. Lesen Sie der anrufenden Person den Code vor: %1").arg(code));
        QCOMPARE(hotlineBookings(), 1);
        saveScreenshot(dialog, QStringLiteral("hotline-booking.png"));
    }

    void missingPhoneIsRefused() {
        QVERIFY(!openRelease(QStringLiteral("Testzentrum Süd"), false, 0).isEmpty());
        HotlineBookingDialog *dialog = openDialog();
        QVERIFY(dialog);
        enterCaller(dialog, QStringLiteral("Musterfrau"), QString());
        QSignalSpy failed(dialog, &HotlineBookingDialog::failed);
        dialog->book();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(dialog->message(),
                 QStringLiteral("Geben Sie eine Telefonnummer an, unter der die anrufende Person "
                                "erreichbar ist."));
        QVERIFY(dialog->code().isEmpty());
        QCOMPARE(hotlineBookings(), 0);
    }

    void fullSlotIsRefused() {
        const QString uuid = openRelease(QStringLiteral("Testzentrum Nord"), true, 0);
        QVERIFY(!uuid.isEmpty());
        QVERIFY(!m_fx->bookByHotline(m_fx->firstSlotOf(uuid), QStringLiteral("Erste")).isEmpty());
        HotlineBookingDialog *dialog = openDialog();
        QVERIFY(dialog);
        // The release stays open (09:15 is free); 09:00 is the first slot offered.
        QCOMPARE(dialog->slotBox()->itemText(0), QStringLiteral("09:00 (0 online frei)"));
        enterCaller(dialog, QStringLiteral("Zweite"), QStringLiteral("030 5550000"));
        QSignalSpy failed(dialog, &HotlineBookingDialog::failed);
        dialog->book();
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(dialog->message(),
                 QStringLiteral("Dieser Termin hat keinen freien Platz mehr. Wählen Sie einen "
                                "anderen Termin."));
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("hotlineFamilyName"))->text(),
                 QStringLiteral("Zweite"));
        QCOMPARE(hotlineBookings(), 1);
    }
};

QTEST_MAIN(TestHotlineBooking)
#include "TestHotlineBooking.moc"
