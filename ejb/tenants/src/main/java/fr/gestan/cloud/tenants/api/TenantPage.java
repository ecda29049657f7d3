package fr.gestan.cloud.tenants.api;

import java.util.List;

/** One page of tenants and the number of tenants matching the filter. */
public record TenantPage(List<TenantView> rows, long total) {
}
