#include "ui/shell/ConsoleApplication.h"

int main(int argc, char *argv[]) {
    return slotdesk::runConsole(argc, argv);
}
