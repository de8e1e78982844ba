#pragma once

#include "models/domain/Centre.h"
#include "models/store/StoreError.h"

#include <QHash>
#include <QObject>

#include <deque>
#include <functional>

namespace slotdesk {

class ConsoleStore;

// Runs the console's centre changes one after another and remembers, per centre uuid, the id
// and revision this console last stored. Undo and redo steps are queued, so a quick chain of
// them never races its predecessor, and each step uses the revision its predecessor produced
// (the store refuses an update whose revision is stale). A re-created centre gets a new id but
// keeps its uuid, so later steps still find it. Failures are reported through failed().
class CentreOperations : public QObject {
    Q_OBJECT
public:
    using SaveHandler = std::function<void(const Stored<Centre> &)>;

    explicit CentreOperations(ConsoleStore &store, QObject *parent = nullptr);

    // Saves `centre` as given (its revision is what the editor started from) and calls
    // `handler` on `receiver`'s thread unless `receiver` is gone by then.
    void save(const Centre &centre, QObject *receiver, SaveHandler handler);
    // Undo/redo steps: identify the centre by uuid and use the latest known id and revision.
    void saveLatest(const Centre &values);
    void insertAgain(const Centre &centre);
    void remove(const QString &uuid, const QString &name);
    void setActive(const QString &uuid, const QString &name, bool active);

    // Takes ids and revisions from a fresh list read from the store.
    void noteLoaded(const QList<Centre> &centres);
    // `centre` with the id and revision this console knows to be the latest.
    Centre latest(const Centre &centre) const;
    bool isBusy() const { return m_running; }

    // Store errors as one line for the status bar, field messages included.
    static QString describe(const StoreError &error);

Q_SIGNALS:
    void succeeded(const QString &message);
    void failed(const QString &message);
    void busyChanged(bool busy);

private:
    struct Known {
        qint64 id = 0; // 0: not stored (removed by an undo)
        int revision = 0;
    };
    using Step = std::function<void()>;

    void enqueue(Step step);
    void runNext();
    void finishStep();
    void note(const Centre &stored);
    void report(const StoreError &error, const QString &success);
    Known known(const QString &uuid) const { return m_known.value(uuid); }
    void saveStep(const Centre &centre, const QString &success);

    ConsoleStore &m_store;
    QHash<QString, Known> m_known;
    std::deque<Step> m_queue;
    bool m_running = false;
};

} // namespace slotdesk
