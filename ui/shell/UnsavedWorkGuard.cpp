#include "ui/shell/UnsavedWorkGuard.h"

#include <QMessageBox>
#include <QWidget>

#include <algorithm>

namespace slotdesk {

UnsavedWorkGuard::UnsavedWorkGuard(QObject *parent)
    : QObject(parent) {}

bool UnsavedWorkGuard::hasUnsavedWork() const {
    return std::any_of(m_pages.cbegin(), m_pages.cend(), [](const Entry &e) { return e.unsaved; });
}

QStringList UnsavedWorkGuard::unsavedTitles() const {
    QStringList titles;
    for (const Entry &e : m_pages) {
        if (e.unsaved)
            titles.append(e.title);
    }
    return titles;
}

UnsavedWorkGuard::Entry *UnsavedWorkGuard::entry(const QWidget *page) {
    const auto it = std::find_if(m_pages.begin(), m_pages.end(),
                                 [page](const Entry &e) { return e.page == page; });
    return it == m_pages.end() ? nullptr : &*it;
}

void UnsavedWorkGuard::setUnsaved(const QWidget *page, bool unsaved) {
    if (Entry *e = entry(page))
        e->unsaved = unsaved;
}

void UnsavedWorkGuard::askBeforeClosing(QWidget *parent) {
    if (m_box) {
        m_box->raise();
        m_box->activateWindow();
        return;
    }
    const QStringList titles = unsavedTitles();
    m_box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                            tr("There are unsaved changes on: %1.").arg(titles.join(u", ")),
                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    m_box->setObjectName(QStringLiteral("unsavedOnCloseBox"));
    m_box->setInformativeText(tr("Save them before closing Slotdesk?"));
    m_box->setDefaultButton(QMessageBox::Save);
    m_box->setEscapeButton(QMessageBox::Cancel);
    m_box->setAttribute(Qt::WA_DeleteOnClose);
    QMessageBox *box = m_box;
    connect(box, &QMessageBox::finished, this, [this, box] {
        switch (box->standardButton(box->clickedButton())) {
        case QMessageBox::Save:
            saveAll();
            break;
        case QMessageBox::Discard:
            Q_EMIT closeApproved();
            break;
        default:
            break;
        }
    });
    box->open();
}

void UnsavedWorkGuard::saveAll() {
    // Marked first: a page may report back before the next one is asked.
    for (Entry &e : m_pages)
        e.saving = e.unsaved;
    for (const Entry &e : std::as_const(m_pages)) {
        if (e.saving)
            e.save();
    }
}

void UnsavedWorkGuard::onSaved(const QWidget *page, bool ok) {
    Entry *e = entry(page);
    if (!e || !e->saving)
        return;
    e->saving = false;
    if (!ok) {
        for (Entry &other : m_pages)
            other.saving = false;
        Q_EMIT saveFailed(e->page);
        return;
    }
    const bool pending =
        std::any_of(m_pages.cbegin(), m_pages.cend(), [](const Entry &x) { return x.saving; });
    if (!pending && !hasUnsavedWork())
        Q_EMIT closeApproved();
}

} // namespace slotdesk
