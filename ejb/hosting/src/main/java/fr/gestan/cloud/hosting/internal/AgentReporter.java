package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A reporter that is not a server's own agent: a sub-processor (the monitoring contractor, the operator) that
 * reports what it sees from outside the servers, with its own token and the kinds of event it may report.
 */
@Entity
@Table(name = "agent_reporter")
@NamedQuery(name = AgentReporter.BY_TOKEN, query = "select r from AgentReporter r where r.tokenHash = :hash")
public class AgentReporter extends GeneratedId {

    static final String BY_TOKEN = "AgentReporter.byToken";

    private String name;
    private String country;
    private String kinds;
    private String tokenHash;

    protected AgentReporter() {
        // for JPA
    }

    AgentReporter(String name, String country, Set<AgentRules.Kind> kinds) {
        this.name = Objects.requireNonNull(name).strip();
        this.country = Objects.requireNonNull(country);
        this.kinds = kinds.stream().map(AgentRules.Kind::code).sorted().collect(Collectors.joining(","));
    }

    String name() {
        return name;
    }

    Set<AgentRules.Kind> kinds() {
        return Arrays.stream(kinds.split(",")).map(AgentRules.Kind::of).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** Stores only the SHA-256 of a newly issued token. */
    void useToken(String token) {
        this.tokenHash = HostingServer.sha256(token);
    }
}
