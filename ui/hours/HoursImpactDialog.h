#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QPushButton;
class QTableWidget;

namespace slotdesk {

// The booked appointments that new opening hours of a published centre would leave outside,
// as the service listed them (hours-impact): time, code, name and service, the count in the
// title, a CSV export for calling the people, and the question whether to change anyway.
// The dialog decides nothing itself; the page acts on the result (Accepted: change anyway).
class HoursImpactDialog : public QDialog {
    Q_OBJECT
public:
    HoursImpactDialog(const QString &centreName, const QJsonObject &impact,
                      QWidget *parent = nullptr);

    int count() const;
    // The list as CSV for German spreadsheets (UTF-8 with BOM, ';'), names protected against
    // formula injection.
    QByteArray csv() const;

    QTableWidget *table() const { return m_table; }
    QPushButton *changeButton() const { return m_change; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *exportButton() const { return m_export; }

Q_SIGNALS:
    // After an export: the file written, or the error (translated) when it failed.
    void exported(const QString &path, const QString &error);

public Q_SLOTS:
    // Writes csv() to `path` off the UI thread.
    void exportTo(const QString &path);

private:
    void fill();
    void chooseExportFile();

    QJsonObject m_impact;
    QTableWidget *m_table;
    QPushButton *m_change;
    QPushButton *m_cancel;
    QPushButton *m_export;
    QLabel *m_status;
};

} // namespace slotdesk
