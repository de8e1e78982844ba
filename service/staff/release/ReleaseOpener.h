#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <map>

namespace slotdesk {

class BookingEngine;
class Clock;
class StaffWriter;

// Opens scheduled releases at their opens_at by itself, with no console running: stores the
// state "open", puts release.opened on the event stream and audits it (actor: the staff member
// who created the release). Its timer aims at the earliest opening time by the injected Clock
// and looks again at least once a second, so a Clock moved by a test (or an NTP step) is
// noticed. Availability does not wait for it: slots are shown from opens_at on either way.
class ReleaseOpener : public QObject {
    Q_OBJECT
public:
    ReleaseOpener(QSqlDatabase db, StaffWriter &writer, BookingEngine &engine, const Clock &clock,
                  QObject *parent = nullptr);

    // Reads the scheduled releases (at start). False when the database could not be read.
    bool load();
    void schedule(qint64 releaseId, qint64 opensAt);
    // Opens every scheduled release whose time has come. Returns how many it opened.
    int openDue();
    qsizetype scheduledCount() const { return qsizetype(m_due.size()); }

private:
    bool open(qint64 releaseId, qint64 now);
    void arm();

    QSqlDatabase m_db;
    StaffWriter &m_writer;
    BookingEngine &m_engine;
    const Clock &m_clock;
    std::multimap<qint64, qint64> m_due; // opens_at → release id
    QTimer m_timer;
};

} // namespace slotdesk
