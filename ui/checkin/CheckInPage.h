#pragma once

#include "models/rules/ScanInput.h"
#include "ui/checkin/CheckInVerdict.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QListWidget;

namespace slotdesk {

class Clock;
class ServiceClient;
class VerdictPanel;

// The check-in desk: takes scanner and keyboard input wherever the focus is on this page, with
// no click between scans, checks the booking in at the service and answers with a large
// coloured panel; the day's scans are listed beside it, newest first. QR codes are verified with
// the service's public key before anything is sent.
class CheckInPage : public QWidget {
    Q_OBJECT

public:
    explicit CheckInPage(const Clock &clock, QWidget *parent = nullptr);

    // Without a client every code is answered "not connected"; the client outlives the page.
    void setClient(ServiceClient *client);
    // The desk's name as the service records it with each check-in.
    void setDeskName(const QString &name) { m_desk = name; }
    QString deskName() const { return m_desk; }

    VerdictPanel *panel() const { return m_panel; }
    QListWidget *history() const { return m_history; }
    // Scans that were refused before reaching the service or by it, with their reason.
    const QStringList &failedScans() const { return m_failed; }
    bool hasPublicKey() const { return !m_publicKey.isEmpty(); }

Q_SIGNALS:
    // Every answer, for the status bar and sounds.
    void verdictShown(slotdesk::CheckInVerdict::Tone tone);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void childEvent(QChildEvent *event) override;

private:
    bool takeKey(QKeyEvent *event);
    void handle(const QList<Scan> &scans);
    void handle(const Scan &scan);
    void checkIn(const QString &code);
    void fetchPublicKey();
    void present(const CheckInVerdict &verdict, quint64 scanNumber);
    void record(const CheckInVerdict &verdict);
    void watch(QObject *object);

    const Clock &m_clock;
    ServiceClient *m_client = nullptr;
    QString m_desk;
    QByteArray m_publicKey;
    ScanAssembler m_assembler;
    RepeatFilter m_repeats;
    QElapsedTimer m_monotonic;
    QTimer m_idle;
    quint64 m_scanNumber = 0;
    VerdictPanel *m_panel = nullptr;
    QListWidget *m_history = nullptr;
    QStringList m_failed;
};

} // namespace slotdesk
