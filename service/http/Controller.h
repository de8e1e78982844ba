#pragma once

namespace slotdesk {

class Router;

// A group of routes for one resource area (citizen booking, staff auth, publishing, stream...).
// SlotdeskService constructs the controllers with their dependencies and calls registerRoutes()
// once before listening. Handlers run synchronously on the server thread.
class Controller {
public:
    virtual ~Controller() = default;
    virtual void registerRoutes(Router &router) = 0;
};

} // namespace slotdesk
