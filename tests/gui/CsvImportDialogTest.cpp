#include <QTest>
class CsvImportDialogTest : public QObject {
    Q_OBJECT
};
QTEST_MAIN(CsvImportDialogTest)
#include "CsvImportDialogTest.moc"
