#include "ui/csv/CsvImportDialog.h"

#include "models/store/ConsoleStore.h"

namespace slotdesk {

CsvImportDialog::CsvImportDialog(ConsoleStore &store, CsvKind kind, QWidget *parent)
    : QDialog(parent) {
    Q_UNUSED(store);
    Q_UNUSED(kind);
}

void CsvImportDialog::loadFile(const QString &path) {
    Q_UNUSED(path);
}

void exportCsv(ConsoleStore &store, CsvKind kind, QWidget *parent) {
    Q_UNUSED(store);
    Q_UNUSED(kind);
    Q_UNUSED(parent);
}

} // namespace slotdesk
