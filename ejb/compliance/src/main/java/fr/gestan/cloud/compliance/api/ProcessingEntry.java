package fr.gestan.cloud.compliance.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One processing activity in the processor's record (GDPR art. 30(2)): what is done for the tenant, about whom,
 * which data, whether it covers the tenant's employees' and customers' data (the compliance rule R3 reads these),
 * transfers outside the EU ("Aucun / None" by default) and a summary of the security measures.
 */
public record ProcessingEntry(
        @NotBlank(message = "{record.processing.required}") @Size(max = 300, message = "{record.text.size}") String processing,
        @NotBlank(message = "{record.subjects.required}") @Size(max = 300, message = "{record.text.size}") String dataSubjects,
        @NotBlank(message = "{record.categories.required}") @Size(max = 500, message = "{record.text.size}") String dataCategories,
        boolean coversEmployees,
        boolean coversCustomers,
        @Size(max = 300, message = "{record.text.size}") String transfersOutsideEu,
        @NotBlank(message = "{record.security.required}") @Size(max = 1000, message = "{record.text.size}") String securityMeasures) implements java.io.Serializable {

    public static final String NO_TRANSFER = "Aucun / None";
}
