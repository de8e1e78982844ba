#pragma once

#include "models/domain/OpeningHours.h"

#include <QAbstractTableModel>
#include <QHash>

namespace slotdesk {

// Rows of one list of the opening hours (weekly rules, closures, special days) as an editable
// table. Row i is element i of the list, so validation errors ("weekly[i]") map to rows. Rows
// with an error are highlighted and carry the message as tool tip until the row is edited.
class HoursTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const final;
    int columnCount(const QModelIndex &parent = {}) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const final;
    QVariant data(const QModelIndex &index, int role) const final;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    void setRowErrors(const QHash<int, QString> &errors);
    QHash<int, QString> rowErrors() const { return m_rowErrors; }

protected:
    virtual int itemCount() const = 0;
    virtual void eraseItems(int row, int count) = 0;
    virtual QVariant cellData(int row, int column, int role) const = 0;
    virtual QStringList headers() const = 0;
    virtual QString headerToolTip(int) const { return {}; }
    // Called by setData implementations after a cell changed.
    void cellEdited(const QModelIndex &index);

private:
    QHash<int, QString> m_rowErrors;
};

// The typed list behind a HoursTableModel.
template <typename Row> class ListTableModel : public HoursTableModel {
public:
    using HoursTableModel::HoursTableModel;

    QList<Row> rows() const { return m_rows; }
    void setRows(const QList<Row> &rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        setRowErrors({});
    }
    int appendRow(const Row &row) {
        const int at = static_cast<int>(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(row);
        endInsertRows();
        return at;
    }

protected:
    int itemCount() const override { return static_cast<int>(m_rows.size()); }
    void eraseItems(int row, int count) override { m_rows.remove(row, count); }

    QList<Row> m_rows;
};

class WeeklyRulesModel final : public ListTableModel<WeeklyInterval> {
    Q_OBJECT
public:
    enum Column { WeekdayColumn, FromColumn, ToColumn, KindColumn };
    using ListTableModel::ListTableModel;

    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    static QStringList weekdayNames();
    static QStringList kindNames();

protected:
    QVariant cellData(int row, int column, int role) const override;
    QStringList headers() const override;
    QString headerToolTip(int section) const override;
};

class ClosuresModel final : public ListTableModel<Closure> {
    Q_OBJECT
public:
    enum Column { FirstColumn, LastColumn, ReasonColumn };
    using ListTableModel::ListTableModel;

    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

protected:
    QVariant cellData(int row, int column, int role) const override;
    QStringList headers() const override;
    QString headerToolTip(int section) const override;
};

// A special day as edited: the intervals stay text until they parse, so a typo is shown as an
// error on its row instead of being dropped.
struct SpecialDayRow {
    QDate date;
    QString label;
    QString hoursText;
    friend bool operator==(const SpecialDayRow &, const SpecialDayRow &) = default;
};

class SpecialDaysModel final : public ListTableModel<SpecialDayRow> {
    Q_OBJECT
public:
    enum Column { DateColumn, LabelColumn, HoursColumn };
    using ListTableModel::ListTableModel;

    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

    void setSpecialDays(const QList<SpecialDay> &days);
    // Rows whose hours do not parse get no intervals and are listed in `unparsable`.
    QList<SpecialDay> specialDays(QList<int> *unparsable = nullptr) const;

protected:
    QVariant cellData(int row, int column, int role) const override;
    QStringList headers() const override;
    QString headerToolTip(int section) const override;
};

// The editor's state of all three lists, exactly as shown (special-day hours as typed), for
// undoing edits that were not saved yet.
struct HoursDraft {
    QList<WeeklyInterval> weekly;
    QList<Closure> closures;
    QList<SpecialDayRow> specialDays;
    friend bool operator==(const HoursDraft &, const HoursDraft &) = default;
};

} // namespace slotdesk
