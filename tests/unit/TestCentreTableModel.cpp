#include "models/itemmodels/CentreTableModel.h"
#include "tests/support/StoreSupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace slotdesk;
using namespace Qt::StringLiterals;

namespace {

Centre centre(qint64 id, const QString &name, const QString &city, bool active = true) {
    Centre c = test::sampleCentre(name);
    c.id = id;
    c.city = city;
    c.active = active;
    return c;
}

Centre vaccinationCentre(qint64 id, const QString &name) {
    Centre c = test::sampleCentre(name, CentreKind::VaccinationCentre);
    c.id = id;
    c.city = u"Leipzig"_s;
    c.postcode = u"04109"_s;
    c.phone.clear();
    c.lanes = 10;
    c.capacityPerLane = 1;
    c.slotMinutes = 5;
    return c;
}

QList<Centre> threeCentres() {
    return {centre(1, u"Testzentrum Altstadt"_s, u"Dresden"_s),
            vaccinationCentre(2, u"Impfzentrum Messe"_s),
            centre(3, u"Teststelle Süd"_s, u"Dresden"_s, false)};
}

QStringList names(const QAbstractItemModel &model) {
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, CentreTableModel::Name).data().toString());
    return result;
}

} // namespace

class TestCentreTableModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void headers();
    void displayPerColumn_data();
    void displayPerColumn();
    void rolesBesidesDisplay();
    void setCentresResets();
    void upsertInsertsAndReplaces();
    void removeById();
    void filterBySearchText_data();
    void filterBySearchText();
    void filterHidesInactive();
    void filterFollowsSourceChanges();

private:
    std::unique_ptr<CentreTableModel> m_model;
    std::unique_ptr<CentreFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;
};

void TestCentreTableModel::init() {
    m_model = std::make_unique<CentreTableModel>();
    m_filter = std::make_unique<CentreFilterModel>();
    m_filter->setSourceModel(m_model.get());
    // The testers watch every signal both models emit for the whole test and fail it on any
    // inconsistency (rows announced but not there, stale persistent indexes, bad parents).
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_filterTester = std::make_unique<QAbstractItemModelTester>(
        m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestCentreTableModel::cleanup() {
    m_filterTester.reset();
    m_modelTester.reset();
    m_filter.reset();
    m_model.reset();
}

void TestCentreTableModel::headers() {
    QCOMPARE(m_model->columnCount(), int(CentreTableModel::ColumnCount));
    QCOMPARE(m_model->rowCount(), 0);
    QStringList titles;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(!title.isEmpty(), qPrintable(QString::number(column)));
        QVERIFY(!titles.contains(title));
        titles.append(title);
    }
    QCOMPARE(titles.constFirst(), u"Name"_s);
    QVERIFY(!m_model->headerData(0, Qt::Horizontal, Qt::ToolTipRole).isValid());
    QCOMPARE(m_filter->columnCount(), m_model->columnCount());
}

void TestCentreTableModel::displayPerColumn_data() {
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("display");
    using M = CentreTableModel;
    // English source texts: tests install no translator.
    QTest::newRow("name") << 0 << int(M::Name) << QVariant(u"Testzentrum Altstadt"_s);
    QTest::newRow("kind test") << 0 << int(M::Kind) << QVariant(u"Test centre"_s);
    QTest::newRow("kind vaccination") << 1 << int(M::Kind) << QVariant(u"Vaccination centre"_s);
    QTest::newRow("address") << 0 << int(M::Address) << QVariant(u"Marktplatz 1, 01067 Dresden"_s);
    QTest::newRow("services, sorted codes")
        << 0 << int(M::Services) << QVariant(u"PCR test, Rapid antigen test"_s);
    QTest::newRow("vaccine service")
        << 1 << int(M::Services) << QVariant(u"Vaccination: Comirnaty (BioNTech)"_s);
    QTest::newRow("lanes") << 1 << int(M::Lanes) << QVariant(10);
    QTest::newRow("slot length") << 0 << int(M::SlotMinutes) << QVariant(u"15 min"_s);
    QTest::newRow("phone") << 0 << int(M::Phone) << QVariant(u"0351 123456"_s);
    QTest::newRow("no phone") << 1 << int(M::Phone) << QVariant(QString());
    QTest::newRow("active") << 0 << int(M::Active) << QVariant(u"Active"_s);
    QTest::newRow("inactive") << 2 << int(M::Active) << QVariant(u"Inactive"_s);
}

void TestCentreTableModel::displayPerColumn() {
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QVariant, display);
    m_model->setCentres(threeCentres());
    QCOMPARE(m_model->index(row, column).data(), display);
    // The filter model shows the same (nothing filtered yet).
    QCOMPARE(m_filter->index(row, column).data(), display);
}

