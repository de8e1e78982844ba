#pragma once

#include "models/domain/Centre.h"
#include "models/rules/Validation.h"
#include "models/store/StoreError.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace slotdesk {

class CentreOperations;

// Adds (centre.id == 0) or edits one centre. OK validates with validateCentre() and then saves
// through the operations queue; the dialog closes only once the store has the centre. Every
// problem, whether found here or by the store, is shown in red under its field, and the input
// stays as the user typed it.
class CentreDialog : public QDialog {
    Q_OBJECT
public:
    // `otherNames` are the names of the other centres, for the duplicate check before saving.
    CentreDialog(CentreOperations &operations, const Centre &centre, QStringList otherNames,
                 QWidget *parent = nullptr);

    Centre enteredCentre() const; // the form's values on top of the original
    Centre originalCentre() const { return m_original; }
    Centre savedCentre() const { return m_saved; } // what the store returned, after accepted()
    bool isSaving() const { return m_saving; }

    void accept() override;
    void reject() override;

private:
    QWidget *withError(QWidget *field, const QString &name);
    void addFieldRow(QFormLayout *form, const QString &label, QWidget *field, const QString &name);
    QWidget *buildServices();
    void setFieldErrors(const FieldErrors &errors, const QString &summary);
    void clearErrors();
    void growToFit();
    void setSaving(bool saving);
    void updateServiceVisibility();
    void onSaved(const Stored<Centre> &result);

    CentreOperations &m_operations;
    Centre m_original;
    Centre m_saved;
    QStringList m_otherNames;
    bool m_saving = false;

    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_street;
    QLineEdit *m_postcode;
    QLineEdit *m_city;
    QListWidget *m_services;
    QSpinBox *m_lanes;
    QSpinBox *m_capacity;
    QSpinBox *m_slotMinutes;
    QLineEdit *m_phone;
    QLabel *m_formError;
    QDialogButtonBox *m_buttons;
    QHash<QString, QLabel *> m_errorLabels;  // by Validation field name
    QHash<QString, QWidget *> m_errorFields; // the field each error label belongs to
};

} // namespace slotdesk
