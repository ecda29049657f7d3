package fr.gestan.cloud.common.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The keys of one purpose as loaded from its {@link KeyRing}: the initial key (the purpose's single-file setting, from
 * before rings) first, then the ring's keys oldest first, each under its id. The active key is the one the ring's
 * {@code active} file names, else the initial key. Every purpose (journal checkpoints, journal MACs, certificate
 * signing, hosted-account secrets) loads and reloads its keys this way; what a key is stays the purpose's own.
 *
 * @param <M> what the purpose holds of a key (its id, the key, its file)
 */
public final class RingMembers<M> {

    private final Map<String, M> members;
    private final String activeId;
    private final String initialId;

    /**
     * {@code members} under their ids, in order; {@code what} names the purpose's keys in the error when the active one
     * is not among them.
     */
    public RingMembers(String what, Map<String, M> members, String activeId, String initialId) {
        if (!members.containsKey(activeId)) {
            throw new IllegalStateException("the active " + what + " " + activeId + " is not in the ring");
        }
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        this.activeId = activeId;
        this.initialId = initialId;
    }

    /**
     * The initial key at {@code initial} (generated when neither it nor any ring key exists, as before rings) and every
     * key of {@code ring}.
     *
     * @param loadOrCreate reads the initial key from its file, generating the file first when there is none
     * @param read reads the ring's key of an id from its file
     * @param idOf the id of a key read
     */
    public static <M> RingMembers<M> load(String what, Path initial, KeyRing ring, Function<Path, M> loadOrCreate,
            BiFunction<String, Path, M> read, Function<M, String> idOf) {
        Map<String, M> members = new LinkedHashMap<>();
        List<String> ringIds = ring.ids();
        String initialId = null;
        if (Files.exists(initial) || ringIds.isEmpty()) {
            M key = loadOrCreate.apply(initial);
            initialId = idOf.apply(key);
            members.put(initialId, key);
        }
        for (String id : ringIds) {
            members.put(id, read.apply(id, ring.file(id)));
        }
        String active = ring.activeId().orElse(initialId);
        if (active == null) {
            throw new IllegalStateException("the " + what + " ring " + ring.folder() + " has no active key and no initial key " + initial);
        }
        return new RingMembers<>(what, members, active, initialId);
    }

    /** Whether {@code ring}'s active key is another one now (a rotation here or on another node): time to load again. */
    public boolean outdated(KeyRing ring) {
        return !activeId.equals(ring.activeId().orElse(initialId));
    }

    public String activeId() {
        return activeId;
    }

    /** The initial key's id; null when its file does not exist. */
    public String initialId() {
        return initialId;
    }

    public M active() {
        return members.get(activeId);
    }

    /** The key {@code id}; null when there is no such key. */
    public M member(String id) {
        return members.get(id);
    }

    /** Every key, the initial one first, then the ring's oldest first. */
    public List<M> members() {
        return List.copyOf(members.values());
    }
}