void TestCentreTableModel::rolesBesidesDisplay() {
    const QList<Centre> centres = threeCentres();
    m_model->setCentres(centres);
    const QModelIndex messe = m_model->index(1, CentreTableModel::Name);
    QCOMPARE(messe.data(CentreTableModel::CentreIdRole).toLongLong(), 2);
    QCOMPARE(messe.data(CentreTableModel::CentreRole).value<Centre>(), centres.at(1));
    const QString search = messe.data(CentreTableModel::SearchTextRole).toString();
    for (const QString &part : {u"Impfzentrum Messe"_s, u"Leipzig"_s, u"04109"_s,
                                u"vaccine_comirnaty"_s, u"Comirnaty (BioNTech)"_s})
        QVERIFY2(search.contains(part), qPrintable(part));

    const QModelIndex lanes = m_model->index(1, CentreTableModel::Lanes);
    QCOMPARE(lanes.data(Qt::ToolTipRole).toString(),
             u"10 lane(s) with 1 person(s) each per slot"_s);
    QCOMPARE(lanes.data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    QVERIFY(!messe.data(Qt::TextAlignmentRole).isValid());
    QVERIFY(!messe.data(Qt::ToolTipRole).isValid());
    // Only inactive centres are drawn differently.
    QVERIFY(!messe.data(Qt::ForegroundRole).isValid());
    QVERIFY(!m_model->index(5, 0).data().isValid());
    QCOMPARE(m_model->rowCount(messe), 0);
    QCOMPARE(m_model->columnCount(messe), 0);
}

void TestCentreTableModel::setCentresResets() {
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setCentres(threeCentres());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->centres(), threeCentres());
    QCOMPARE(m_model->rowOf(3), 2);
    QCOMPARE(m_model->rowOf(99), -1);
    m_model->setCentres({});
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_filter->rowCount(), 0);
}

void TestCentreTableModel::upsertInsertsAndReplaces() {
    m_model->setCentres(threeCentres());
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->upsert(centre(4, u"Teststelle Nord"_s, u"Dresden"_s));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.constFirst().at(1).toInt(), 3);
    QCOMPARE(inserted.constFirst().at(2).toInt(), 3);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_filter->rowCount(), 4);

    // A replaced centre changes its row only, every column of it.
    Centre renamed = m_model->centres().at(1);
    renamed.name = u"Impfzentrum Messe Halle 2"_s;
    renamed.revision = 2;
    m_model->upsert(renamed);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.constFirst().at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.constFirst().at(1).value<QModelIndex>();
    QCOMPARE(topLeft, m_model->index(1, 0));
    QCOMPARE(bottomRight, m_model->index(1, CentreTableModel::ColumnCount - 1));
    QCOMPARE(m_model->index(1, CentreTableModel::Name).data().toString(), renamed.name);
    QCOMPARE(m_model->rowCount(), 4);
}

void TestCentreTableModel::removeById() {
    m_model->setCentres(threeCentres());
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_model->removeById(2);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.constFirst().at(1).toInt(), 1);
    QCOMPARE(names(*m_model), (QStringList{u"Testzentrum Altstadt"_s, u"Teststelle Süd"_s}));
    m_model->removeById(2); // already gone: nothing happens
    QCOMPARE(removed.count(), 1);
    m_model->removeById(1);
    m_model->removeById(3);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_filter->rowCount(), 0);
}

