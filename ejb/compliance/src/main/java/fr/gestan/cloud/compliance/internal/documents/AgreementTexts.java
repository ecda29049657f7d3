package fr.gestan.cloud.compliance.internal.documents;

import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.compliance.internal.trust.TrustTexts;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.TransportSecurity.RunningTransport;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import fr.gestan.cloud.tenants.api.PostalAddress;
import fr.gestan.cloud.tenants.api.TenantRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The GDPR art. 28 processor agreement of one hosting contract, written from live data (bilingual). */
public final class AgreementTexts {


    /**
     * A sub-processor of the contract: the operator of one of its sites and the data centre itself, or
     * ({@code dataCentre} null, {@code other} set) another sub-processor of the list that serves its servers.
     * {@code since}: the day it became a sub-processor (null: not known).
     */
    public record SubProcessor(String roleFr, String roleEn, String operator, String operatorForm, String parentGroup,
                               String headOfficeCountry, String dataCentre, String city, String country, LocalDate since,
                               String[] other) {

        public SubProcessor(String roleFr, String roleEn, String operator, String operatorForm, String parentGroup,
                            String headOfficeCountry, String dataCentre, String city, String country) {
            this(roleFr, roleEn, operator, operatorForm, parentGroup, headOfficeCountry, dataCentre, city, country, null, null);
        }

        /** Another sub-processor, printed as on /trust. */
        public static SubProcessor of(fr.gestan.cloud.hosting.api.SubProcessorView s) {
            return new SubProcessor(null, null, s.name(), s.legalForm(), s.parentGroup(), s.country(), null, s.city(), null,
                    s.effectiveFrom(), SubProcessorLines.line(s));
        }
    }

    /**
     * Everything the agreement is written from. {@code policy} may be null (no policy recorded); {@code transport}:
     * the running configuration read at start, which the encryption line states ({@code null}: not read).
     */
    public record Inputs(TenantRecord tenant, ContractView contract, List<SubProcessor> subProcessors,
                         PolicySettings policy, int retentionDays, RunningTransport transport) {

        public Inputs(TenantRecord tenant, ContractView contract, List<SubProcessor> subProcessors, PolicySettings policy, int retentionDays) {
            this(tenant, contract, subProcessors, policy, retentionDays, null);
        }
    }

    private AgreementTexts() {
    }

