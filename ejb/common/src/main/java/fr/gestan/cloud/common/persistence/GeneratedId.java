package fr.gestan.cloud.common.persistence;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * An entity keyed by the database: a {@code bigint} identity column named {@code id}, the same in every module's
 * tables. Mapped once here instead of in each entity; the column and the strategy are unchanged
 * ({@code EntityMappingIT} checks them against the migrated schema).
 */
@MappedSuperclass
public abstract class GeneratedId {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null until persisted. */
    public Long id() {
        return id;
    }
}