void TestCentreTableModel::filterBySearchText_data() {
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("visible");
    const QStringList all{u"Testzentrum Altstadt"_s, u"Impfzentrum Messe"_s, u"Teststelle Süd"_s};
    QTest::newRow("empty") << QString() << all;
    QTest::newRow("blank") << u"   "_s << all;
    QTest::newRow("name, any case") << u"IMPFZENTRUM"_s << QStringList{u"Impfzentrum Messe"_s};
    QTest::newRow("city") << u"dresden"_s
                          << QStringList{u"Testzentrum Altstadt"_s, u"Teststelle Süd"_s};
    QTest::newRow("postcode") << u"04109"_s << QStringList{u"Impfzentrum Messe"_s};
    QTest::newRow("service name") << u"pcr test"_s
                                  << QStringList{u"Testzentrum Altstadt"_s, u"Teststelle Süd"_s};
    QTest::newRow("every word must match") << u"süd  dresden"_s << QStringList{u"Teststelle Süd"_s};
    QTest::newRow("phone") << u"123456"_s
                           << QStringList{u"Testzentrum Altstadt"_s, u"Teststelle Süd"_s};
    QTest::newRow("no match") << u"Hamburg"_s << QStringList();
}

void TestCentreTableModel::filterBySearchText() {
    QFETCH(QString, search);
    QFETCH(QStringList, visible);
    m_model->setCentres(threeCentres());
    m_filter->setSearchText(search);
    QCOMPARE(names(*m_filter), visible);
    m_filter->setSearchText(QString());
    QCOMPARE(m_filter->rowCount(), 3);
}

void TestCentreTableModel::filterHidesInactive() {
    m_model->setCentres(threeCentres());
    m_filter->setShowInactive(false);
    QCOMPARE(names(*m_filter), (QStringList{u"Testzentrum Altstadt"_s, u"Impfzentrum Messe"_s}));
    m_filter->setSearchText(u"dresden"_s);
    QCOMPARE(names(*m_filter), QStringList{u"Testzentrum Altstadt"_s});
    m_filter->setShowInactive(true);
    QCOMPARE(names(*m_filter), (QStringList{u"Testzentrum Altstadt"_s, u"Teststelle Süd"_s}));
}

void TestCentreTableModel::filterFollowsSourceChanges() {
    m_model->setCentres(threeCentres());
    m_filter->setShowInactive(false);
    m_filter->setSearchText(u"dresden"_s);
    QCOMPARE(m_filter->rowCount(), 1);

    // Reactivating and adding centres shows them; deactivating or moving hides them.
    Centre sued = m_model->centres().at(2);
    sued.active = true;
    m_model->upsert(sued);
    QCOMPARE(names(*m_filter), (QStringList{u"Testzentrum Altstadt"_s, u"Teststelle Süd"_s}));
    m_model->upsert(centre(4, u"Teststelle Nord"_s, u"Dresden"_s));
    QCOMPARE(m_filter->rowCount(), 3);
    Centre altstadt = m_model->centres().at(0);
    altstadt.city = u"Pirna"_s;
    m_model->upsert(altstadt);
    QCOMPARE(names(*m_filter), (QStringList{u"Teststelle Süd"_s, u"Teststelle Nord"_s}));
    m_model->removeById(4);
    QCOMPARE(names(*m_filter), QStringList{u"Teststelle Süd"_s});

    // Sorting by name goes through the proxy without touching the source order.
    m_filter->setSearchText(QString());
    m_filter->sort(CentreTableModel::Name);
    QCOMPARE(names(*m_filter),
             (QStringList{u"Impfzentrum Messe"_s, u"Teststelle Süd"_s, u"Testzentrum Altstadt"_s}));
    QCOMPARE(names(*m_model).constFirst(), u"Testzentrum Altstadt"_s);
}

QTEST_GUILESS_MAIN(TestCentreTableModel)
#include "TestCentreTableModel.moc"
