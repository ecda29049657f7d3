package fr.gestan.cloud.compliance.internal.rules;

import fr.gestan.cloud.tenants.api.HostedDataKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The inputs of the rules for one tenant, read from the other modules' public APIs. A {@code null} input means
 * it is not available through an API (yet): the rules then report {@code EVIDENCE_MISSING}.
 */
public record TenantFacts(String siren, String legalName, LocalDate evaluatedOn, Set<HostedDataKind> dataKinds,
                          List<ContractFacts> contracts, Integer backupRetentionDays, List<StaffFacts> staff) {

    public TenantFacts {
        dataKinds = dataKinds == null ? Set.of() : Set.copyOf(dataKinds);
        contracts = contracts == null ? List.of() : List.copyOf(contracts);
    }

    public boolean holds(HostedDataKind kind) {
        return dataKinds.contains(kind);
    }

    public boolean holdsPersonalData() {
        return holds(HostedDataKind.PERSONAL_DATA_CUSTOMERS) || holds(HostedDataKind.PERSONAL_DATA_EMPLOYEES);
    }

    /**
     * One contract: its production and backup sites, and the evidence kept for it. {@code processorAgreementOutdated}:
     * an acceptance exists, but of an older version of the agreement (the live content changed since).
     */
    public record ContractFacts(long id, Site production, Site backup, Boolean processorAgreementSigned,
                                Boolean processingRecorded, List<Control> controls, boolean processorAgreementOutdated,
                                List<SubProcessor> subProcessors) {

        /** {@code subProcessors}: those in effect that serve the contract's sites ({@code null}: unknown). */
        public ContractFacts {
            subProcessors = subProcessors == null ? null : List.copyOf(subProcessors);
        }

        /** The sites' operators as the only sub-processors (as before the list existed). */
        public ContractFacts(long id, Site production, Site backup, Boolean processorAgreementSigned,
                             Boolean processingRecorded, List<Control> controls, boolean processorAgreementOutdated) {
            this(id, production, backup, processorAgreementSigned, processingRecorded, controls, processorAgreementOutdated,
                    java.util.stream.Stream.of(production, backup).filter(s -> s != null && s.operator() != null)
                            .map(s -> new SubProcessor(SubProcessor.HOSTING_OPERATOR, s.operator())).distinct().toList());
        }

        public ContractFacts(long id, Site production, Site backup, Boolean processorAgreementSigned,
                             Boolean processingRecorded, List<Control> controls) {
            this(id, production, backup, processorAgreementSigned, processingRecorded, controls, false);
        }

        public List<Site> sites() {
            return java.util.stream.Stream.of(production, backup).filter(java.util.Objects::nonNull).toList();
        }
    }

    /** A server in a data centre run by an operator. */
    public record Site(String server, String dataCentre, String country, Operator operator,
                       List<Certification> certifications) {
        public String label() {
            return server + "@" + dataCentre + " (" + country + ")";
        }
    }

    /** The operator of a data centre and its capital (shares in percent, {@code null} when unknown). */
    public record Operator(String legalName, String headOfficeCountry, String parentGroupCountry,
                           BigDecimal largestNonEuShare, BigDecimal totalNonEuShare) {
    }

    /**
     * A sub-processor in effect (hosting's {@code SubProcessors}): its role ({@code HOSTING_OPERATOR},
     * {@code SECURITY_MONITORING}, ...) and who it is, capital included, in the operators' shape.
     */
    public record SubProcessor(String role, Operator identity) {

        public static final String HOSTING_OPERATOR = "HOSTING_OPERATOR";

        public boolean operator() {
            return HOSTING_OPERATOR.equals(role);
        }
    }

    public record Certification(String name, LocalDate expiresOn) {
    }

    /** A server control's status from the security module (BACKUP, UPDATE_SNAPSHOT), OK, ATTENTION, FAILING or NO_EVIDENCE. */
    public record Control(String server, String control, String status, String reason, String source) {

        /** {@code source}: {@code REPORTED} (by the machines), {@code DECLARED} (by staff only), or unknown. */
        public Control(String server, String control, String status, String reason) {
            this(server, control, status, reason, null);
        }

        public boolean declared() {
            return "DECLARED".equals(source);
        }
    }

    /** A staff member: whether the role can reveal credentials, and whether a confidentiality agreement is valid. */
    public record StaffFacts(String username, boolean mayRevealCredentials, boolean agreementValid) {
    }
}
