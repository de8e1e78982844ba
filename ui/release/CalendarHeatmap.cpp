#include "ui/release/CalendarHeatmap.h"

#include "models/itemmodels/SlotPlanModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace slotdesk {

namespace {

// Above this intensity a cell is dark enough for the highlighted-text colour.
constexpr double kDarkCell = 0.55;

QColor heatColour(const QPalette &palette, double intensity) {
    const QColor low = palette.color(QPalette::Base);
    const QColor high = palette.color(QPalette::Highlight);
    const double t = std::clamp(intensity, 0.0, 1.0);
    return QColor::fromRgbF(float(low.redF() + (high.redF() - low.redF()) * t),
                            float(low.greenF() + (high.greenF() - low.greenF()) * t),
                            float(low.blueF() + (high.blueF() - low.blueF()) * t));
}

// Paints a day's colour and its slot count; days outside the plan stay blank.
class HeatmapDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override {
        if (!index.data(SlotPlanModel::DateRole).toDate().isValid())
            return;
        const double intensity = index.data(SlotPlanModel::IntensityRole).toDouble();
        const QPalette &palette = option.palette;
        painter->save();
        painter->fillRect(option.rect.adjusted(1, 1, -1, -1), heatColour(palette, intensity));
        if (option.state & QStyle::State_HasFocus) {
            QPen pen(palette.color(QPalette::Text));
            pen.setWidth(2);
            painter->setPen(pen);
            painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
        }
        painter->setPen(
            palette.color(intensity > kDarkCell ? QPalette::HighlightedText : QPalette::Text));
        const qint64 slots = index.data(SlotPlanModel::SlotsRole).toLongLong();
        const QString text = slots > 0 ? QLocale().toString(slots) : QStringLiteral("–");
        painter->drawText(option.rect, Qt::AlignCenter,
                          option.fontMetrics.elidedText(text, Qt::ElideRight, option.rect.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override {
        const QFontMetrics metrics(option.font);
        return {metrics.horizontalAdvance(QStringLiteral("00000")) + 6, metrics.height() + 8};
    }
};

// The colour scale, from no places to the busiest day.
class LegendBar final : public QWidget {
public:
    using QWidget::QWidget;
    QSize sizeHint() const override {
        return {fontMetrics().horizontalAdvance(QStringLiteral("0")) * 24, fontMetrics().height()};
    }

protected:
    void paintEvent(QPaintEvent *) override {
        QPainter painter(this);
        QLinearGradient gradient(rect().topLeft(), rect().topRight());
        gradient.setColorAt(0, heatColour(palette(), 0));
        gradient.setColorAt(1, heatColour(palette(), 1));
        painter.fillRect(rect(), gradient);
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
};

} // namespace

CalendarHeatmap::CalendarHeatmap(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTableView(this))
    , m_legendBar(new LegendBar(this))
    , m_legendLow(new QLabel(this))
    , m_legendHigh(new QLabel(this)) {
    setObjectName(QStringLiteral("calendarHeatmap"));
    setAccessibleName(tr("Slot plan calendar"));
    m_view->setObjectName(QStringLiteral("heatmapView"));
    m_view->setAccessibleName(tr("Slots per day"));
    m_view->setItemDelegate(new HeatmapDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setShowGrid(false);
    m_view->setTabKeyNavigation(false);
    // The month fits the page's width; a narrow window elides counts (the cell's accessible
    // text and tooltip keep the full numbers).
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->horizontalHeader()->setMinimumSectionSize(
        m_view->fontMetrics().horizontalAdvance(QStringLiteral("000")) + 4);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setHighlightSections(false);

    m_legendBar->setObjectName(QStringLiteral("heatmapLegend"));
    m_legendBar->setAccessibleName(tr("Colour scale"));
    m_legendLow->setObjectName(QStringLiteral("heatmapLegendLow"));
    m_legendHigh->setObjectName(QStringLiteral("heatmapLegendHigh"));
    auto *legendTitle = new QLabel(tr("Places per day:"), this);
    legendTitle->setObjectName(QStringLiteral("heatmapLegendTitle"));
    legendTitle->setAccessibleName(legendTitle->text());
    auto *legend = new QHBoxLayout;
    legend->addWidget(legendTitle);
    legend->addWidget(m_legendLow);
    legend->addWidget(m_legendBar);
    legend->addWidget(m_legendHigh);
    legend->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(legend);
    updateLegend();
}

void CalendarHeatmap::setModel(SlotPlanModel *model) {
    m_model = model;
    m_view->setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, &CalendarHeatmap::updateLegend);
    connect(model, &QAbstractItemModel::dataChanged, this, &CalendarHeatmap::updateLegend);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString text = current.data(Qt::AccessibleTextRole).toString();
                if (!text.isEmpty())
                    Q_EMIT currentDayChanged(text);
            });
    updateLegend();
}

void CalendarHeatmap::updateLegend() {
    const qint64 busiest = m_model ? m_model->busiestPlaces() : 0;
    m_legendLow->setText(QLocale().toString(0));
    m_legendHigh->setText(QLocale().toString(busiest));
    const QString range = tr("from 0 to %1 places").arg(QLocale().toString(busiest));
    m_legendLow->setAccessibleName(range);
    m_legendHigh->setAccessibleName(range);
    m_legendBar->setAccessibleDescription(range);
}

} // namespace slotdesk
