// The centres page driven like a configurator would: keyboard and mouse on the real widgets,
// a real SQLite file, and a second store reading the file back to see what was really stored.
#include "models/itemmodels/CentreTableModel.h"
#include "tests/gui/ConsoleFixture.h"
#include "ui/centres/CentreDialog.h"
#include "ui/centres/CentresPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace slotdesk;
using namespace slotdesk::test;

namespace {

std::optional<Centre> findByName(const QList<Centre> &centres, const QString &name) {
    for (const Centre &c : centres) {
        if (c.name == name)
            return c;
    }
    return std::nullopt;
}

} // namespace

class TestCentresPage : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ConsoleFixture> m_console;

    CentresPage *page() { return m_console->window().centresPage(); }
    QTableView *table() { return page()->view(); }
    QAbstractItemModel *shown() { return table()->model(); }
    template <typename T> T *child(const char *name) {
        return page()->findChild<T *>(QString::fromLatin1(name));
    }
    QLabel *errorLabel(QWidget *dialog, const QString &field) {
        return dialog->findChild<QLabel *>(field + QStringLiteral("Error"));
    }

    // Selects the row showing `name` by clicking it.
    bool clickRow(const QString &name) {
        for (int row = 0; row < shown()->rowCount(); ++row) {
            const QModelIndex index = shown()->index(row, CentreTableModel::Name);
            if (index.data().toString() != name)
                continue;
            table()->scrollTo(index);
            QTest::mouseClick(table()->viewport(), Qt::LeftButton, {},
                              table()->visualRect(index).center());
            return table()->selectionModel()->isRowSelected(row, {});
        }
        return false;
    }

    // Opens the add dialog with the Add button and types the name and address.
    CentreDialog *openAddDialog(const QString &name, const QString &street, const QString &postcode,
                                const QString &city) {
        QTest::mouseClick(child<QPushButton>("addCentre"), Qt::LeftButton);
        CentreDialog *dialog = waitForCentreDialog(page());
        if (!dialog)
            return nullptr;
        typeInto(dialog, QStringLiteral("name"), name);
        typeInto(dialog, QStringLiteral("street"), street);
        typeInto(dialog, QStringLiteral("postcode"), postcode);
        typeInto(dialog, QStringLiteral("city"), city);
        return dialog;
    }

    // Adds a centre through the dialog, as a user would.
    void createThroughDialog(const QString &name, const QString &city) {
        CentreDialog *dialog =
            openAddDialog(name, QStringLiteral("Alexanderplatz 5"), QStringLiteral("10178"), city);
        QVERIFY(dialog);
        toggleService(dialog, QStringLiteral("pcr"));
        typeNumber(dialog, QStringLiteral("lanes"), 3);
        typeInto(dialog, QStringLiteral("phone"), QStringLiteral("030 9876543"));
        clickOk(dialog);
        QVERIFY(waitUntilClosed(dialog));
    }

    int undoIndex() { return m_console->window().undoStack().index(); }
    // Shortcuts reach only the active window; a closed dialog may have left none active.
    void activate() {
        m_console->window().activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&m_console->window()));
    }
    void pressUndo() {
        activate();
        QTest::keySequence(&m_console->window(), QKeySequence(QKeySequence::Undo));
    }
    void pressRedo() {
        activate();
        QTest::keySequence(&m_console->window(), QKeySequence(QKeySequence::Redo));
    }

