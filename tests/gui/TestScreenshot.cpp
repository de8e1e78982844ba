// Saves a PNG of every page (and of the centre dialog) with realistic data into
// $SLOTDESK_SCREENSHOT_DIR, so a reviewer can look at the console without running it. The pages
// are shown in German, as staff see them by default (German text is longer than the English).
#include "models/itemmodels/CentreTableModel.h"
#include "tests/gui/ConsoleFixture.h"
#include "ui/centres/CentreDialog.h"
#include "ui/centres/CentresPage.h"
#include "ui/release/SlotPlanPage.h"
#include "ui/shell/Language.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

constexpr QSize kWindowSize(1280, 800);

Centre centre(const QString &name, const QString &street, const QString &postcode, CentreKind kind,
              const QStringList &services, int lanes, int capacity, int slotMinutes,
              const QString &phone, bool active = true) {
    Centre c;
    c.name = name;
    c.street = street;
    c.postcode = postcode;
    c.city = QStringLiteral("Berlin");
    c.kind = kind;
    c.serviceCodes = services;
    c.lanes = lanes;
    c.capacityPerLane = capacity;
    c.slotMinutes = slotMinutes;
    c.phone = phone;
    c.active = active;
    return c;
}

QList<Centre> sampleCentres() {
    const QString rapid = QStringLiteral("rapid_antigen");
    const QString pcr = QStringLiteral("pcr");
    return {
        centre(QStringLiteral("Testzentrum Alexanderplatz"), QStringLiteral("Alexanderplatz 5"),
               QStringLiteral("10178"), CentreKind::TestCentre, {pcr, rapid}, 4, 2, 10,
               QStringLiteral("030 2400 1100")),
        centre(QStringLiteral("Testzentrum Kreuzberg"), QStringLiteral("Oranienstraße 20"),
               QStringLiteral("10999"), CentreKind::TestCentre, {rapid}, 2, 3, 15,
               QStringLiteral("030 6100 2200")),
        centre(QStringLiteral("PCR-Labor Charlottenburg"), QStringLiteral("Kantstraße 44"),
               QStringLiteral("10625"), CentreKind::TestCentre, {pcr}, 3, 1, 20,
               QStringLiteral("030 3100 3300")),
        centre(QStringLiteral("Impfzentrum Messe Berlin"), QStringLiteral("Messedamm 22"),
               QStringLiteral("14055"), CentreKind::VaccinationCentre,
               {QStringLiteral("vaccine_comirnaty"), QStringLiteral("vaccine_spikevax")}, 12, 4, 15,
               QStringLiteral("030 3038 0")),
        centre(QStringLiteral("Impfzentrum Tegel"), QStringLiteral("Flughafen Tegel, Terminal C"),
               QStringLiteral("13405"), CentreKind::VaccinationCentre,
               {QStringLiteral("vaccine_comirnaty"), QStringLiteral("vaccine_jcovden"),
                QStringLiteral("vaccine_nuvaxovid")},
               8, 3, 10, QStringLiteral("030 9020 4400")),
        centre(QStringLiteral("Testzentrum Tempelhof"), QStringLiteral("Platz der Luftbrücke 5"),
               QStringLiteral("12101"), CentreKind::TestCentre, {rapid}, 2, 2, 15,
               QStringLiteral("030 6900 5500"), false),
    };
}

// A working week with a lunch break, a short Saturday, a special day and a closure in the
// fixture clock's week (23.–29.11.2026), so the preview has something to show.
OpeningHours sampleHours(qint64 centreId) {
    OpeningHours hours;
    hours.centreId = centreId;
    for (int day = 1; day <= 5; ++day) {
        hours.weekly.append({day, {8 * 60, 18 * 60}, false});
        hours.weekly.append({day, {12 * 60, 12 * 60 + 30}, true});
    }
    hours.weekly.append({6, {9 * 60, 13 * 60}, false});
    hours.specialDays.append(
        {QDate(2026, 11, 26), QStringLiteral("Betriebsversammlung"), {{8 * 60, 12 * 60}}});
    hours.closures.append(
        {QDate(2026, 11, 27), QDate(2026, 11, 27), QStringLiteral("Keine Impfstofflieferung")});
    return hours;
}

} // namespace

class TestScreenshot : public QObject {
    Q_OBJECT

private:
    QDir m_out;

