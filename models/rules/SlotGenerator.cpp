#include "models/rules/SlotGenerator.h"

#include "models/rules/OpeningHoursRules.h"

#include <QPromise>
#include <QtConcurrent>

#include <algorithm>

namespace slotdesk {

namespace {

// The services one centre gets from the request, as indexes into `services`.
QList<qint32> servicesOf(const Centre &centre, const QStringList &requested,
                         QStringList *services) {
    QList<qint32> indexes;
    const QStringList &wanted = requested.isEmpty() ? centre.serviceCodes : requested;
    for (const QString &code : wanted) {
        if (!centre.serviceCodes.contains(code))
            continue;
        qsizetype index = services->indexOf(code);
        if (index < 0) {
            services->append(code);
            index = services->size() - 1;
        }
        indexes.append(qint32(index));
    }
    return indexes;
}

// Slots of the range if every week were like the first, with a little room: one allocation
// instead of a doubling vector that copies a year of slots several times.
std::size_t estimatedSlots(const SlotPlanRequest &request,
                           const QList<QList<qint32>> &centreServices, int days,
                           const QTimeZone &zone) {
    qint64 perWeek = 0;
    for (qsizetype c = 0; c < request.centres.size(); ++c) {
        const Centre &centre = request.centres.at(c).centre;
        if (centre.slotMinutes <= 0 || centreServices.at(c).isEmpty())
            continue;
        const QList<DayPlan> week =
            planWeek(request.centres.at(c).hours, request.first, centre.slotMinutes, 1, zone);
        for (const DayPlan &d : week)
            perWeek += qint64(d.slotsPerLane) * centreServices.at(c).size();
    }
    return std::size_t(perWeek * (days / 7 + 1) * 21 / 20);
}

} // namespace

SlotDayTotal SlotPlan::total(int day, int service) const {
    const std::size_t index =
        std::size_t(day) * std::size_t(services.size()) + std::size_t(service);
    return day >= 0 && service >= 0 && service < services.size() && index < dayTotals.size()
               ? dayTotals[index]
               : SlotDayTotal{};
}

SlotDayTotal SlotPlan::dayTotal(int day) const {
    SlotDayTotal sum;
    for (int s = 0; s < services.size(); ++s) {
        const SlotDayTotal t = total(day, s);
        sum.slots += t.slots;
        sum.places += t.places;
    }
    return sum;
}

SlotDayTotal SlotPlan::grandTotal() const {
    SlotDayTotal sum;
    for (const SlotDayTotal &t : dayTotals) {
        sum.slots += t.slots;
        sum.places += t.places;
    }
    return sum;
}

QString SlotGenerator::rangeProblem(QDate first, QDate last) {
    if (!first.isValid() || !last.isValid())
        return tr("Enter a first and a last day.");
    if (last < first)
        return tr("The last day (%1) is before the first day (%2).")
            .arg(last.toString(QStringLiteral("dd.MM.yyyy")),
                 first.toString(QStringLiteral("dd.MM.yyyy")));
    if (first.daysTo(last) + 1 > maxDays)
        return tr("A plan covers at most %1 days; split the range.").arg(maxDays);
    return {};
}

bool SlotGenerator::generate(const SlotPlanRequest &request, SlotPlan *plan,
                             const Progress &progress, const QTimeZone &zone) {
    *plan = SlotPlan{};
    plan->first = request.first;
    plan->last = request.last;
    if (!rangeProblem(request.first, request.last).isEmpty()) {
        plan->first = plan->last = QDate();
        return true;
    }

    QList<QList<qint32>> centreServices;
    for (const SlotPlanCentre &c : request.centres) {
        centreServices.append(servicesOf(c.centre, request.services, &plan->services));
        plan->centreIds.append(c.centre.id);
    }
    const int days = plan->dayCount();
    const qsizetype serviceCount = plan->services.size();
    plan->dayTotals.assign(std::size_t(days) * std::size_t(serviceCount), SlotDayTotal{});

    plan->slots.reserve(estimatedSlots(request, centreServices, days, zone));
    for (int day = 0; day < days; ++day) {
        const QDate date = request.first.addDays(day);
        for (qsizetype c = 0; c < request.centres.size(); ++c) {
            const QList<qint32> &services = centreServices.at(c);
            if (services.isEmpty())
                continue;
            const Centre &centre = request.centres.at(c).centre;
            const int minutes = centre.slotMinutes;
            const int capacity = std::max(centre.capacityPerSlot(), 0);
            if (minutes <= 0)
                continue;
            const DayPlan dayPlan =
                planDay(request.centres.at(c).hours, date, minutes, capacity, zone);
            if (dayPlan.slotsPerLane <= 0)
                continue;
            const qint64 step = qint64(minutes) * 60;
            for (qint32 service : services) {
                for (const OpenInterval &interval : dayPlan.intervals) {
                    const qint64 count = slotsInInterval(interval, minutes);
                    const qint64 start = interval.start.toSecsSinceEpoch();
                    for (qint64 i = 0; i < count; ++i)
                        plan->slots.push_back(
                            {centre.id, start + i * step, minutes, capacity, service});
                }
                SlotDayTotal &total = plan->dayTotals[std::size_t(day) * std::size_t(serviceCount) +
                                                      std::size_t(service)];
                total.slots += dayPlan.slotsPerLane;
                total.places += qint64(dayPlan.slotsPerLane) * capacity;
            }
        }
        if (progress && !progress(day + 1, days)) {
            *plan = SlotPlan{};
            return false;
        }
    }
    return true;
}

QFuture<std::shared_ptr<const SlotPlan>> SlotGenerator::run(SlotPlanRequest request) {
    return QtConcurrent::run(
        [request = std::move(request)](QPromise<std::shared_ptr<const SlotPlan>> &promise) {
            const bool valid = rangeProblem(request.first, request.last).isEmpty();
            promise.setProgressRange(0, valid ? int(request.first.daysTo(request.last)) + 1 : 1);
            auto plan = std::make_shared<SlotPlan>();
            const bool finished = generate(request, plan.get(), [&promise](int done, int) {
                promise.setProgressValue(done);
                return !promise.isCanceled();
            });
            if (finished)
                promise.addResult(std::shared_ptr<const SlotPlan>(std::move(plan)));
        });
}

} // namespace slotdesk
