package fr.gestan.cloud.tenants.api;

/** The kinds of data a tenant hosts with the offer; the compliance rules read them. */
public enum HostedDataKind {
    /** Accounting documents: may not leave the European Union. */
    ACCOUNTING_DOCUMENTS,
    /** Electronic invoices: kept 6 years; declared if stored outside France (LPF art. L102 B and L102 C). */
    E_INVOICES,
    /** Personal data of the tenant's employees (GDPR). */
    PERSONAL_DATA_EMPLOYEES,
    /** Personal data of the tenant's customers (GDPR). */
    PERSONAL_DATA_CUSTOMERS
}
