#include "models/itemmodels/CentreTableModel.h"
