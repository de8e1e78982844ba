#pragma once

#include "models/domain/Release.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace slotdesk {

class Clock;
class ReleaseClient;

// Staff book an appointment for a caller on the phone: choose an open release, one of its
// centres, a service, a day and a slot; enter the person (names, birth date, phone); book via
// POST /api/v1/hotline-bookings, which may take the places kept back for the hotline. The
// booking code is shown large for reading out; refusals are shown in German and keep the
// entries.
class HotlineBookingDialog : public QDialog {
    Q_OBJECT
public:
    HotlineBookingDialog(ReleaseClient &client, const Clock &clock, QList<Release> openReleases,
                         QWidget *parent = nullptr);

    // Reads the service's centres, then the slots of the chosen day.
    void reload();
    void loadSlots();
    void book();

    QString code() const;
    QString message() const;
    QComboBox *slotBox() const { return m_slot; }

Q_SIGNALS:
    void slotsLoaded(int count);
    void booked(const QString &code);
    void failed(const QString &message);

private:
    void fillCentres();
    void fillServices();
    QString problem() const;
    void showMessage(const QString &text);

    ReleaseClient &m_client;
    const Clock &m_clock;
    QList<Release> m_releases;
    QHash<qint64, QString> m_centreNames;
    QHash<qint64, QStringList> m_centreServices;
    quint64 m_slotRequest = 0;

    QComboBox *m_release;
    QComboBox *m_centre;
    QComboBox *m_service;
    QDateEdit *m_day;
    QComboBox *m_slot;
    QLineEdit *m_familyName;
    QLineEdit *m_givenName;
    QDateEdit *m_birthDate;
    QLineEdit *m_phone;
    QPushButton *m_book;
    QLabel *m_code;
    QLabel *m_message;
};

} // namespace slotdesk
