package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.HostedAccountView;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A remote-desktop login on a tenant's server. Its secret is held only encrypted ({@link SecretCipher}); the
 * entity never sees the plaintext.
 */
@Entity
@Table(name = "hosted_account")
@jakarta.persistence.EntityListeners(PendingCountsCache.Listener.class) // the dashboard's reset count (PendingCountsCache)
@NamedQuery(name = HostedAccount.OF_TENANT, query = "select a from HostedAccount a join fetch a.tenant where a.tenant = :tenant order by a.login")
@NamedQuery(name = HostedAccount.OF_USER, query = "select a from HostedAccount a join fetch a.tenant where a.tenant in"
        + " (select p.tenant from PortalAccount p where p.username = :username) order by a.login")
@NamedQuery(name = HostedAccount.LOGIN_TAKEN, query = "select count(a) from HostedAccount a where a.login = :login")
@NamedQuery(name = HostedAccount.RESET_REQUESTED, query = "select a from HostedAccount a join fetch a.tenant where a.resetRequestedAt is not null order by a.resetRequestedAt")
@NamedQuery(name = HostedAccount.RESET_REQUESTED_COUNT, query = "select count(a) from HostedAccount a where a.resetRequestedAt is not null")
@NamedQuery(name = HostedAccount.NOT_UNDER_KEY, query = "select a from HostedAccount a where " + HostedAccount.SECRET_NOT_UNDER_KEY
        + " and a.id > :after order by a.id")
@NamedQuery(name = HostedAccount.COUNT_NOT_UNDER_KEY, query = "select count(a) from HostedAccount a where " + HostedAccount.SECRET_NOT_UNDER_KEY)
@NamedQuery(name = HostedAccount.COUNT_BY_KEY, query = "select a.secretKeyId, count(a) from HostedAccount a where " + HostedAccount.HAS_SECRET
        + " group by a.secretKeyId")
@NamedQuery(name = HostedAccount.OVERDUE, query = "select a from HostedAccount a join fetch a.tenant where a.mustChange = true"
        + " and a.secretExpiresOn < :today order by a.secretExpiresOn, a.id")
public class HostedAccount extends TenantRecord {

    static final String OF_TENANT = "HostedAccount.ofTenant", OF_USER = "HostedAccount.ofUser",
            LOGIN_TAKEN = "HostedAccount.loginTaken", RESET_REQUESTED = "HostedAccount.resetRequested",
            RESET_REQUESTED_COUNT = "HostedAccount.resetRequestedCount",
            OVERDUE = "HostedAccount.overdue",
            NOT_UNDER_KEY = "HostedAccount.notUnderKey", COUNT_NOT_UNDER_KEY = "HostedAccount.countNotUnderKey",
            COUNT_BY_KEY = "HostedAccount.countByKey";
    static final String HAS_SECRET = "a.secretCiphertext is not null";
    /** A secret to re-encrypt: one not under the given key (or written before key ids), for the re-key run's page and its count. */
    static final String SECRET_NOT_UNDER_KEY = HAS_SECRET + " and (a.secretKeyId is null or a.secretKeyId <> :keyId)";


    private String login;

    private String holderName;

    private byte[] secretCiphertext;

    /** The ring key that encrypted the secret; null for a secret written before key ids. */
    private String secretKeyId;

    private Instant secretIssuedAt;

    private LocalDate secretExpiresOn;

    private boolean mustChange;

    private Instant changedAt;

    private Instant resetRequestedAt;

    private Instant createdAt;

    @Version
    private long version;

    protected HostedAccount() {
        // for JPA
    }

    HostedAccount(Tenant tenant, String login, String holderName, Instant now) {
        super(tenant);
        if (login == null || !login.matches("[a-z0-9.]{3,20}")) {
            throw new IllegalArgumentException("invalid login: " + login);
        }
        this.login = login;
        this.holderName = Objects.requireNonNull(holderName).strip();
        this.createdAt = Objects.requireNonNull(now);
    }

    /** The login for a user of a tenant: initial + last name (ASCII, at most 10 characters), a dot, the SIREN. */
    static String loginFor(String holderName, String siren, int attempt) {
        String ascii = Normalizer.normalize(holderName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").strip();
        String[] words = ascii.split("\\s+");
        String base = words.length > 1 ? words[0].charAt(0) + words[words.length - 1] : words[0];
        if (base.isEmpty()) {
            base = "user";
        }
        String suffix = attempt <= 1 ? "" : Integer.toString(attempt);
        base = base.substring(0, Math.min(base.length(), 10 - suffix.length())) + suffix;
        return base + "." + siren;
    }

    /** A new secret was issued (creation or reset): it must be changed and expires on {@code expiresOn}. */
    void issue(byte[] ciphertext, Instant at, LocalDate expiresOn) {
        this.secretCiphertext = Objects.requireNonNull(ciphertext).clone();
        this.secretKeyId = SecretCipher.keyIdOf(ciphertext);
        this.secretIssuedAt = Objects.requireNonNull(at);
        this.secretExpiresOn = Objects.requireNonNull(expiresOn);
        this.mustChange = true;
        this.changedAt = null;
        this.resetRequestedAt = null;
    }

    /** The same secret, encrypted again under another key (rotation): nothing else of the account changes. */
    void reencrypted(byte[] ciphertext) {
        this.secretCiphertext = Objects.requireNonNull(ciphertext).clone();
        this.secretKeyId = SecretCipher.keyIdOf(ciphertext);
    }

    /** The client changed its secret: support no longer knows it, so the stored one is erased. */
    void markChanged(Instant at) {
        this.secretCiphertext = null;
        this.secretKeyId = null;
        this.mustChange = false;
        this.changedAt = Objects.requireNonNull(at);
    }

    void requestReset(Instant at) {
        if (resetRequestedAt == null) {
            this.resetRequestedAt = Objects.requireNonNull(at);
        }
    }

    byte[] secretCiphertext() {
        return secretCiphertext == null ? null : secretCiphertext.clone();
    }

    /** The associated data that binds a ciphertext to this account. */
    String cipherRef() {
        return "hosted-account:" + login;
    }


    String login() {
        return login;
    }


    /** A tenant's accounts by login, as views. */
    static List<HostedAccountView> viewsOf(EntityManager em, Tenant tenant) {
        return em.createNamedQuery(OF_TENANT, HostedAccount.class).setParameter("tenant", tenant)
                .getResultList().stream().map(HostedAccount::toView).toList();
    }

    HostedAccountView toView() {
        return new HostedAccountView(id(), tenant().siren(), login, holderName, createdAt, secretIssuedAt, secretExpiresOn,
                secretCiphertext != null, mustChange, changedAt, resetRequestedAt);
    }
}
