package fr.gestan.cloud.hosting.api;

import java.math.BigDecimal;

/**
 * A hosting operator with what the compliance rules read: head office, parent group and the capital held by
 * non-EU entities (largest single holder, all together), in percent.
 */
public record OperatorView(long id, String legalName, String legalForm, String headOfficeCountry, String parentGroup,
                           String parentGroupCountry, BigDecimal largestNonEuShare, BigDecimal totalNonEuShare) implements java.io.Serializable {
}
