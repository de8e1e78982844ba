#include "models/store/CentreRepository.h"
