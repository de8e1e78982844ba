#include "models/core/Clock.h"
#include "models/store/ConsoleStore.h"
#include "tests/support/StoreSupport.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace slotdesk;
using namespace Qt::StringLiterals;

namespace {

// "line:column" of each row error, compact and independent of the message language.
QStringList locations(const QList<RowError> &errors) {
    QStringList result;
    for (const RowError &e : errors)
        result.append(QString::number(e.line) % u':' % e.column);
    return result;
}

QString describe(const ConsoleStore::ImportReport &report) {
    QStringList lines{report.error.message};
    for (const RowError &e : report.rowErrors)
        lines.append(QString::number(e.line) % u':' % e.column % u' ' % e.message);
    return lines.join(u'\n');
}

// The parts of a centre that a CSV file carries (the store assigns id, uuid and revision).
Centre portable(Centre c) {
    c.id = 0;
    c.uuid.clear();
    c.revision = 0;
    return c;
}

} // namespace

class TestConsoleStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void saveAndListCentres();
    void refusedSaveEmitsNothing();
    void openingHoursRoundTrip();
    void unusableFileIsReported();
    void importCentres_data();
    void importCentres();
    void importCentresStoreValidationNamesLines();
    void importHours();
    void importHoursUnknownCentre();
    void cancelledImportWritesNothing();
    void exportImportRoundTrip();

private:
    QList<Centre> storedCentres(ConsoleStore &store);
    void importFixture(const QString &name);

    std::unique_ptr<test::TempDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<ConsoleStore> m_store;
};

void TestConsoleStore::init() {
    m_dir = std::make_unique<test::TempDir>();
    m_clock = std::make_unique<FixedClock>(test::storeTestNow());
    m_store = std::make_unique<ConsoleStore>(m_dir->file(u"slotdesk.db"_s), *m_clock);
    const StoreError error = test::awaitResult(m_store->open());
    QVERIFY2(error.ok(), qPrintable(error.message));
}

void TestConsoleStore::cleanup() {
    m_store.reset();
    m_clock.reset();
    m_dir.reset();
}

QList<Centre> TestConsoleStore::storedCentres(ConsoleStore &store) {
    const Stored<QList<Centre>> list = test::awaitResult(store.centres());
    if (list.error)
        qWarning("%s", qPrintable(list.error.message));
    return list.value;
}

void TestConsoleStore::importFixture(const QString &name) {
    const QByteArray data = test::readData(u"csv/"_s + name);
    QVERIFY(!data.isEmpty());
    const ConsoleStore::ImportReport report =
        test::awaitResult(name.startsWith(u"hours") ? m_store->importHoursCsv(data)
                                                    : m_store->importCentresCsv(data));
    QVERIFY2(report.ok(), qPrintable(describe(report)));
}

void TestConsoleStore::saveAndListCentres() {
    QSignalSpy changed(m_store.get(), &ConsoleStore::centresChanged);
    const Stored<Centre> saved =
        test::awaitResult(m_store->saveCentre(test::sampleCentre(u"Testzentrum Altstadt"_s)));
    QVERIFY2(saved.error.ok(), qPrintable(saved.error.message));
    QVERIFY(saved.value.id > 0);
    QCOMPARE(saved.value.revision, 1);
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(storedCentres(*m_store), QList<Centre>{saved.value});

    QVERIFY(test::awaitResult(m_store->setCentreActive(saved.value.id, false)).ok());
    QTRY_COMPARE(changed.count(), 2);
    QVERIFY(!storedCentres(*m_store).constFirst().active);

    QVERIFY(test::awaitResult(m_store->removeCentre(saved.value.id)).ok());
    QTRY_COMPARE(changed.count(), 3);
    QVERIFY(storedCentres(*m_store).isEmpty());
}

void TestConsoleStore::refusedSaveEmitsNothing() {
    const Stored<Centre> first =
        test::awaitResult(m_store->saveCentre(test::sampleCentre(u"Testzentrum Altstadt"_s)));
    QVERIFY(first.error.ok());
    QSignalSpy changed(m_store.get(), &ConsoleStore::centresChanged);

    const Stored<Centre> duplicate =
        test::awaitResult(m_store->saveCentre(test::sampleCentre(u"testzentrum altstadt"_s)));
    QCOMPARE(duplicate.error.kind, StoreError::Kind::Validation);
    QCOMPARE(duplicate.error.fields.constFirst().field, u"name"_s);
    QCOMPARE(duplicate.value.id, 0);
    // A later call has been answered, so a signal of the refused save would have arrived.
    QCOMPARE(storedCentres(*m_store), QList<Centre>{first.value});
    QCOMPARE(changed.count(), 0);
}

