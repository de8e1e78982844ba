#include "models/store/ConsoleStore.h"