    void save(QWidget *widget, const QString &name) {
        const QString path = m_out.filePath(name + QStringLiteral(".png"));
        QVERIFY2(widget->grab().save(path), qPrintable(path));
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
        const QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= widget->width() && image.height() >= widget->height());
    }

    // A plan over the fixture's week and the two months after it, for the Slot release page.
    static void planSlots(SlotPlanPage *page) {
        auto *list = page->findChild<QListWidget *>(QStringLiteral("planCentres"));
        QTRY_COMPARE(list->count(), 5); // the active centres
        for (int row = 0; row < list->count(); ++row)
            list->item(row)->setCheckState(Qt::Checked);
        page->findChild<QDateEdit *>(QStringLiteral("planFirstDay"))->setDate(QDate(2026, 11, 23));
        page->findChild<QDateEdit *>(QStringLiteral("planLastDay"))->setDate(QDate(2027, 1, 31));
        QSignalSpy ready(page, &SlotPlanPage::planReady);
        page->calculate();
        QVERIFY(ready.wait(15000));
    }

private Q_SLOTS:
    void initTestCase() {
        isolateSettings();
        QVERIFY(installLanguage(*QCoreApplication::instance(), QStringLiteral("de")));
        const QString dir = qEnvironmentVariable("SLOTDESK_SCREENSHOT_DIR");
        QVERIFY2(!dir.isEmpty(), "SLOTDESK_SCREENSHOT_DIR is not set");
        QVERIFY(QDir().mkpath(dir));
        m_out = QDir(dir);
    }

    void everyPage() {
        ConsoleFixture console;
        QVERIFY(console.start());
        for (const Centre &c : sampleCentres()) {
            const Centre stored = console.seed(c);
            QVERIFY(stored.id > 0);
            const StoreError e =
                waitForResult(console.store().saveOpeningHours(sampleHours(stored.id)));
            QVERIFY2(e.ok(), qPrintable(e.message));
        }
        MainWindow &window = console.window();
        window.resize(kWindowSize);
        CentresPage *centres = window.centresPage();
        QTRY_COMPARE(centres->model()->rowCount(), int(sampleCentres().size()));
        centres->selectCentre(centres->model()->centres().first().id);
        planSlots(window.slotPlanPage());

        const QList<std::pair<MainWindow::Page, QString>> pages = {
            {MainWindow::Page::Centres, QStringLiteral("01-centres")},
            {MainWindow::Page::OpeningHours, QStringLiteral("02-opening-hours")},
            {MainWindow::Page::SlotRelease, QStringLiteral("03-slot-release")},
            {MainWindow::Page::CheckIn, QStringLiteral("04-check-in")},
            {MainWindow::Page::LiveBookings, QStringLiteral("05-live-bookings")},
        };
        for (const auto &[page, name] : pages) {
            window.showPage(page);
            QCOMPARE(window.currentPage(), page);
            QTest::qWait(50); // lets the page's own asynchronous loads paint
            save(&window, name);
        }
    }

    void centreDialog() {
        ConsoleFixture console;
        QVERIFY(console.start());
        const Centre seeded = console.seed(sampleCentres().at(3));
        MainWindow &window = console.window();
        window.resize(kWindowSize);
        CentresPage *centres = window.centresPage();
        QTRY_COMPARE(centres->model()->rowCount(), 1);
        centres->selectCentre(seeded.id);
        centres->editSelected();
        CentreDialog *dialog = waitForCentreDialog(centres);
        QVERIFY(dialog);
        save(dialog, QStringLiteral("06-centre-dialog"));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(waitUntilClosed(dialog));

        centres->addCentre();
        dialog = waitForCentreDialog(centres);
        QVERIFY(dialog);
        typeInto(dialog, QStringLiteral("name"), seeded.name);
        typeInto(dialog, QStringLiteral("postcode"), QStringLiteral("1405"));
        typeInto(dialog, QStringLiteral("phone"), QStringLiteral("030-abc"));
        clickOk(dialog);
        QTRY_VERIFY(dialog->findChild<QWidget *>(QStringLiteral("nameError"))->isVisible());
        save(dialog, QStringLiteral("07-centre-dialog-errors"));
    }
};

QTEST_MAIN(TestScreenshot)
#include "TestScreenshot.moc"
