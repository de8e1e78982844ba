#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTest>

namespace slotdesk::test {

QString dataPath(const QString &relative) {
    return QDir(QStringLiteral(SLOTDESK_TEST_DATA_DIR)).filePath(relative);
}

QByteArray readData(const QString &relative) {
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("fixture %s: %s", qPrintable(file.fileName()), qPrintable(file.errorString()));
        return {};
    }
    return file.readAll();
}

TempDir::TempDir() {
    m_dir.setAutoRemove(true);
}

void pinLocale() {
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
}

quint16 startServiceProcess(QProcess &process) {
    process.start();
    if (!process.waitForStarted(10000))
        return 0;
    QByteArray line;
    while (!line.contains('\n') && process.waitForReadyRead(10000))
        line += process.readAllStandardOutput();
    const qsizetype colon = line.lastIndexOf(':');
    return colon < 0 ? 0 : quint16(line.mid(colon + 1).trimmed().toUInt());
}

} // namespace slotdesk::test
