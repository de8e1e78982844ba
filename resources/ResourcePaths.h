#pragma once

#include <QString>

namespace slotdesk {

// Where the compiled-in resources live, so that no other file spells a ":/..." path.
QString migrationsResourceDir();   // ":/migrations", files NNNN_name.sql
QString translationsResourceDir(); // ":/i18n", slotdesk_<lang>.qm

} // namespace slotdesk
