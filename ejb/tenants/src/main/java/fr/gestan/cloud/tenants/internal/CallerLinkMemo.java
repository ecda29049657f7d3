package fr.gestan.cloud.tenants.internal;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The request's memo of callers' companies (see {@link CallerLinks}): username to link (empty: none), with the
 * generation it was read at; read again once the generation moved.
 */
@RequestScoped
public class CallerLinkMemo {

    private record Entry(long generation, Optional<CallerLinks.Link> link) {
    }

    private final Map<String, Entry> links = new HashMap<>();

    public Optional<CallerLinks.Link> get(String username, Function<String, Optional<CallerLinks.Link>> read) {
        long generation = CallerLinks.generation();
        Entry e = links.get(username);
        if (e != null && e.generation() == generation) {
            return e.link();
        }
        Optional<CallerLinks.Link> link = read.apply(username);
        links.put(username, new Entry(generation, link));
        return link;
    }
}
