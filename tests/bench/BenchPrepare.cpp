#include "tests/bench/BenchPrepare.h"

#include "models/booking/BookingCode.h"
#include "models/core/Clock.h"
#include "service/ServiceDatabase.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QVariant>

#include <algorithm>
#include <random>
#include <vector>

namespace slotdesk::bench {

namespace {

bool exec(QSqlQuery &query, const char *what) {
    if (query.exec())
        return true;
    QTextStream(stderr) << what << ": " << query.lastError().text() << Qt::endl;
    return false;
}

} // namespace

bool prepare(const PrepareOptions &options) {
    QSqlDatabase db;
    if (StoreError e =
            openServiceDatabase(options.database, false, QStringLiteral("prepare"), &db)) {
        QTextStream(stderr) << "open: " << e.message << Qt::endl;
        return false;
    }
    bool ok = true;
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        db.transaction();
        QSqlQuery centre(db);
        centre.prepare(QStringLiteral(
            "INSERT INTO centres (id, uuid, name, name_key, street, postcode, city, kind, "
            "slot_minutes, created_at, updated_at) VALUES (1, 'bench-centre', 'Bench Centre', "
            "'bench centre', 'Benchstrasse 1', '10115', 'Berlin', 'test', 15, ?, ?)"));
        centre.addBindValue(now);
        centre.addBindValue(now);
        ok = exec(centre, "centre");
        // Centre 2 holds only the preloaded history: the load client books centre 1 alone, so
        // a large database never hands it full slots.
        QSqlQuery history(db);
        history.prepare(QStringLiteral(
            "INSERT INTO centres (id, uuid, name, name_key, street, postcode, city, kind, "
            "slot_minutes, created_at, updated_at) VALUES (2, 'bench-history', 'Bench History', "
            "'bench history', 'Benchstrasse 2', '10115', 'Berlin', 'test', 15, ?, ?)"));
        history.addBindValue(now);
        history.addBindValue(now);
        ok = ok && exec(history, "history centre");
        QSqlQuery services(db);
        services.prepare(QStringLiteral("INSERT INTO centre_services VALUES (1, 'pcr'), (1, "
                                        "'rapid_antigen'), (2, 'pcr')"));
        ok = ok && exec(services, "services");

        QSqlQuery slot(db);
        slot.prepare(QStringLiteral("INSERT INTO slots (centre_id, service_code, starts_at, "
                                    "minutes, capacity, booked) VALUES (1, ?, ?, 15, ?, ?)"));
        const QDate tomorrow =
            QDateTime::currentDateTimeUtc().toTimeZone(berlinTimeZone()).date().addDays(1);
        for (int d = 0; ok && d < options.days; ++d) {
            const QDateTime first(tomorrow.addDays(d), QTime(8, 0), berlinTimeZone());
            for (int s = 0; ok && s < options.slotsPerDay; ++s) {
                slot.bindValue(0, QStringLiteral("pcr"));
                slot.bindValue(1, first.addSecs(qint64(s) * 900).toSecsSinceEpoch());
                slot.bindValue(2, options.capacity);
                slot.bindValue(3, 0);
                ok = exec(slot, "slot");
            }
        }
        slot.bindValue(0, QStringLiteral("rapid_antigen"));
        slot.bindValue(1, QDateTime(tomorrow, QTime(12, 0), berlinTimeZone()).toSecsSinceEpoch());
        slot.bindValue(2, options.raceCapacity);
        slot.bindValue(3, 0);
        ok = ok && exec(slot, "race slot");
        ok = db.commit() && ok;
    }

    if (ok && options.preload > 0) {
        // Past slots of centre 2 (not loaded into the engine's memory, never booked by the
        // load client), 100 bookings each.
        QElapsedTimer timer;
        timer.start();
        {
            // A big page cache keeps the random-keyed person index in memory while loading.
            // Fixture loading only: no journal, no syncs (the service later runs with WAL).
            QSqlQuery cache(db);
            cache.exec(QStringLiteral("PRAGMA cache_size = -2000000"));
            cache.exec(QStringLiteral("PRAGMA journal_mode = OFF"));
            cache.exec(QStringLiteral("PRAGMA synchronous = OFF"));
        }
        // Codes are random, but inserted in sorted order so the code index grows at its end.
        std::mt19937_64 random(20210101);
        std::vector<quint64> codes(size_t(options.preload));
        for (quint64 &c : codes)
            c = random() & BookingCode::DataMask;
        std::sort(codes.begin(), codes.end());
        const qint64 perSlot = 100;
        const qint64 firstStart = QDateTime::currentSecsSinceEpoch() - 400 * 86400;
        QSqlQuery slot(db);
        slot.prepare(QStringLiteral("INSERT INTO slots (centre_id, service_code, starts_at, "
                                    "minutes, capacity, booked) VALUES (2, 'pcr', ?, 15, ?, ?)"));
        QSqlQuery booking(db);
        booking.prepare(QStringLiteral(
            "INSERT INTO bookings (code, slot_id, service_code, person_key, family_name, "
            "given_name, birth_date, email, state, created_at, updated_at) VALUES (?, ?, 'pcr', "
            "?, 'Preload', ?, '1970-01-01', ?, 'confirmed', ?, ?)"));
        qint64 slotId = 0;
        for (qint64 i = 0; ok && i < options.preload; ++i) {
            if (i % 100000 == 0)
                db.transaction();
            if (i % perSlot == 0) {
                const qint64 n = std::min(perSlot, options.preload - i);
                slot.bindValue(0, firstStart + (i / perSlot) * 60);
                slot.bindValue(1, n);
                slot.bindValue(2, n);
                ok = exec(slot, "preload slot");
                slotId = slot.lastInsertId().toLongLong();
            }
            const QString person = QString::number(i);
            booking.bindValue(0, BookingCode::fromBits(codes[size_t(i)]));
            booking.bindValue(1, slotId);
            booking.bindValue(
                2, QString::fromLatin1(
                       QCryptographicHash::hash(person.toLatin1(), QCryptographicHash::Sha256)
                           .toHex()));
            booking.bindValue(3, person);
            booking.bindValue(4, QString(u"p" % person % u"@example.org"));
            booking.bindValue(5, firstStart);
            booking.bindValue(6, firstStart);
            ok = exec(booking, "preload booking");
            if (i % 100000 == 99999 || i + 1 == options.preload) {
                ok = db.commit() && ok;
                if ((i + 1) % 1000000 == 0)
                    QTextStream(stderr) << "  preloaded " << (i + 1) << " bookings in "
                                        << timer.elapsed() / 1000 << " s" << Qt::endl;
            }
        }
    }
    if (ok && options.preload > 0) {
        // Preloaded person keys are stand-ins: the service must not spend its start re-keying
        // them (PersonKeyRekey).
        QSqlQuery rekeyed(db);
        rekeyed.prepare(QStringLiteral("INSERT INTO person_key_rekeys (scheme, bookings, merged, "
                                       "done_at) VALUES ('blake2b-pepper-v1', ?, 0, ?)"));
        rekeyed.addBindValue(options.preload);
        rekeyed.addBindValue(QDateTime::currentSecsSinceEpoch());
        ok = exec(rekeyed, "record re-keying");
    }
    {
        QSqlQuery checkpoint(db);
        checkpoint.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("prepare"));
    return ok;
}

} // namespace slotdesk::bench
