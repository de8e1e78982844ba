#pragma once

#include "models/domain/Centre.h"

#include <QDialog>
#include <QJsonObject>

class QPushButton;
class QTableWidget;

namespace slotdesk {

// A centre whose publication conflicts: the local version and the service's side by side, and
// the user's choice between them. The dialog decides nothing itself; the page acts on choice().
class PublishConflictDialog : public QDialog {
    Q_OBJECT
public:
    enum class Choice { None, KeepLocal, TakeService };

    // `serviceVersion` is the service's wire JSON of the centre; empty when it is not known.
    PublishConflictDialog(const Centre &local, const QJsonObject &serviceVersion,
                          const QString &reason, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    QTableWidget *table() const { return m_table; }
    QPushButton *keepLocalButton() const { return m_keepLocal; }
    QPushButton *takeServiceButton() const { return m_takeService; }

private:
    void fill(const Centre &local, const QJsonObject &serviceVersion);

    QTableWidget *m_table;
    QPushButton *m_keepLocal;
    QPushButton *m_takeService;
    Choice m_choice = Choice::None;
};

} // namespace slotdesk
