#include "ui/checkin/VerdictPanel.h"

#include "ui/shell/Tones.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

void scaleFont(QLabel *label, qreal factor, bool bold) {
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    label->setFont(font);
}

QColor accentOf(CheckInVerdict::Tone tone, const QPalette &palette) {
    switch (tone) {
    case CheckInVerdict::Tone::Ok:
        return tones::successAccent();
    case CheckInVerdict::Tone::Attention:
        return tones::warningAccent();
    case CheckInVerdict::Tone::Refused:
        return tones::errorAccent();
    case CheckInVerdict::Tone::Pending:
        break;
    }
    return palette.color(QPalette::Mid);
}

} // namespace

VerdictPanel::VerdictPanel(QWidget *parent)
    : QFrame(parent) {
    setObjectName(QStringLiteral("verdictPanel"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::NoFocus);
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("verdictHeadline"));
    scaleFont(m_headline, 2.4, true);
    m_person = new QLabel(this);
    m_person->setObjectName(QStringLiteral("verdictPerson"));
    scaleFont(m_person, 2.0, true);
    m_birth = new QLabel(this);
    m_birth->setObjectName(QStringLiteral("verdictBirthDate"));
    scaleFont(m_birth, 1.6, false);
    m_appointment = new QLabel(this);
    m_appointment->setObjectName(QStringLiteral("verdictAppointment"));
    scaleFont(m_appointment, 1.3, false);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("verdictReason"));
    scaleFont(m_reason, 1.2, false);
    m_reason->setWordWrap(true);
    for (QLabel *label : {m_headline, m_person, m_birth, m_appointment, m_reason})
        label->setTextInteractionFlags(Qt::NoTextInteraction);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->addWidget(m_headline);
    layout->addWidget(m_person);
    layout->addWidget(m_birth);
    layout->addWidget(m_appointment);
    layout->addWidget(m_reason);
    layout->addStretch();
    setAccessibleName(tr("Check-in result"));
    CheckInVerdict ready;
    ready.headline = tr("Ready to scan");
    ready.reason = tr("Scan a booking code or QR code, or type the code and press Enter.");
    show(ready);
}

void VerdictPanel::show(const CheckInVerdict &verdict) {
    m_verdict = verdict;
    m_headline->setText(verdict.headline);
    m_person->setText(verdict.name);
    m_person->setVisible(!verdict.name.isEmpty());
    m_birth->setText(verdict.birthDate.isEmpty() ? QString()
                                                 : tr("born %1").arg(verdict.birthDate));
    m_birth->setVisible(!verdict.birthDate.isEmpty());
    QStringList appointment;
    for (const QString &part : {verdict.code, verdict.service, verdict.slotTime}) {
        if (!part.isEmpty())
            appointment.append(part);
    }
    m_appointment->setText(appointment.join(QStringLiteral(" · ")));
    m_appointment->setVisible(!appointment.isEmpty());
    m_reason->setText(verdict.reason);
    // Screen readers announce the whole answer, not just the colour.
    setAccessibleDescription(
        QStringList{verdict.headline, verdict.name, m_birth->text(), verdict.reason}.join(u' '));
    applyTone();
}

QString VerdictPanel::headlineText() const {
    return m_headline->text();
}

QString VerdictPanel::reasonText() const {
    return m_reason->text();
}

QString VerdictPanel::personText() const {
    return m_person->text();
}

void VerdictPanel::changeEvent(QEvent *event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTone();
}

void VerdictPanel::applyTone() {
    const QPalette base = parentWidget() ? parentWidget()->palette() : QPalette();
    const QColor background = m_verdict.tone == CheckInVerdict::Tone::Pending
                                  ? tones::shade(base)
                                  : tones::tint(accentOf(m_verdict.tone, base), base, 0.45);
    QPalette p = palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, tones::readableOn(background, base));
    // Setting the palette raises PaletteChange again; unchanged colours end the recursion.
    if (p != palette())
        setPalette(p);
}

} // namespace slotdesk
