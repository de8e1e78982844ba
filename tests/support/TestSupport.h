#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace slotdesk::test {

// Absolute path of a fixture under tests/data.
QString dataPath(const QString &relative);
// Reads a fixture file whole; fails the current test (QFAIL) when missing.
QByteArray readData(const QString &relative);

// A fresh directory removed at the end of the test, for database files and exports.
class TempDir {
public:
    TempDir();
    QString path() const { return m_dir.path(); }
    QString file(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

// Pins the locale to de_DE and the default time zone expectation for reproducible formatting.
void pinLocale();

// Starts a slotdesk-service `process` (program and arguments set) and returns the port of its
// "listening on host:port" line, or 0 when it did not get that far within 10 s.
quint16 startServiceProcess(QProcess &process);

} // namespace slotdesk::test
