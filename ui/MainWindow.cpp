#include "ui/MainWindow.h"

namespace slotdesk {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent) {
    setWindowTitle(tr("Slotdesk"));
}

} // namespace slotdesk
