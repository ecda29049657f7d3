package fr.gestan.cloud.compliance.internal.trust;

import fr.gestan.cloud.compliance.internal.documents.DocumentText;
import fr.gestan.cloud.compliance.internal.documents.Names;
import fr.gestan.cloud.compliance.internal.documents.Vendor;
import fr.gestan.cloud.hosting.api.CertificationView;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.compliance.internal.documents.SubProcessorLines;
import fr.gestan.cloud.hosting.api.OperatorView;
import fr.gestan.cloud.hosting.api.SubProcessorRole;
import fr.gestan.cloud.hosting.api.SubProcessorView;
import fr.gestan.cloud.hosting.api.RecoverySettings;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.TransportSecurity.RunningTransport;
import fr.gestan.cloud.hosting.api.Durations;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import java.time.LocalDate;
import java.util.Locale;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The source page "Sécurité/Confidentialité" rebuilt: its structure and statements, with every figure taken from
 * the live data (operators, data centres and certifications, servers, the security policy, the recovery plan).
 */
public final class TrustTexts {

    static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The live data the statement is written from ({@code policy}, {@code policyVersion} may be null). */
    public record Inputs(List<OperatorView> operators, List<DataCentreView> dataCentres, List<ServerView> servers,
                         PolicySettings policy, Integer policyVersion, RecoverySettings recovery, LocalDate today,
                         List<SubProcessorView> subProcessors, RunningTransport transport, RecoveryPlanView worstCase) {

        /** Without the most loaded server's recovery plan (the recovery time is then estimated from the average load). */
        public Inputs(List<OperatorView> operators, List<DataCentreView> dataCentres, List<ServerView> servers,
                      PolicySettings policy, Integer policyVersion, RecoverySettings recovery, LocalDate today,
                      List<SubProcessorView> subProcessors, RunningTransport transport) {
            this(operators, dataCentres, servers, policy, policyVersion, recovery, today, subProcessors, transport, null);
        }

        /** Without the running transport configuration (the transmissions are printed as not reported). */
        public Inputs(List<OperatorView> operators, List<DataCentreView> dataCentres, List<ServerView> servers,
                      PolicySettings policy, Integer policyVersion, RecoverySettings recovery, LocalDate today,
                      List<SubProcessorView> subProcessors) {
            this(operators, dataCentres, servers, policy, policyVersion, recovery, today, subProcessors, null);
        }

        /** Without the list of sub-processors (not printed). */
        public Inputs(List<OperatorView> operators, List<DataCentreView> dataCentres, List<ServerView> servers,
                      PolicySettings policy, Integer policyVersion, RecoverySettings recovery, LocalDate today) {
            this(operators, dataCentres, servers, policy, policyVersion, recovery, today, null);
        }
    }

    private TrustTexts() {
    }

