#include "ui/shell/PageHeader.h"

#include <QLabel>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

constexpr qreal kTitleScale = 1.6;

} // namespace

void setHeadingFont(QWidget *widget, qreal scale) {
    QFont font = widget->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    widget->setFont(font);
}

PageHeader::PageHeader(const QString &title, const QString &summary, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this)) {
    m_title->setObjectName(QStringLiteral("pageTitle"));
    setHeadingFont(m_title, kTitleScale);

    auto *summaryLabel = new QLabel(summary, this);
    summaryLabel->setObjectName(QStringLiteral("pageSummary"));
    summaryLabel->setWordWrap(true);
    summaryLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(summaryLabel);
}

} // namespace slotdesk