    public static DocumentText of(Inputs in) {
        TenantRecord t = in.tenant();
        ContractView c = in.contract();
        var b = new DocumentText.Builder(
                "Contrat de sous-traitance de données personnelles (RGPD, article 28)",
                "Data processing agreement (GDPR, Article 28)");

        b.section("Parties", "Parties");
        b.text("Responsable du traitement : " + t.legalName() + ", SIREN " + t.siren() + address(t) + ", ci-après « le client ».",
                "Controller: " + t.legalName() + ", SIREN " + t.siren() + address(t) + " (the client).");
        b.text("Sous-traitant : " + Vendor.NAME + ", " + Vendor.FORM_FR + ", éditeur et exploitant de " + Vendor.PRODUCT + ".",
                "Processor: " + Vendor.NAME + ", " + Vendor.FORM_EN + ", publisher and operator of " + Vendor.PRODUCT + ".");

        b.section("Objet et durée", "Subject matter and duration");
        String end = c.endsOn() == null ? "sans terme fixé" : "jusqu'au " + c.endsOn().format(Shown.DATE);
        String endEn = c.endsOn() == null ? "with no fixed end" : "until " + c.endsOn();
        b.text("Hébergement de l'application Gestan (offre « " + c.offer() + " ») au titre du contrat d'hébergement n° " + c.id()
                        + ", du " + c.startsOn().format(Shown.DATE) + " " + end + (c.autoRenew() ? ", renouvelable tacitement" : "")
                        + ". Le présent contrat suit la durée du contrat d'hébergement.",
                "Hosting of the Gestan application (offer \"" + c.offer() + "\") under hosting contract no. " + c.id()
                        + ", from " + c.startsOn() + " " + endEn + (c.autoRenew() ? ", renewed automatically" : "")
                        + ". This agreement lasts as long as the hosting contract.");

        b.section("Nature et finalité du traitement", "Nature and purpose of the processing");
        b.text("Hébergement, sauvegarde, restauration et maintenance technique des données de gestion du client, accessibles "
                        + "par bureau à distance chiffré, sur instruction documentée du client uniquement.",
                "Hosting, backup, restore and technical maintenance of the client's business data, reached through an encrypted "
                        + "remote desktop, on the client's documented instructions only.");

        b.section("Catégories de données et de personnes concernées", "Categories of data and data subjects");
        Set<HostedDataKind> kinds = t.details().dataKinds() == null ? Set.of() : t.details().dataKinds();
        boolean any = false;
        if (kinds.contains(HostedDataKind.PERSONAL_DATA_EMPLOYEES)) {
            any = true;
            b.text("Salariés du client : identité, coordonnées, données de paie et de gestion du personnel.",
                    "The client's employees: identity, contact details, payroll and HR data.");
        }
        if (kinds.contains(HostedDataKind.PERSONAL_DATA_CUSTOMERS)) {
            any = true;
            b.text("Clients et prospects du client : identité, coordonnées, données de commande et de facturation.",
                    "The client's customers and prospects: identity, contact details, order and billing data.");
        }
        if (kinds.contains(HostedDataKind.ACCOUNTING_DOCUMENTS) || kinds.contains(HostedDataKind.E_INVOICES)) {
            b.text("Contacts figurant dans les pièces comptables et les factures : nom, coordonnées professionnelles.",
                    "Contacts named in accounting documents and invoices: name, business contact details.");
            any = true;
        }
        if (!any) {
            b.text("Aucune catégorie de données personnelles n'est déclarée à ce jour.",
                    "No category of personal data is declared to date.");
        }

        b.section("Sous-traitants ultérieurs", "Sub-processors");
        int objectionDays = in.policy() == null ? PolicySettings.DEFAULT_OBJECTION_DAYS : in.policy().objectionDays();
        b.text("Le client autorise les sous-traitants ultérieurs suivants ; tout changement lui est notifié avant de prendre effet et "
                        + "soumis par une nouvelle version du présent contrat ; le client peut s'y opposer pendant " + objectionDays
                        + " jours à compter de la notification (délai fixé par la politique de sécurité en vigueur).",
                "The client authorises the following sub-processors; any change is notified to it before it takes effect and "
                        + "submitted as a new version of this agreement; the client may object to it within " + objectionDays
                        + " days of the notice (the period set by the security policy in effect).");
        for (SubProcessor s : in.subProcessors()) {
            if (s.other() != null) {
                b.text(s.other()[0], s.other()[1]);
                continue;
            }
            String since = s.since() == null ? "" : " ; depuis le " + s.since().format(Shown.DATE);
            String sinceEn = s.since() == null ? "" : "; since " + s.since();
            String group = s.parentGroup() == null ? "" : " (" + s.parentGroup() + ")";
            b.text(s.roleFr() + " : " + s.operator() + (s.operatorForm() == null ? "" : " " + s.operatorForm()) + group
                            + ", siège : " + s.headOfficeCountry() + " ; centre de données " + s.dataCentre() + ", " + s.city() + ", " + s.country() + since + ".",
                    s.roleEn() + ": " + s.operator() + (s.operatorForm() == null ? "" : " " + s.operatorForm()) + group
                            + ", head office: " + s.headOfficeCountry() + "; data centre " + s.dataCentre() + ", " + s.city() + ", " + s.country() + sinceEn + ".");
        }
        b.text("Aucun transfert de données hors de l'Union européenne.", "No transfer of data outside the European Union.");

        b.section("Mesures de sécurité", "Security measures");
        for (String[] m : measures(in.policy(), in.transport())) {
            b.text(m[0], m[1]);
        }

        b.section("Confidentialité du personnel", "Staff confidentiality");
        b.text("Seuls les personnels du support technique Cloud peuvent connaître les identifiants de connexion ; chacun a signé un "
                        + "engagement de confidentialité, sans lequel l'accès aux identifiants est refusé. Tous les accès sont journalisés.",
                "Only cloud support staff may know the sign-in credentials; each has signed a confidentiality agreement, without which "
                        + "access to credentials is refused. Every access is journaled.");

        b.section("Violation de données", "Personal data breach");
        b.text("Le sous-traitant notifie au client toute violation de données personnelles dans les meilleurs délais après en avoir "
                        + "pris connaissance (RGPD art. 33.2), avec les informations utiles à sa propre notification.",
                "The processor notifies the client of any personal data breach without undue delay after becoming aware of it "
                        + "(GDPR Art. 33(2)), with the information the client needs for its own notification.");

        b.section("Fin du contrat : restitution et suppression", "End of the contract: return and deletion");
        b.text("Le client peut à tout moment exporter ses données en archive ZIP depuis son espace client. À la fin du contrat, les "
                        + "données sont conservées " + in.retentionDays() + " jours pour permettre leur restitution, puis supprimées.",
                "The client can export its data as a ZIP archive from its portal at any time. At the end of the contract, the data are "
                        + "kept for " + in.retentionDays() + " days so that they can be returned, then deleted.");

        b.section("Audits", "Audits");
        b.text("Le sous-traitant met à disposition du client les informations nécessaires pour démontrer le respect de ses obligations "
                        + "(journal des accès vérifiable, attestations) et permet la réalisation d'audits (RGPD art. 28.3 h).",
                "The processor makes available to the client the information needed to demonstrate compliance (verifiable access "
                        + "journal, certificates) and allows for audits (GDPR Art. 28(3)(h)).");
        return b.build();
    }

