#include "ui/shell/PageHeader.h"

#include <QLabel>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

constexpr qreal kTitleScale = 1.6;

} // namespace

PageHeader::PageHeader(const QString &title, const QString &summary, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this)) {
    m_title->setObjectName(QStringLiteral("pageTitle"));
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * kTitleScale);
    font.setBold(true);
    m_title->setFont(font);

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
