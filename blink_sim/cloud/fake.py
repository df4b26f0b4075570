"""FakeBlinkCloud: the account state with its handlers behind one `handle(request)`."""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from blink_sim.cloud import views
from blink_sim.cloud.common import Json
from blink_sim.cloud.devices import DeviceHandlers
from blink_sim.cloud.faults import fault_response
from blink_sim.cloud.http import SimRequest, SimResponse, not_found
from blink_sim.cloud.oauth import OAuthHandlers
from blink_sim.cloud.rest import RestHandlers
from blink_sim.cloud.routes import build_routes, find_route
from blink_sim.cloud.scenarios import load_scenario, scenario_names
from blink_sim.cloud.state import CloudState


class FakeBlinkCloud(CloudState):
    """A stateful fake of the Blink cloud answering blinkpy 0.25.9."""

    def __init__(self, scenario: Mapping[str, Any]) -> None:
        """Build the account from a scenario mapping and wire up its endpoints."""
        super().__init__(scenario)
        self.oauth = OAuthHandlers(self)
        self._routes = build_routes(
            self.oauth, RestHandlers(self), DeviceHandlers(self)
        )

    @classmethod
    def from_scenario(cls, name_or_path: str | Path) -> FakeBlinkCloud:
        """Load a scenario by name (a bundled file or a generated one) or by path."""
        return cls(load_scenario(name_or_path))

    @staticmethod
    def scenario_names() -> list[str]:
        """List the bundled scenarios."""
        return scenario_names()

    def homescreen(self) -> Json:
        """Return what the homescreen answers now (before any homescreen_mutator)."""
        return views.homescreen(self)

    def _issue_tokens(self) -> Json:
        """Issue a new token pair (the name tests use for a finished sign-in's tokens)."""
        return self.issue_tokens()

    async def handle(self, request: SimRequest) -> SimResponse:
        """Answer one request the way the Blink cloud would."""
        found = find_route(self._routes, request.method.upper(), request.target.path)
        if found is None:
            self.count("unknown")
            return not_found()
        route, match = found
        name = route.endpoint(request, match)
        self.count(name)
        self.advance_batteries()
        if name == "homescreen":
            self.generation += 1
        failed = await fault_response(self, request, name, match)
        if failed is not None:
            return failed
        return await route.handler(request, match)