    /**
     * The security measures in force, from the policy's values; the encryption line from the running configuration
     * ({@code transport}, as /trust prints it), not from fixed text.
     */
    static List<String[]> measures(PolicySettings p, RunningTransport transport) {
        List<String[]> list = new ArrayList<>();
        list.add(TrustTexts.exchanges(transport));
        if (p == null) {
            list.add(new String[]{"Politique de sécurité : non renseignée.", "Security policy: not recorded."});
            return list;
        }
        list.add(new String[]{"Protection contre la force brute : verrouillage après " + p.bruteForceFailureFactor() + " échecs de connexion.",
                "Brute-force protection: lockout after " + p.bruteForceFailureFactor() + " failed sign-ins."});
        list.add(new String[]{"Identifiants générés aléatoirement : " + p.credentialMinLength() + " caractères au moins, "
                + p.credentialMinClasses() + " classes de caractères.",
                "Randomly generated credentials: at least " + p.credentialMinLength() + " characters, " + p.credentialMinClasses() + " character classes."});
        list.add(new String[]{"Sessions fermées après " + p.sessionTimeoutMinutes() + " minutes d'inactivité, et après "
                + p.sessionMaxHours() + " heures au plus.",
                "Sessions closed after " + p.sessionTimeoutMinutes() + " minutes of inactivity, and after " + p.sessionMaxHours()
                + " hours at most."});
        list.add(new String[]{TrustTexts.passwordsFr(p), TrustTexts.passwordsEn(p)});
        list.add(new String[]{"Sauvegarde toutes les " + p.backupEveryHours() + " heures, conservée " + p.backupRetentionDays() + " jours.",
                "Backup every " + p.backupEveryHours() + " hours, kept " + p.backupRetentionDays() + " days."});
        if (p.snapshotBeforeUpdate()) {
            list.add(new String[]{"Instantané système avant chaque mise à jour logicielle.", "System snapshot before every software update."});
        }
        list.add(new String[]{"Surveillance : alerte au-delà de " + p.monitorCpuPercent() + " % de processeur, " + p.monitorDiskPercent() + " % de disque et "
                + p.monitorMemoryPercent() + " % de mémoire.",
                "Monitoring: alert above " + p.monitorCpuPercent() + "% CPU, " + p.monitorDiskPercent() + "% disk and "
                + p.monitorMemoryPercent() + "% memory."});
        list.add(new String[]{"Attaques DDoS atténuées en " + p.ddosMitigationHours() + " heures au plus.",
                "DDoS attacks mitigated within " + p.ddosMitigationHours() + " hours."});
        return list;
    }

    private static String address(TenantRecord t) {
        PostalAddress a = t.details().address();
        return a == null ? "" : ", " + a.line1() + ", " + a.postalCode() + " " + a.city();
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.format(Shown.DATE);
    }
}
