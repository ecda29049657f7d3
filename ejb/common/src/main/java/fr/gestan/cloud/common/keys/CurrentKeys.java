package fr.gestan.cloud.common.keys;

import java.util.function.Function;

/**
 * The keys a purpose uses now, loaded from its ring on first use and again whenever the ring's {@code active} file
 * names another key (a rotation on this node, or on another one sharing the keys folder).
 *
 * @param <T> what the purpose loads (its {@link RingMembers} and what it does with them)
 */
public final class CurrentKeys<T> {

    private final Function<T, RingMembers<?>> membersOf;
    private volatile T loaded;

    /** {@code membersOf}: the ring's keys in what the purpose loaded, to see whether they are outdated. */
    public CurrentKeys(Function<T, RingMembers<?>> membersOf) {
        this.membersOf = membersOf;
    }

    /** What {@code load} made of {@code ring}, loaded again first when it is missing or outdated. */
    public T get(KeyRing ring, Function<KeyRing, T> load) {
        T current = loaded;
        if (current == null || membersOf.apply(current).outdated(ring)) {
            synchronized (this) {
                loaded = current = load.apply(ring);
            }
        }
        return current;
    }

    /** Forgets what was loaded: the next {@link #get} reads the ring again (after a rotation, or to see a key another node added). */
    public void clear() {
        synchronized (this) {
            loaded = null;
        }
    }
}