void TestConsoleStore::openingHoursRoundTrip() {
    const Stored<Centre> centre =
        test::awaitResult(m_store->saveCentre(test::sampleCentre(u"Testzentrum Altstadt"_s)));
    QSignalSpy changed(m_store.get(), &ConsoleStore::openingHoursChanged);
    const OpeningHours hours = test::sampleHours(centre.value.id);
    QVERIFY(test::awaitResult(m_store->saveOpeningHours(hours)).ok());
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().constFirst().toLongLong(), centre.value.id);

    const Stored<OpeningHours> loaded = test::awaitResult(m_store->openingHours(centre.value.id));
    QVERIFY(loaded.error.ok());
    QCOMPARE(loaded.value, hours);

    OpeningHours past = hours;
    past.closures.append({QDate(2026, 11, 1), QDate(2026, 11, 2), u"Umbau"_s});
    const StoreError refused = test::awaitResult(m_store->saveOpeningHours(past));
    QCOMPARE(refused.kind, StoreError::Kind::Validation);
    QCOMPARE(test::awaitResult(m_store->openingHours(centre.value.id)).value, hours);
    QCOMPARE(changed.count(), 1);
}

void TestConsoleStore::unusableFileIsReported() {
    const QString path = m_dir->file(u"notes.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Einkaufsliste\n");
    file.close();
    ConsoleStore store(path, *m_clock);
    const StoreError error = test::awaitResult(store.open());
    QCOMPARE(error.kind, StoreError::Kind::Corrupt);
    QVERIFY(!error.message.isEmpty());
    // Every later call reports the same problem instead of touching the file.
    QCOMPARE(test::awaitResult(store.centres()).error.kind, StoreError::Kind::Corrupt);
    QCOMPARE(test::fileBytes(path), QByteArray("Einkaufsliste\n"));
}

void TestConsoleStore::importCentres_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("dryRun");
    QTest::addColumn<int>("inserted");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("good, dry run") << u"centres_excel.csv"_s << true << 3 << QStringList();
    QTest::newRow("good") << u"centres_excel.csv"_s << false << 3 << QStringList();
    QTest::newRow("quoted fields") << u"centres_quoted.csv"_s << false << 3 << QStringList();
    QTest::newRow("bad postcode and capacity")
        << u"centres_bad_postcode.csv"_s << false << 0
        << QStringList{u"2:PLZ"_s, u"4:PLZ"_s, u"4:Kapazität"_s};
    QTest::newRow("duplicate name")
        << u"centres_duplicate_name.csv"_s << false << 0 << QStringList{u"4:name"_s};
    QTest::newRow("unterminated quote")
        << u"broken_unterminated_quote.csv"_s << false << 0 << QStringList{u"3:"_s};
    QTest::newRow("invalid UTF-8")
        << u"broken_invalid_utf8.csv"_s << false << 0 << QStringList{u"4:"_s};
}

void TestConsoleStore::importCentres() {
    QFETCH(QString, file);
    QFETCH(bool, dryRun);
    QFETCH(int, inserted);
    QFETCH(QStringList, errors);
    const Stored<Centre> existing =
        test::awaitResult(m_store->saveCentre(test::sampleCentre(u"Bestand Nord"_s)));
    QVERIFY(existing.error.ok());
    QSignalSpy changed(m_store.get(), &ConsoleStore::centresChanged);

    const ConsoleStore::ImportReport report =
        test::awaitResult(m_store->importCentresCsv(test::readData(u"csv/"_s + file), dryRun));
    QCOMPARE(locations(report.rowErrors), errors);
    for (const RowError &e : report.rowErrors)
        QVERIFY(!e.message.isEmpty());
    QVERIFY2(report.error.ok(), qPrintable(report.error.message));
    QCOMPARE(report.inserted, inserted);
    QCOMPARE(report.updated, 0);
    QCOMPARE(report.ok(), errors.isEmpty());

    // Only a good file outside a dry run changes anything; the stored centre stays as it was.
    const bool applied = errors.isEmpty() && !dryRun;
    const QList<Centre> after = storedCentres(*m_store);
    QCOMPARE(after.size(), 1 + (applied ? inserted : 0));
    QVERIFY(after.contains(existing.value));
    QCOMPARE(changed.count(), applied ? 1 : 0);
}

