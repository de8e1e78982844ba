#include "net/JsonText.h"

#include <QString>

namespace slotdesk {

void appendJsonString(QByteArray &out, QStringView text) {
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    // Runs of bytes that need no escape go in with one append: names and codes rarely have any.
    const char *run = utf8.constData();
    const char *const end = run + utf8.size();
    for (const char *p = run; p != end; ++p) {
        const auto u = static_cast<unsigned char>(*p);
        if (u >= 0x20 && *p != '"' && *p != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        if (u < 0x20)
            out.append("\\u00").append(hex[u >> 4]).append(hex[u & 15]);
        else
            out.append('\\').append(*p);
    }
    out.append(run, end - run);
    out.append('"');
}

} // namespace slotdesk
