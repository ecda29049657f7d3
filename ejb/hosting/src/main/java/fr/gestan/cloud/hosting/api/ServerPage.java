package fr.gestan.cloud.hosting.api;

import java.io.Serializable;
import java.util.List;

/**
 * One page of the servers by name ({@code rows}, with their loads), how many servers there are ({@code total}) and the
 * degraded ones ({@code alerts}, on any page): what the back office's inventory shows of the servers, read in one
 * statement ({@link HostingInventory#serverPage}).
 */
public record ServerPage(long total, List<ServerView> rows, List<ServerView> alerts) implements Serializable {

    public ServerPage {
        rows = List.copyOf(rows);
        alerts = List.copyOf(alerts);
    }
}