private Q_SLOTS:
    void initTestCase() { isolateSettings(); }

    void init() {
        m_console = std::make_unique<ConsoleFixture>();
        QVERIFY(m_console->start());
    }

    void cleanup() { m_console.reset(); }

    void createCentreThroughDialog() {
        createThroughDialog(QStringLiteral("Testzentrum Alexanderplatz"), QStringLiteral("Berlin"));

        QTRY_COMPARE(shown()->rowCount(), 1);
        QCOMPARE(shown()->index(0, CentreTableModel::Name).data().toString(),
                 QStringLiteral("Testzentrum Alexanderplatz"));
        QCOMPARE(m_console->window().undoStack().count(), 1);

        const QList<Centre> stored = m_console->readBack();
        QCOMPARE(stored.size(), 1);
        const Centre &c = stored.first();
        QCOMPARE(c.name, QStringLiteral("Testzentrum Alexanderplatz"));
        QCOMPARE(c.street, QStringLiteral("Alexanderplatz 5"));
        QCOMPARE(c.postcode, QStringLiteral("10178"));
        QCOMPARE(c.city, QStringLiteral("Berlin"));
        QCOMPARE(c.kind, CentreKind::TestCentre);
        QCOMPARE(c.serviceCodes, QStringList{QStringLiteral("pcr")});
        QCOMPARE(c.lanes, 3);
        QCOMPARE(c.phone, QStringLiteral("030 9876543"));
        QVERIFY(c.active);
    }

    void vaccinationCentreOffersOnlyVaccines() {
        CentreDialog *dialog =
            openAddDialog(QStringLiteral("Impfzentrum Tegel"), QStringLiteral("Flughafen Tegel 1"),
                          QStringLiteral("13405"), QStringLiteral("Berlin"));
        QVERIFY(dialog);
        // A ticked test stays ticked but hidden once the kind is a vaccination centre.
        toggleService(dialog, QStringLiteral("rapid_antigen"));
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kind"));
        kind->setFocus();
        QTest::keyClick(kind, Qt::Key_Down);
        QCOMPARE(kind->currentIndex(), 1);
        toggleService(dialog, QStringLiteral("vaccine_comirnaty"));
        clickOk(dialog);
        QVERIFY(waitUntilClosed(dialog));

        const std::optional<Centre> c =
            findByName(m_console->readBack(), QStringLiteral("Impfzentrum Tegel"));
        QVERIFY(c);
        QCOMPARE(c->kind, CentreKind::VaccinationCentre);
        QCOMPARE(c->serviceCodes, QStringList{QStringLiteral("vaccine_comirnaty")});
    }

    void labelMnemonicsFocusTheirFields() {
        QTest::mouseClick(child<QPushButton>("addCentre"), Qt::LeftButton);
        CentreDialog *dialog = waitForCentreDialog(page());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_VERIFY(dialog->findChild<QWidget *>(QStringLiteral("name"))->hasFocus());
        QTest::keyClick(dialog, Qt::Key_O, Qt::AltModifier);
        QTRY_VERIFY(dialog->findChild<QWidget *>(QStringLiteral("postcode"))->hasFocus());
        QTest::keyClick(dialog, Qt::Key_R, Qt::AltModifier);
        QTRY_VERIFY(dialog->findChild<QWidget *>(QStringLiteral("capacityPerLane"))->hasFocus());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(waitUntilClosed(dialog));
        QCOMPARE(m_console->readBack().size(), 0);
    }

    void validationShowsMessageNextToField_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("postcode");
        QTest::addColumn<bool>("tickService");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty name") << QString() << "10115" << true << "name";
        QTest::newRow("4-digit postcode") << "Testzentrum Nord"
                                          << "1011" << true << "postcode";
        QTest::newRow("duplicate name") << "testzentrum  MITTE"
                                        << "10115" << true << "name";
        QTest::newRow("no service") << "Testzentrum Nord"
                                    << "10115" << false << "services";
    }

    void validationShowsMessageNextToField() {
        QFETCH(QString, name);
        QFETCH(QString, postcode);
        QFETCH(bool, tickService);
        QFETCH(QString, field);
        m_console->seed(sampleCentre(QStringLiteral("Testzentrum Mitte")));
        QTRY_COMPARE(shown()->rowCount(), 1);

        CentreDialog *dialog = openAddDialog(name, QStringLiteral("Invalidenstr. 2"), postcode,
                                             QStringLiteral("Berlin"));
        QVERIFY(dialog);
        if (tickService)
            toggleService(dialog, QStringLiteral("rapid_antigen"));
        clickOk(dialog);

        // The message sits under the field; the other fields show none; nothing is stored.
        QLabel *label = errorLabel(dialog, field);
        QVERIFY(label);
        QTRY_VERIFY(label->isVisible());
        QVERIFY(!label->text().isEmpty());
        QCOMPARE(label->parentWidget(), dialog->findChild<QWidget *>(field)->parentWidget());
        for (const char *other : {"street", "city", "lanes", "phone"})
            QVERIFY2(!errorLabel(dialog, QString::fromLatin1(other))->isVisible(), other);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("name"))->text(), name);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("postcode"))->text(), postcode);
        QCOMPARE(m_console->readBack().size(), 1);
        QCOMPARE(m_console->window().undoStack().count(), 0);

        // Correcting the input clears the message and saves.
        typeInto(dialog, QStringLiteral("name"), QStringLiteral("Testzentrum Nord"));
        typeInto(dialog, QStringLiteral("postcode"), QStringLiteral("10115"));
        if (!tickService)
            toggleService(dialog, QStringLiteral("rapid_antigen"));
        clickOk(dialog);
        QVERIFY(waitUntilClosed(dialog));
        QCOMPARE(m_console->readBack().size(), 2);
    }

    void storeRejectionIsShownNextToField() {
        // Another console stores the name after this page loaded, so only the store knows it.
        QVERIFY(m_console->readBack().isEmpty());
        {
            ConsoleStore other(m_console->databasePath(), m_console->clock());
            QVERIFY(
                !waitForResult(other.saveCentre(sampleCentre(QStringLiteral("Testzentrum Ost"))))
                     .error);
        }
        CentreDialog *dialog =
            openAddDialog(QStringLiteral("Testzentrum Ost"), QStringLiteral("Frankfurter Allee 3"),
                          QStringLiteral("10247"), QStringLiteral("Berlin"));
        QVERIFY(dialog);
        toggleService(dialog, QStringLiteral("pcr"));
        auto *ok = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))
                       ->button(QDialogButtonBox::Ok);
        clickOk(dialog);
        QVERIFY(!ok->isEnabled()); // disabled while the save runs

        QTRY_VERIFY(errorLabel(dialog, QStringLiteral("name"))->isVisible());
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("street"))->text(),
                 QStringLiteral("Frankfurter Allee 3"));
        QCOMPARE(m_console->readBack().size(), 1);
    }

    void conflictingEditKeepsInput() {
        const Centre seeded = m_console->seed(sampleCentre(QStringLiteral("Testzentrum Süd")));
        QTRY_COMPARE(shown()->rowCount(), 1);
        QVERIFY(clickRow(seeded.name));
        QTest::keyClick(table(), Qt::Key_Return);
        CentreDialog *dialog = waitForCentreDialog(page());
        QVERIFY(dialog);
        {
            // Someone else changes the centre while the dialog is open.
            ConsoleStore other(m_console->databasePath(), m_console->clock());
            Centre changed = seeded;
            changed.phone = QStringLiteral("030 5555555");
            QVERIFY(!waitForResult(other.saveCentre(changed)).error);
        }
        typeInto(dialog, QStringLiteral("city"), QStringLiteral("Potsdam"));
        clickOk(dialog);
        auto *summary = dialog->findChild<QLabel *>(QStringLiteral("formError"));
        QTRY_VERIFY(summary->isVisible());
        QVERIFY(!summary->text().isEmpty());
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("city"))->text(),
                 QStringLiteral("Potsdam"));
        const std::optional<Centre> stored = findByName(m_console->readBack(), seeded.name);
        QVERIFY(stored);
        QCOMPARE(stored->city, QStringLiteral("Berlin"));
        QCOMPARE(stored->phone, QStringLiteral("030 5555555"));
    }

    void editWithEnterKey() {
        const Centre seeded = m_console->seed(sampleCentre(QStringLiteral("Testzentrum West")));
        QTRY_COMPARE(shown()->rowCount(), 1);
        QVERIFY(clickRow(seeded.name));
        QTest::keyClick(table(), Qt::Key_Return);
        CentreDialog *dialog = waitForCentreDialog(page());
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("name"))->text(), seeded.name);
        typeInto(dialog, QStringLiteral("city"), QStringLiteral("Spandau"));
        typeNumber(dialog, QStringLiteral("slotMinutes"), 20);
        clickOk(dialog);
        QVERIFY(waitUntilClosed(dialog));

        QTRY_VERIFY(shown()
                        ->index(0, CentreTableModel::Address)
                        .data()
                        .toString()
                        .contains(QStringLiteral("Spandau")));
        const Centre stored = m_console->readBack().value(0);
        QCOMPARE(stored.city, QStringLiteral("Spandau"));
        QCOMPARE(stored.slotMinutes, 20);
        QCOMPARE(stored.revision, seeded.revision + 1);
    }

    void editWithDoubleClick() {
        const Centre seeded = m_console->seed(sampleCentre(QStringLiteral("Testzentrum Nord")));
        QTRY_COMPARE(shown()->rowCount(), 1);
        const QModelIndex index = shown()->index(0, CentreTableModel::Name);
        const QPoint centre = table()->visualRect(index).center();
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, centre);
        CentreDialog *dialog = waitForCentreDialog(page());
        QVERIFY(dialog);
        QCOMPARE(dialog->originalCentre().id, seeded.id);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(waitUntilClosed(dialog));
        QCOMPARE(m_console->readBack().value(0), seeded);
    }

    void deactivateKeepsRowAsInactive() {
        const Centre seeded = m_console->seed(sampleCentre(QStringLiteral("Testzentrum Mitte")));
        QTRY_COMPARE(shown()->rowCount(), 1);
        QVERIFY(clickRow(seeded.name));
        QTest::mouseClick(child<QPushButton>("toggleActive"), Qt::LeftButton);

        QTRY_VERIFY(
            !shown()->index(0, 0).data(CentreTableModel::CentreRole).value<Centre>().active);
        QCOMPARE(shown()->rowCount(), 1);
        const QList<Centre> stored = m_console->readBack();
        QCOMPARE(stored.size(), 1);
        QVERIFY(!stored.first().active);
        QCOMPARE(stored.first().name, seeded.name);

        // Hidden only when asked to; the checkbox brings it back.
        QTest::mouseClick(child<QCheckBox>("showInactive"), Qt::LeftButton);
        QCOMPARE(shown()->rowCount(), 0);
        QTest::mouseClick(child<QCheckBox>("showInactive"), Qt::LeftButton);
        QCOMPARE(shown()->rowCount(), 1);

        // Reactivate through the same button.
        QVERIFY(clickRow(seeded.name));
        QTest::mouseClick(child<QPushButton>("toggleActive"), Qt::LeftButton);
        QTRY_VERIFY(shown()->index(0, 0).data(CentreTableModel::CentreRole).value<Centre>().active);
        QVERIFY(m_console->readBack().first().active);
    }

    void undoRedoCreateEditDeactivate() {
        const QString name = QStringLiteral("Testzentrum Undo");
        createThroughDialog(name, QStringLiteral("Berlin"));
        QTRY_COMPARE(shown()->rowCount(), 1);

        QVERIFY(clickRow(name));
        QTest::mouseClick(child<QPushButton>("editCentre"), Qt::LeftButton);
        CentreDialog *dialog = waitForCentreDialog(page());
        QVERIFY(dialog);
        typeInto(dialog, QStringLiteral("city"), QStringLiteral("Potsdam"));
        clickOk(dialog);
        QVERIFY(waitUntilClosed(dialog));

        QVERIFY(clickRow(name));
        QTest::mouseClick(child<QPushButton>("toggleActive"), Qt::LeftButton);
        QTRY_VERIFY(!m_console->readBack().value(0).active);
        QCOMPARE(m_console->window().undoStack().count(), 3);

        const auto stored = [this, name] { return findByName(m_console->readBack(), name); };
        pressUndo(); // deactivate
        QTRY_VERIFY(stored() && stored()->active);
        pressUndo(); // edit
        QTRY_COMPARE(stored()->city, QStringLiteral("Berlin"));
        pressUndo(); // create
        QTRY_VERIFY2(!stored(), qPrintable(m_console->window().statusBar()->currentMessage()));
        QTRY_COMPARE(shown()->rowCount(), 0);
        QCOMPARE(undoIndex(), 0);

        pressRedo();
        QTRY_VERIFY2(stored(), qPrintable(m_console->window().statusBar()->currentMessage()));
        pressRedo();
        QTRY_COMPARE(stored()->city, QStringLiteral("Potsdam"));
        pressRedo();
        QTRY_VERIFY(!stored()->active);
        QTRY_COMPARE(shown()->rowCount(), 1);

        // Quick chains without waiting: every step uses the revision its predecessor stored.
        pressUndo();
        pressUndo();
        pressUndo();
        pressRedo();
        pressRedo();
        pressRedo();
        pressUndo();
        QTRY_VERIFY(
            !m_console->window().findChild<QProgressBar *>(QStringLiteral("busy"))->isVisible());
        QTRY_VERIFY(stored() && stored()->active && stored()->city == u"Potsdam");
        QTRY_COMPARE(shown()->rowCount(), 1);

        // A new edit after the chain still saves (no stale revision).
        QTRY_VERIFY(clickRow(name));
        QTest::keyClick(table(), Qt::Key_Return);
        dialog = waitForCentreDialog(page());
        QVERIFY(dialog);
        typeInto(dialog, QStringLiteral("phone"), QStringLiteral("030 1111111"));
        clickOk(dialog);
        QVERIFY(waitUntilClosed(dialog));
        QTRY_COMPARE(stored()->phone, QStringLiteral("030 1111111"));
        QCOMPARE(stored()->city, QStringLiteral("Potsdam"));
    }

    void undoOfCreateIsRefusedOnceTheCentreHasHistory() {
        createThroughDialog(QStringLiteral("Testzentrum Historie"), QStringLiteral("Berlin"));
        QTRY_COMPARE(shown()->rowCount(), 1);
        const Centre created = m_console->readBack().value(0);
        {
            // A slot references the centre: it has history now and may not be deleted.
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("history"));
            db.setDatabaseName(m_console->databasePath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO slots (centre_id, service_code, starts_at, "
                                     "minutes, capacity) VALUES (?, 'pcr', 1795000000, 15, 6)"));
            q.addBindValue(created.id);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("history"));
        auto *status = m_console->window().statusBar();
        status->clearMessage();
        pressUndo();
        QTRY_VERIFY(!status->currentMessage().isEmpty() &&
                    status->currentMessage().contains(created.name));
        QCOMPARE(m_console->readBack().size(), 1);
    }

    void searchFiltersRows() {
        m_console->seed(sampleCentre(QStringLiteral("Testzentrum Mitte")));
        Centre pcr = sampleCentre(QStringLiteral("PCR-Labor Charlottenburg"));
        pcr.serviceCodes = {QStringLiteral("pcr")};
        pcr.postcode = QStringLiteral("10585");
        m_console->seed(pcr);
        Centre vacc = sampleCentre(QStringLiteral("Impfzentrum Messe"));
        vacc.kind = CentreKind::VaccinationCentre;
        vacc.serviceCodes = {QStringLiteral("vaccine_spikevax")};
        vacc.city = QStringLiteral("Potsdam");
        m_console->seed(vacc);
        QTRY_COMPARE(shown()->rowCount(), 3);

        auto *search = child<QLineEdit>("centreSearch");
        activate();
        QTest::keyClick(&m_console->window(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("pcr"));
        QCOMPARE(shown()->rowCount(), 1);
        QCOMPARE(shown()->index(0, CentreTableModel::Name).data().toString(), pcr.name);

        search->selectAll();
        QTest::keyClicks(search, QStringLiteral("potsdam spikevax"));
        QCOMPARE(shown()->rowCount(), 1);
        QCOMPARE(shown()->index(0, CentreTableModel::Name).data().toString(), vacc.name);

        search->selectAll();
        QTest::keyClicks(search, QStringLiteral("hamburg"));
        QCOMPARE(shown()->rowCount(), 0);

        search->selectAll();
        QTest::keyClick(search, Qt::Key_Backspace);
        QCOMPARE(shown()->rowCount(), 3);
    }

    void dataSurvivesRestart() {
        createThroughDialog(QStringLiteral("Testzentrum Neustart"), QStringLiteral("Berlin"));
        QTRY_COMPARE(shown()->rowCount(), 1);

        m_console->stop();
        QVERIFY(m_console->start());
        QTRY_COMPARE(shown()->rowCount(), 1);
        const Centre c = shown()->index(0, 0).data(CentreTableModel::CentreRole).value<Centre>();
        QCOMPARE(c.name, QStringLiteral("Testzentrum Neustart"));
        QCOMPARE(c.serviceCodes, QStringList{QStringLiteral("pcr")});
        QCOMPARE(c.lanes, 3);
    }

    void openingHoursButtonSwitchesPage() {
        const Centre seeded = m_console->seed(sampleCentre(QStringLiteral("Testzentrum Mitte")));
        QTRY_COMPARE(shown()->rowCount(), 1);
        auto *hours = child<QPushButton>("editHours");
        QVERIFY(!hours->isEnabled()); // nothing selected yet
        QVERIFY(clickRow(seeded.name));
        QVERIFY(hours->isEnabled());
        QTest::mouseClick(hours, Qt::LeftButton);
        QCOMPARE(m_console->window().currentPage(), MainWindow::Page::OpeningHours);
    }
};

QTEST_MAIN(TestCentresPage)
#include "TestCentresPage.moc"
