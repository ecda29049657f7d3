package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.ContractEventView;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a hosting contract's history; never changed once written. */
@Entity
@Table(name = "contract_event")
public class ContractEvent extends GeneratedId {

    @ManyToOne(optional = false)
    private HostingContract contract;
    private Instant occurredAt;
    private String kind;
    private String actor;
    private String detail;

    protected ContractEvent() {
    }

    ContractEvent(HostingContract contract, Instant occurredAt, String kind, String actor, String detail) {
        this.contract = contract;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.actor = Checks.required(actor, "actor");
        this.detail = detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail;
    }

    ContractEventView toView() {
        return new ContractEventView(occurredAt, kind, actor, detail);
    }
}
