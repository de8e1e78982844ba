#include "ui/release/ReleaseBookingsDialog.h"

#include "models/core/Clock.h"
#include "models/domain/ServiceCatalogue.h"
#include "net/ReleaseClient.h"
#include "ui/shell/FutureWatch.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace slotdesk {

namespace {

// Empty on success, else the file error (written on a pool thread).
QString writeFile(const QString &path, const QByteArray &bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return file.errorString();
    return {};
}

} // namespace

ReleaseBookingsDialog::ReleaseBookingsDialog(ReleaseClient &client, QString releaseUuid,
                                             QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_uuid(std::move(releaseUuid))
    , m_table(new QTableWidget(0, 6, this))
    , m_export(new QPushButton(tr("&Export as CSV…"), this))
    , m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("releaseBookingsDialog"));
    setWindowTitle(tr("Booked appointments of the release"));
    setAccessibleName(windowTitle());
    m_table->setObjectName(QStringLiteral("releaseBookings"));
    m_table->setAccessibleName(tr("Booked appointments"));
    m_table->setHorizontalHeaderLabels(
        {tr("Code"), tr("Name"), tr("Phone"), tr("E-mail"), tr("Service"), tr("Appointment")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setVisible(false);
    m_export->setObjectName(QStringLiteral("exportBookingsCsv"));
    m_export->setAccessibleName(tr("Export as CSV"));
    m_message->setObjectName(QStringLiteral("releaseBookingsMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &ReleaseBookingsDialog::chooseFile);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    const int line = fontMetrics().height();
    resize(line * 60, line * 24);
}

QString ReleaseBookingsDialog::message() const {
    return m_message->text();
}

void ReleaseBookingsDialog::showMessage(const QString &text) {
    m_message->setText(text);
}

void ReleaseBookingsDialog::reload() {
    showMessage(tr("Reading the bookings…"));
    whenFinished(this, m_client.bookings(m_uuid), [this](const ServiceReply &reply) {
        if (!reply.ok()) {
            showMessage(ReleaseClient::message(reply.error, reply.object()));
            return;
        }
        const QJsonArray items = reply.object().value(QStringLiteral("items")).toArray();
        m_table->setRowCount(int(items.size()));
        for (int row = 0; row < items.size(); ++row) {
            const QJsonObject b = items.at(row).toObject();
            const auto text = [&b](const char *name) {
                return b.value(QLatin1String(name)).toString();
            };
            const QDateTime start =
                QDateTime::fromString(text("starts_at"), Qt::ISODate).toTimeZone(berlinTimeZone());
            const QStringList cells{text("code"),
                                    text("family_name") + QStringLiteral(", ") + text("given_name"),
                                    text("phone"),
                                    text("email"),
                                    serviceDisplayName(text("service")),
                                    start.toString(QStringLiteral("dd.MM.yyyy HH:mm"))};
            for (int column = 0; column < cells.size(); ++column)
                m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
        showMessage(items.isEmpty()
                        ? tr("No appointments are booked in this release.")
                        : tr("%1 booked appointments: contact these people.").arg(items.size()));
        Q_EMIT loaded(int(items.size()));
    });
}

void ReleaseBookingsDialog::chooseFile() {
    auto *dialog =
        new QFileDialog(this, tr("Export bookings as CSV"), QString(), tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("exportBookingsFile"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(QStringLiteral("freigabe-%1-buchungen.csv").arg(m_uuid.left(8)));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &ReleaseBookingsDialog::exportCsv);
    dialog->open();
}

void ReleaseBookingsDialog::exportCsv(const QString &path) {
    m_export->setEnabled(false);
    showMessage(tr("Exporting…"));
    whenFinished(this, m_client.bookingsCsv(m_uuid), [this, path](const ServiceReply &reply) {
        if (!reply.ok()) {
            m_export->setEnabled(true);
            const QString text = ReleaseClient::message(reply.error, reply.object());
            showMessage(text);
            Q_EMIT exported(false, text);
            return;
        }
        whenFinished(this, QtConcurrent::run(writeFile, path, reply.body),
                     [this, path](const QString &error) {
                         m_export->setEnabled(true);
                         const QString text =
                             error.isEmpty()
                                 ? tr("The bookings are saved in %1.").arg(path)
                                 : tr("The file %1 could not be written: %2").arg(path, error);
                         showMessage(text);
                         Q_EMIT exported(error.isEmpty(), text);
                     });
    });
}

} // namespace slotdesk
