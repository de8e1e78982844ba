#include "models/booking/BookingCode.h"
#include "net/QrPayload.h"
#include "tests/fuzz/FuzzSigningKey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>

using namespace slotdesk;

// Writes the generated seeds of tests/data/fuzz: booking codes in the spellings people type,
// and QR texts signed the way the service signs them (QrPayload::signBatch) but with the fixed
// fuzz key, so that the QR target starts from texts that verify.
// Usage: slotdesk_fuzz_seeds <tests/data/fuzz>
namespace {

bool write(const QDir &dir, const QString &name, const QByteArray &bytes) {
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size()) {
        QTextStream(stderr) << "cannot write " << file.fileName() << '\n';
        return false;
    }
    return true;
}

bool writeBookingCodes(const QDir &dir) {
    const quint64 bits[] = {0, 1, 0x2A5A5A5A5A5A5ULL, BookingCode::DataMask, 0x123456789ABCULL};
    bool ok = true;
    int n = 0;
    for (const quint64 b : bits) {
        const QString code = BookingCode::fromBits(b);
        const QString grouped = BookingCode::grouped(code);
        ok = ok && write(dir, QStringLiteral("seed-canonical-%1").arg(n), code.toUtf8());
        ok = ok && write(dir, QStringLiteral("seed-grouped-%1").arg(n), grouped.toUtf8());
        ok = ok && write(dir, QStringLiteral("seed-typed-%1").arg(n),
                         (u"  " % grouped.toLower().replace(u'-', u' ') % u' ').toUtf8());
        ++n;
    }
    return ok;
}

QList<QrPayload> payloads(int count) {
    QList<QrPayload> list;
    for (int i = 0; i < count; ++i) {
        QrPayload p;
        p.code = BookingCode::fromBits(quint64(0x1F2E3D4C5B6A7ULL * (i + 1)));
        p.centreId = 1 + i % 3;
        p.service = i % 2 ? QStringLiteral("pcr") : QStringLiteral("vaccination-comirnaty");
        p.startsAt = 1796292000 + 600 * i;
        list.append(p);
    }
    return list;
}

bool writeQrTexts(const QDir &dir) {
    bool ok = true;
    // Trees of 1, 2, 3, 5 and 32 leaves: empty paths, promoted odd nodes, the longest path.
    for (const int size : {1, 2, 3, 5, 32}) {
        const QStringList texts = QrPayload::signBatch(payloads(size), &fuzz::fuzzSign);
        for (const int i : {0, size / 2, size - 1})
            ok = ok && write(dir, QStringLiteral("seed-v2-tree%1-leaf%2").arg(size).arg(i),
                             texts.at(i).toUtf8());
    }
    const QrPayload v1 = payloads(1).constFirst();
    ok = ok && write(dir, QStringLiteral("seed-v1"),
                     v1.withSignature(fuzz::fuzzSign(v1.signedText())).toUtf8());
    return ok;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        QTextStream(stderr) << "usage: slotdesk_fuzz_seeds <tests/data/fuzz>\n";
        return 2;
    }
    const QDir root(args.at(1));
    if (!root.mkpath(QStringLiteral("booking-code")) || !root.mkpath(QStringLiteral("qr-payload")))
        return 1;
    const bool ok = writeBookingCodes(QDir(root.filePath(QStringLiteral("booking-code")))) &&
                    writeQrTexts(QDir(root.filePath(QStringLiteral("qr-payload"))));
    return ok ? 0 : 1;
}
