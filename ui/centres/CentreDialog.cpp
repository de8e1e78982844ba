#include "ui/centres/CentreDialog.h"

#include "models/domain/ServiceCatalogue.h"
#include "ui/centres/CentreOperations.h"
#include "ui/shell/Tones.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace slotdesk {

namespace {

constexpr int kServiceRows = 7;

void showAsError(QLabel *label) {
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, tones::inkOnWindow(tones::errorAccent(), palette));
    label->setPalette(palette);
}

bool isVaccination(const QString &code) {
    const ServiceType *service = findService(code);
    return service && service->kind == ServiceKind::Vaccination;
}

QLineEdit *lineEdit(const QString &objectName, const QString &text, QWidget *parent) {
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(objectName);
    return edit;
}

QSpinBox *spinBox(const QString &objectName, int maximum, int value, QWidget *parent) {
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    // 0 is allowed in the widget so that the rule's message explains why it is not accepted.
    spin->setRange(0, maximum);
    spin->setValue(value);
    spin->setAccelerated(true);
    return spin;
}

QFormLayout *formIn(QGroupBox *group) {
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->setVerticalSpacing(8);
    return form;
}

} // namespace

CentreDialog::CentreDialog(CentreOperations &operations, const Centre &centre,
                           QStringList otherNames, QWidget *parent)
    : QDialog(parent)
    , m_operations(operations)
    , m_original(centre)
    , m_otherNames(std::move(otherNames))
    , m_name(lineEdit(QStringLiteral("name"), centre.name, this))
    , m_kind(new QComboBox(this))
    , m_street(lineEdit(QStringLiteral("street"), centre.street, this))
    , m_postcode(lineEdit(QStringLiteral("postcode"), centre.postcode, this))
    , m_city(lineEdit(QStringLiteral("city"), centre.city, this))
    , m_services(new QListWidget(this))
    , m_lanes(spinBox(QStringLiteral("lanes"), CentreLimits::maxLanes, centre.lanes, this))
    , m_capacity(spinBox(QStringLiteral("capacityPerLane"), CentreLimits::maxCapacityPerLane,
                         centre.capacityPerLane, this))
    , m_slotMinutes(spinBox(QStringLiteral("slotMinutes"), CentreLimits::maxSlotMinutes,
                            centre.slotMinutes, this))
    , m_phone(lineEdit(QStringLiteral("phone"), centre.phone, this))
    , m_formError(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("centreDialog"));
    setWindowTitle(centre.id == 0 ? tr("Add centre") : tr("Edit centre \"%1\"").arg(centre.name));

    m_name->setPlaceholderText(tr("e.g. Testzentrum Mitte"));
    m_street->setPlaceholderText(tr("Street and house number"));
    m_postcode->setPlaceholderText(tr("5 digits"));
    m_postcode->setMaxLength(10);
    m_phone->setPlaceholderText(tr("e.g. 030 1234567"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(tr("Test centre"), centreKindToString(CentreKind::TestCentre));
    m_kind->addItem(tr("Vaccination centre"), centreKindToString(CentreKind::VaccinationCentre));
    m_kind->setCurrentIndex(centre.kind == CentreKind::VaccinationCentre ? 1 : 0);
    m_capacity->setToolTip(tr("How many persons one lane serves in one slot."));
    m_slotMinutes->setSingleStep(CentreLimits::slotMinutesStep);
    m_slotMinutes->setSuffix(tr(" min"));
    m_formError->setObjectName(QStringLiteral("formError"));
    showAsError(m_formError);
    m_formError->setWordWrap(true);
    m_formError->hide();
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(centre.id == 0 ? tr("Add") : tr("Save"));

    auto *general = new QGroupBox(tr("Centre"), this);
    QFormLayout *generalForm = formIn(general);
    addFieldRow(generalForm, tr("&Name:"), m_name, QStringLiteral("name"));
    generalForm->addRow(tr("&Kind:"), m_kind);
    addFieldRow(generalForm, tr("&Phone:"), m_phone, QStringLiteral("phone"));

    auto *address = new QGroupBox(tr("Address"), this);
    QFormLayout *addressForm = formIn(address);
    addFieldRow(addressForm, tr("&Street:"), m_street, QStringLiteral("street"));
    addFieldRow(addressForm, tr("P&ostcode:"), m_postcode, QStringLiteral("postcode"));
    addFieldRow(addressForm, tr("C&ity:"), m_city, QStringLiteral("city"));

    auto *capacity = new QGroupBox(tr("Capacity"), this);
    QFormLayout *capacityForm = formIn(capacity);
    addFieldRow(capacityForm, tr("&Lanes:"), m_lanes, QStringLiteral("lanes"));
    addFieldRow(capacityForm, tr("Pe&rsons per lane and slot:"), m_capacity,
                QStringLiteral("capacityPerLane"));
    addFieldRow(capacityForm, tr("&Default slot length:"), m_slotMinutes,
                QStringLiteral("slotMinutes"));

    auto *left = new QVBoxLayout;
    left->addWidget(general);
    left->addWidget(address);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(buildServices());
    right->addWidget(capacity);
    right->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->setSpacing(12);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_formError);
    layout->addLayout(columns);
    layout->addWidget(m_buttons);

    setTabOrder(m_name, m_kind);
    setTabOrder(m_kind, m_phone);
    setTabOrder(m_phone, m_street);
    setTabOrder(m_street, m_postcode);
    setTabOrder(m_postcode, m_city);
    setTabOrder(m_city, m_services);
    setTabOrder(m_services, m_lanes);
    setTabOrder(m_lanes, m_capacity);
    setTabOrder(m_capacity, m_slotMinutes);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &CentreDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CentreDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &CentreDialog::updateServiceVisibility);
    updateServiceVisibility();
    setMinimumWidth(760);
    m_name->setFocus();
}

