#include "net/QrPayload.h"
#include "tests/fuzz/FuzzCheck.h"
#include "tests/fuzz/FuzzEntries.h"
#include "tests/fuzz/FuzzSigningKey.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace slotdesk;

// Replays every file of every fuzz corpus (seeds, inputs libFuzzer kept, and the regression
// inputs of past findings) through the same entries the libFuzzer targets run, so the ordinary
// debug and ASan builds catch a parser regression without clang. One row per file: a crash or
// a broken invariant names the file.
class TestFuzzCorpus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        fuzz::setFailureHandler(
            [](const char *what, const char *file, int line) { QTest::qFail(what, file, line); });
    }
    void cleanupTestCase() { fuzz::setFailureHandler(nullptr); }

    // Each corpus exists and holds its seeds and regression files, so a moved folder cannot
    // silently replay nothing.
    void corporaPresent() {
        for (const fuzz::Entry &entry : fuzz::entries) {
            const QDir dir(corpusDir(entry));
            QVERIFY2(dir.exists(), qPrintable(dir.path()));
            QVERIFY2(dir.entryList(QDir::Files).size() >= 5, qPrintable(dir.path()));
        }
    }

    // The signed QR seeds verify with the fuzz key, so the QR target reaches the verifier and
    // the tampering checks from its first run.
    void qrSeedsVerify() {
        const QDir dir(QStringLiteral(SLOTDESK_FUZZ_CORPUS_DIR "/qr-payload"));
        const QStringList signedSeeds = dir.entryList(
            {QStringLiteral("seed-v1"), QStringLiteral("seed-v2-tree*")}, QDir::Files);
        QVERIFY(signedSeeds.size() >= 5);
        for (const QString &name : signedSeeds) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(QrPayload::verify(QString::fromUtf8(file.readAll()), fuzz::fuzzPublicKey()),
                     qPrintable(name));
        }
    }

    void replay_data() {
        QTest::addColumn<int>("entry");
        QTest::addColumn<QString>("path");
        for (int i = 0; i < int(std::size(fuzz::entries)); ++i) {
            const QDir dir(corpusDir(fuzz::entries[i]));
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
                const QByteArray tag = QByteArray(fuzz::entries[i].corpus) + '/' + name.toUtf8();
                QTest::newRow(tag.constData()) << i << dir.filePath(name);
            }
        }
    }
    void replay() {
        QFETCH(int, entry);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray input = file.readAll();
        fuzz::entries[entry].run(input);
    }

private:
    static QString corpusDir(const fuzz::Entry &entry) {
        return QStringLiteral(SLOTDESK_FUZZ_CORPUS_DIR "/") + QLatin1String(entry.corpus);
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "TestFuzzCorpus.moc"