void TestConsoleStore::importCentresStoreValidationNamesLines() {
    // The parser accepts each row on its own; the store's checks (services that fit the kind,
    // a name already stored) fail, and the report names the file line of each.
    QVERIFY(
        test::awaitResult(m_store->saveCentre(test::sampleCentre(u"Bestand Nord"_s))).error.ok());
    const QByteArray csv =
        "name;street;postcode;city;kind;services;lanes;capacity_per_lane;slot_minutes;phone;"
        "active\r\n"
        "Testzentrum Altstadt;Weg 1;01067;Dresden;test;pcr;1;1;15;;1\r\n"
        "\r\n"
        "Impfzentrum Messe;Weg 2;01067;Dresden;vaccination;pcr;1;1;15;;1\r\n"
        "Teststelle Süd;Weg 3;01067;Dresden;test;rapid_antigen;1;1;15;;1\r\n";
    const ConsoleStore::ImportReport report = test::awaitResult(m_store->importCentresCsv(csv));
    QVERIFY(!report.ok());
    QCOMPARE(locations(report.rowErrors), QStringList{u"4:services"_s});
    QCOMPARE(report.inserted, 0);
    QCOMPARE(storedCentres(*m_store).size(), 1);
}

void TestConsoleStore::importHours() {
    importFixture(u"centres_excel.csv"_s);
    const QList<Centre> centres = storedCentres(*m_store);
    QCOMPARE(centres.size(), 3);
    QSignalSpy changed(m_store.get(), &ConsoleStore::openingHoursChanged);
    const QByteArray good = test::readData(u"csv/hours_good.csv"_s);

    ConsoleStore::ImportReport report = test::awaitResult(m_store->importHoursCsv(good, true));
    QVERIFY2(report.ok(), qPrintable(describe(report)));
    QCOMPARE(report.inserted, 2);
    for (const Centre &c : centres)
        QCOMPARE(test::awaitResult(m_store->openingHours(c.id)).value.weekly.size(), 0);

    report = test::awaitResult(m_store->importHoursCsv(good));
    QVERIFY2(report.ok(), qPrintable(describe(report)));
    QCOMPARE(report.inserted, 2);
    QTRY_COMPARE(changed.count(), 2);
    const Centre altstadt = *std::find_if(centres.cbegin(), centres.cend(), [](const Centre &c) {
        return c.name == u"Testzentrum Altstadt";
    });
    const OpeningHours hours = test::awaitResult(m_store->openingHours(altstadt.id)).value;
    QCOMPARE(hours.weekly.size(), 5);
    QCOMPARE(hours.closures.size(), 1);
    QCOMPARE(hours.specialDays.size(), 1);
    QCOMPARE(hours.specialDays.constFirst().open.size(), 2);

    // A broken file changes nothing: the hours imported above stay whole.
    report = test::awaitResult(
        m_store->importHoursCsv(test::readData(u"csv/hours_end_before_start.csv"_s)));
    QCOMPARE(locations(report.rowErrors), (QStringList{u"2:to"_s, u"4:"_s, u"5:to"_s, u"6:"_s}));
    QCOMPARE(test::awaitResult(m_store->openingHours(altstadt.id)).value, hours);
    QCOMPARE(changed.count(), 2);

    // Parsed fine, refused by the store: a closure that already lies in the past.
    report = test::awaitResult(
        m_store->importHoursCsv("centre;type;day;from;to;label\n"
                                "Teststelle Süd;weekly;Mo;08:00;12:00;\n"
                                "Testzentrum Altstadt;closure;01.11.2026;;02.11.2026;Umbau\n"));
    QVERIFY(!report.ok());
    QCOMPARE(report.rowErrors.size(), 1);
    QCOMPARE(report.rowErrors.constFirst().line, 3);
    QCOMPARE(test::awaitResult(m_store->openingHours(altstadt.id)).value, hours);
}

