#include "ui/shell/ComingSoonPage.h"

#include "ui/shell/PageHeader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

constexpr int kIconSize = 64;
constexpr int kNoticeColumns = 64; // average characters per line of the notice
constexpr qreal kHeadingScale = 1.3;

} // namespace

ComingSoonPage::ComingSoonPage(const QString &title, const QString &summary, QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("comingSoon"));

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(kIconSize));
    icon->setAlignment(Qt::AlignHCenter);

    auto *heading = new QLabel(tr("Coming soon"), this);
    heading->setObjectName(QStringLiteral("comingSoonNotice"));
    setHeadingFont(heading, kHeadingScale);
    heading->setAlignment(Qt::AlignHCenter);

    auto *detail = new QLabel(tr("This part of Slotdesk is coming soon with a later release. "
                                 "Centres and opening hours can already be set up."),
                              this);
    detail->setWordWrap(true);
    detail->setAlignment(Qt::AlignHCenter);

    // A fixed-width column lets the wrapped text take the height it needs; measured in
    // characters, so a larger font widens it instead of wrapping into more lines.
    auto *notice = new QWidget(this);
    notice->setFixedWidth(fontMetrics().averageCharWidth() * kNoticeColumns);
    auto *noticeLayout = new QVBoxLayout(notice);
    noticeLayout->setSpacing(8);
    noticeLayout->addWidget(icon);
    noticeLayout->addWidget(heading);
    noticeLayout->addWidget(detail);

    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(notice);
    centred->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(title, summary, this));
    layout->addStretch(1);
    layout->addLayout(centred);
    layout->addStretch(2);
}

} // namespace slotdesk
