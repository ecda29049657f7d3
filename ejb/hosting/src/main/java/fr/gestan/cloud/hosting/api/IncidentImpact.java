package fr.gestan.cloud.hosting.api;

/** How bad an incident is (Statuspage's impacts), and the status it gives the servers it affects. */
public enum IncidentImpact {
    NONE(ServerState.OPERATIONAL), MINOR(ServerState.DEGRADED_PERFORMANCE), MAJOR(ServerState.PARTIAL_OUTAGE),
    CRITICAL(ServerState.MAJOR_OUTAGE);

    private final ServerState serverState;

    IncidentImpact(ServerState serverState) {
        this.serverState = serverState;
    }

    public ServerState serverState() {
        return serverState;
    }
}
