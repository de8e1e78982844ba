#pragma once

#include "ui/checkin/CheckInVerdict.h"

#include <QFrame>

class QLabel;

namespace slotdesk {

// The large coloured answer of the check-in page: green, yellow or red with a headline, the
// person and appointment, and the reason. Colours come from the palette (ui/shell/Tones).
class VerdictPanel : public QFrame {
    Q_OBJECT

public:
    explicit VerdictPanel(QWidget *parent = nullptr);

    void show(const CheckInVerdict &verdict);
    const CheckInVerdict &verdict() const { return m_verdict; }
    QString headlineText() const;
    QString reasonText() const;
    QString personText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTone();

    CheckInVerdict m_verdict;
    QLabel *m_headline = nullptr;
    QLabel *m_person = nullptr;
    QLabel *m_birth = nullptr;
    QLabel *m_appointment = nullptr;
    QLabel *m_reason = nullptr;
};

} // namespace slotdesk
