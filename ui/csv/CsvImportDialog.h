#pragma once

#include <QDialog>

namespace slotdesk {

class ConsoleStore;

enum class CsvKind { Centres, OpeningHours };

// Shows a preview of a CSV file with per-row errors (a dry run of the import), then applies
// it all-or-nothing with a cancellable progress dialog.
class CsvImportDialog : public QDialog {
    Q_OBJECT
public:
    CsvImportDialog(ConsoleStore &store, CsvKind kind, QWidget *parent = nullptr);
    // Reads the file asynchronously and shows the preview.
    void loadFile(const QString &path);
};

// Asks for a file name and writes the export without blocking the UI thread.
void exportCsv(ConsoleStore &store, CsvKind kind, QWidget *parent);

} // namespace slotdesk
