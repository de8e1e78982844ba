#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace slotdesk {

class ReleaseClient;

// The appointments still booked in a release (after a withdrawal, for staff to contact the
// people), read from the service, with an export as CSV for spreadsheets. The file is written
// off the UI thread; an existing file is replaced only once the new one is complete.
class ReleaseBookingsDialog : public QDialog {
    Q_OBJECT
public:
    ReleaseBookingsDialog(ReleaseClient &client, QString releaseUuid, QWidget *parent = nullptr);

    void reload();
    // Asks the service for the CSV and writes it to `path` (the export button asks for the
    // path first).
    void exportCsv(const QString &path);

    QTableWidget *table() const { return m_table; }
    QString message() const;

Q_SIGNALS:
    void loaded(int rows);
    void exported(bool ok, const QString &message);

private:
    void chooseFile();
    void showMessage(const QString &text);

    ReleaseClient &m_client;
    QString m_uuid;
    QTableWidget *m_table;
    QPushButton *m_export;
    QLabel *m_message;
};

} // namespace slotdesk
