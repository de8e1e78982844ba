// Saves a PNG of every page (and of the centre dialog) with realistic data into
// $SLOTDESK_SCREENSHOT_DIR, so a reviewer can look at the console without running it. The pages
// are shown in German, as staff see them by default (German text is longer than the English),
// and again in a dark palette ("-dark") and at 150 % font size ("-150"), where every coloured
// cell must keep its text readable and no label may be cut off.
#include "models/itemmodels/CentreTableModel.h"
#include "tests/gui/ConsoleFixture.h"
#include "ui/centres/CentreDialog.h"
#include "ui/centres/CentresPage.h"
#include "ui/hours/HoursTableModels.h"
#include "ui/hours/WeekTimeline.h"
#include "ui/release/SlotPlanPage.h"
#include "ui/shell/Language.h"
#include "ui/shell/Tones.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

constexpr QSize kWindowSize(1280, 800);
// WCAG's floor for large and de-emphasised text (inactive centres recede on purpose); a light
// background left under a dark theme's light text stays far below it.
constexpr qreal kReadableContrast = 3.0;

// A dark theme as desktop environments ship it: light text on dark grey.
QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

// Application palette and font for the lifetime of the scope.
class ThemeScope {
public:
    ThemeScope(const QPalette &palette, qreal fontScale)
        : m_palette(QApplication::palette())
        , m_font(QApplication::font()) {
        QApplication::setPalette(palette);
        QFont font = m_font;
        font.setPointSizeF(m_font.pointSizeF() * fontScale);
        QApplication::setFont(font);
    }
    ~ThemeScope() {
        QApplication::setPalette(m_palette);
        QApplication::setFont(m_font);
    }
    ThemeScope(const ThemeScope &) = delete;
    ThemeScope &operator=(const ThemeScope &) = delete;

private:
    QPalette m_palette;
    QFont m_font;
};

QColor brushColour(const QVariant &value, const QColor &fallback) {
    if (!value.isValid())
        return fallback;
    if (value.typeId() == QMetaType::QColor)
        return value.value<QColor>();
    const QBrush brush = value.value<QBrush>();
    return brush.style() == Qt::NoBrush ? fallback : brush.color();
}

// Every cell's text against its background, as the view paints them: colours the model sets,
// otherwise the view's palette.
QStringList unreadableCells(const QAbstractItemView *view) {
    QStringList problems;
    const QAbstractItemModel *model = view->model();
    const QPalette &palette = view->palette();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            const QColor background =
                brushColour(index.data(Qt::BackgroundRole), palette.color(QPalette::Base));
            const QColor foreground =
                brushColour(index.data(Qt::ForegroundRole), palette.color(QPalette::Text));
            const qreal ratio = tones::contrastRatio(foreground, background);
            if (ratio < kReadableContrast)
                problems.append(QStringLiteral("%1 row %2 column %3: %4 on %5 (%6:1)")
                                    .arg(view->objectName())
                                    .arg(row)
                                    .arg(column)
                                    .arg(foreground.name(), background.name())
                                    .arg(ratio, 0, 'f', 1));
        }
    }
    return problems;
}

// Labels and buttons smaller than they need to show their text in full.
QStringList clippedWidgets(QWidget *page) {
    QStringList problems;
    const auto check = [&](QWidget *w, const QString &text) {
        if (!w->isVisible() || text.isEmpty())
            return;
        const QSize needed = w->minimumSizeHint();
        if (w->width() < needed.width() || w->height() < needed.height())
            problems.append(QStringLiteral("%1 \"%2\": %3x%4 < %5x%6")
                                .arg(w->objectName(), text)
                                .arg(w->width())
                                .arg(w->height())
                                .arg(needed.width())
                                .arg(needed.height()));
    };
    for (QLabel *label : page->findChildren<QLabel *>()) {
        if (!label->wordWrap())
            check(label, label->text());
    }
    for (QAbstractButton *button : page->findChildren<QAbstractButton *>())
        check(button, button->text());
    return problems;
}

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

    // Renders every page into "<page><suffix>.png" and checks readability and fit.
    void renderEveryPage(const QString &suffix) {
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
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QVERIFY(stack);
        for (const auto &[page, name] : pages) {
            window.showPage(page);
            QCOMPARE(window.currentPage(), page);
            QTest::qWait(50); // lets the page's own asynchronous loads paint
            if (page == MainWindow::Page::OpeningHours)
                markRefusedRow(stack->currentWidget());
            save(&window, name + suffix);
            QWidget *current = stack->currentWidget();
            for (QAbstractItemView *view : current->findChildren<QAbstractItemView *>()) {
                if (view->isVisible()) {
                    const QStringList unreadable = unreadableCells(view);
                    QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(u'\n')));
                }
            }
            const QStringList clipped = clippedWidgets(current);
            QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(u'\n')));
            if (auto *timeline = current->findChild<WeekTimeline *>()) {
                // Each day row has room for its two lines of text at this font.
                const int lines = 2 * 7 * timeline->fontMetrics().height();
                QVERIFY(timeline->minimumSizeHint().height() > lines);
                QVERIFY(timeline->height() >= timeline->minimumSizeHint().height());
            }
        }
    }

    // A refused row, so its colours are on the picture and checked.
    static void markRefusedRow(QWidget *page) {
        auto *view = page->findChild<QAbstractItemView *>(QStringLiteral("weeklyTable"));
        QVERIFY(view);
        auto *model = qobject_cast<HoursTableModel *>(view->model());
        QVERIFY(model);
        QVERIFY(model->rowCount() > 1);
        model->setRowErrors({{1, QStringLiteral("Die Pause liegt außerhalb der Öffnungszeit.")}});
    }

    void everyPage() { renderEveryPage({}); }

    void everyPageDark() {
        const ThemeScope theme(darkPalette(), 1.0);
        renderEveryPage(QStringLiteral("-dark"));
    }

    void everyPageAtLargerFont() {
        const ThemeScope theme(QApplication::palette(), 1.5);
        renderEveryPage(QStringLiteral("-150"));
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
