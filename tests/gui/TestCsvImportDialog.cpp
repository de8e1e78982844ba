// The CSV import dialog on real fixture files: preview and per-row errors from the dry run,
// Import only for clean files, all-or-nothing import with a cancellable progress dialog, and
// the export that writes through QSaveFile off the UI thread.
#include "models/core/Clock.h"
#include "models/csv/Csv.h"
#include "models/store/ConsoleStore.h"
#include "tests/gui/GuiTestHelpers.h"
#include "tests/support/TestSupport.h"
#include "ui/csv/CsvImportDialog.h"

#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace slotdesk;
using namespace slotdesk::test;

Q_DECLARE_METATYPE(slotdesk::CsvKind)

namespace {

struct Env {
    TempDir dir;
    FixedClock clock{QDateTime(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::utc())};
    ConsoleStore store{dir.file(QStringLiteral("console.db")), clock};

    int centreCount() { return static_cast<int>(waitForResult(store.centres()).value.size()); }
    bool importFixture(CsvKind kind, const QString &name) {
        const QByteArray data = readData(QStringLiteral("csv/") + name);
        const auto report = waitForResult(kind == CsvKind::Centres ? store.importCentresCsv(data)
                                                                   : store.importHoursCsv(data));
        for (const RowError &e : report.rowErrors)
            qWarning("line %d %s: %s", e.line, qPrintable(e.column), qPrintable(e.message));
        if (!report.error.ok())
            qWarning("store: %s", qPrintable(report.error.message));
        return report.ok();
    }
};

// Opens the dialog on `path` and waits for the dry run. Returns the dialog; `ok` says whether
// the preview found the file importable.
std::unique_ptr<CsvImportDialog> preview(Env &env, CsvKind kind, const QString &path, bool *ok) {
    auto dialog = std::make_unique<CsvImportDialog>(env.store, kind);
    dialog->show();
    QSignalSpy ready(dialog.get(), &CsvImportDialog::previewReady);
    dialog->loadFile(path);
    // A continuation may run at once when the file was read before it was attached.
    *ok = (!ready.isEmpty() || ready.wait(30000)) && ready.constFirst().constFirst().toBool();
    if (ready.isEmpty())
        qWarning("no preview for %s", qPrintable(path));
    return dialog;
}

template <typename T> T *child(QWidget *dialog, const char *name) {
    return dialog->findChild<T *>(QString::fromLatin1(name));
}

QSet<int> errorLines(QWidget *dialog) {
    QSet<int> lines;
    auto *list = child<QListWidget>(dialog, "errorList");
    for (int i = 0; i < list->count(); ++i)
        lines.insert(list->item(i)->data(Qt::UserRole).toInt());
    return lines;
}

bool clickImport(QWidget *dialog) {
    QSignalSpy finished(dialog, SIGNAL(importFinished(bool)));
    QTest::mouseClick(child<QPushButton>(dialog, "importButton"), Qt::LeftButton);
    if (finished.isEmpty() && !finished.wait(10000))
        return false;
    return finished.constFirst().constFirst().toBool();
}

} // namespace

class TestCsvImportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void goodFileIsPreviewedAndImported_data();
    void goodFileIsPreviewedAndImported();
    void brokenFileListsErrorsAndImportsNothing_data();
    void brokenFileListsErrorsAndImportsNothing();
    void unreadableFileSaysSo();
    void cancelledImportWritesNothing();
    void exportThenImportRoundTrip();
    void exportToUnwritablePathReportsError();
    void exportAsksForFileAndReports();
};

void TestCsvImportDialog::goodFileIsPreviewedAndImported_data() {
    QTest::addColumn<CsvKind>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("previewRows");
    QTest::addColumn<int>("centresAfter");

    QTest::newRow("Excel, semicolons, BOM, German headers")
        << CsvKind::Centres << QStringLiteral("centres_excel.csv") << 4 << 3;
    QTest::newRow("commas") << CsvKind::Centres << QStringLiteral("centres_comma.csv") << 2 << 2;
    QTest::newRow("quoted fields with separators and line breaks")
        << CsvKind::Centres << QStringLiteral("centres_quoted.csv") << 3 << 3;
    QTest::newRow("opening hours")
        << CsvKind::OpeningHours << QStringLiteral("hours_good.csv") << 10 << 3;
}