QWidget *CentreDialog::withError(QWidget *field, const QString &name) {
    auto *label = new QLabel(this);
    label->setObjectName(name % QStringLiteral("Error"));
    showAsError(label);
    label->setWordWrap(true);
    label->setBuddy(field);
    label->hide();
    m_errorLabels.insert(name, label);
    m_errorFields.insert(name, field);

    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(label);
    return box;
}

// The label's mnemonic focuses the field itself, not the box that holds field and message.
void CentreDialog::addFieldRow(QFormLayout *form, const QString &label, QWidget *field,
                               const QString &name) {
    auto *text = new QLabel(label, this);
    text->setBuddy(field);
    form->addRow(text, withError(field, name));
}

QWidget *CentreDialog::buildServices() {
    auto *group = new QGroupBox(tr("Services offered"), this);
    m_services->setObjectName(QStringLiteral("services"));
    m_services->setAccessibleName(tr("Services offered"));
    for (const ServiceType &service : serviceCatalogue()) {
        auto *item = new QListWidgetItem(serviceDisplayName(service.code), m_services);
        item->setData(Qt::UserRole, service.code);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(m_original.serviceCodes.contains(service.code) ? Qt::Checked
                                                                           : Qt::Unchecked);
    }
    m_services->setCurrentRow(0);
    const int rowHeight = m_services->sizeHintForRow(0);
    m_services->setMinimumHeight(rowHeight * kServiceRows / 2 + 2 * m_services->frameWidth());
    m_services->setMaximumHeight(rowHeight * kServiceRows + 2 * m_services->frameWidth() + 4);

    auto *hint = new QLabel(tr("The list shows the services that suit the kind of centre."), group);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(withError(m_services, QStringLiteral("services")));
    layout->addWidget(hint);
    return group;
}

