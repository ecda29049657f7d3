package fr.gestan.cloud.hosting.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/** Hosting contracts: placement, lifecycle (draft, active, terminated) and moves between servers. */
public interface HostingContracts {

    /** The least-loaded production server that has room. Staff. */
    ServerView proposePlacement() throws HostingRefusedException;

    /** Creates a draft contract. Support and admins. */
    ContractView create(@NotNull(message = "{contract.required}") @Valid NewContract contract) throws HostingRefusedException;

    /** Draft to active. Support and admins. */
    ContractView activate(long contractId) throws HostingRefusedException;

    /** Active (or draft) to terminated, with the reason kept in the history. Support and admins. */
    ContractView terminate(long contractId,
                           @NotBlank(message = "{contract.reason.required}") @Size(max = 400, message = "{contract.reason.size}") String reason)
            throws HostingRefusedException;

    /** Moves the tenant to another production server with room, recording date and reason. Support and admins. */
    ContractView move(long contractId, long targetServerId,
                      @NotBlank(message = "{contract.reason.required}") @Size(max = 400, message = "{contract.reason.size}") String reason)
            throws HostingRefusedException;

    /** One page of contracts, newest first, optionally of one tenant. Staff. */
    List<ContractView> list(String tenantSiren, @Min(value = 0, message = "{page.first.invalid}") int first,
                            @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    long count(String tenantSiren);

    /** Which of these tenants hold a contract not terminated (active or draft): one query. Staff. */
    Set<String> tenantsWithContract(@NotNull @Size(max = 500, message = "{page.size.invalid}") List<String> tenantSirens);

    /**
     * The contracts not terminated (active or draft) of these tenants, newest first, in one query (the certificate
     * batch reads a page of tenants at once). At most 500 tenants. Staff and auditors.
     */
    List<ContractView> liveOf(@NotNull @Size(max = 500, message = "{page.size.invalid}") List<String> tenantSirens);

    /** One contract by its number, empty when there is none (the back-office search). Staff and auditors. */
    java.util.Optional<ContractView> find(long contractId);

    /** The history of one contract, oldest first. Staff. */
    List<ContractEventView> history(long contractId) throws HostingRefusedException;

    /** The signed-in client's own contracts. Clients only. */
    List<ContractView> myContracts();
}