void TestCsvImportDialog::goodFileIsPreviewedAndImported() {
    QFETCH(CsvKind, kind);
    QFETCH(QString, file);
    QFETCH(int, previewRows);
    QFETCH(int, centresAfter);
    Env env;
    // Hours refer to centres by name: those of the Excel file.
    if (kind == CsvKind::OpeningHours)
        QVERIFY(env.importFixture(CsvKind::Centres, QStringLiteral("centres_excel.csv")));

    bool ok = false;
    auto dialog = preview(env, kind, dataPath(QStringLiteral("csv/") + file), &ok);
    QVERIFY(ok);
    QCOMPARE(child<QTableWidget>(dialog.get(), "previewTable")->rowCount(), previewRows);
    QCOMPARE(child<QListWidget>(dialog.get(), "errorList")->count(), 0);
    QVERIFY(child<QPushButton>(dialog.get(), "importButton")->isEnabled());
    if (kind == CsvKind::Centres)
        QCOMPARE(env.centreCount(), 0); // the dry run wrote nothing
    if (file == u"centres_excel.csv")
        saveScreenshot(dialog.get(), QStringLiteral("csv-import-preview.png"));

    QVERIFY(clickImport(dialog.get()));
    QVERIFY(!child<QPushButton>(dialog.get(), "importButton")->isEnabled());
    QVERIFY(!child<QLabel>(dialog.get(), "summaryLabel")->text().isEmpty());
    QCOMPARE(env.centreCount(), centresAfter);
    if (kind == CsvKind::OpeningHours) {
        const QList<Centre> centres = waitForResult(env.store.centres()).value;
        const auto altstadt = std::find_if(centres.cbegin(), centres.cend(), [](const Centre &c) {
            return c.name == u"Testzentrum Altstadt";
        });
        QVERIFY(altstadt != centres.cend());
        const OpeningHours hours = waitForResult(env.store.openingHours(altstadt->id)).value;
        QCOMPARE(hours.weekly.size(), 5);
        QCOMPARE(hours.closures.size(), 1);
        QCOMPARE(hours.specialDays.size(), 1);
        QCOMPARE(hours.specialDays.constFirst().open.size(), 2);
    }
}

void TestCsvImportDialog::brokenFileListsErrorsAndImportsNothing_data() {
    QTest::addColumn<CsvKind>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QList<int>>("lines"); // lines that must be reported

    QTest::newRow("invalid UTF-8")
        << CsvKind::Centres << QStringLiteral("broken_invalid_utf8.csv") << QList<int>{4};
    QTest::newRow("unterminated quote")
        << CsvKind::Centres << QStringLiteral("broken_unterminated_quote.csv") << QList<int>{3};
    QTest::newRow("bad postcode and capacity")
        << CsvKind::Centres << QStringLiteral("centres_bad_postcode.csv") << QList<int>{2, 4};
    QTest::newRow("duplicate name")
        << CsvKind::Centres << QStringLiteral("centres_duplicate_name.csv") << QList<int>{4};
    QTest::newRow("missing column")
        << CsvKind::Centres << QStringLiteral("centres_missing_column.csv") << QList<int>{1};
    QTest::newRow("unknown service and kind")
        << CsvKind::Centres << QStringLiteral("centres_unknown_service.csv") << QList<int>{2, 3, 4};
    QTest::newRow("wrong column count")
        << CsvKind::Centres << QStringLiteral("centres_wrong_column_count.csv") << QList<int>{3, 4};
    QTest::newRow("bad times") << CsvKind::OpeningHours << QStringLiteral("hours_bad_time.csv")
                               << QList<int>{2, 3, 4, 5, 6, 7};
    QTest::newRow("end before start")
        << CsvKind::OpeningHours << QStringLiteral("hours_end_before_start.csv")
        << QList<int>{2, 5};
}

