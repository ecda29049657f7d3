package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.OperatorView;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import fr.gestan.cloud.common.Paris;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A hosting operator (Scaleway SAS...), with the ownership facts the compliance rules check. */
@Entity
@jakarta.persistence.EntityListeners(fr.gestan.cloud.common.persistence.ReferenceWrites.Listener.class) // the reference data of compliance evaluations (SharedReferenceCache)
@Table(name = "hosting_operator")
@NamedQuery(name = HostingOperator.ALL, query = "select o from HostingOperator o left join fetch o.ownerships order by o.legalName")
@NamedQuery(name = HostingOperator.BY_NAME, query = "select o from HostingOperator o where lower(o.legalName) = lower(:name)")
public class HostingOperator extends GeneratedId {

    static final String ALL = "HostingOperator.all", BY_NAME = "HostingOperator.byName";

    private String legalName;
    private String legalForm;
    private String headOfficeCountry;
    private String parentGroup;
    private String parentGroupCountry;
    private BigDecimal largestNonEuShare;
    private BigDecimal totalNonEuShare;
    /** Ownership changes, newest first: the one in effect overrides the columns above (as entered). */
    @OneToMany(mappedBy = "operator")
    @OrderBy("effectiveOn DESC, id DESC")
    private List<OperatorOwnership> ownerships = new ArrayList<>();

    protected HostingOperator() {
    }

    public HostingOperator(String legalName, String legalForm, String headOfficeCountry, String parentGroup,
                           String parentGroupCountry, BigDecimal largestNonEuShare, BigDecimal totalNonEuShare) {
        this.legalName = Checks.required(legalName, "legal name");
        this.legalForm = Checks.required(legalForm, "legal form");
        this.headOfficeCountry = Checks.country(headOfficeCountry);
        this.parentGroup = parentGroup == null || parentGroup.isBlank() ? null : parentGroup.strip();
        this.parentGroupCountry = parentGroupCountry == null || parentGroupCountry.isBlank() ? null : Checks.country(parentGroupCountry);
        if (largestNonEuShare == null || totalNonEuShare == null || largestNonEuShare.signum() < 0
                || largestNonEuShare.compareTo(totalNonEuShare) > 0 || totalNonEuShare.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("shares must satisfy 0 <= largest <= total <= 100");
        }
        this.largestNonEuShare = largestNonEuShare;
        this.totalNonEuShare = totalNonEuShare;
    }

    String legalName() {
        return legalName;
    }

    String legalForm() {
        return legalForm;
    }

    String headOfficeCountry() {
        return headOfficeCountry;
    }

    /** Records a change of control from a day; the owner in effect is read from it from then on. */
    OperatorOwnership changeOwner(String owner, String ownerCountry, BigDecimal largest, BigDecimal total, LocalDate from,
                                  String reason, java.time.Instant now, String by) {
        OperatorOwnership change = new OperatorOwnership(this, owner, ownerCountry, largest, total, from, reason, now, by);
        ownerships.add(0, change);
        ownerships.sort(java.util.Comparator.comparing(OperatorOwnership::effectiveOn).reversed());
        return change;
    }

    /** The owner in effect that day: the latest change effective by then, if any. */
    java.util.Optional<OperatorOwnership> ownerOn(LocalDate day) {
        return ownerships.stream().filter(o -> o.effectiveBy(day)).findFirst();
    }

    /** With the owner in effect today (Paris): what R4, /trust and the agreement read. */
    OperatorView toView() {
        var now = ownerOn(LocalDate.now(Paris.ZONE));
        var history = ownerships.stream().map(OperatorOwnership::toView).toList();
        if (now.isEmpty()) {
            return new OperatorView(id(), legalName, legalForm, headOfficeCountry, parentGroup, parentGroupCountry,
                    largestNonEuShare, totalNonEuShare, null, history);
        }
        OperatorOwnership o = now.get();
        return new OperatorView(id(), legalName, legalForm, headOfficeCountry, o.owner(), o.ownerCountry(), o.largestNonEuShare(),
                o.totalNonEuShare(), o.effectiveOn(), history);
    }
}
