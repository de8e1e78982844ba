#pragma once

#include <QString>
#include <QVariant>

namespace slotdesk {

// Qt Sql binds a null QString as SQL NULL; our text columns are NOT NULL DEFAULT '', so an
// absent optional field is bound as the empty string instead.
inline QVariant sqlText(const QString &text) {
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

} // namespace slotdesk
