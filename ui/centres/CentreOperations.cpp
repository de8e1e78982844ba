#include "ui/centres/CentreOperations.h"

#include "models/store/ConsoleStore.h"
#include "ui/shell/FutureWatch.h"

#include <QPointer>

namespace slotdesk {

CentreOperations::CentreOperations(ConsoleStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store) {}

QString CentreOperations::describe(const StoreError &error) {
    QStringList parts{error.message};
    for (const FieldError &field : error.fields)
        parts.append(field.message);
    return parts.join(u' ');
}

void CentreOperations::enqueue(Step step) {
    m_queue.push_back(std::move(step));
    if (!m_running)
        runNext();
}

void CentreOperations::runNext() {
    if (m_queue.empty()) {
        m_running = false;
        Q_EMIT busyChanged(false);
        return;
    }
    if (!m_running) {
        m_running = true;
        Q_EMIT busyChanged(true);
    }
    Step step = std::move(m_queue.front());
    m_queue.pop_front();
    step();
}

void CentreOperations::finishStep() {
    runNext();
}

void CentreOperations::note(const Centre &stored) {
    if (!stored.uuid.isEmpty())
        m_known.insert(stored.uuid, {stored.id, stored.revision});
}

void CentreOperations::report(const StoreError &error, const QString &success) {
    if (error)
        Q_EMIT failed(describe(error));
    else
        Q_EMIT succeeded(success);
}

void CentreOperations::noteLoaded(const QList<Centre> &centres) {
    for (const Centre &c : centres) {
        const Known k = known(c.uuid);
        // A list read before one of our own saves finished may carry an older revision.
        if (k.id != c.id || c.revision > k.revision)
            note(c);
    }
}

Centre CentreOperations::latest(const Centre &centre) const {
    Centre c = centre;
    const Known k = known(c.uuid);
    if (k.id == c.id && k.revision > c.revision)
        c.revision = k.revision;
    return c;
}

void CentreOperations::save(const Centre &centre, QObject *receiver, SaveHandler handler) {
    enqueue([this, centre, guard = QPointer<QObject>(receiver), handler = std::move(handler)] {
        whenFinished(this, m_store.saveCentre(centre), [this, guard, handler](const auto &r) {
            if (!r.error)
                note(r.value);
            if (guard)
                handler(r);
            finishStep();
        });
    });
}

void CentreOperations::saveStep(const Centre &centre, const QString &success) {
    whenFinished(this, m_store.saveCentre(centre), [this, success](const Stored<Centre> &r) {
        if (!r.error)
            note(r.value);
        report(r.error, success);
        finishStep();
    });
}

void CentreOperations::saveLatest(const Centre &values) {
    enqueue([this, values] {
        const Known k = known(values.uuid);
        if (k.id == 0) {
            Q_EMIT failed(tr("The centre \"%1\" no longer exists.").arg(values.name));
            finishStep();
            return;
        }
        Centre c = values;
        c.id = k.id;
        c.revision = k.revision;
        saveStep(c, tr("Centre \"%1\" saved.").arg(c.name));
    });
}

void CentreOperations::insertAgain(const Centre &centre) {
    enqueue([this, centre] {
        Centre c = centre;
        c.id = 0;
        c.revision = 0;
        saveStep(c, tr("Centre \"%1\" created again.").arg(c.name));
    });
}

void CentreOperations::remove(const QString &uuid, const QString &name) {
    enqueue([this, uuid, name] {
        const qint64 id = known(uuid).id;
        if (id == 0) {
            Q_EMIT failed(tr("The centre \"%1\" no longer exists.").arg(name));
            finishStep();
            return;
        }
        whenFinished(this, m_store.removeCentre(id), [this, uuid, name](const StoreError &e) {
            if (!e)
                m_known.insert(uuid, {});
            report(e, tr("Centre \"%1\" removed.").arg(name));
            finishStep();
        });
    });
}

void CentreOperations::setActive(const QString &uuid, const QString &name, bool active) {
    enqueue([this, uuid, name, active] {
        const qint64 id = known(uuid).id;
        if (id == 0) {
            Q_EMIT failed(tr("The centre \"%1\" no longer exists.").arg(name));
            finishStep();
            return;
        }
        whenFinished(this, m_store.setCentreActive(id, active), [=, this](const StoreError &e) {
            // The store bumps the revision exactly once per change of the active flag.
            if (!e)
                ++m_known[uuid].revision;
            report(e, active ? tr("Centre \"%1\" reactivated.").arg(name)
                             : tr("Centre \"%1\" deactivated; its history is kept.").arg(name));
            finishStep();
        });
    });
}

} // namespace slotdesk
