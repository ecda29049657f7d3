package fr.gestan.cloud.tenants.api;

import java.util.List;

/**
 * What the staff's page of a tenant shows, read in one transaction: the record, its hosted accounts (by login) and the
 * usernames of its portal users (by name).
 */
public record TenantOverview(TenantRecord record, List<HostedAccountView> accounts, List<String> portalUsers) {

    public TenantOverview {
        accounts = List.copyOf(accounts);
        portalUsers = List.copyOf(portalUsers);
    }
}
