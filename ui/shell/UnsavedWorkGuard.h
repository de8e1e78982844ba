#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QMessageBox;
class QWidget;

namespace slotdesk {

// Knows which pages hold unsaved work and asks before the window closes over it (Save, Discard,
// Cancel). A page takes part with three members: a signal unsavedChangesChanged(bool), a slot
// save() and a signal saveFinished(bool ok) that follows every save() it started.
//
// The question is a non-modal QMessageBox named "unsavedOnCloseBox" (opened with open(), so
// tests answer it by finding it); closeApproved() follows Discard, or Save once every page
// stored its work. A refused save emits saveFailed(page) and the window stays open.
class UnsavedWorkGuard final : public QObject {
    Q_OBJECT
public:
    explicit UnsavedWorkGuard(QObject *parent = nullptr);

    template <typename Page> void addPage(Page *page, const QString &title) {
        m_pages.append({page, title, [page] { page->save(); }, false, false});
        connect(page, &Page::unsavedChangesChanged, this,
                [this, page](bool unsaved) { setUnsaved(page, unsaved); });
        connect(page, &Page::saveFinished, this, [this, page](bool ok) { onSaved(page, ok); });
    }

    bool hasUnsavedWork() const;
    // The titles of the pages with unsaved work, in the order they were added.
    QStringList unsavedTitles() const;
    // Opens the question over `parent`; a second call while it is open only raises it.
    void askBeforeClosing(QWidget *parent);

Q_SIGNALS:
    void closeApproved();
    void saveFailed(QWidget *page);

private:
    struct Entry {
        QWidget *page;
        QString title;
        std::function<void()> save;
        bool unsaved;
        bool saving; // saving because the user chose Save before closing
    };

    Entry *entry(const QWidget *page);
    void setUnsaved(const QWidget *page, bool unsaved);
    void onSaved(const QWidget *page, bool ok);
    void saveAll();

    QList<Entry> m_pages;
    QPointer<QMessageBox> m_box;
};

} // namespace slotdesk