// A test centre offers tests and a vaccination centre vaccines; hiding the others keeps their
// check marks, so switching the kind back loses nothing the user entered.
void CentreDialog::updateServiceVisibility() {
    const bool vaccination =
        m_kind->currentData().toString() == centreKindToString(CentreKind::VaccinationCentre);
    for (int row = 0; row < m_services->count(); ++row) {
        QListWidgetItem *item = m_services->item(row);
        item->setHidden(isVaccination(item->data(Qt::UserRole).toString()) != vaccination);
    }
    for (int row = 0; row < m_services->count(); ++row) {
        if (!m_services->item(row)->isHidden()) {
            m_services->setCurrentRow(row);
            break;
        }
    }
}

Centre CentreDialog::enteredCentre() const {
    Centre c = m_original;
    c.name = m_name->text().trimmed();
    centreKindFromString(m_kind->currentData().toString(), &c.kind);
    c.street = m_street->text().trimmed();
    c.postcode = m_postcode->text().trimmed();
    c.city = m_city->text().trimmed();
    c.serviceCodes.clear();
    for (int row = 0; row < m_services->count(); ++row) {
        const QListWidgetItem *item = m_services->item(row);
        if (!item->isHidden() && item->checkState() == Qt::Checked)
            c.serviceCodes.append(item->data(Qt::UserRole).toString());
    }
    std::sort(c.serviceCodes.begin(), c.serviceCodes.end());
    c.lanes = m_lanes->value();
    c.capacityPerLane = m_capacity->value();
    c.slotMinutes = m_slotMinutes->value();
    c.phone = m_phone->text().trimmed();
    return c;
}

void CentreDialog::clearErrors() {
    for (QLabel *label : std::as_const(m_errorLabels)) {
        label->clear();
        label->hide();
    }
    for (QWidget *field : std::as_const(m_errorFields))
        field->setAccessibleDescription({});
    m_formError->clear();
    m_formError->hide();
}

void CentreDialog::setFieldErrors(const FieldErrors &errors, const QString &summary) {
    clearErrors();
    QStringList unplaced;
    QWidget *firstField = nullptr;
    for (const FieldError &error : errors) {
        QLabel *label = m_errorLabels.value(error.field);
        if (!label) {
            unplaced.append(error.message);
            continue;
        }
        label->setText(label->text().isEmpty() ? error.message
                                               : label->text() % u'\n' % error.message);
        label->show();
        // A screen reader reads the message with the field, not only where the label sits.
        m_errorFields.value(error.field)->setAccessibleDescription(label->text());
        if (!firstField)
            firstField = findChild<QWidget *>(error.field);
    }
    const QString text = QStringList{summary, unplaced.join(u' ')}.join(u' ').trimmed();
    m_formError->setText(text);
    m_formError->setVisible(!text.isEmpty());
    if (firstField)
        firstField->setFocus();
    growToFit();
}

// Messages wrap under their fields; the dialog grows so that none is cut off.
void CentreDialog::growToFit() {
    layout()->activate();
    const int needed = hasHeightForWidth() ? heightForWidth(width()) : sizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void CentreDialog::setSaving(bool saving) {
    m_saving = saving;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!saving);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!saving);
    if (saving)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void CentreDialog::accept() {
    if (m_saving)
        return;
    const Centre centre = enteredCentre();
    if (const FieldErrors errors = validateCentre(centre, m_otherNames); !errors.isEmpty()) {
        setFieldErrors(errors, tr("The centre was not saved. Please correct the marked fields."));
        return;
    }
    clearErrors();
    setSaving(true);
    m_operations.save(centre, this, [this](const Stored<Centre> &result) { onSaved(result); });
}

void CentreDialog::reject() {
    // The save is already queued; closing now would hide whether it was stored.
    if (!m_saving)
        QDialog::reject();
}

void CentreDialog::onSaved(const Stored<Centre> &result) {
    setSaving(false);
    if (result.error) {
        setFieldErrors(result.error.fields, result.error.message);
        return;
    }
    m_saved = result.value;
    QDialog::accept();
}

} // namespace slotdesk
