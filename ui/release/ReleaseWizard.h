#pragma once

#include "models/domain/Centre.h"
#include "models/rules/ReleaseDraft.h"

#include <QWizard>

#include <memory>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace slotdesk {

class Clock;
class ReleaseClient;

// What a release is made from: the slot plan on the Slot release page and its centres.
struct ReleaseSource {
    std::shared_ptr<const SlotPlan> plan;
    QList<Centre> centres; // the plan's centres (console ids, service UUIDs, names)
};

// Releases part of a generated slot plan to citizens, for admins: choose centres, services,
// days and places per slot; the opening time (now or announced); who may book and the hotline
// share; then a summary with the forecast arithmetic of vaccine products and a preview of the
// citizen page. Every page validates its fields with messages next to them.
//
// Publishing is one POST with an Idempotency-Key (and release uuid) made when the wizard opens:
// sending again after a timeout, an unreachable service or an expired sign-in never publishes
// twice, and the wizard keeps every input until the service accepted the release.
class ReleaseWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { SelectionPage, OpeningPage, EligibilityPage, SummaryPage };

    ReleaseWizard(ReleaseClient &client, const Clock &clock, ReleaseSource source,
                  QWidget *parent = nullptr);
    ~ReleaseWizard() override;

    ReleaseDraft draft() const;
    QList<DraftSlot> selectedSlots() const;
    QByteArray idempotencyKey() const { return m_key; }
    QString releaseUuid() const { return m_uuid; }
    // The body the next publish sends (invitation codes are made once per count).
    QJsonObject requestBody();
    QStringList invitationCodes() const { return m_codes; }
    // Writes the invitation codes the release is sent with (one a line) to `path`, off the UI
    // thread; they are made once per wizard and count, so the saved codes are the published
    // ones.
    void saveInvitationCodes(const QString &path);

    // Sends the release (the Finish button does this); false when it cannot start (sending
    // already, or published).
    bool publish();
    bool isSending() const { return m_sending; }
    bool isPublished() const { return m_published; }

    QString summaryText() const;
    QString forecastText() const;
    QString previewText() const;
    QString publishMessage() const;

Q_SIGNALS:
    // The service accepted the release (the wizard closes itself afterwards).
    void published(const QString &uuid, const QStringList &services);
    // Publishing failed with `message` (German); the inputs are kept for another try.
    void publishFailed(const QString &message);
    void forecastShown();
    void invitationCodesSaved(bool ok, const QString &message);

protected:
    bool validateCurrentPage() override;
    void initializePage(int id) override;

private:
    QWizardPage *buildSelectionPage();
    QWizardPage *buildOpeningPage();
    QWizardPage *buildEligibilityPage();
    QWizardPage *buildSummaryPage();
    bool showProblems(int page, const QList<DraftProblem> &problems);
    void updateSelectionCount();
    void updateSummary();
    void loadForecasts();
    void setSending(bool sending);
    QString buildPreview(const ReleaseDraft &draft, const QList<DraftSlot> &slots) const;

    ReleaseClient &m_client;
    const Clock &m_clock;
    ReleaseSource m_source;
    QByteArray m_key;
    QString m_uuid;
    QStringList m_codes;
    bool m_sending = false;
    bool m_published = false;
    quint64 m_forecastRequest = 0;

    QListWidget *m_centres = nullptr;
    QListWidget *m_services = nullptr;
    QListWidget *m_days = nullptr;
    QSpinBox *m_capacity = nullptr;
    QLabel *m_selectionCount = nullptr;
    QLineEdit *m_name = nullptr;
    QRadioButton *m_opensNow = nullptr;
    QRadioButton *m_opensLater = nullptr;
    QDateTimeEdit *m_opensAt = nullptr;
    QSpinBox *m_ageFrom = nullptr;
    QSpinBox *m_ageTo = nullptr;
    QLineEdit *m_groups = nullptr;
    QCheckBox *m_invitationOnly = nullptr;
    QSpinBox *m_invitations = nullptr;
    QSpinBox *m_hotlineShare = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_forecast = nullptr;
    QLabel *m_preview = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_publishMessage = nullptr;
    QPushButton *m_saveCodes = nullptr;
};

} // namespace slotdesk
