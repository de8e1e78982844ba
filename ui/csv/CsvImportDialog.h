#pragma once

#include <QDialog>
#include <QFuture>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace slotdesk {

class ConsoleStore;
struct CsvTable;
struct RowError;

enum class CsvKind { Centres, OpeningHours };

// Shows a preview of a CSV file with per-row errors (a dry run of the import), then applies
// it all-or-nothing with a cancellable progress dialog.
//
// Child object names for tests and keyboard users: "chooseFileButton", "previewTable",
// "errorList", "summaryLabel", "importButton"; during an import "importProgress"; the file
// dialog of chooseFile() is "importFileDialog".
class CsvImportDialog : public QDialog {
    Q_OBJECT
public:
    CsvImportDialog(ConsoleStore &store, CsvKind kind, QWidget *parent = nullptr);
    // Reads the file asynchronously and shows the preview.
    void loadFile(const QString &path);
    // Asks for a file (non-blocking) and loads it.
    void chooseFile();
    // Runs the real import; only possible after a dry run without errors.
    void startImport();
    bool canImport() const { return m_canImport; }

Q_SIGNALS:
    // The preview is complete; ok when the file can be imported as it is.
    void previewReady(bool ok);
    // The import ended: applied (ok), refused, failed or cancelled (nothing written).
    void importFinished(bool ok);

private:
    struct LoadedFile;
    void showLoaded(const LoadedFile &file, quint64 generation);
    void showPreviewTable(const CsvTable &table);
    void showRowErrors(const QList<RowError> &errors);
    enum class Tone { Info, Success, Problem };
    void showSummary(const QString &text, Tone tone);
    void setCanImport(bool can);

    ConsoleStore &m_store;
    CsvKind m_kind;
    QByteArray m_data;
    QList<int> m_rowLines; // file line of each preview row
    quint64 m_generation = 0;
    bool m_canImport = false;
    bool m_importing = false;

    QLabel *m_fileLabel = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QListWidget *m_errors = nullptr;
    QLabel *m_errorsLabel = nullptr;
    QPushButton *m_importButton = nullptr;
};

// Asks for a file name and writes the export without blocking the UI thread.
void exportCsv(ConsoleStore &store, CsvKind kind, QWidget *parent);
// Writes the export to `path` off the UI thread (QSaveFile: an existing file is replaced only
// when the new one is complete). The result is an error text for staff, empty on success.
QFuture<QString> exportCsvToFile(ConsoleStore &store, CsvKind kind, const QString &path);

} // namespace slotdesk
