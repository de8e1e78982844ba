#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QList>
#include <QString>
#include <QVarLengthArray>

namespace slotdesk {

// One HTTP/1.x request as our server parsed it from the connection's buffer. The request line
// and the header block are kept as one byte array (`head`), fields point into it: parsing a
// request costs one allocation for the head and one for the body, not one per header.
struct HttpRequestHead {
    struct Field {
        qsizetype nameAt = 0;
        qsizetype nameSize = 0;
        qsizetype valueAt = 0;
        qsizetype valueSize = 0;
    };

    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QByteArray head; // request line and header lines, without the closing empty line
    qsizetype targetAt = 0;
    qsizetype targetSize = 0;
    QVarLengthArray<Field, 12> fields;
    QByteArray body;
    qint64 contentLength = 0;
    bool http10 = false;
    bool keepAlive = true;       // after the answer, the connection stays open
    bool expectContinue = false; // "Expect: 100-continue"
    bool webSocketUpgrade = false;

    QByteArrayView target() const { return QByteArrayView(head).sliced(targetAt, targetSize); }
    QByteArrayView pathPart() const;  // target up to '?', still percent-encoded
    QByteArrayView queryPart() const; // after '?', empty when there is none
    // The first value of the named header (names compare case-insensitively); null when absent.
    QByteArrayView header(QByteArrayView name) const;
    // Every value of the named header, in the order of the lines.
    QList<QByteArrayView> headers(QByteArrayView name) const;
};

// Why a request head was refused: the status and the machine-readable reason of the JSON error
// answer (jsonError()); the connection is closed after it.
struct HttpHeadError {
    QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::BadRequest;
    QString reason;
    QString message;
};

// Where "\r\n" (or, for findHeadEnd, "\r\n\r\n") starts in `text` at or after `from`; -1 when
// absent. memchr-based: QByteArrayView::indexOf with a multi-byte needle costs several times
// more on the short texts of a request head.
qsizetype findCrlf(QByteArrayView text, qsizetype from);
qsizetype findHeadEnd(QByteArrayView text, qsizetype from);

// Parses `head` (request line and header lines separated by CRLF, without the empty line that
// ends them) into `out`. Origin-form targets only ("/path?query"); HTTP/1.0 and HTTP/1.1 only.
// Bodies are framed by Content-Length alone: Transfer-Encoding is refused (411), so a request
// never needs the chunked decoder. Returns false and fills `error` on bad input.
bool parseRequestHead(QByteArray head, HttpRequestHead *out, HttpHeadError *error);

} // namespace slotdesk