void TestCsvImportDialog::brokenFileListsErrorsAndImportsNothing() {
    QFETCH(CsvKind, kind);
    QFETCH(QString, file);
    QFETCH(QList<int>, lines);
    Env env;
    // The hours fixtures are for "Testzentrum A", which exists.
    Centre a = sampleCentre(QStringLiteral("Testzentrum A"));
    QVERIFY(waitForResult(env.store.saveCentre(a)).error.ok());

    bool ok = true;
    auto dialog = preview(env, kind, dataPath(QStringLiteral("csv/") + file), &ok);
    QVERIFY(!ok);
    const QSet<int> reported = errorLines(dialog.get());
    for (int line : std::as_const(lines))
        QVERIFY2(reported.contains(line), qPrintable(QStringLiteral("line %1").arg(line)));
    QVERIFY(!child<QPushButton>(dialog.get(), "importButton")->isEnabled());
    QVERIFY(!child<QLabel>(dialog.get(), "summaryLabel")->text().isEmpty());

    // Rows with errors are highlighted in the preview.
    auto *table = child<QTableWidget>(dialog.get(), "previewTable");
    for (int row = 0; row < table->rowCount(); ++row) {
        const int line = table->verticalHeaderItem(row)->text().toInt();
        const bool marked = table->item(row, 0)->background().style() != Qt::NoBrush;
        QCOMPARE(marked, reported.contains(line));
    }
    if (file == u"centres_bad_postcode.csv")
        saveScreenshot(dialog.get(), QStringLiteral("csv-import-errors.png"));

    // Import cannot be forced; nothing was stored.
    dialog->startImport();
    QCOMPARE(env.centreCount(), 1);
    QVERIFY(waitForResult(env.store.openingHours(1)).value.weekly.isEmpty());
}

void TestCsvImportDialog::unreadableFileSaysSo() {
    Env env;
    bool ok = true;
    auto dialog = preview(env, CsvKind::Centres, env.dir.file(QStringLiteral("missing.csv")), &ok);
    QVERIFY(!ok);
    QVERIFY(child<QLabel>(dialog.get(), "summaryLabel")->text().contains(u"missing.csv"));
    QVERIFY(!child<QPushButton>(dialog.get(), "importButton")->isEnabled());
    QCOMPARE(env.centreCount(), 0);
}

void TestCsvImportDialog::cancelledImportWritesNothing() {
    Env env;
    // Large enough that the import is still writing when Cancel is pressed.
    QList<QStringList> rows;
    for (int i = 0; i < 1500; ++i) {
        rows.append({QStringLiteral("Testzentrum %1").arg(i, 4, 10, QLatin1Char('0')),
                     QStringLiteral("Weg %1").arg(i), QStringLiteral("01067"),
                     QStringLiteral("Dresden"), QStringLiteral("test"), QStringLiteral("pcr"),
                     QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("15"),
                     QStringLiteral("0351 1234"), QStringLiteral("1")});
    }
    const QString path = env.dir.file(QStringLiteral("many.csv"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(writeCsv({QStringLiteral("name"), QStringLiteral("street"),
                        QStringLiteral("postcode"), QStringLiteral("city"), QStringLiteral("kind"),
                        QStringLiteral("services"), QStringLiteral("lanes"),
                        QStringLiteral("capacity_per_lane"), QStringLiteral("slot_minutes"),
                        QStringLiteral("phone"), QStringLiteral("active")},
                       rows));
    out.close();

    bool ok = false;
    auto dialog = preview(env, CsvKind::Centres, path, &ok);
    QVERIFY(ok);
    QSignalSpy finished(dialog.get(), &CsvImportDialog::importFinished);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "importButton"), Qt::LeftButton);
    auto *progress = child<QProgressDialog>(dialog.get(), "importProgress");
    QVERIFY(progress);
    QPushButton *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!finished.isEmpty() || finished.wait(20000));
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    QCOMPARE(env.centreCount(), 0);
    // The checked file can still be imported afterwards.
    QVERIFY(child<QPushButton>(dialog.get(), "importButton")->isEnabled());
}

