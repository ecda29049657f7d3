package fr.gestan.cloud.hosting.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A hosting operator with what the compliance rules read: head office, parent group and the capital held by
 * non-EU entities (largest single holder, all together), in percent. The owner fields are those in effect today:
 * the latest recorded ownership change effective by today ({@code ownerSince} its day), else the operator as entered
 * ({@code ownerSince} null). {@code ownerships}: every recorded change, newest first, future ones included.
 */
public record OperatorView(long id, String legalName, String legalForm, String headOfficeCountry, String parentGroup,
                           String parentGroupCountry, BigDecimal largestNonEuShare, BigDecimal totalNonEuShare,
                           LocalDate ownerSince, List<OwnershipView> ownerships) implements java.io.Serializable {

    /** An operator with no recorded ownership change. */
    public OperatorView(long id, String legalName, String legalForm, String headOfficeCountry, String parentGroup,
                        String parentGroupCountry, BigDecimal largestNonEuShare, BigDecimal totalNonEuShare) {
        this(id, legalName, legalForm, headOfficeCountry, parentGroup, parentGroupCountry, largestNonEuShare, totalNonEuShare,
                null, List.of());
    }
}
