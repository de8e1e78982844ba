#pragma once

#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace slotdesk {

// Calls `handler(result)` on `context`'s thread once `future` has finished. The watcher is a
// child of `context`, so a handler never runs after its widget is gone (QFuture::then with a
// context object does not guarantee that in Qt 6.4). A future that ends without a result
// (cancelled) calls nothing.
template <typename T, typename Handler>
void whenFinished(QObject *context, const QFuture<T> &future, Handler &&handler) {
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, handler = std::forward<Handler>(handler)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().isResultReadyAt(0))
                             handler(watcher->future().result());
                     });
    watcher->setFuture(future);
}

} // namespace slotdesk
