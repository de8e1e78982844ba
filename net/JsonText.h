#pragma once

#include <QByteArray>
#include <QStringView>

namespace slotdesk {

// Appends `text` as a JSON string literal (quotes included, escaped). For hand-built answers on
// hot paths, where building a QJsonObject tree costs more than the rest of the request.
void appendJsonString(QByteArray &out, QStringView text);

} // namespace slotdesk
