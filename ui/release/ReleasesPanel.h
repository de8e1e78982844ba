#pragma once

#include "ui/release/ReleaseWizard.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableView;

namespace slotdesk {

class Clock;
class HotlineBookingDialog;
class ReleaseBookingsDialog;
class ReleaseClient;
class ReleaseTableModel;

// The service's releases on the Slot release page: state and remaining places, read on show,
// after every action and every few seconds while visible (never blocking the UI). From here
// admins start the release wizard and withdraw a release (then see and export its bookings),
// and staff book a caller through the hotline.
class ReleasesPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int refreshIntervalMs = 5000;

    ReleasesPanel(const Clock &clock, QWidget *parent = nullptr);
    ~ReleasesPanel() override;

    // The client outlives the panel; without one the panel says it is offline.
    void setClient(ReleaseClient *client);
    // Where the wizard takes its slots from (the page's current plan).
    void setSource(std::function<ReleaseSource()> source) { m_source = std::move(source); }
    // Admins release and withdraw; other roles see the list only.
    void setReleaseAllowed(bool allowed);

    void refresh();
    ReleaseWizard *openWizard();
    void withdrawSelected();
    HotlineBookingDialog *openHotlineBooking();
    void selectRelease(const QString &uuid);

    ReleaseTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QTimer &refreshTimer() { return m_timer; }
    ReleaseWizard *wizard() const { return m_wizard; }
    ReleaseBookingsDialog *bookingsDialog() const;

Q_SIGNALS:
    void refreshed();
    void statusMessage(const QString &message);
    void errorMessage(const QString &message);
    void withdrawn(const QString &uuid);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateActions();
    void showMessage(const QString &text, bool error);
    void withdraw(const QString &uuid);
    QString selectedUuid() const;

    const Clock &m_clock;
    ReleaseClient *m_client = nullptr;
    std::function<ReleaseSource()> m_source;
    ReleaseTableModel *m_model;
    QTableView *m_view;
    QPushButton *m_new;
    QPushButton *m_withdraw;
    QPushButton *m_hotline;
    QPushButton *m_refresh;
    QLabel *m_message;
    QTimer m_timer;
    QPointer<ReleaseWizard> m_wizard;
    QPointer<ReleaseBookingsDialog> m_bookings;
    QPointer<HotlineBookingDialog> m_hotlineDialog;
    quint64 m_request = 0;
    bool m_loading = false;
    bool m_releaseAllowed = false;
};

} // namespace slotdesk
