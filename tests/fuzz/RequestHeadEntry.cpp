#include "service/http/HttpRequestHead.h"
#include "tests/fuzz/FuzzCheck.h"
#include "tests/fuzz/FuzzEntries.h"

#include <algorithm>

namespace slotdesk::fuzz {

namespace {

using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;

bool sameIgnoringCase(QByteArrayView a, QByteArrayView b) {
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

bool inside(qsizetype at, qsizetype size, qsizetype total) {
    return at >= 0 && size >= 0 && at <= total && size <= total - at;
}

// The memchr searches agree with the obvious search they replace, from any start.
void checkSearches(QByteArrayView text) {
    const qsizetype starts[] = {0, 1, 2, 3, text.size() / 2, text.size() - 1, text.size()};
    for (const qsizetype from : starts) {
        if (from < 0 || from > text.size())
            continue;
        SLOTDESK_FUZZ_CHECK(findCrlf(text, from) == text.indexOf(QByteArrayView("\r\n"), from));
        SLOTDESK_FUZZ_CHECK(findHeadEnd(text, from) ==
                            text.indexOf(QByteArrayView("\r\n\r\n"), from));
    }
}

// The server searches a growing buffer again from three bytes before where the last search
// stopped: bytes arriving in chunks must find the same end as the whole buffer at once.
void checkResumedSearch(QByteArrayView text, qsizetype chunk) {
    qsizetype searched = 0;
    for (qsizetype size = std::min(chunk, text.size());;
         size = std::min(size + chunk, text.size())) {
        const QByteArrayView arrived = text.first(size);
        const qsizetype end = findHeadEnd(arrived, std::max<qsizetype>(0, searched - 3));
        if (!SLOTDESK_FUZZ_CHECK(end == arrived.indexOf(QByteArrayView("\r\n\r\n"))))
            return;
        if (end >= 0 || size == text.size())
            return;
        searched = size;
    }
}

void checkError(const HttpHeadError &error) {
    static const Status statuses[] = {Status::BadRequest, Status::LengthRequired,
                                      Status::ExpectationFailed, Status::HttpVersionNotSupported};
    SLOTDESK_FUZZ_CHECK(std::find(std::begin(statuses), std::end(statuses), error.status) !=
                        std::end(statuses));
    SLOTDESK_FUZZ_CHECK(!error.reason.isEmpty() && !error.message.isEmpty());
}

bool isFieldText(QByteArrayView text) {
    return std::none_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t') || u == 0x7f;
    });
}

// What a parsed head promises its handlers: every view lies inside the head it keeps, the
// target is the request line's, each field is a NAME: VALUE line of it, and header() finds the
// first field of a name.
void checkHead(const HttpRequestHead &head, const QByteArray &text) {
    const QByteArrayView all(head.head);
    SLOTDESK_FUZZ_CHECK(head.head == text);
    SLOTDESK_FUZZ_CHECK(head.method != Method::Unknown);
    SLOTDESK_FUZZ_CHECK(head.contentLength >= 0);
    if (!SLOTDESK_FUZZ_CHECK(head.targetAt > 0 &&
                             inside(head.targetAt, head.targetSize, all.size())))
        return;
    const qsizetype lineEnd = findCrlf(all, 0) < 0 ? all.size() : findCrlf(all, 0);
    const QByteArrayView line = all.first(lineEnd);
    const QByteArrayView target = head.target();
    SLOTDESK_FUZZ_CHECK(head.targetAt + head.targetSize < lineEnd);
    SLOTDESK_FUZZ_CHECK(line[head.targetAt - 1] == ' ' &&
                        line[head.targetAt + head.targetSize] == ' ');
    SLOTDESK_FUZZ_CHECK(target.startsWith('/') && !target.contains(' ') && isFieldText(target));
    SLOTDESK_FUZZ_CHECK(!target.contains('\t'));
    SLOTDESK_FUZZ_CHECK(line.endsWith(head.http10 ? "HTTP/1.0" : "HTTP/1.1"));
    const QByteArrayView path = head.pathPart();
    const QByteArrayView query = head.queryPart();
    SLOTDESK_FUZZ_CHECK(!path.contains('?'));
    SLOTDESK_FUZZ_CHECK(target.contains('?') ? path.size() + 1 + query.size() == target.size()
                                             : path == target && query.isEmpty());

    qsizetype lines = 0;
    for (qsizetype at = lineEnd; at >= 0 && at < all.size(); at = findCrlf(all, at + 2))
        ++lines;
    SLOTDESK_FUZZ_CHECK(head.fields.size() == lines);
    qsizetype expectedLength = 0;
    for (const HttpRequestHead::Field &field : head.fields) {
        if (!SLOTDESK_FUZZ_CHECK(field.nameSize > 0 &&
                                 inside(field.nameAt, field.nameSize, all.size()) &&
                                 inside(field.valueAt, field.valueSize, all.size())))
            return;
        const QByteArrayView name = all.sliced(field.nameAt, field.nameSize);
        const QByteArrayView value = all.sliced(field.valueAt, field.valueSize);
        SLOTDESK_FUZZ_CHECK(field.nameAt > lineEnd && all.sliced(field.nameAt - 2, 2) == "\r\n");
        SLOTDESK_FUZZ_CHECK(field.valueAt > field.nameAt + field.nameSize);
        SLOTDESK_FUZZ_CHECK(all[field.nameAt + field.nameSize] == ':');
        SLOTDESK_FUZZ_CHECK(!name.contains(':') && !name.contains(' ') && isFieldText(name));
        SLOTDESK_FUZZ_CHECK(isFieldText(value));
        SLOTDESK_FUZZ_CHECK(value.isEmpty() || (value.front() != ' ' && value.front() != '\t' &&
                                                value.back() != ' ' && value.back() != '\t'));
        const auto first = std::find_if(head.fields.begin(), head.fields.end(), [&](const auto &f) {
            return sameIgnoringCase(all.sliced(f.nameAt, f.nameSize), name);
        });
        const QByteArrayView found = head.header(name);
        SLOTDESK_FUZZ_CHECK(!found.isNull() && found.data() == all.data() + first->valueAt &&
                            found.size() == first->valueSize);
        if (sameIgnoringCase(name, "Content-Length"))
            expectedLength = value.toLongLong();
        if (sameIgnoringCase(name, "Connection") && sameIgnoringCase(value, "close"))
            SLOTDESK_FUZZ_CHECK(!head.keepAlive);
    }
    SLOTDESK_FUZZ_CHECK(head.contentLength == expectedLength);
    if (head.expectContinue)
        SLOTDESK_FUZZ_CHECK(sameIgnoringCase(head.header("Expect"), "100-continue"));
    if (head.http10 && head.header("Connection").isNull())
        SLOTDESK_FUZZ_CHECK(!head.keepAlive);
    if (!head.http10 && head.header("Connection").isNull())
        SLOTDESK_FUZZ_CHECK(head.keepAlive);
}

// A head written anew from what was parsed (single spaces, "NAME: VALUE") parses to the same
// request: the parser keeps everything the server and the handlers act on.
void checkRewritten(const HttpRequestHead &head) {
    const QByteArrayView all(head.head);
    QByteArray text = all.first(head.targetAt).toByteArray();
    text += head.target().toByteArray() + (head.http10 ? " HTTP/1.0" : " HTTP/1.1");
    for (const HttpRequestHead::Field &field : head.fields) {
        text += "\r\n" + all.sliced(field.nameAt, field.nameSize).toByteArray() + ": " +
                all.sliced(field.valueAt, field.valueSize).toByteArray();
    }
    HttpRequestHead again;
    HttpHeadError error;
    if (!SLOTDESK_FUZZ_CHECK(parseRequestHead(text, &again, &error)))
        return;
    SLOTDESK_FUZZ_CHECK(again.method == head.method && again.target() == head.target());
    SLOTDESK_FUZZ_CHECK(again.http10 == head.http10 && again.keepAlive == head.keepAlive);
    SLOTDESK_FUZZ_CHECK(again.contentLength == head.contentLength);
    SLOTDESK_FUZZ_CHECK(again.expectContinue == head.expectContinue);
    SLOTDESK_FUZZ_CHECK(again.webSocketUpgrade == head.webSocketUpgrade);
    if (!SLOTDESK_FUZZ_CHECK(again.fields.size() == head.fields.size()))
        return;
    for (qsizetype i = 0; i < head.fields.size(); ++i) {
        const auto &a = again.fields[i];
        const auto &b = head.fields[i];
        SLOTDESK_FUZZ_CHECK(QByteArrayView(again.head).sliced(a.nameAt, a.nameSize) ==
                            all.sliced(b.nameAt, b.nameSize));
        SLOTDESK_FUZZ_CHECK(QByteArrayView(again.head).sliced(a.valueAt, a.valueSize) ==
                            all.sliced(b.valueAt, b.valueSize));
    }
}

// Takes requests from the buffer as HttpServer::takeHead/takeRequest do: empty lines before a
// request line are skipped, a head ends at the first empty line, Content-Length frames the
// body, the next request follows at once (pipelining); a refused head ends the connection.
void serve(QByteArrayView buffer) {
    qsizetype at = 0;
    while (at < buffer.size()) {
        while (buffer.size() - at >= 2 && buffer[at] == '\r' && buffer[at + 1] == '\n')
            at += 2;
        const qsizetype end = findHeadEnd(buffer, at);
        if (end < 0)
            return;
        const QByteArray text = buffer.sliced(at, end - at).toByteArray();
        HttpRequestHead head;
        HttpHeadError error;
        if (!parseRequestHead(text, &head, &error)) {
            checkError(error);
            return;
        }
        checkHead(head, text);
        checkRewritten(head);
        at = end + 4;
        if (head.contentLength > buffer.size() - at)
            return;
        at += head.contentLength;
    }
}

} // namespace

void requestHead(QByteArrayView input) {
    checkSearches(input);
    checkResumedSearch(input, 1);
    checkResumedSearch(input, 13);
    serve(input);
    // The head alone, as if the buffer ended there: the parser never sees "\r\n\r\n" from
    // the server, but must not depend on it.
    HttpRequestHead head;
    HttpHeadError error;
    if (!parseRequestHead(input.toByteArray(), &head, &error))
        checkError(error);
}

} // namespace slotdesk::fuzz
