#include "service/ServiceInfo.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QTextStream(stdout) << slotdesk::serviceProductName() << Qt::endl;
    return 0;
}
