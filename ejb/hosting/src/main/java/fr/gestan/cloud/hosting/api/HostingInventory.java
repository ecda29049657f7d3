package fr.gestan.cloud.hosting.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Hosting operators, their data centres (with certifications) and the servers the offer runs on. */
public interface HostingInventory {

    /** Adds a data centre. Administrators only. */
    DataCentreView addDataCentre(@NotNull(message = "{datacentre.required}") @Valid NewDataCentre dataCentre);

    /** Every data centre with its certifications, ordered by code, as stored now. Any signed-in user. */
    List<DataCentreView> dataCentres();

    /**
     * {@link #dataCentres()} as kept up to 5 s on this node (void at once at this node's writes to them), for the staff
     * screens that show them at each view (the back office's dashboard): never for an evaluation, whose facts are read
     * as stored (docs/performance.md 4.51). Staff.
     */
    List<DataCentreView> keptDataCentres();

    /** Adds a certification to a data centre. Administrators only. */
    DataCentreView addCertification(@NotBlank(message = "{datacentre.code.required}") String dataCentreCode,
                                    @NotBlank(message = "{certification.name.required}") @Size(max = 120, message = "{certification.size}") String name,
                                    @NotBlank(message = "{certification.issuer.required}") @Size(max = 120, message = "{certification.size}") String issuer,
                                    @NotNull(message = "{certification.expiry.required}") LocalDate expiresOn) throws HostingRefusedException;

    /** Adds a hosting operator. Administrators only. */
    OperatorView addOperator(@NotNull(message = "{operator.required}") @Valid NewOperator operator) throws HostingRefusedException;

    /**
     * Records that a hosting operator's controlling owner changes from {@code change.effectiveOn()} (the R4 case of
     * GDPR art. 28(2), docs/notifications.md): stored with its history, read from that day by everything that reads
     * the operator (rule R4, /trust, the processor agreement), and told as a sub-processor change to every client
     * hosted in the operator's data centres, with the policy's objection period ({@link SubProcessorChanges}).
     * Refused ({@link HostingRefusedException}): an unknown operator ({@code NOT_FOUND}), a largest share above the
     * total ({@code INVALID_SHARES}). Administrators only; journaled ({@code OPERATOR_OWNERSHIP_CHANGED}).
     */
    OperatorView changeOwnership(long operatorId, @NotNull(message = "{operator.required}") @Valid NewOwnership change)
            throws HostingRefusedException;

    /** Every hosting operator, by legal name. Any signed-in user (the compliance rules read them). */
    List<OperatorView> operators();

    /** Adds a server. Administrators only. */
    ServerView addServer(@NotNull(message = "{server.required}") @Valid NewServer server) throws HostingRefusedException;

    /** Every server with its load, ordered by name. Staff. */
    List<ServerView> servers();

    /**
     * {@code size} servers of {@link #servers()} from the {@code first} (0 the first), with their loads, in the same
     * order, with how many servers there are and the degraded ones (those of {@code Monitoring.alerts()}): the back
     * office's inventory, paged in the database in one statement whatever the servers. Staff.
     */
    ServerPage serverPage(@Min(value = 0, message = "{page.first.invalid}") int first,
                          @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int size);

    /**
     * What the back office's inventory opens with, in one call and so in one transaction: {@link #operators()},
     * {@link #dataCentres()} and {@link #serverPage serverPage(first, size)}, as those calls return them (three calls
     * were three transactions, each with its pooled connection's check and its commit: docs/performance.md, "staff pages (pages9s)").
     * The operators and the data centres, the same for every caller, are kept 5 s on each node and void at once at that
     * node's writes to them (one statement a view: docs/performance.md, "hosting pages (pages11h)"). Staff.
     */
    InventoryPage inventoryPage(@Min(value = 0, message = "{page.first.invalid}") int first,
                                @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int size);

    /** One server. Staff. */
    ServerView server(long serverId) throws HostingRefusedException;

    /**
     * Issues a new monitoring token for a server and returns it once; only its hash is stored. Administrators only.
     */
    String issueMonitoringToken(long serverId) throws HostingRefusedException;
}