    public static DocumentText of(Inputs in) {
        var b = new DocumentText.Builder("Sécurité & confidentialité de " + Vendor.PRODUCT,
                Vendor.PRODUCT + " security & confidentiality");
        b.section("Un ensemble d'éléments complémentaires", "A set of complementary measures");
        b.text("La sécurité de " + Vendor.PRODUCT + " repose sur la sûreté des infrastructures, la maintenance des serveurs, leur "
                        + "protection contre les actions malveillantes, la sûreté des connexions et des transmissions, et la fiabilité des "
                        + "personnels techniques. Les chiffres de cette page sont lus en direct dans nos données.",
                Vendor.PRODUCT + " security rests on safe infrastructure, server maintenance, protection against malicious attacks, "
                        + "safe connections and transmissions, and trustworthy technical staff. The figures on this page are read live "
                        + "from our data.");

        Map<String, OperatorView> ops = in.operators().stream().collect(Collectors.toMap(OperatorView::legalName, Function.identity(), (a, x) -> a));
        Set<String> production = in.servers().stream().filter(s -> s.role() == ServerRole.PRODUCTION).map(ServerView::dataCentreCode).collect(Collectors.toSet());
        Set<String> backup = in.servers().stream().filter(s -> s.role() == ServerRole.BACKUP).map(ServerView::dataCentreCode).collect(Collectors.toSet());

        b.section("Sûreté des infrastructures", "Safe infrastructure");
        for (OperatorView o : in.operators()) {
            String group = o.parentGroup() == null ? "" : ", " + groupFr(o.parentGroup()) + " (" + country(o.parentGroupCountry(), Locale.FRENCH) + ")";
            String groupEn = o.parentGroup() == null ? "" : ", part of " + o.parentGroup() + " (" + country(o.parentGroupCountry(), Locale.ENGLISH) + ")";
            b.text("Hébergeur : " + nameWithForm(o.legalName(), o.legalForm()) + ", siège social : " + country(o.headOfficeCountry(), Locale.FRENCH)
                            + group + " ; part du capital détenue hors de l'Union européenne : " + share(o.totalNonEuShare()) + ".",
                    "Hosting operator: " + nameWithForm(o.legalName(), o.legalForm()) + ", head office: " + country(o.headOfficeCountry(), Locale.ENGLISH)
                            + groupEn + "; capital held outside the European Union: " + share(o.totalNonEuShare()) + ".");
        }
        for (DataCentreView dc : in.dataCentres().stream().sorted(Comparator.comparing(DataCentreView::code)).toList()) {
            String roleFr = production.contains(dc.code()) ? "serveurs de production" : backup.contains(dc.code()) ? "serveurs de sauvegarde" : "site disponible";
            String roleEn = production.contains(dc.code()) ? "production servers" : backup.contains(dc.code()) ? "backup servers" : "available site";
            String certsFr = dc.certifications().isEmpty() ? "aucune certification enregistrée" : dc.certifications().stream()
                    .map(c -> c.name() + " (" + c.issuer() + ", " + (valid(c, in.today()) ? "valide jusqu'au " : "expirée le ") + c.expiresOn().format(FR) + ")")
                    .collect(Collectors.joining(", "));
            String certsEn = dc.certifications().isEmpty() ? "no certification recorded" : dc.certifications().stream()
                    .map(c -> c.name() + " (" + c.issuer() + ", " + (valid(c, in.today()) ? "valid until " : "expired on ") + c.expiresOn() + ")")
                    .collect(Collectors.joining(", "));
            b.text("Centre de données " + dc.code() + " à " + dc.city() + " (" + dc.countryCode() + "), exploité par " + dc.operatorName()
                            + " : " + roleFr + " ; certifications : " + certsFr + ".",
                    "Data centre " + dc.code() + " in " + dc.city() + " (" + dc.countryCode() + "), run by " + dc.operatorName()
                            + ": " + roleEn + "; certifications: " + certsEn + ".");
        }
        b.text("L'hébergeur garantit la protection anti-intrusion et anti-incendie, le contrôle d'accès et l'habilitation de ses personnels.",
                "The operator ensures intrusion and fire protection, access control and clearance of its staff.");
        if (in.subProcessors() != null) {
            // the list the processor agreements print and rules R3/R4 check
            SubProcessorLines.section(b, in.subProcessors());
        }

        List<ServerView> prod = in.servers().stream().filter(s -> s.role() == ServerRole.PRODUCTION).toList();
        long tenantsPerServer = prod.isEmpty() ? 0 : Math.round(prod.stream().mapToLong(ServerView::load).average().orElse(0));
        b.section("Maintenance des serveurs", "Server maintenance");
        String profile = prod.stream().collect(Collectors.groupingBy(s -> s.profile() == null ? "" : s.profile(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        b.text(prod.size() + " serveurs de production et " + (in.servers().size() - prod.size()) + " serveurs de sauvegarde ; profil standard : "
                        + profile + ". Chaque serveur de production héberge en moyenne " + tenantsPerServer + " clients.",
                prod.size() + " production servers and " + (in.servers().size() - prod.size()) + " backup servers; standard profile: "
                        + profile + ". Each production server hosts " + tenantsPerServer + " clients on average.");

        PolicySettings p = in.policy();
        b.section("Protection contre les attaques", "Protection against attacks");
        List<SubProcessorView> monitoring = in.subProcessors() == null ? null : in.subProcessors().stream()
                .filter(x -> x.role() == SubProcessorRole.SECURITY_MONITORING).toList();
        if (monitoring == null) {
            b.text("Le monitoring sécurité est assuré par un prestataire spécialisé basé à Lyon, depuis 2016 : virtualisation des machines, "
                            + "réglages du pare-feu et du proxy, protection DDoS.",
                    "Security monitoring is provided by a specialised firm based in Lyon, since 2016: virtual machines, firewall and proxy "
                            + "settings, DDoS mitigation.");
        } else if (monitoring.isEmpty()) {
            b.text("Aucun prestataire de monitoring sécurité n'est en vigueur.", "No security monitoring provider is in effect.");
        }
        // the contractor as the list of sub-processors has it (the same list the agreements print and the rules check)
        for (SubProcessorView m : monitoring == null ? List.<SubProcessorView>of() : monitoring) {
            b.text("Le monitoring sécurité est assuré par " + m.name() + (m.city() == null ? "" : ", basé à " + m.city())
                            + ", depuis le " + m.effectiveFrom().format(FR) + " : " + m.servicesFr() + ".",
                    "Security monitoring is provided by " + m.name() + (m.city() == null ? "" : ", based in " + m.city())
                            + ", since " + m.effectiveFrom() + ": " + m.servicesEn() + ".");
        }
        if (p != null) {
            b.text((p.snapshotBeforeUpdate() ? "Un instantané système est pris avant chaque mise à jour logicielle. " : "")
                            + "Les données sont sauvegardées toutes les " + p.backupEveryHours() + " heures et les sauvegardes conservées "
                            + p.backupRetentionDays() + " jours. Alerte au-delà de " + p.monitorCpuPercent() + " % de processeur, "
                            + p.monitorDiskPercent() + " % de disque et " + p.monitorMemoryPercent() + " % de mémoire.",
                    (p.snapshotBeforeUpdate() ? "A system snapshot is taken before every software update. " : "")
                            + "Data are backed up every " + p.backupEveryHours() + " hours and backups kept " + p.backupRetentionDays()
                            + " days. Alerts above " + p.monitorCpuPercent() + "% CPU, " + p.monitorDiskPercent() + "% disk and "
                            + p.monitorMemoryPercent() + "% memory.");
            b.text("Une attaque DDoS est atténuée en " + p.ddosMitigationHours() + " heures au plus.",
                    "A DDoS attack is mitigated within " + p.ddosMitigationHours() + " hours.");
            b.section("Protection contre la force brute", "Brute-force protection");
            b.text("Chaque compte est verrouillé après " + p.bruteForceFailureFactor() + " échecs de connexion"
                            + (p.bruteForcePermanentLockout() ? ", définitivement." : ", de plus en plus longtemps (jusqu'à "
                            + minutes(p.bruteForceMaxWaitSeconds()) + " minutes)."),
                    "Each account is locked after " + p.bruteForceFailureFactor() + " failed sign-ins"
                            + (p.bruteForcePermanentLockout() ? ", permanently." : ", for longer and longer (up to "
                            + minutes(p.bruteForceMaxWaitSeconds()) + " minutes)."));
        }
        transmissions(b, in.transport());
        b.section("Procédures internes de sûreté", "Internal safety procedures");
        b.text("Seuls les personnels du support technique Cloud peuvent connaître vos identifiants ; tous ont signé un engagement de "
                        + "confidentialité. Tous les accès aux serveurs sont enregistrés dans un journal vérifiable.",
                "Only cloud support staff may know your credentials; all of them signed a confidentiality agreement. Every access to "
                        + "the servers is recorded in a verifiable journal.");
        if (p != null) {
            b.text("Les identifiants sont générés aléatoirement : au moins " + p.credentialMinLength() + " caractères de "
                            + p.credentialMinClasses() + " classes différentes ; les sessions inactives sont fermées après "
                            + p.sessionTimeoutMinutes() + " minutes, et toute session après " + p.sessionMaxHours() + " heures. "
                            + passwordsFr(p) + " Politique de sécurité en vigueur : version " + in.policyVersion() + ".",
                    "Credentials are generated at random: at least " + p.credentialMinLength() + " characters from "
                            + p.credentialMinClasses() + " classes; idle sessions are closed after " + p.sessionTimeoutMinutes()
                            + " minutes, and every session after " + p.sessionMaxHours() + " hours. " + passwordsEn(p)
                            + " Security policy in force: version " + in.policyVersion() + ".");
        }
        RecoverySettings r = in.recovery();
        RecoveryPlanView worst = in.worstCase();
        if (r != null) {
            b.section("Plan de reprise d'activité (PRA)", "Disaster recovery plan");
            String restoreFr;
            String restoreEn;
            if (worst != null) {
                // the staff recovery plan's own figure for the most loaded server: printed = planned
                int clients = worst.tenants().size();
                restoreFr = " ; pour notre serveur le plus chargé (" + clients + " client" + (clients > 1 ? "s" : "") + "), la reprise complète est "
                        + "planifiée en " + Durations.hm(worst.totalMinutes()) + ".";
                restoreEn = "; for our most loaded server (" + clients + " client" + (clients > 1 ? "s" : "") + "), full recovery is planned in "
                        + Durations.hm(worst.totalMinutes()) + ".";
            } else {
                long total = r.newServerMinutes() + r.remountMinutes() + (long) r.perTenantMinutes() * tenantsPerServer;
                restoreFr = ", soit environ " + Durations.hm((int) total) + " pour " + tenantsPerServer + " clients.";
                restoreEn = ", i.e. about " + Durations.hm((int) total) + " for " + tenantsPerServer + " clients.";
            }
            b.text("En cas de sinistre sur le centre de production : ouverture d'un nouveau serveur sur un autre site : environ "
                            + r.newServerMinutes() + " minutes ; remontage de la machine virtuelle : environ " + r.remountMinutes()
                            + " minutes ; remontage des données : environ " + r.perTenantMinutes() + " minutes par client" + restoreFr,
                    "After a disaster at the production site: opening a new server at another site: about " + r.newServerMinutes()
                            + " minutes; remounting the virtual machine: about " + r.remountMinutes() + " minutes; restoring data: about "
                            + r.perTenantMinutes() + " minutes per client" + restoreEn);
        }
        b.text("Vos données restent à tout moment à votre disposition : vous pouvez les exporter en archive ZIP depuis votre espace client.",
                "Your data are always at your disposal: you can export them as a ZIP archive from your portal.");

        b.section("Contexte légal", "Legal context");
        boolean allEu = in.dataCentres().stream().allMatch(dc -> fr.gestan.cloud.compliance.internal.rules.Countries.inEu(dc.countryCode()));
        String countries = in.dataCentres().stream().map(DataCentreView::countryCode).distinct().sorted()
                .map(c -> Names.country(c, Locale.FRENCH)).collect(Collectors.joining(", "));
        String countriesEn = in.dataCentres().stream().map(DataCentreView::countryCode).distinct().sorted()
                .map(c -> Names.country(c, Locale.ENGLISH)).collect(Collectors.joining(", "));
        b.text(Vendor.PRODUCT + " est développé par " + Vendor.NAME + ", " + Vendor.FORM_FR + " ; les serveurs sont situés dans : " + countries
                        + (allEu ? " (Union européenne)." : "."),
                Vendor.PRODUCT + " is developed by " + Vendor.NAME + ", " + Vendor.FORM_EN + "; the servers are located in: " + countriesEn
                        + (allEu ? " (European Union)." : "."));
        b.text("Le dépôt des documents comptables hors de l'Union européenne est interdit ; le stockage des factures électroniques hors "
                        + "de France doit être déclaré (LPF art. L102 C) ; les données personnelles sont traitées conformément à la loi "
                        + "« Informatique et Libertés » n° 78-17 du 6 janvier 1978 et au RGPD (contrat de sous-traitance art. 28, registre art. 30).",
                "Accounting documents may not be deposited outside the European Union; storing e-invoices outside France must be "
                        + "declared (LPF art. L102 C); personal data are processed under the French Data Protection Act no. 78-17 of "
                        + "6 January 1978 and the GDPR (art. 28 processor agreement, art. 30 record).");
        b.text("Les fournisseurs soumis au droit extraterritorial américain (Patriot Act, CLOUD Act) ne peuvent garantir la confidentialité "
                        + "des données : nos hébergeurs ont leur siège dans l'Union européenne (critère SecNumCloud 3.2 §19.6).",
                "Providers subject to US extraterritorial law (Patriot Act, CLOUD Act) cannot guarantee confidentiality: our operators "
                        + "have their head office in the European Union (SecNumCloud 3.2 §19.6 criterion).");
        return b.build();
    }

    public static String nameWithForm(String name, String form) {
        return Names.withForm(name, form);
    }

    static String groupFr(String group) {
        return Names.groupFr(group);
    }

    static String country(String code, Locale language) {
        return Names.country(code, language);
    }

    private static boolean valid(CertificationView c, LocalDate today) {
        return c.expiresOn() != null && !c.expiresOn().isBefore(today);
    }

    private static String share(java.math.BigDecimal s) {
        return s == null ? "non communiquée / not disclosed" : s.stripTrailingZeros().toPlainString() + " %";
    }

    private static long minutes(int seconds) {
        return Math.max(1, Math.round(seconds / 60.0));
    }

    /** The users' password policy, as pushed to the Keycloak realm ({@link PolicySettings#keycloakPasswordPolicy()}). */
    public static String passwordsFr(PolicySettings p) {
        return "Mots de passe des utilisateurs : au moins " + p.passwordMinLength() + " caractères, dont une minuscule, une majuscule, "
                + "un chiffre et un symbole, différents de l'identifiant" + (p.passwordHistory() > 0
                ? " et des " + p.passwordHistory() + " derniers mots de passe." : ".");
    }

    public static String passwordsEn(PolicySettings p) {
        return "Users' passwords: at least " + p.passwordMinLength() + " characters, with a lower case letter, an upper case letter, "
                + "a digit and a symbol, other than the username" + (p.passwordHistory() > 0
                ? " and the last " + p.passwordHistory() + " passwords." : ".");
    }

    /** The TLS versions the running HTTPS listener accepts, "TLS 1.2, TLS 1.3" ("" when they were not read). */
    public static String versions(RunningTransport t) {
        return t == null ? "" : t.protocols().stream().map(v -> v.replace("TLSv", "TLS ")).collect(Collectors.joining(", "));
    }

    /**
     * The agreements' line on encrypted exchanges (French, English), from the running configuration read at start,
     * the same one this page prints: never fixed text.
     */
    public static String[] exchanges(RunningTransport t) {
        if (t == null) {
            return new String[]{"Chiffrement des échanges : la configuration des transmissions de ce serveur n'a pas été relevée.",
                    "Encrypted exchanges: this server's transport configuration was not read."};
        }
        String versions = t.protocols().isEmpty() ? "" : " (" + versions(t) + ")";
        return t.httpsOnlyRunning()
                ? new String[]{"Chiffrement HTTPS" + versions + " de tous les échanges, relevé sur le serveur en fonctionnement.",
                        "HTTPS" + versions + " encryption of every exchange, read on the running server."}
                : new String[]{"Échanges chiffrés en HTTPS" + versions + " ; ce serveur accepte aussi HTTP sans chiffrement.",
                        "Exchanges encrypted with HTTPS" + versions + "; this server also accepts unencrypted HTTP."};
    }

    /** "TLS required" as it runs (the server's configuration read at start), not as the policy says it should. */
    static void transmissions(DocumentText.Builder b, RunningTransport t) {
        b.section("Sûreté des transmissions", "Safe transmissions");
        if (t == null) {
            b.text("La configuration des transmissions de ce serveur n'a pas été relevée.", "This server's transport configuration was not read.");
            return;
        }
        String versions = t.protocols().isEmpty() ? "" : " (" + versions(t) + ")";
        if (t.httpsOnlyRunning()) {
            b.text("Toutes les communications utilisent HTTPS" + versions + ", le protocole de votre banque : une page demandée en HTTP "
                            + "est redirigée vers HTTPS et l'API refuse HTTP.",
                    "Every exchange uses HTTPS" + versions + ", the protocol your bank uses: a page asked for over HTTP is redirected "
                            + "to HTTPS and the API refuses HTTP.");
        } else {
            b.text("Les communications utilisent HTTPS" + versions + " ; ce serveur accepte aussi HTTP sans chiffrement.",
                    "Exchanges use HTTPS" + versions + "; this server also accepts unencrypted HTTP.");
        }
        if (t.hstsDays() > 0) {
            b.text("Les navigateurs sont tenus de n'utiliser que HTTPS avec nous pendant " + t.hstsDays() + " jours (HSTS).",
                    "Browsers are told to use only HTTPS with us for " + t.hstsDays() + " days (HSTS).");
        }
        b.text("Relevé dans la configuration du serveur en fonctionnement.", "Read from the running server's configuration.");
    }
}
