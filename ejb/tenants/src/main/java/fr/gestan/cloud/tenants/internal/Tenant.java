package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.tenants.api.Contact;

import fr.gestan.cloud.tenants.api.CompanyNumbers;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import fr.gestan.cloud.tenants.api.PostalAddress;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantStateException;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A client company hosted by the offer. Its state changes only through {@link #suspend}, {@link #reactivate} and
 * {@link #terminate}; a terminated tenant is read-only until it is purged after its retention period.
 */
@Entity
@jakarta.persistence.EntityListeners({CallerLinkListener.class, TenantCountCache.Listener.class}) // a caller's company is read from it (CallerLinks), the names other modules keep (TenantWrites); the count (TenantCountCache)
@Table(name = "tenant")
@NamedQuery(name = Tenant.ORDERED_BY_NAME, query = "select t from Tenant t order by t.legalName, t.id")
@NamedQuery(name = Tenant.COUNT, query = "select count(t) from Tenant t")
@NamedQuery(name = Tenant.BY_SIREN, query = "select t from Tenant t where t.siren = :siren")
@NamedQuery(name = Tenant.BY_SIRENS, query = "select t from Tenant t where t.siren in :sirens")
@NamedQuery(name = Tenant.TO_PURGE, query = "select t from Tenant t where t.state = fr.gestan.cloud.tenants.api.TenantState.TERMINATED"
        + " and t.purgeAfter < :today order by t.id")
public class Tenant extends GeneratedId {

    static final String ORDERED_BY_NAME = "Tenant.orderedByName", COUNT = "Tenant.count", BY_SIREN = "Tenant.bySiren",
            BY_SIRENS = "Tenant.bySirens", TO_PURGE = "Tenant.toPurge";

    private String legalName;

    /**
     * {@code lower(legal_name)}, computed by the database (a generated column, V11): what the staff search matches a
     * text with letters against, without lowering each name at each search. Never written by Hibernate.
     */
    @Column(name = "legal_name_lower", insertable = false, updatable = false)
    private String legalNameLower;

    private String siren;

    private String siret;

    private String vatNumber;

    private String addressLine1;
    private String addressLine2;
    private String postalCode;
    private String city;
    private String countryCode;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "name", column = @Column(name = "admin_contact_name")),
            @AttributeOverride(name = "email", column = @Column(name = "admin_contact_email")),
            @AttributeOverride(name = "phone", column = @Column(name = "admin_contact_phone"))})
    private ContactColumns administrative;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "name", column = @Column(name = "billing_contact_name")),
            @AttributeOverride(name = "email", column = @Column(name = "billing_contact_email")),
            @AttributeOverride(name = "phone", column = @Column(name = "billing_contact_phone"))})
    private ContactColumns billing;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "name", column = @Column(name = "tech_contact_name")),
            @AttributeOverride(name = "email", column = @Column(name = "tech_contact_email")),
            @AttributeOverride(name = "phone", column = @Column(name = "tech_contact_phone"))})
    private ContactColumns technical;

    /** Receives the notices of staff access to the tenant's data (docs/notifications.md); optional. */
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "name", column = @Column(name = "security_contact_name")),
            @AttributeOverride(name = "email", column = @Column(name = "security_contact_email")),
            @AttributeOverride(name = "phone", column = @Column(name = "security_contact_phone"))})
    private ContactColumns security;

    private boolean hostsAccounting;
    @Column(name = "hosts_einvoices")
    private boolean hostsEInvoices;
    private boolean hostsPersonalEmployees;
    private boolean hostsPersonalCustomers;

    @Enumerated(EnumType.STRING)
    private TenantState state;

    private Instant createdAt;

    private Instant stateChangedAt;

    private String stateReason;

    private LocalDate purgeAfter;

    @Version
    private long version;

    protected Tenant() {
        // for JPA
    }

    /** A tenant known by its name and SIREN only (the rest is filled in later). */
    public Tenant(String legalName, String siren, Instant createdAt) {
        if (legalName == null || legalName.isBlank()) {
            throw new IllegalArgumentException("legal name is required");
        }
        if (!CompanyNumbers.isValidSiren(siren)) {
            throw new IllegalArgumentException("invalid SIREN: " + siren);
        }
        this.legalName = legalName.strip();
        this.siren = siren;
        this.state = TenantState.ACTIVE;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** A tenant with its full record (validated by the service's Bean Validation; the identifiers are re-checked). */
    public Tenant(TenantDetails details, Instant createdAt) {
        this(details.legalName(), details.siren(), createdAt);
        apply(details);
    }

    /** Replaces the record's editable fields. The SIREN is fixed; a terminated tenant is read-only. */
    public void edit(TenantDetails details) throws TenantStateException {
        if (state == TenantState.TERMINATED) {
            throw new TenantStateException(state, "edit");
        }
        if (!siren.equals(details.siren())) {
            throw new IllegalArgumentException("the SIREN of a tenant cannot change");
        }
        this.legalName = details.legalName().strip();
        apply(details);
    }

    private void apply(TenantDetails d) {
        if (d.siret() != null && !(CompanyNumbers.isValidSiret(d.siret()) && d.siret().startsWith(siren))) {
            throw new IllegalArgumentException("invalid SIRET for SIREN " + siren);
        }
        if (d.vatNumber() != null && !CompanyNumbers.isValidVat(d.vatNumber())) {
            throw new IllegalArgumentException("invalid VAT number");
        }
        this.siret = d.siret();
        this.vatNumber = d.vatNumber();
        PostalAddress a = Objects.requireNonNull(d.address(), "address");
        this.addressLine1 = a.line1().strip();
        this.addressLine2 = a.line2() == null || a.line2().isBlank() ? null : a.line2().strip();
        this.postalCode = a.postalCode().strip();
        this.city = a.city().strip();
        this.countryCode = a.countryCode();
        this.administrative = ContactColumns.of(Objects.requireNonNull(d.administrative(), "administrative contact"));
        this.billing = ContactColumns.of(d.billing());
        this.technical = ContactColumns.of(d.technical());
        Set<HostedDataKind> kinds = d.dataKinds() == null ? Set.of() : d.dataKinds();
        this.hostsAccounting = kinds.contains(HostedDataKind.ACCOUNTING_DOCUMENTS);
        this.hostsEInvoices = kinds.contains(HostedDataKind.E_INVOICES);
        this.hostsPersonalEmployees = kinds.contains(HostedDataKind.PERSONAL_DATA_EMPLOYEES);
        this.hostsPersonalCustomers = kinds.contains(HostedDataKind.PERSONAL_DATA_CUSTOMERS);
    }

    public void suspend(String reason, Instant at) throws TenantStateException {
        if (state != TenantState.ACTIVE) {
            throw new TenantStateException(state, "suspend");
        }
        changeState(TenantState.SUSPENDED, reason, at);
    }

    public void reactivate(String reason, Instant at) throws TenantStateException {
        if (state != TenantState.SUSPENDED) {
            throw new TenantStateException(state, "reactivate");
        }
        changeState(TenantState.ACTIVE, reason, at);
    }

    /** Terminates the hosting; the data are kept until {@code purgeAfter}, then purged. */
    public void terminate(String reason, Instant at, LocalDate purgeAfter) throws TenantStateException {
        if (state == TenantState.TERMINATED) {
            throw new TenantStateException(state, "terminate");
        }
        changeState(TenantState.TERMINATED, reason, at);
        this.purgeAfter = Objects.requireNonNull(purgeAfter);
    }

    public boolean isDueForPurge(LocalDate today) {
        return state == TenantState.TERMINATED && purgeAfter != null && purgeAfter.isBefore(today);
    }

    private void changeState(TenantState next, String reason, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        this.state = next;
        this.stateReason = reason.strip();
        this.stateChangedAt = Objects.requireNonNull(at);
    }

    public TenantView toView() {
        return new TenantView(id(), legalName, siren, state);
    }

    public TenantDetails details() {
        EnumSet<HostedDataKind> kinds = EnumSet.noneOf(HostedDataKind.class);
        if (hostsAccounting) {
            kinds.add(HostedDataKind.ACCOUNTING_DOCUMENTS);
        }
        if (hostsEInvoices) {
            kinds.add(HostedDataKind.E_INVOICES);
        }
        if (hostsPersonalEmployees) {
            kinds.add(HostedDataKind.PERSONAL_DATA_EMPLOYEES);
        }
        if (hostsPersonalCustomers) {
            kinds.add(HostedDataKind.PERSONAL_DATA_CUSTOMERS);
        }
        PostalAddress address = addressLine1 == null ? null
                : new PostalAddress(addressLine1, addressLine2, postalCode, city, countryCode);
        return new TenantDetails(legalName, siren, siret, vatNumber, address,
                administrative == null ? null : administrative.toContact(),
                billing == null ? null : billing.toContact(),
                technical == null ? null : technical.toContact(), kinds);
    }

    public TenantRecord toRecord() {
        return new TenantRecord(id(), version, details(), state, createdAt, stateChangedAt, stateReason, purgeAfter);
    }

    public long version() {
        return version;
    }

    /** The security contact, else the administrative one (who is told of staff access to the tenant's data). */
    Contact securityContact() {
        Contact own = security == null ? null : security.toContact();
        return own != null ? own : administrative == null ? null : administrative.toContact();
    }

    /** The security contact set for the tenant, or null (no fallback). */
    Contact ownSecurityContact() {
        return security == null ? null : security.toContact();
    }

    void setSecurityContact(Contact contact) {
        this.security = contact == null || contact.isEmpty() ? null : ContactColumns.of(contact);
    }

    public String siren() {
        return siren;
    }

    public String legalName() {
        return legalName;
    }

    public TenantState state() {
        return state;
    }
}
