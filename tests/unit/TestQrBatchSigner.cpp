// QrBatchSigner: one signature per tree of up to QrPayload::maxTreeSize bookings, every QR text
// verifiable on its own with the public key.
#include "models/booking/BookingCode.h"
#include "service/booking/QrBatchSigner.h"

#include <QTest>

#include <sodium.h>

using namespace slotdesk;

class TestQrBatchSigner : public QObject {
    Q_OBJECT

private:
    QByteArray m_public;
    QByteArray m_secret;
    int m_signatures = 0;

    QrBatchSigner signer() {
        return QrBatchSigner([this](const QByteArray &message) {
            ++m_signatures;
            QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
            crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                                 reinterpret_cast<const unsigned char *>(message.constData()),
                                 quint64(message.size()),
                                 reinterpret_cast<const unsigned char *>(m_secret.constData()));
            return signature;
        });
    }

    static BookingRecord booking(int n) {
        BookingRecord b;
        b.code = BookingCode::fromBits(quint64(n + 1) * 1000003);
        b.centreId = 3;
        b.service = QStringLiteral("pcr");
        b.startsAt = 1'772'000'000 + n * 900;
        return b;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(sodium_init() >= 0);
        m_public.resize(crypto_sign_PUBLICKEYBYTES);
        m_secret.resize(crypto_sign_SECRETKEYBYTES);
        crypto_sign_keypair(reinterpret_cast<unsigned char *>(m_public.data()),
                            reinterpret_cast<unsigned char *>(m_secret.data()));
    }
    void init() { m_signatures = 0; }

    void oneSignaturePerTree() {
        QList<QrPayload> payloads;
        for (int i = 0; i < 40; ++i)
            payloads.append(QrBatchSigner::payloadOf(booking(i)));
        const QStringList texts = signer().sign(payloads);
        QCOMPARE(texts.size(), 40);
        QCOMPARE(m_signatures, 2); // 40 bookings: two trees of 20
        for (int i = 0; i < texts.size(); ++i) {
            QVERIFY2(QrPayload::verify(texts.at(i), m_public), qPrintable(texts.at(i)));
            QrPayload::Proof proof;
            const std::optional<QrPayload> parsed = QrPayload::parse(texts.at(i), &proof);
            QVERIFY(parsed);
            QCOMPARE(parsed->startsAt, payloads.at(i).startsAt);
        }
    }

    void singleBooking() {
        const QString text = signer().signOne(booking(1));
        QVERIFY(QrPayload::verify(text, m_public));
        QCOMPARE(m_signatures, 1);
    }

    void withoutSignerTextsAreEmpty() {
        const QrBatchSigner none;
        QVERIFY(!none.enabled());
        const QStringList texts = none.sign({QrBatchSigner::payloadOf(booking(1))});
        QCOMPARE(texts.size(), 1);
        QVERIFY(texts.at(0).isEmpty());
        QVERIFY(none.signOne(booking(1)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQrBatchSigner)
#include "TestQrBatchSigner.moc"
