#include "ui/centres/PublishConflictDialog.h"

#include "models/domain/ServiceCatalogue.h"
#include "net/WireFormat.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace slotdesk {

namespace {

constexpr int kDialogColumns = 110;

struct Row {
    QString label;
    QString local;
    QString service;
};

QString kindText(CentreKind kind) {
    return kind == CentreKind::TestCentre ? PublishConflictDialog::tr("Test centre")
                                          : PublishConflictDialog::tr("Vaccination centre");
}

QString servicesText(const Centre &centre) {
    QStringList names;
    for (const QString &code : centre.serviceCodes)
        names.append(serviceDisplayName(code));
    return names.join(QStringLiteral(", "));
}

QList<Row> rowsOf(const Centre &local, const std::optional<Centre> &service) {
    const auto pick = [&service](auto field) { return service ? field(*service) : QString(); };
    return {
        {PublishConflictDialog::tr("Name"), local.name,
         pick([](const Centre &c) { return c.name; })},
        {PublishConflictDialog::tr("Street"), local.street,
         pick([](const Centre &c) { return c.street; })},
        {PublishConflictDialog::tr("Postcode"), local.postcode,
         pick([](const Centre &c) { return c.postcode; })},
        {PublishConflictDialog::tr("City"), local.city,
         pick([](const Centre &c) { return c.city; })},
        {PublishConflictDialog::tr("Kind"), kindText(local.kind),
         pick([](const Centre &c) { return kindText(c.kind); })},
        {PublishConflictDialog::tr("Services"), servicesText(local),
         pick([](const Centre &c) { return servicesText(c); })},
        {PublishConflictDialog::tr("Lanes"), QString::number(local.lanes),
         pick([](const Centre &c) { return QString::number(c.lanes); })},
        {PublishConflictDialog::tr("Slot length"), QString::number(local.slotMinutes),
         pick([](const Centre &c) { return QString::number(c.slotMinutes); })},
        {PublishConflictDialog::tr("Phone"), local.phone,
         pick([](const Centre &c) { return c.phone; })},
    };
}

} // namespace

PublishConflictDialog::PublishConflictDialog(const Centre &local, const QJsonObject &serviceVersion,
                                             const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
    , m_keepLocal(new QPushButton(tr("&Keep local version"), this))
    , m_takeService(new QPushButton(tr("&Take service version"), this)) {
    setObjectName(QStringLiteral("publishConflictDialog"));
    setWindowTitle(tr("Publishing conflict: %1").arg(local.name));
    setMinimumWidth(kDialogColumns * fontMetrics().averageCharWidth());

    auto *explanation = new QLabel(
        tr("The service did not take the local version of \"%1\": %2\nChoose which version "
           "should apply.")
            .arg(local.name, reason),
        this);
    explanation->setObjectName(QStringLiteral("conflictReason"));
    explanation->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("conflictTable"));
    m_table->setAccessibleName(tr("Local and service version"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    fill(local, serviceVersion);

    m_keepLocal->setObjectName(QStringLiteral("keepLocal"));
    m_keepLocal->setToolTip(tr("Publish the local version again; it replaces the service's."));
    m_takeService->setObjectName(QStringLiteral("takeService"));
    m_takeService->setToolTip(tr("Write the service's version into the local centre."));
    m_takeService->setEnabled(!serviceVersion.isEmpty());
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_keepLocal, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_takeService, QDialogButtonBox::AcceptRole);
    QPushButton *later = buttons->addButton(QDialogButtonBox::Cancel);
    later->setText(tr("Decide &later"));
    later->setObjectName(QStringLiteral("decideLater"));
    connect(m_keepLocal, &QPushButton::clicked, this, [this] {
        m_choice = Choice::KeepLocal;
        accept();
    });
    connect(m_takeService, &QPushButton::clicked, this, [this] {
        m_choice = Choice::TakeService;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    // Every field at once, without scrolling, at any font size.
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() +
                              m_table->rowCount() *
                                  m_table->verticalHeader()->defaultSectionSize() +
                              2 * m_table->frameWidth());
    adjustSize();
}

void PublishConflictDialog::fill(const Centre &local, const QJsonObject &serviceVersion) {
    std::optional<Centre> service;
    Centre decoded;
    QString error;
    if (!serviceVersion.isEmpty() && wire::fromJson(serviceVersion, &decoded, &error))
        service = decoded;
    const QList<Row> rows = rowsOf(local, service);
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels(
        {tr("Field"), tr("Local"), service ? tr("Service") : tr("Service (not known)")});
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        m_table->setItem(i, 0, new QTableWidgetItem(row.label));
        m_table->setItem(i, 1, new QTableWidgetItem(row.local));
        m_table->setItem(i, 2, new QTableWidgetItem(row.service));
        if (service && row.local != row.service) {
            // Differences stand out by weight, not only by colour.
            for (int column = 1; column < 3; ++column) {
                QFont font = m_table->item(i, column)->font();
                font.setBold(true);
                m_table->item(i, column)->setFont(font);
            }
        }
    }
}

} // namespace slotdesk
