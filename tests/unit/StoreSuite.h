#pragma once

#include "models/core/Clock.h"
#include "models/domain/ServiceCatalogue.h"
#include "models/store/CentreRepository.h"
#include "models/store/Database.h"
#include "models/store/OpeningHoursRepository.h"
#include "models/store/SqliteStatement.h"
#include "tests/support/StoreSupport.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <functional>
#include <memory>
#include <unistd.h>

namespace slotdesk::test {

using namespace Qt::StringLiterals;

inline QStringList fieldNames(const StoreError &error) {
    QStringList names;
    for (const FieldError &f : error.fields)
        names.append(f.field);
    return names;
}

inline QString kindName(StoreError::Kind kind) {
    switch (kind) {
    case StoreError::Kind::None:
        return u"None"_s;
    case StoreError::Kind::Validation:
        return u"Validation"_s;
    case StoreError::Kind::Conflict:
        return u"Conflict"_s;
    case StoreError::Kind::NotFound:
        return u"NotFound"_s;
    case StoreError::Kind::Io:
        return u"Io"_s;
    case StoreError::Kind::Corrupt:
        return u"Corrupt"_s;
    }
    return {};
}

inline QString serviceKindColumn(ServiceKind kind) {
    switch (kind) {
    case ServiceKind::RapidAntigenTest:
        return u"rapid_antigen"_s;
    case ServiceKind::PcrTest:
        return u"pcr"_s;
    case ServiceKind::Vaccination:
        return u"vaccine"_s;
    }
    return {};
}

inline QString pragmaValue(const QSqlDatabase &db, const QString &pragma) {
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA "_s % pragma) || !q.next())
        return {};
    return q.value(0).toString();
}

// The rows the store owns, to show that a refused change left everything as it was.
inline QStringList storedData(const QSqlDatabase &db) {
    QStringList rows;
    for (const QString &table : {u"centres"_s, u"centre_services"_s, u"lanes"_s, u"opening_rules"_s,
                                 u"closures"_s, u"special_days"_s})
        rows += test::tableRows(db, table);
    return rows;
}

// The store suites' common ground: a fresh migrated database file per test, with the
// repositories on it and a fixed clock.
class StoreSuite : public QObject {
protected:
    void open();
    void close();
    Centre stored(const QString &name, CentreKind kind = CentreKind::TestCentre);
    void insertSlot(qint64 centreId);

    std::unique_ptr<test::TempDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CentreRepository> m_centres;
    std::unique_ptr<OpeningHoursRepository> m_hours;
    int m_connection = 0;
};

inline void StoreSuite::open() {
    m_dir = std::make_unique<test::TempDir>();
    m_clock = std::make_unique<FixedClock>(test::storeTestNow());
    m_db = std::make_unique<Database>(u"store-test-%1"_s.arg(++m_connection));
    const StoreError error = m_db->open(m_dir->file(u"slotdesk.db"_s));
    QVERIFY2(error.ok(), qPrintable(error.message));
    m_centres = std::make_unique<CentreRepository>(*m_db, *m_clock);
    m_hours = std::make_unique<OpeningHoursRepository>(*m_db, *m_clock);
}

inline void StoreSuite::close() {
    m_hours.reset();
    m_centres.reset();
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

inline Centre StoreSuite::stored(const QString &name, CentreKind kind) {
    Centre c = test::sampleCentre(name, kind);
    const StoreError error = m_centres->save(c);
    if (error)
        qWarning("cannot store %s: %s", qPrintable(name), qPrintable(error.message));
    return c;
}

inline void StoreSuite::insertSlot(qint64 centreId) {
    QSqlQuery q(m_db->handle());
    q.prepare(u"INSERT INTO slots (centre_id, service_code, starts_at, minutes, capacity) "
              "VALUES (?, 'pcr', ?, 15, 6)"_s);
    q.addBindValue(centreId);
    q.addBindValue(test::storeTestNow().addDays(7).toSecsSinceEpoch());
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
}

} // namespace slotdesk::test

using CentreChange = std::function<void(slotdesk::Centre &)>;
Q_DECLARE_METATYPE(CentreChange)
