#pragma once

#include <QMainWindow>

namespace slotdesk {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace slotdesk
