#include "ui/hours/HoursImpactDialog.h"

#include "models/core/Clock.h"
#include "models/csv/Csv.h"
#include "models/domain/ServiceCatalogue.h"
#include "ui/shell/FutureWatch.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace slotdesk {

namespace {

constexpr int kDialogColumns = 90;
constexpr int kVisibleRows = 12;

QJsonArray itemsOf(const QJsonObject &impact) {
    return impact.value(QStringLiteral("items")).toArray();
}

// The service writes Berlin local time with its offset; staff read it as German date and time.
QString timeText(const QJsonObject &item) {
    const QDateTime at =
        QDateTime::fromString(item.value(QStringLiteral("starts_at")).toString(), Qt::ISODate);
    if (!at.isValid())
        return item.value(QStringLiteral("starts_at")).toString();
    return at.toTimeZone(berlinTimeZone()).toString(QStringLiteral("dd.MM.yyyy HH:mm"));
}

QString nameText(const QJsonObject &item) {
    return HoursImpactDialog::tr("%1, %2").arg(item.value(QStringLiteral("family_name")).toString(),
                                               item.value(QStringLiteral("given_name")).toString());
}

QString text(const QJsonObject &item, const char *key) {
    return item.value(QLatin1String(key)).toString();
}

} // namespace

HoursImpactDialog::HoursImpactDialog(const QString &centreName, const QJsonObject &impact,
                                     QWidget *parent)
    : QDialog(parent)
    , m_impact(impact)
    , m_table(new QTableWidget(this))
    , m_change(new QPushButton(tr("Change &anyway"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_export(new QPushButton(tr("&Export CSV…"), this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("hoursImpactDialog"));
    setWindowTitle(tr("%n booking(s) affected: %1", nullptr, count()).arg(centreName));
    setMinimumWidth(kDialogColumns * fontMetrics().averageCharWidth());

    auto *explanation = new QLabel(
        tr("The new opening hours of \"%1\" leave %n booked appointment(s) outside. The "
           "appointments are kept and nobody is informed automatically: export the list and "
           "contact these people. Free places outside the new hours are withdrawn.",
           nullptr, count())
            .arg(centreName),
        this);
    explanation->setObjectName(QStringLiteral("impactExplanation"));
    explanation->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("impactTable"));
    m_table->setAccessibleName(tr("Affected bookings"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    fill();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() +
                              std::min(m_table->rowCount(), kVisibleRows) *
                                  m_table->verticalHeader()->defaultSectionSize() +
                              2 * m_table->frameWidth());

    m_status->setObjectName(QStringLiteral("impactExportStatus"));
    m_status->setWordWrap(true);

    m_change->setObjectName(QStringLiteral("changeAnyway"));
    m_change->setToolTip(tr("Publish the new opening hours; the listed appointments stay."));
    m_cancel->setObjectName(QStringLiteral("cancelChange"));
    m_cancel->setToolTip(tr("Change nothing on the service."));
    m_export->setObjectName(QStringLiteral("exportImpact"));
    m_export->setAccessibleName(tr("Export the affected bookings as CSV"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    buttons->addButton(m_change, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    m_cancel->setDefault(true);
    connect(m_change, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &HoursImpactDialog::chooseExportFile);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    adjustSize();
}

int HoursImpactDialog::count() const {
    return m_impact.value(QStringLiteral("count")).toInt(int(itemsOf(m_impact).size()));
}

void HoursImpactDialog::fill() {
    const QJsonArray items = itemsOf(m_impact);
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Code"), tr("Name"), tr("Service")});
    m_table->setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const QJsonObject item = items.at(row).toObject();
        m_table->setItem(row, 0, new QTableWidgetItem(timeText(item)));
        m_table->setItem(row, 1, new QTableWidgetItem(text(item, "code")));
        m_table->setItem(row, 2, new QTableWidgetItem(nameText(item)));
        m_table->setItem(row, 3, new QTableWidgetItem(serviceDisplayName(text(item, "service"))));
    }
}

QByteArray HoursImpactDialog::csv() const {
    QList<QStringList> rows;
    for (const QJsonValue &value : itemsOf(m_impact)) {
        const QJsonObject item = value.toObject();
        rows.append({timeText(item), text(item, "code"), protectFormula(text(item, "family_name")),
                     protectFormula(text(item, "given_name")), text(item, "birth_date"),
                     protectFormula(text(item, "phone")), protectFormula(text(item, "email")),
                     serviceDisplayName(text(item, "service"))});
    }
    return writeCsv({tr("Time"), tr("Code"), tr("Family name"), tr("Given name"),
                     tr("Date of birth"), tr("Phone"), tr("Email"), tr("Service")},
                    rows);
}

void HoursImpactDialog::chooseExportFile() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export affected bookings"), tr("affected-bookings.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void HoursImpactDialog::exportTo(const QString &path) {
    m_export->setEnabled(false);
    QFuture<QString> written = QtConcurrent::run([path, data = csv()] {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
            return file.errorString();
        return QString();
    });
    whenFinished(this, written, [this, path](const QString &error) {
        m_export->setEnabled(true);
        m_status->setText(error.isEmpty()
                              ? tr("Exported to %1.").arg(QDir::toNativeSeparators(path))
                              : tr("The list could not be written: %1").arg(error));
        Q_EMIT exported(path, error.isEmpty() ? QString() : m_status->text());
    });
}

} // namespace slotdesk
