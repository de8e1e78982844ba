#pragma once

#include <QWidget>

namespace slotdesk {

// Stands in for a part of the console that a later release delivers. Only Slot release,
// Check-in and Live bookings may use it.
class ComingSoonPage : public QWidget {
    Q_OBJECT
public:
    ComingSoonPage(const QString &title, const QString &summary, QWidget *parent = nullptr);
};

} // namespace slotdesk