void TestConsoleStore::importHoursUnknownCentre() {
    importFixture(u"centres_excel.csv"_s);
    const ConsoleStore::ImportReport report = test::awaitResult(
        m_store->importHoursCsv("centre;type;day;from;to;label\n"
                                "Testzentrum Altstadt;weekly;Mo;08:00;12:00;\n"
                                "Testzentrum Nirgendwo;weekly;Mo;08:00;12:00;\n"));
    QCOMPARE(locations(report.rowErrors), QStringList{u"3:centre"_s});
    QCOMPARE(report.inserted, 0);
    for (const Centre &c : storedCentres(*m_store))
        QVERIFY(test::awaitResult(m_store->openingHours(c.id)).value.weekly.isEmpty());
}

void TestConsoleStore::cancelledImportWritesNothing() {
    importFixture(u"centres_excel.csv"_s);
    const QList<Centre> before = storedCentres(*m_store);
    QSignalSpy changed(m_store.get(), &ConsoleStore::centresChanged);
    QByteArray csv = "name;street;postcode;city;kind;services;lanes;capacity_per_lane;"
                     "slot_minutes;phone;active\n";
    for (int i = 0; i < 50; ++i)
        csv += "Teststelle " + QByteArray::number(i) + ";Weg 1;01067;Dresden;test;pcr;1;1;15;;1\n";

    // Another program holds the write lock, so the import waits right before its first row
    // until the user has pressed Cancel: the cancel always lands mid-import.
    test::RawConnection other(m_store->path());
    QVERIFY(other.exec(u"BEGIN IMMEDIATE"_s));
    QFuture<ConsoleStore::ImportReport> future = m_store->importCentresCsv(csv);
    QTRY_VERIFY(future.progressValue() >= 10); // parsed, now waiting for the lock
    future.cancel();
    QVERIFY(other.exec(u"COMMIT"_s));
    QTRY_VERIFY(future.isFinished());
    QVERIFY(future.isCanceled());
    QCOMPARE(future.resultCount(), 0);

    QCOMPARE(storedCentres(*m_store), before);
    QCOMPARE(changed.count(), 0);
    // The store works normally afterwards.
    const ConsoleStore::ImportReport report = test::awaitResult(m_store->importCentresCsv(csv));
    QVERIFY2(report.ok(), qPrintable(describe(report)));
    QCOMPARE(report.inserted, 50);
}

void TestConsoleStore::exportImportRoundTrip() {
    importFixture(u"centres_excel.csv"_s);
    importFixture(u"centres_quoted.csv"_s);
    importFixture(u"hours_good.csv"_s);
    const QList<Centre> centres = storedCentres(*m_store);
    QCOMPARE(centres.size(), 6);
    const Stored<QByteArray> centresCsv = test::awaitResult(m_store->exportCentresCsv());
    const Stored<QByteArray> hoursCsv = test::awaitResult(m_store->exportHoursCsv());
    QVERIFY(centresCsv.error.ok());
    QVERIFY(hoursCsv.error.ok());

    ConsoleStore copy(m_dir->file(u"copy.db"_s), *m_clock);
    ConsoleStore::ImportReport report = test::awaitResult(copy.importCentresCsv(centresCsv.value));
    QVERIFY2(report.ok(), qPrintable(describe(report)));
    report = test::awaitResult(copy.importHoursCsv(hoursCsv.value));
    QVERIFY2(report.ok(), qPrintable(describe(report)));

    const QList<Centre> copied = storedCentres(copy);
    QCOMPARE(copied.size(), centres.size());
    for (qsizetype i = 0; i < centres.size(); ++i) {
        QCOMPARE(portable(copied.at(i)), portable(centres.at(i)));
        OpeningHours original = test::awaitResult(m_store->openingHours(centres.at(i).id)).value;
        OpeningHours imported = test::awaitResult(copy.openingHours(copied.at(i).id)).value;
        original.centreId = imported.centreId = 0;
        QCOMPARE(imported, original);
    }
    // Exporting the copy gives the same bytes: nothing drifts across a round trip.
    QCOMPARE(test::awaitResult(copy.exportCentresCsv()).value, centresCsv.value);
    QCOMPARE(test::awaitResult(copy.exportHoursCsv()).value, hoursCsv.value);
}

QTEST_GUILESS_MAIN(TestConsoleStore)
#include "TestConsoleStore.moc"
