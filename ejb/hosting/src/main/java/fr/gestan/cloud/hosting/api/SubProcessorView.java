package fr.gestan.cloud.hosting.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A sub-processor (GDPR art. 28(2)): who it is (head office country, parent group and the capital held outside the
 * EU, in percent, {@code null} when unknown), what it does ({@code servicesFr}/{@code servicesEn}), on which data
 * centres ({@code dataCentres}: codes; empty: every server, not one site), and the days between which it processes
 * the clients' data ({@code effectiveUntil} {@code null}: no end set). For a hosting operator, country, capital and
 * data centres are the operator's, read live ({@code operatorId}).
 */
public record SubProcessorView(long id, String name, String legalForm, SubProcessorRole role, String country, String city,
                               String parentGroup, String parentGroupCountry, BigDecimal largestNonEuShare,
                               BigDecimal totalNonEuShare, String servicesFr, String servicesEn, List<String> dataCentres,
                               Long operatorId, LocalDate effectiveFrom, LocalDate effectiveUntil) implements java.io.Serializable {

    public SubProcessorView {
        dataCentres = dataCentres == null ? List.of() : List.copyOf(dataCentres);
    }

    /** In effect on that day. */
    public boolean inEffectOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveUntil == null || !effectiveUntil.isBefore(day));
    }

    /** Processes the data of servers in that data centre: an operator, those of its own; the others, every server. */
    public boolean serves(String dataCentre) {
        return role == SubProcessorRole.HOSTING_OPERATOR ? dataCentres.contains(dataCentre) : dataCentres.isEmpty() || dataCentres.contains(dataCentre);
    }
}
