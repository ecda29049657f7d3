package fr.gestan.cloud.hosting.api;

/** A server with its site, role, profile, capacity, current load (contracts not terminated) and state. */
public record ServerView(long id, String name, String dataCentreCode, String city, ServerRole role, String profile,
                         int capacity, long load, ServerState state) implements java.io.Serializable {

    public boolean hasRoom() {
        return load < capacity;
    }

    public int loadPercent() {
        return (int) Math.min(100, Math.round(100.0 * load / capacity));
    }
}
