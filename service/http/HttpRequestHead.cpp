#include "service/http/HttpRequestHead.h"

#include <cstring>

namespace slotdesk {

namespace {

using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;

bool sameIgnoringCase(QByteArrayView a, QByteArrayView b) {
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

bool isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text) {
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Visible characters and, inside values, spaces and tabs; never other control bytes.
bool isFieldValue(QByteArrayView text) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

QByteArrayView trimmedSpaces(QByteArrayView text) {
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t'))
        ++begin;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        --end;
    return text.sliced(begin, end - begin);
}

Method methodFromName(QByteArrayView name) {
    // Most requests are GET or POST: compare those first.
    static const std::pair<QByteArrayView, Method> methods[] = {
        {"GET", Method::Get},         {"POST", Method::Post},   {"PUT", Method::Put},
        {"DELETE", Method::Delete},   {"PATCH", Method::Patch}, {"HEAD", Method::Head},
        {"OPTIONS", Method::Options}, {"TRACE", Method::Trace}, {"CONNECT", Method::Connect}};
    for (const auto &[text, method] : methods) {
        if (name == text)
            return method;
    }
    return Method::Unknown;
}

bool hasToken(QByteArrayView list, QByteArrayView token) {
    qsizetype from = 0;
    while (from <= list.size()) {
        qsizetype comma = list.indexOf(',', from);
        if (comma < 0)
            comma = list.size();
        if (sameIgnoringCase(trimmedSpaces(list.sliced(from, comma - from)), token))
            return true;
        from = comma + 1;
    }
    return false;
}

bool fail(HttpHeadError *error, Status status, const char *reason, const char *message) {
    error->status = status;
    error->reason = QString::fromLatin1(reason);
    error->message = QString::fromLatin1(message);
    return false;
}

bool malformed(HttpHeadError *error, const char *message) {
    return fail(error, Status::BadRequest, "malformed_request", message);
}

bool parseRequestLine(QByteArrayView line, HttpRequestHead *out, HttpHeadError *error) {
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : line.indexOf(' ', firstSpace + 1);
    if (secondSpace < 0 || line.indexOf(' ', secondSpace + 1) >= 0)
        return malformed(error, "The request line is not METHOD TARGET VERSION.");
    const QByteArrayView name = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(secondSpace + 1);
    if (!isToken(name))
        return malformed(error, "The request method is not a token.");
    if (version == "HTTP/1.1") {
        out->http10 = false;
    } else if (version == "HTTP/1.0") {
        out->http10 = true;
    } else if (version.size() == 8 && version.startsWith("HTTP/") && version[6] == '.') {
        return fail(error, Status::HttpVersionNotSupported, "http_version_not_supported",
                    "Only HTTP/1.0 and HTTP/1.1 are supported.");
    } else {
        return malformed(error, "The request line ends in no HTTP version.");
    }
    if (target.isEmpty() || target[0] != '/' || !isFieldValue(target) || target.contains('\t'))
        return malformed(error, "The request target is not a path.");
    out->method = methodFromName(name);
    if (out->method == Method::Unknown)
        return fail(error, Status::BadRequest, "unknown_method", "The request method is unknown.");
    out->targetAt = firstSpace + 1;
    out->targetSize = target.size();
    return true;
}

bool parseContentLength(QByteArrayView value, HttpRequestHead *out, bool *seen,
                        HttpHeadError *error) {
    bool digits = !value.isEmpty() && value.size() <= 18;
    for (const char c : value)
        digits = digits && c >= '0' && c <= '9';
    const qint64 length = digits ? value.toLongLong() : -1;
    // Two different lengths are how request smuggling starts: refuse, never pick one.
    if (length < 0 || (*seen && length != out->contentLength))
        return fail(error, Status::BadRequest, "invalid_content_length",
                    "Content-Length must be one non-negative decimal number.");
    *seen = true;
    out->contentLength = length;
    return true;
}

// The headers the server itself acts on; all others are only kept for the handlers.
bool interpretField(QByteArrayView name, QByteArrayView value, HttpRequestHead *out,
                    bool *seenLength, bool *closeToken, bool *keepAliveToken,
                    HttpHeadError *error) {
    if (sameIgnoringCase(name, "Content-Length"))
        return parseContentLength(value, out, seenLength, error);
    if (sameIgnoringCase(name, "Connection")) {
        *closeToken = *closeToken || hasToken(value, "close");
        *keepAliveToken = *keepAliveToken || hasToken(value, "keep-alive");
    } else if (sameIgnoringCase(name, "Transfer-Encoding")) {
        return fail(error, Status::LengthRequired, "length_required",
                    "Send the body with Content-Length; Transfer-Encoding "
                    "(chunked) is not accepted.");
    } else if (sameIgnoringCase(name, "Expect")) {
        if (!sameIgnoringCase(value, "100-continue"))
            return fail(error, Status::ExpectationFailed, "expectation_failed",
                        "Only Expect: 100-continue is understood.");
        out->expectContinue = true;
    } else if (sameIgnoringCase(name, "Upgrade")) {
        out->webSocketUpgrade = sameIgnoringCase(value, "websocket");
    }
    return true;
}

} // namespace

qsizetype findCrlf(QByteArrayView text, qsizetype from) {
    if (text.size() - from < 2)
        return -1;
    const char *const begin = text.data();
    const char *const end = begin + text.size();
    for (const char *at = begin + from; at < end - 1;) {
        const auto *cr = static_cast<const char *>(std::memchr(at, '\r', size_t(end - 1 - at)));
        if (!cr)
            return -1;
        if (cr[1] == '\n')
            return cr - begin;
        at = cr + 1;
    }
    return -1;
}

qsizetype findHeadEnd(QByteArrayView text, qsizetype from) {
    for (qsizetype at = findCrlf(text, from); at >= 0; at = findCrlf(text, at + 2)) {
        if (at + 3 < text.size() && text[at + 2] == '\r' && text[at + 3] == '\n')
            return at;
    }
    return -1;
}

QByteArrayView HttpRequestHead::pathPart() const {
    const QByteArrayView whole = target();
    const qsizetype question = whole.indexOf('?');
    return question < 0 ? whole : whole.first(question);
}

QByteArrayView HttpRequestHead::queryPart() const {
    const QByteArrayView whole = target();
    const qsizetype question = whole.indexOf('?');
    return question < 0 ? QByteArrayView() : whole.sliced(question + 1);
}

QByteArrayView HttpRequestHead::header(QByteArrayView name) const {
    const QByteArrayView all(head);
    for (const Field &field : fields) {
        if (sameIgnoringCase(all.sliced(field.nameAt, field.nameSize), name))
            return all.sliced(field.valueAt, field.valueSize);
    }
    return {};
}

QList<QByteArrayView> HttpRequestHead::headers(QByteArrayView name) const {
    QList<QByteArrayView> values;
    const QByteArrayView all(head);
    for (const Field &field : fields) {
        if (sameIgnoringCase(all.sliced(field.nameAt, field.nameSize), name))
            values.append(all.sliced(field.valueAt, field.valueSize));
    }
    return values;
}

bool parseRequestHead(QByteArray head, HttpRequestHead *out, HttpHeadError *error) {
    out->head = std::move(head);
    const QByteArrayView all(out->head);
    qsizetype lineEnd = findCrlf(all, 0);
    if (lineEnd < 0)
        lineEnd = all.size();
    if (!parseRequestLine(all.first(lineEnd), out, error))
        return false;
    bool seenLength = false;
    bool closeToken = false;
    bool keepAliveToken = false;
    qsizetype at = lineEnd + 2;
    while (at < all.size()) {
        qsizetype end = findCrlf(all, at);
        if (end < 0)
            end = all.size();
        const QByteArrayView line = all.sliced(at, end - at);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)) || !isFieldValue(line))
            return malformed(error, "A header line is not NAME: VALUE.");
        const QByteArrayView value = trimmedSpaces(line.sliced(colon + 1));
        const qsizetype valueAt = value.isEmpty() ? at + line.size() : value.data() - all.data();
        out->fields.append({at, colon, valueAt, value.size()});
        if (!interpretField(line.first(colon), value, out, &seenLength, &closeToken,
                            &keepAliveToken, error))
            return false;
        at = end + 2;
    }
    out->keepAlive = out->http10 ? keepAliveToken && !closeToken : !closeToken;
    return true;
}

} // namespace slotdesk
