#pragma once

#include <QWidget>

class QLabel;

namespace slotdesk {

// Makes `widget`'s font bold and `scale` times larger, for headings.
void setHeadingFont(QWidget *widget, qreal scale);

// The heading every page starts with: a large title and one line saying what the page is for.
class PageHeader : public QWidget {
    Q_OBJECT
public:
    PageHeader(const QString &title, const QString &summary, QWidget *parent = nullptr);
    QLabel *titleLabel() const { return m_title; }

private:
    QLabel *m_title;
};

} // namespace slotdesk