void TestCsvImportDialog::exportThenImportRoundTrip() {
    Env source;
    QVERIFY(source.importFixture(CsvKind::Centres, QStringLiteral("centres_excel.csv")));
    QVERIFY(source.importFixture(CsvKind::OpeningHours, QStringLiteral("hours_good.csv")));
    const QString centresPath = source.dir.file(QStringLiteral("centres.csv"));
    const QString hoursPath = source.dir.file(QStringLiteral("hours.csv"));
    QCOMPARE(waitForResult(exportCsvToFile(source.store, CsvKind::Centres, centresPath)),
             QString());
    QCOMPARE(waitForResult(exportCsvToFile(source.store, CsvKind::OpeningHours, hoursPath)),
             QString());

    Env target;
    bool ok = false;
    auto centresDialog = preview(target, CsvKind::Centres, centresPath, &ok);
    QVERIFY(ok);
    QVERIFY(clickImport(centresDialog.get()));
    auto hoursDialog = preview(target, CsvKind::OpeningHours, hoursPath, &ok);
    QVERIFY(ok);
    QVERIFY(clickImport(hoursDialog.get()));

    QList<Centre> before = waitForResult(source.store.centres()).value;
    QList<Centre> after = waitForResult(target.store.centres()).value;
    QCOMPARE(after.size(), before.size());
    const auto byName = [](const Centre &a, const Centre &b) { return a.name < b.name; };
    std::sort(before.begin(), before.end(), byName);
    std::sort(after.begin(), after.end(), byName);
    for (qsizetype i = 0; i < before.size(); ++i) {
        Centre expected = before.at(i);
        Centre actual = after.at(i);
        QCOMPARE(actual.name, expected.name);
        QCOMPARE(actual.phone, expected.phone);
        QCOMPARE(actual.serviceCodes, expected.serviceCodes);
        QCOMPARE(actual.active, expected.active);
        OpeningHours hoursBefore = waitForResult(source.store.openingHours(expected.id)).value;
        OpeningHours hoursAfter = waitForResult(target.store.openingHours(actual.id)).value;
        hoursBefore.centreId = hoursAfter.centreId = 0;
        QCOMPARE(hoursAfter, hoursBefore);
    }
}

void TestCsvImportDialog::exportToUnwritablePathReportsError() {
    Env env;
    QVERIFY(env.importFixture(CsvKind::Centres, QStringLiteral("centres_comma.csv")));
    // A regular file where the directory should be: nothing can be created below it.
    const QString blocker = env.dir.file(QStringLiteral("not-a-directory"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("old content");
    file.close();
    const QString error = waitForResult(
        exportCsvToFile(env.store, CsvKind::Centres, blocker + QStringLiteral("/out.csv")));
    QVERIFY(!error.isEmpty());
    QVERIFY(error.contains(u"out.csv"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("old content"));
    file.close();

    // An existing export is replaced only by a complete new one.
    const QString target = env.dir.file(QStringLiteral("centres.csv"));
    QCOMPARE(waitForResult(exportCsvToFile(env.store, CsvKind::Centres, target)), QString());
    QFile written(target);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const CsvParseResult parsed = parseCsv(written.readAll());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.table.rows.size(), 2);
}

void TestCsvImportDialog::exportAsksForFileAndReports() {
    Env env;
    QVERIFY(env.importFixture(CsvKind::Centres, QStringLiteral("centres_comma.csv")));
    QWidget window;
    window.show();
    const QString good = env.dir.file(QStringLiteral("export.csv"));
    const QString bad = env.dir.file(QStringLiteral("export.csv/inside.csv"));
    for (const QString &path : {good, bad}) {
        exportCsv(env.store, CsvKind::Centres, &window);
        QFileDialog *files = nullptr;
        QTRY_VERIFY((files = window.findChild<QFileDialog *>(QStringLiteral("exportFileDialog"))));
        files->selectFile(path);
        static_cast<QDialog *>(files)->accept(); // QFileDialog::accept() is protected
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("exportResultBox"))) &&
                    box->isVisible());
        QCOMPARE(box->icon(), path == good ? QMessageBox::Information : QMessageBox::Warning);
        QVERIFY(box->text().contains(QStringLiteral("export.csv")));
        QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("exportResultBox")));
        QTRY_VERIFY(!window.findChild<QFileDialog *>(QStringLiteral("exportFileDialog")));
    }
    QFile written(good);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(parseCsv(written.readAll()).table.rows.size(), 2);
}

QTEST_MAIN(TestCsvImportDialog)
#include "TestCsvImportDialog.moc"
