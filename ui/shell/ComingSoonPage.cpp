#include "ui/shell/ComingSoonPage.h"

#include "ui/shell/PageHeader.h"

#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

constexpr int kIconSize = 64;

} // namespace

ComingSoonPage::ComingSoonPage(const QString &title, const QString &summary, QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("comingSoon"));

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(kIconSize));
    icon->setAlignment(Qt::AlignHCenter);

    auto *notice = new QLabel(tr("Coming soon"), this);
    notice->setObjectName(QStringLiteral("comingSoonNotice"));
    QFont font = notice->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    notice->setFont(font);
    notice->setAlignment(Qt::AlignHCenter);

    auto *detail = new QLabel(tr("This part of Slotdesk is coming soon with a later release. "
                                 "Centres and opening hours can already be set up."),
                              this);
    detail->setWordWrap(true);
    detail->setAlignment(Qt::AlignHCenter);
    detail->setMaximumWidth(460);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(title, summary, this));
    layout->addStretch(1);
    layout->addWidget(icon);
    layout->addWidget(notice);
    layout->addWidget(detail, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

} // namespace slotdesk
